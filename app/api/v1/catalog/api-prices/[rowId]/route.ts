// PATCH  /api/v1/catalog/api-prices/[rowId] – change a row of a draft (published: 409)
// DELETE /api/v1/catalog/api-prices/[rowId] – retire a row from a draft
import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";
import { retireRow, updateApiPrice } from "@/lib/data/catalog";

type Ctx = { params: Promise<{ rowId: string }> };

export const PATCH = handle(async (req: Request, { params }: Ctx) => {
  assertSameOrigin(req);
  const user = await requireUser(req);
  return json(await updateApiPrice(user.id, (await params).rowId, await readJson(req)));
});

export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  assertSameOrigin(req, { json: false });
  const user = await requireUser(req);
  await retireRow(user.id, "api", (await params).rowId);
  return json({ ok: true });
});

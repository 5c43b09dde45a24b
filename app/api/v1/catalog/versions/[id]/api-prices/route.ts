// POST /api/v1/catalog/versions/[id]/api-prices – add an API price row to a draft
import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";
import { addApiPrice } from "@/lib/data/catalog";

export const POST = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  assertSameOrigin(req);
  const user = await requireUser(req);
  return json(await addApiPrice(user.id, (await params).id, await readJson(req)), 201);
});

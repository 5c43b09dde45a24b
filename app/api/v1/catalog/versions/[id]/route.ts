// GET    /api/v1/catalog/versions/[id] – every row of a version (drafts: administrators only)
// DELETE /api/v1/catalog/versions/[id] – discard a draft (administrators; published versions: 409)
import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json } from "@/lib/http";
import { deleteDraft, getCatalogVersion } from "@/lib/data/catalog";

type Ctx = { params: Promise<{ id: string }> };

export const GET = handle(async (req: Request, { params }: Ctx) => {
  const user = await requireUser(req);
  return json(await getCatalogVersion(user.id, (await params).id));
});

export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  assertSameOrigin(req, { json: false });
  const user = await requireUser(req);
  await deleteDraft(user.id, (await params).id);
  return json({ ok: true });
});

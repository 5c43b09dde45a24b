// GET  /api/v1/catalog/versions – published versions (and drafts, for administrators)
// POST /api/v1/catalog/versions – create a draft copied from the newest published version (administrators)
import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";
import { createDraft, listCatalogVersions } from "@/lib/data/catalog";

export const GET = handle(async (req: Request) => {
  const user = await requireUser(req);
  return json(await listCatalogVersions(user.id));
});

export const POST = handle(async (req: Request) => {
  assertSameOrigin(req);
  const user = await requireUser(req);
  return json(await createDraft(user.id, await readJson(req)), 201);
});

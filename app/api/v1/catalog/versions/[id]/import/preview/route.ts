// POST /api/v1/catalog/versions/[id]/import/preview – what a price file would change in a draft (writes nothing)
import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";
import { previewImport } from "@/lib/data/catalog-imports";

export const POST = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  assertSameOrigin(req);
  const user = await requireUser(req);
  return json(await previewImport(user.id, (await params).id, await readJson(req)));
});

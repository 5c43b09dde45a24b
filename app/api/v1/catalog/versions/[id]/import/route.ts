// POST /api/v1/catalog/versions/[id]/import – apply a price file to a draft: all rows or none
import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";
import { applyImport } from "@/lib/data/catalog-imports";

export const POST = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  assertSameOrigin(req);
  const user = await requireUser(req);
  return json(await applyImport(user.id, (await params).id, await readJson(req)));
});

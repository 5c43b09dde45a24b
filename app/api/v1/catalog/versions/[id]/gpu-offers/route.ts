// POST /api/v1/catalog/versions/[id]/gpu-offers – add a GPU offer to a draft
import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";
import { addGpuOffer } from "@/lib/data/catalog";

export const POST = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  assertSameOrigin(req);
  const user = await requireUser(req);
  return json(await addGpuOffer(user.id, (await params).id, await readJson(req)), 201);
});

// PUT /api/v1/teams/[team]/reprice-threshold – owners set the % and/or $ change below which no "prices changed" mark is shown
import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";
import { setRepriceThreshold } from "@/lib/data/catalog";

export const PUT = handle(async (req: Request, { params }: { params: Promise<{ team: string }> }) => {
  assertSameOrigin(req);
  const user = await requireUser(req);
  return json(await setRepriceThreshold(user.id, (await params).team, await readJson(req)));
});

// PATCH  /api/v1/teams/[team]/members/[userId] – change a member's role, or suspend/restore their access (owners)
// DELETE /api/v1/teams/[team]/members/[userId] – remove a member (owners), or leave (yourself)
import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";
import { updateMember, removeMember } from "@/lib/data/members";

type Ctx = { params: Promise<{ team: string; userId: string }> };

export const PATCH = handle(async (req: Request, { params }: Ctx) => {
  assertSameOrigin(req);
  const user = await requireUser(req);
  const { team, userId } = await params;
  return json(await updateMember(user.id, team, userId, await readJson(req)));
});

export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  assertSameOrigin(req, { json: false });
  const user = await requireUser(req);
  const { team, userId } = await params;
  await removeMember(user.id, team, userId);
  return json({ ok: true });
});

// GET  /api/v1/teams/[team]/invitations – owners list the pending invitations
// POST /api/v1/teams/[team]/invitations – owners create a single-use invitation link, emailed to the invitee
import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";
import { createInvitation, listInvitations } from "@/lib/data/members";

export const POST = handle(async (req: Request, { params }: { params: Promise<{ team: string }> }) => {
  assertSameOrigin(req);
  const user = await requireUser(req);
  return json(await createInvitation(user.id, (await params).team, await readJson(req)), 201);
});

export const GET = handle(async (req: Request, { params }: { params: Promise<{ team: string }> }) => {
  const user = await requireUser(req);
  return json(await listInvitations(user.id, (await params).team));
});

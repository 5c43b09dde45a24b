import type { Metadata } from "next";
import { PageHeader } from "@/app/components/page-header";
import { requireTeamPage } from "@/lib/auth/team-page";
import { can } from "@/lib/auth/authorize";
import { listInvitations, listMembers } from "@/lib/data/members";
import { listAuditEvents } from "@/lib/data/audit";
import { formatDateTime } from "@/lib/format/numbers";
import { MembersPanel } from "./members-panel";
import { CreateTeam } from "./create-team";
import { RepriceThreshold } from "./reprice-threshold";
import { ApiTokens } from "./api-tokens";
import { AccountPanel } from "./account-panel";
import { listApiTokens } from "@/lib/data/tokens";
import { getRepriceThreshold } from "@/lib/data/catalog-marks";
import { hasPassword } from "@/lib/data/users";
import { getMyNotificationPrefs, getWebhook } from "@/lib/data/notifications";
import { NotificationsPanel } from "./notifications-panel";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Team settings" };

export default async function TeamSettings({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { user, team } = await requireTeamPage(slug, `/t/${slug}/settings`);
  const members = (await listMembers(user.id, slug)).map((m) => ({
    userId: m.user.id,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    suspended: m.disabledAt !== null,
  }));
  const isOwner = can(team.role, "member:manage");
  const invitations = isOwner
    ? (await listInvitations(user.id, slug)).map((i) => ({
        id: i.id,
        email: i.email,
        role: i.role,
        anyoneWithLink: i.anyoneWithLink,
        expiresAt: i.expiresAt.toISOString(),
        inviter: i.invitedBy?.name ?? "—",
      }))
    : [];
  const threshold = await getRepriceThreshold(user.id, slug);
  const tokens = isOwner ? JSON.parse(JSON.stringify(await listApiTokens(user.id, slug))) : null;
  const audit = can(team.role, "audit:read") ? await listAuditEvents(user.id, slug, 100) : null;
  const prefs = await getMyNotificationPrefs(user.id, slug);
  const webhook = can(team.role, "team:settings") ? await getWebhook(user.id, slug) : null;
  return (
    <div className="space-y-6">
      <PageHeader backHref={`/t/${team.slug}`} backLabel={team.name} title="Team settings" />
      <MembersPanel teamSlug={team.slug} members={members} me={user.id} isOwner={isOwner} invitations={invitations} />
      <RepriceThreshold teamSlug={team.slug} percent={threshold.percent} usd={threshold.usd} isOwner={isOwner} />
      <NotificationsPanel teamSlug={team.slug} prefs={prefs} webhook={webhook} />
      {tokens ? <ApiTokens teamSlug={team.slug} initial={tokens} /> : null}
      <CreateTeam />
      <AccountPanel hasPassword={await hasPassword(user.id)} email={user.email} emailVerified={Boolean(user.emailVerifiedAt)} />
      {audit ? (
        <section className="rounded-lg border border-gray-200 bg-white p-4" data-testid="audit-log">
          <h2 className="mb-2 text-sm font-semibold">Audit log</h2>
          <ul className="divide-y divide-gray-100 text-sm">
            {audit.map((e) => (
              <li key={e.id} className="flex flex-wrap justify-between gap-2 py-1.5">
                <span>
                  <span className="font-medium">{e.actor?.name ?? "Someone"}</span> {e.action.replace(/[._]/g, " ")}{" "}
                  <span className="text-gray-500">{e.targetLabel}</span>
                </span>
                <span className="text-xs text-gray-500">{formatDateTime(e.createdAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

import type { Metadata } from "next";
import { requireUserPage } from "@/lib/auth/session";
import { AuthCard } from "@/app/components/auth-card";
import { getInvitation } from "@/lib/data/members";
import { AcceptInvitation } from "./accept-invitation";
import { SwitchAccount } from "./switch-account";
import { SendVerification } from "@/app/components/send-verification";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invitation" };

const STATE_TEXT = {
  revoked: "This invitation was withdrawn. Ask the team's owner for a new link.",
  used: "This invitation has already been used.",
  expired: "This invitation has expired. Ask the team's owner for a new link.",
} as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Signed out: sign in or sign up first, then back here (the link is kept through both).
  const user = await requireUserPage(`/invite/${token}`);
  const inv = await getInvitation(user.id, token);
  return (
    <AuthCard title="Join a team" footer={<>Signed in as {user.email}</>}>
      {!inv ? (
        <p className="text-sm text-gray-700">This invitation link is not valid.</p>
      ) : (
        <div className="space-y-3 text-sm text-gray-700" data-testid="invitation">
          <p>
            {inv.inviter} invited {inv.state === "other-email" ? <strong>{inv.email}</strong> : "you"} to join <strong>{inv.team}</strong>{" "}
            as <strong>{inv.role}</strong>.
          </p>
          {inv.state === "open" ? <AcceptInvitation token={token} /> : null}
          {inv.state === "other-email" ? <SwitchAccount token={token} email={inv.email} /> : null}
          {inv.state === "unverified" ? (
            <div className="space-y-2" data-testid="confirm-address">
              <p>
                This invitation is for {inv.email} only. Confirm that the address is yours first: open the link we emailed to it when you
                signed up, then reload this page.
              </p>
              <SendVerification label="Send the confirmation link again" next={`/invite/${token}`} />
            </div>
          ) : null}
          {inv.state === "revoked" || inv.state === "used" || inv.state === "expired" ? <p role="alert">{STATE_TEXT[inv.state]}</p> : null}
        </div>
      )}
    </AuthCard>
  );
}

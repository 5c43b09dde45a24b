import type { Metadata } from "next";
import { requireUserPage } from "@/lib/auth/session";
import { AuthCard } from "@/app/components/auth-card";
import { AcceptInvitation } from "./accept-invitation";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await requireUserPage(`/invite/${token}`);
  return (
    <AuthCard title="Join a team" footer={<>Signed in as {user.email}</>}>
      <AcceptInvitation token={token} />
    </AuthCard>
  );
}

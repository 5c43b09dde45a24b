import Link from "next/link";
import type { Metadata } from "next";
import { AuthCard } from "./components/auth-card";

export const metadata: Metadata = { title: "Not found" };

// Teams, scenarios and links that do not exist — or that the signed-in account may not see —
// all answer this page, so it says both and offers the way back.
export default function NotFound() {
  return (
    <AuthCard
      title="Nothing here"
      footer={
        <Link href="/" className="font-medium text-blue-700 hover:underline">
          Back to your teams
        </Link>
      }
    >
      <p className="text-sm text-gray-700" data-testid="not-found">
        This page does not exist, or it belongs to a team you are not a member of. If someone sent you this link, ask them to invite you to
        their team.
      </p>
    </AuthCard>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "../components/auth-card";
import { TokenForm } from "../components/token-form";
import { safeCallbackPath } from "@/lib/auth/callback";

export const metadata: Metadata = { title: "Confirm your email address" };
export const dynamic = "force-dynamic";

// The link lands here and the person confirms with a click: a mail scanner that merely fetches
// the link confirms nothing.
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string; next?: string }> }) {
  const { token, next } = await searchParams;
  return (
    <AuthCard
      title="Confirm your email address"
      footer={
        <Link href="/" className="font-medium text-blue-700 hover:underline">
          Back to Breakeven
        </Link>
      }
    >
      <TokenForm kind="verify-email" token={token ?? ""} next={safeCallbackPath(next)} />
    </AuthCard>
  );
}

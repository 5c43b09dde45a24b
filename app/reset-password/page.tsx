import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "../components/auth-card";
import { TokenForm } from "../components/token-form";

export const metadata: Metadata = { title: "Choose a new password" };
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <AuthCard
      title="Choose a new password"
      footer={
        <Link href="/forgot-password" className="font-medium text-blue-700 hover:underline">
          Ask for a new link
        </Link>
      }
    >
      <TokenForm kind="reset-password" token={token ?? ""} />
    </AuthCard>
  );
}

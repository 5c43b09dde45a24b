import Link from "next/link";
import { redirect } from "next/navigation";
import type { Metadata } from "next";
import { AuthCard } from "../components/auth-card";
import { SignInForm } from "./sign-in-form";
import { currentUser } from "@/lib/auth/session";
import { authOptions } from "@/lib/auth/options";
import { safeCallbackPath } from "@/lib/auth/callback";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl);
  if (await currentUser()) redirect(callbackPath);
  const oauth = authOptions()
    .providers.filter((p) => p.id !== "credentials")
    .map((p) => ({ id: p.id, name: p.name }));
  return (
    <AuthCard
      intro
      title="Sign in"
      footer={
        <>
          New here?{" "}
          <Link
            href={callbackPath !== "/" ? `/signup?callbackUrl=${encodeURIComponent(callbackPath)}` : "/signup"}
            className="font-medium text-blue-700 hover:underline"
          >
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm callbackPath={callbackPath} oauthProviders={oauth} initialError={params.error} />
    </AuthCard>
  );
}

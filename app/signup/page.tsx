import Link from "next/link";
import { redirect } from "next/navigation";
import type { Metadata } from "next";
import { AuthCard } from "../components/auth-card";
import { SignUpForm } from "./sign-up-form";
import { currentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/callback";

export const metadata: Metadata = { title: "Create an account" };
export const dynamic = "force-dynamic";

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const params = await searchParams;
  // An invitation link followed while signed out comes back here, and continues after sign-up.
  const next = params.callbackUrl ? safeCallbackPath(params.callbackUrl) : null;
  if (await currentUser()) redirect(next ?? "/");
  return (
    <AuthCard
      intro
      title="Create an account"
      footer={
        <>
          Already have an account?{" "}
          <Link
            href={next ? `/signin?callbackUrl=${encodeURIComponent(next)}` : "/signin"}
            className="font-medium text-blue-700 hover:underline"
          >
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm next={next} />
    </AuthCard>
  );
}

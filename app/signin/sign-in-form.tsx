"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { TextField } from "../components/text-field";

const ERRORS: Record<string, string> = {
  CredentialsSignin: "That email and password do not match an account.",
  OAuthNoEmail: "Your identity provider did not share an email address.",
  AccountDisabled: "This account is disabled.",
  OAuthUnverifiedEmail:
    "An account with this address exists, and your identity provider has not verified the address. Sign in with your password, or verify the address at your provider first.",
};

/** next-auth hands on the error as a code; TooManyAttempts carries the seconds to wait. */
function errorText(code: string): string {
  const [name, seconds] = code.split(":");
  if (name === "TooManyAttempts") {
    const wait = Number(seconds) >= 120 ? `${Math.ceil(Number(seconds) / 60)} minutes` : `${Math.max(1, Number(seconds) || 1)} seconds`;
    return `Too many failed sign-ins for this account from here. Wait ${wait}, then try again — or reset your password.`;
  }
  return ERRORS[name] ?? "Sign-in failed. Try again.";
}

export function SignInForm({
  callbackPath,
  oauthProviders,
  initialError,
}: {
  callbackPath: string;
  oauthProviders: { id: string; name: string }[];
  initialError?: string;
}) {
  const [error, setError] = useState<string | null>(initialError ? errorText(initialError) : null);
  const [pending, setPending] = useState(false);
  const router = useRouter();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (!result || result.error) {
      setPending(false);
      setError(errorText(result?.error || "CredentialsSignin"));
      return;
    }
    router.replace(callbackPath);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <TextField name="email" label="Email" type="email" autoComplete="email" />
        <TextField name="password" label="Password" type="password" autoComplete="current-password" />
        <p className="-mt-2 text-right text-sm">
          <Link href="/forgot-password" className="text-blue-700 hover:underline">
            Forgot your password?
          </Link>
        </p>
        {error ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <button type="submit" className="btn-primary w-full" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {oauthProviders.map((p) => (
        <button key={p.id} type="button" className="btn-secondary w-full" onClick={() => signIn(p.id, { callbackUrl: callbackPath })}>
          Continue with {p.name}
        </button>
      ))}
    </div>
  );
}

"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { TextField } from "../components/text-field";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/auth";

type FieldErrors = Record<string, string[]>;

export function SignUpForm({ next }: { next: string | null }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const router = useRouter();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // `next` (an invitation, say) also rides in the confirmation email's link.
    const body = { name: form.get("name"), email: form.get("email"), password: form.get("password"), ...(next ? { next } : {}) };
    setPending(true);
    setErrors({});
    setMessage(null);
    const res = await fetch("/api/signup", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (!res.ok) {
      const problem = await res.json().catch(() => ({}));
      setErrors(problem.fieldErrors ?? {});
      setMessage(problem.message ?? "Sign-up failed. Try again.");
      setPending(false);
      return;
    }
    const created = await res.json();
    const result = await signIn("credentials", { email: body.email, password: body.password, redirect: false });
    if (!result || result.error) {
      setMessage("Your account was created, but signing in failed. Try signing in.");
      setPending(false);
      return;
    }
    router.replace(next ?? `/t/${created.team.slug}`);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <TextField name="name" label="Name" autoComplete="name" errors={errors.name} />
      <TextField name="email" label="Email" type="email" autoComplete="email" errors={errors.email} />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        errors={errors.password}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
      />
      {message ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {message}
        </p>
      ) : null}
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}

"use client";
// The page an emailed link opens: confirming an address, or choosing a new password.
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { api, ApiError } from "@/lib/client/api";
import { TextField } from "./text-field";

type Kind = "verify-email" | "reset-password";

export function TokenForm({ kind, token, next = "/" }: { kind: Kind; token: string; next?: string }) {
  const submit = useMutation({
    mutationFn: (newPassword: string) =>
      kind === "verify-email"
        ? api<{ email: string }>("/api/account/verify-email", { method: "POST", body: { token } })
        : api<{ email: string }>("/api/account/password-reset/confirm", { method: "POST", body: { token, newPassword } }),
  });
  if (submit.isSuccess) {
    return (
      <div role="status" className="space-y-3 text-sm text-gray-700">
        <p>
          {kind === "verify-email"
            ? `${submit.data.email} is confirmed.`
            : `The password of ${submit.data.email} is changed, and every session of the account has ended.`}
        </p>
        <Link href={kind === "verify-email" ? next : "/signin"} className="btn-primary inline-block">
          {kind === "verify-email" ? "Continue" : "Sign in"}
        </Link>
      </div>
    );
  }
  const fieldErrors = submit.error instanceof ApiError ? submit.error.fieldErrors : undefined;
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit.mutate(String(new FormData(e.currentTarget).get("newPassword") ?? ""));
      }}
    >
      {kind === "verify-email" ? (
        <p className="text-sm text-gray-700">Confirm that this address is yours.</p>
      ) : (
        <TextField
          name="newPassword"
          label="New password"
          type="password"
          autoComplete="new-password"
          errors={fieldErrors?.newPassword}
          hint="At least 10 characters; a phrase of unrelated words is easy to remember and hard to guess."
        />
      )}
      {fieldErrors?.token || (submit.isError && !fieldErrors?.newPassword) ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {fieldErrors?.token?.join(" ") ?? submit.error?.message}
        </p>
      ) : null}
      <button type="submit" className="btn-primary w-full" disabled={submit.isPending}>
        {kind === "verify-email"
          ? submit.isPending
            ? "Confirming…"
            : "Confirm my address"
          : submit.isPending
            ? "Saving…"
            : "Set the new password"}
      </button>
    </form>
  );
}

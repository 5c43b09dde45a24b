"use client";
// Your own account: confirm the email address, change the password (every session ends; sign in again) and sign out on
// every device at once.
import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { api, ApiError } from "@/lib/client/api";
import { SendVerification } from "@/app/components/send-verification";

const endSessions = () => signOut({ callbackUrl: "/signin" });

export function AccountPanel({ hasPassword, email, emailVerified }: { hasPassword: boolean; email: string; emailVerified: boolean }) {
  return (
    <section className="rounded-lg border border-gray-200 bg-white p-4 text-sm" data-testid="account-panel">
      <h2 className="mb-2 text-sm font-semibold">Your account</h2>
      <div className="mb-3 flex flex-wrap items-center gap-3" data-testid="email-status">
        <span>
          <span className="break-all">{email}</span>{" "}
          {emailVerified ? (
            <span className="rounded bg-green-50 px-1.5 py-0.5 text-xs text-green-800">confirmed</span>
          ) : (
            <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">not confirmed</span>
          )}
        </span>
        {emailVerified ? null : <SendVerification />}
      </div>
      {hasPassword ? <ChangePassword /> : null}
      <SignOutEverywhere />
    </section>
  );
}

function ChangePassword() {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const change = useMutation({
    mutationFn: () => api("/api/account/password", { method: "POST", body: { currentPassword: current, newPassword: next } }),
    onSuccess: endSessions,
  });
  const errors = change.error instanceof ApiError ? change.error.fieldErrors : {};
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        change.mutate();
      }}
    >
      <label>
        <span className="field-label">Current password</span>
        <input
          type="password"
          autoComplete="current-password"
          className="field-input w-56 py-1.5"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
        {errors.currentPassword ? <span className="block text-xs text-red-700">{errors.currentPassword.join(" ")}</span> : null}
      </label>
      <label>
        <span className="field-label">New password</span>
        <input
          type="password"
          autoComplete="new-password"
          className="field-input w-56 py-1.5"
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
        {errors.newPassword ? <span className="block max-w-xs text-xs text-red-700">{errors.newPassword.join(" ")}</span> : null}
      </label>
      <button type="submit" className="btn-secondary" disabled={change.isPending}>
        Change password
      </button>
    </form>
  );
}

function SignOutEverywhere() {
  const [confirm, setConfirm] = useState("");
  const everywhere = useMutation({
    mutationFn: () => api("/api/account/sign-out-everywhere", { method: "POST", body: { confirm } }),
    onSuccess: endSessions,
  });
  const errors = everywhere.error instanceof ApiError ? everywhere.error.fieldErrors : {};
  return (
    <form
      className="mt-3 flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        everywhere.mutate();
      }}
    >
      <label>
        <span className="field-label">Type &ldquo;sign out everywhere&rdquo; to end every session of this account</span>
        <input className="field-input w-72 py-1.5" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        {errors.confirm ? <span className="block text-xs text-red-700">{errors.confirm.join(" ")}</span> : null}
      </label>
      <button
        type="submit"
        className="rounded-md border border-red-300 px-3 py-1.5 text-red-800 disabled:opacity-50"
        disabled={everywhere.isPending}
      >
        Sign out everywhere
      </button>
    </form>
  );
}

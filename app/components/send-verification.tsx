"use client";
// Sends the signed-in user a fresh link that confirms their email address.
import { useMutation } from "@tanstack/react-query";
import { api } from "@/lib/client/api";

export function SendVerification({ label = "Email me a confirmation link", next }: { label?: string; next?: string }) {
  const send = useMutation({
    mutationFn: () =>
      api<{ email: string; alreadyVerified: boolean }>("/api/account/verify-email/send", { method: "POST", body: next ? { next } : {} }),
  });
  return (
    <div className="space-y-2">
      <button type="button" className="btn-secondary" disabled={send.isPending || send.isSuccess} onClick={() => send.mutate()}>
        {send.isPending ? "Sending…" : label}
      </button>
      {send.isSuccess ? (
        <p role="status" className="text-sm text-gray-700">
          {send.data.alreadyVerified
            ? `${send.data.email} is already confirmed. Reload this page.`
            : `Sent to ${send.data.email}. Open the link in that email, then come back.`}
        </p>
      ) : null}
      {send.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {send.error.message}
        </p>
      ) : null}
    </div>
  );
}

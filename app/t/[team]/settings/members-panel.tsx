"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api, ApiError } from "@/lib/client/api";

type Member = { userId: string; name: string; email: string; role: string; suspended: boolean };
export type PendingInvitation = { id: string; email: string; role: string; anyoneWithLink: boolean; expiresAt: string; inviter: string };

export function MembersPanel({
  teamSlug,
  members,
  me,
  isOwner,
  invitations,
}: {
  teamSlug: string;
  members: Member[];
  me: string;
  isOwner: boolean;
  invitations: PendingInvitation[];
}) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState("viewer");
  const [anyone, setAnyone] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const invite = useMutation({
    mutationFn: () =>
      api<{ url: string }>(`/api/v1/teams/${teamSlug}/invitations`, { method: "POST", body: { email, role, anyoneWithLink: anyone } }),
    onSuccess: (r) => {
      setLink(r.url);
      setEmail("");
      router.refresh();
    },
  });
  const changeRole = useMutation({
    mutationFn: (v: { userId: string; role: string }) =>
      api(`/api/v1/teams/${teamSlug}/members/${v.userId}`, { method: "PATCH", body: { role: v.role } }),
    onSuccess: () => router.refresh(),
  });
  const suspend = useMutation({
    mutationFn: (v: { userId: string; disabled: boolean }) =>
      api(`/api/v1/teams/${teamSlug}/members/${v.userId}`, { method: "PATCH", body: { disabled: v.disabled } }),
    onSuccess: () => router.refresh(),
  });
  const remove = useMutation({
    mutationFn: (userId: string) => api(`/api/v1/teams/${teamSlug}/members/${userId}`, { method: "DELETE" }),
    onSuccess: (_r, userId) => (userId === me ? router.push("/") : router.refresh()),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/api/v1/teams/${teamSlug}/invitations/${id}`, { method: "DELETE" }),
    onSuccess: () => router.refresh(),
  });
  const error = changeRole.error ?? suspend.error ?? remove.error ?? revoke.error;
  return (
    <section className="rounded-lg border border-gray-200 bg-white p-4" data-testid="members">
      <h2 className="mb-2 text-sm font-semibold">Members</h2>
      {error ? (
        <p role="alert" className="mb-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
      <ul className="divide-y divide-gray-100">
        {members.map((m) => (
          <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
            <span className="min-w-0">
              <span className="font-medium">{m.name}</span> <span className="break-all text-gray-500">{m.email}</span>
              {m.suspended ? (
                <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">access suspended</span>
              ) : null}
            </span>
            <span className="flex items-center gap-2">
              {isOwner && m.userId !== me ? (
                <button
                  type="button"
                  className="text-xs text-gray-700 hover:underline"
                  title={
                    m.suspended
                      ? "Give this person access to the team again"
                      : "Stop this person's access to this team (their account and other teams are untouched; their API tokens here are revoked)"
                  }
                  onClick={() => suspend.mutate({ userId: m.userId, disabled: !m.suspended })}
                >
                  {m.suspended ? "Restore access" : "Suspend"}
                </button>
              ) : null}
              {isOwner ? (
                <select
                  aria-label={`Role of ${m.name}`}
                  className="rounded-md border border-gray-300 px-2 py-1 text-sm"
                  value={m.role}
                  onChange={(e) => changeRole.mutate({ userId: m.userId, role: e.target.value })}
                >
                  <option value="owner">owner</option>
                  <option value="editor">editor</option>
                  <option value="viewer">viewer</option>
                </select>
              ) : (
                <span className="rounded bg-gray-100 px-2 py-0.5 text-xs">{m.role}</span>
              )}
              {isOwner || m.userId === me ? (
                <button type="button" className="text-xs text-red-700 hover:underline" onClick={() => remove.mutate(m.userId)}>
                  {m.userId === me ? "Leave team" : "Remove"}
                </button>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      {isOwner && invitations.length ? (
        <div className="mt-4" data-testid="pending-invitations">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-gray-500">Pending invitations</h3>
          <ul className="divide-y divide-gray-100 text-sm">
            {invitations.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="min-w-0">
                  <span className="break-all">{i.email}</span> <span className="text-gray-500">as {i.role}</span>
                  <span className="block text-xs text-gray-500">
                    {i.anyoneWithLink ? "anyone with the link" : "only this email"} · by {i.inviter} · until {i.expiresAt.slice(0, 10)}
                  </span>
                </span>
                <button
                  type="button"
                  className="text-xs text-red-700 hover:underline"
                  onClick={() => revoke.mutate(i.id)}
                  aria-label={`Withdraw the invitation of ${i.email}`}
                >
                  Withdraw
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {isOwner ? (
        <form
          className="mt-4 grid gap-2 sm:grid-cols-[1fr_auto_auto]"
          onSubmit={(e) => {
            e.preventDefault();
            invite.mutate();
          }}
        >
          <label className="text-sm">
            <span className="sr-only">Email to invite</span>
            <input
              className="field-input mt-0"
              type="email"
              placeholder="colleague@company.com"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-label="Email to invite"
            />
          </label>
          <select
            aria-label="Role for the invitation"
            className="rounded-md border border-gray-300 px-2 py-2 text-sm"
            value={role}
            onChange={(e) => setRole(e.target.value)}
          >
            <option value="viewer">viewer</option>
            <option value="editor">editor</option>
            <option value="owner">owner</option>
          </select>
          <button type="submit" className="btn-primary" disabled={invite.isPending}>
            Create invitation link
          </button>
          <label className="flex items-center gap-2 text-xs text-gray-700 sm:col-span-3">
            <input type="checkbox" checked={anyone} onChange={(e) => setAnyone(e.target.checked)} />
            Anyone with the link may join (otherwise only the account of this email)
          </label>
          {invite.isError ? (
            <p className="field-error sm:col-span-3">{(invite.error as ApiError).fieldErrors?.email?.join(" ") ?? invite.error.message}</p>
          ) : null}
          {link ? (
            <p className="text-sm sm:col-span-3" data-testid="invite-link">
              We emailed this link to the address; you can also send it yourself (valid 7 days, single use):{" "}
              <code className="break-all rounded bg-gray-100 px-1">{link}</code>
            </p>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}

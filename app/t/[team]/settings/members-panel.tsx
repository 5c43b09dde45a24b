"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api, ApiError } from "@/lib/client/api";
import { ROLES } from "@/lib/auth/roles";

type Member = { userId: string; name: string; email: string; role: string; suspended: boolean };
export type PendingInvitation = { id: string; email: string; role: string; anyoneWithLink: boolean; expiresAt: string; inviter: string };

/** The team's members (owners change roles, suspend and remove), pending invitations and the invitation form. */
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
  const memberUrl = (userId: string) => `/api/v1/teams/${teamSlug}/members/${userId}`;
  const update = useMutation({
    mutationFn: (v: { userId: string; role?: string; disabled?: boolean }) =>
      api(memberUrl(v.userId), { method: "PATCH", body: { role: v.role, disabled: v.disabled } }),
    onSuccess: () => router.refresh(),
  });
  const remove = useMutation({
    mutationFn: (userId: string) => api(memberUrl(userId), { method: "DELETE" }),
    onSuccess: (_r, userId) => (userId === me ? router.push("/") : router.refresh()),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/api/v1/teams/${teamSlug}/invitations/${id}`, { method: "DELETE" }),
    onSuccess: () => router.refresh(),
  });
  const error = update.error ?? remove.error ?? revoke.error;
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
          <MemberRow
            key={m.userId}
            member={m}
            me={me}
            isOwner={isOwner}
            onRole={(role) => update.mutate({ userId: m.userId, role })}
            onSuspend={(disabled) => update.mutate({ userId: m.userId, disabled })}
            onRemove={() => remove.mutate(m.userId)}
          />
        ))}
      </ul>
      {isOwner && invitations.length ? <PendingInvitations invitations={invitations} onWithdraw={(id) => revoke.mutate(id)} /> : null}
      {isOwner ? <InviteForm teamSlug={teamSlug} /> : null}
    </section>
  );
}

function MemberRow({
  member: m,
  me,
  isOwner,
  onRole,
  onSuspend,
  onRemove,
}: {
  member: Member;
  me: string;
  isOwner: boolean;
  onRole: (role: string) => void;
  onSuspend: (disabled: boolean) => void;
  onRemove: () => void;
}) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
      <span className="min-w-0">
        <span className="font-medium">{m.name}</span> <span className="break-all text-gray-500">{m.email}</span>
        {m.suspended ? <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">access suspended</span> : null}
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
            onClick={() => onSuspend(!m.suspended)}
          >
            {m.suspended ? "Restore access" : "Suspend"}
          </button>
        ) : null}
        {isOwner ? (
          <select
            aria-label={`Role of ${m.name}`}
            className="rounded-md border border-gray-300 px-2 py-1 text-sm"
            value={m.role}
            onChange={(e) => onRole(e.target.value)}
          >
            {[...ROLES].reverse().map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        ) : (
          <span className="rounded bg-gray-100 px-2 py-0.5 text-xs">{m.role}</span>
        )}
        {isOwner || m.userId === me ? (
          <button type="button" className="text-xs text-red-700 hover:underline" onClick={onRemove}>
            {m.userId === me ? "Leave team" : "Remove"}
          </button>
        ) : null}
      </span>
    </li>
  );
}

function PendingInvitations({ invitations, onWithdraw }: { invitations: PendingInvitation[]; onWithdraw: (id: string) => void }) {
  return (
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
              onClick={() => onWithdraw(i.id)}
              aria-label={`Withdraw the invitation of ${i.email}`}
            >
              Withdraw
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function InviteForm({ teamSlug }: { teamSlug: string }) {
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
  return (
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
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
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
  );
}

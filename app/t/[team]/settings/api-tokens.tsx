"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { api, ApiError } from "@/lib/client/api";
import { formatDateTime } from "@/lib/format/numbers";

type Token = {
  id: string;
  name: string;
  access: "read" | "write";
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdBy: { name: string } | null;
};

type Secret = { name: string; token: string };

/** Owners: team API tokens for scripts and CI. The secret is shown once, right after creation. */
export function ApiTokens({ teamSlug, initial }: { teamSlug: string; initial: Token[] }) {
  const qc = useQueryClient();
  const key = ["team", teamSlug, "tokens"];
  const tokens = useQuery({
    queryKey: key,
    queryFn: () => api<{ tokens: Token[] }>(`/api/v1/teams/${teamSlug}/tokens`).then((r) => r.tokens),
    initialData: initial,
  });
  const [secret, setSecret] = useState<Secret | null>(null);
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/api/v1/teams/${teamSlug}/tokens/${id}`, { method: "DELETE" }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
  return (
    <section className="rounded-lg border border-gray-200 bg-white p-4" data-testid="api-tokens">
      <h2 className="mb-1 text-sm font-semibold">API tokens</h2>
      <p className="mb-3 text-sm text-gray-600">
        For scripts and CI jobs: send as <code>Authorization: Bearer …</code>. A read token only reads; a write token also saves scenarios.
        Tokens reach this team only. See the{" "}
        <Link className="text-blue-700 underline" href="/docs/api">
          API reference
        </Link>
        .
      </p>
      <NewToken
        teamSlug={teamSlug}
        onCreated={(created) => {
          setSecret(created);
          void qc.invalidateQueries({ queryKey: key });
        }}
      />
      {secret ? (
        <div className="mt-3 rounded-md bg-amber-50 p-3 text-sm" role="status" data-testid="new-token">
          <p className="font-medium">Copy “{secret.name}” now: it will not be shown again.</p>
          <code className="mt-1 block break-all rounded bg-white px-2 py-1 text-xs">{secret.token}</code>
        </div>
      ) : null}
      {tokens.isError ? <p className="mt-2 text-sm text-red-700">Could not load tokens: {tokens.error.message}</p> : null}
      <ul className="mt-3 divide-y divide-gray-100 text-sm">
        {(tokens.data ?? []).map((t) => (
          <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-token={t.name}>
            <span>
              <span className="font-medium">{t.name}</span> <span className="rounded bg-gray-100 px-1.5 py-0.5 text-xs">{t.access}</span>{" "}
              <span className="text-xs text-gray-600">
                by {t.createdBy?.name ?? "someone"}, {formatDateTime(t.createdAt)} ·{" "}
                {t.lastUsedAt ? `last used ${formatDateTime(t.lastUsedAt)}` : "never used"}
              </span>
            </span>
            {t.revokedAt ? (
              <span className="text-xs text-gray-500">revoked {formatDateTime(t.revokedAt)}</span>
            ) : (
              <button className="text-xs text-red-700 underline" onClick={() => revoke.mutate(t.id)} disabled={revoke.isPending}>
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function NewToken({ teamSlug, onCreated }: { teamSlug: string; onCreated: (secret: Secret) => void }) {
  const [name, setName] = useState("");
  const [access, setAccess] = useState<"read" | "write">("read");
  const create = useMutation({
    mutationFn: () => api<Secret>(`/api/v1/teams/${teamSlug}/tokens`, { method: "POST", body: { name, access } }),
    onSuccess: (r) => {
      onCreated({ name: r.name, token: r.token });
      setName("");
    },
  });
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors : {};
  return (
    <>
      <form
        className="flex flex-wrap items-end gap-3 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <label>
          <span className="field-label">Name</span>
          <input
            className="field-input py-1.5"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="CI pipeline"
            aria-label="Token name"
          />
          {fieldErrors.name ? <span className="block text-xs text-red-700">{fieldErrors.name.join("; ")}</span> : null}
        </label>
        <label>
          <span className="field-label">Access</span>
          <select
            className="field-input py-1.5"
            value={access}
            onChange={(e) => setAccess(e.target.value as "read" | "write")}
            aria-label="Token access"
          >
            <option value="read">read</option>
            <option value="write">write</option>
          </select>
        </label>
        <button className="btn-secondary" disabled={create.isPending}>
          Create token
        </button>
      </form>
      {create.error && !Object.keys(fieldErrors).length ? <p className="mt-2 text-sm text-red-700">{create.error.message}</p> : null}
    </>
  );
}

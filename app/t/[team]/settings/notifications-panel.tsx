"use client";

// What the signed-in member hears about this team by email, and (owners) the team's webhook.
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { api, ApiError } from "@/lib/client/api";
import { Errors } from "@/app/components/upload";

type Prefs = { flips: boolean; moves: boolean };
type Webhook = { url: string | null; secret: string | null };

export function NotificationsPanel({ teamSlug, prefs, webhook }: { teamSlug: string; prefs: Prefs; webhook: Webhook | null }) {
  const [p, setP] = useState(prefs);
  const save = useMutation({
    mutationFn: (next: Prefs) => api<Prefs>(`/api/v1/teams/${teamSlug}/notifications/preferences`, { method: "PUT", body: next }),
  });
  const toggle = (k: keyof Prefs, v: boolean) => {
    const next = { ...p, [k]: v };
    setP(next);
    save.mutate(next);
  };
  return (
    <section className="space-y-3 rounded-lg border border-gray-200 bg-white p-4" data-testid="notifications">
      <h2 className="text-sm font-semibold">Price-change notifications</h2>
      <fieldset className="space-y-1 text-sm">
        <legend className="mb-1 text-gray-600">Email me when a newly published price catalog…</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={p.flips} onChange={(e) => toggle("flips", e.target.checked)} />
          flips the recommendation of one of this team&apos;s scenarios
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={p.moves} onChange={(e) => toggle("moves", e.target.checked)} />
          moves a scenario&apos;s monthly cost beyond the price-change threshold
        </label>
        <p className="text-xs text-gray-600" aria-live="polite">
          {save.isPending ? "Saving…" : save.isSuccess ? "Saved." : "Each message links to the scenario's then vs now."}
        </p>
      </fieldset>
      <Errors error={save.error} />
      {webhook ? <WebhookForm teamSlug={teamSlug} initial={webhook} /> : null}
    </section>
  );
}

function WebhookForm({ teamSlug, initial }: { teamSlug: string; initial: Webhook }) {
  const [url, setUrl] = useState(initial.url ?? "");
  const [current, setCurrent] = useState(initial);
  const save = useMutation({
    mutationFn: (rotateSecret: boolean) =>
      api<Webhook>(`/api/v1/teams/${teamSlug}/webhook`, {
        method: "PUT",
        body: { url: url.trim() === "" ? null : url.trim(), rotateSecret },
      }),
    onSuccess: setCurrent,
  });
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <form
      className="space-y-2 border-t border-gray-100 pt-3 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(false);
      }}
    >
      <label className="block">
        <span className="field-label">Team webhook (owners): a JSON POST for each new catalog that changes this team&apos;s decisions</span>
        <input
          className="field-input"
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://hooks.slack.com/services/…"
        />
        {fieldErrors.url ? <span className="block text-xs text-red-700">{fieldErrors.url.join("; ")}</span> : null}
      </label>
      {current.secret ? (
        <p className="text-xs text-gray-600">
          Signed with HMAC-SHA256 of the body in <code>X-Breakeven-Signature-256: sha256=…</code>; the secret is{" "}
          <code className="break-all rounded bg-gray-100 px-1" data-testid="webhook-secret">
            {current.secret}
          </code>
          . <code>X-Breakeven-Delivery</code> names the message, the same on every retry.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button className="btn-primary py-1.5" type="submit" disabled={save.isPending}>
          Save webhook
        </button>
        {current.secret ? (
          <button type="button" className="btn-secondary py-1.5" disabled={save.isPending} onClick={() => save.mutate(true)}>
            New secret
          </button>
        ) : null}
        <Link className="self-center text-blue-700 underline" href={`/t/${teamSlug}/notifications`}>
          Outbox: messages sent for this team
        </Link>
      </div>
      {!fieldErrors.url ? <Errors error={save.error} /> : null}
    </form>
  );
}

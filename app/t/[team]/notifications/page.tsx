import type { Metadata } from "next";
import { PageHeader } from "@/app/components/page-header";
import { requireTeamPage } from "@/lib/auth/team-page";
import { can } from "@/lib/auth/authorize";
import { listOutbox } from "@/lib/data/notifications";
import { formatDateTime } from "@/lib/format/numbers";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Outbox" };

const STATUS_STYLE: Record<string, string> = {
  pending: "bg-blue-50 text-blue-800",
  sent: "bg-green-50 text-green-800",
  failed: "bg-red-50 text-red-800",
};

/** The team's outbox (owners): every message written about price changes, as it was sent. */
export default async function OutboxPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { user, team } = await requireTeamPage(slug, `/t/${slug}/notifications`);
  const header = <PageHeader backHref={`/t/${team.slug}/settings`} backLabel="Team settings" title="Outbox" />;
  if (!can(team.role, "team:settings")) {
    return (
      <div className="space-y-4">
        {header}
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">Only the team&apos;s owners read its outbox.</p>
      </div>
    );
  }
  const messages = await listOutbox(user.id, slug);
  return (
    <div className="space-y-4">
      {header}
      <p className="text-sm text-gray-600">
        Messages about price changes, newest first: the emails members asked for and the posts to the team&apos;s webhook. Without an SMTP
        server (SMTP_URL) this is where the emails can be read.
      </p>
      {messages.length === 0 ? <p className="text-sm text-gray-600">No message yet.</p> : null}
      {messages.map((m) => (
        <article key={m.id} className="space-y-2 rounded-lg border border-gray-200 bg-white p-4" data-testid="outbox-message">
          <header className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="text-sm font-semibold">{m.subject}</h2>
            <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[m.status] ?? "bg-gray-100"}`}>{m.status}</span>
          </header>
          <p className="break-all text-xs text-gray-600">
            {m.channel === "email" ? "Email to" : "Webhook POST to"} {m.address} · written {formatDateTime(m.createdAt)}
            {m.sentAt ? ` · delivered ${formatDateTime(m.sentAt)}` : ""} · {m.attempts} attempt{m.attempts === 1 ? "" : "s"}
          </p>
          {m.error ? <p className="text-xs text-red-800">Last error: {m.error}</p> : null}
          <pre className="max-h-72 overflow-auto whitespace-pre-wrap break-words rounded bg-gray-50 p-3 text-xs text-gray-800">
            {m.text}
          </pre>
        </article>
      ))}
    </div>
  );
}

"use client";

// The registered feeds, each with its last result and refresh history; polled while a refresh runs.
import { useState } from "react";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { Cell, DataTable } from "@/app/components/data-table";
import { Errors } from "@/app/components/upload";
import { formatDateTime } from "@/lib/format/numbers";
import { FEEDS_KEY, FeedForm, type FeedFields } from "./feed-form";

type Refresh = {
  id: string;
  status: string;
  error: string | null;
  added: number;
  changed: number;
  removed: number;
  skipped: number;
  largestChange: number | null;
  startedAt: string;
  version: { id: string; label: string; published: boolean } | null;
};
export type Feed = FeedFields & {
  id: string;
  lastCheckedAt: string | null;
  lastStatus: string | null;
  lastError: string | null;
  lastGoodAt: string | null;
  refreshes: Refresh[];
};

const STATUS_STYLE: Record<string, string> = {
  running: "bg-blue-50 text-blue-800",
  published: "bg-green-50 text-green-800",
  draft: "bg-amber-50 text-amber-900",
  unchanged: "bg-gray-100 text-gray-700",
  failed: "bg-red-50 text-red-800",
};

function Status({ status }: { status: string | null }) {
  if (!status) return <span className="text-xs text-gray-500">never fetched</span>;
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[status] ?? "bg-gray-100"}`}>{status}</span>;
}

export function FeedsView({ teamSlug, initial }: { teamSlug: string; initial: Feed[] }) {
  const [asked, setAsked] = useState(0); // refreshes asked for since the page opened: keep polling a while
  const { data: feeds } = useQuery({
    queryKey: FEEDS_KEY,
    queryFn: async () => (await api<{ feeds: Feed[] }>("/api/v1/catalog/feeds")).feeds,
    initialData: initial,
    refetchInterval: (q) => (asked > 0 || q.state.data?.some((f) => f.refreshes[0]?.status === "running") ? 1500 : false),
  });
  return (
    <>
      <section className="rounded-lg border border-gray-200 bg-white p-4">
        <h2 className="mb-3 text-sm font-semibold">Add a price feed</h2>
        <FeedForm />
      </section>
      {feeds.length === 0 ? (
        <p className="text-sm text-gray-600">No feed yet: prices change only when an administrator imports a file.</p>
      ) : null}
      {feeds.map((feed) => (
        <FeedCard key={feed.id} teamSlug={teamSlug} feed={feed} onRefresh={() => setAsked((n) => n + 1)} />
      ))}
    </>
  );
}

function FeedCard({ teamSlug, feed, onRefresh }: { teamSlug: string; feed: Feed; onRefresh: () => void }) {
  const [editing, setEditing] = useState(false);
  const client = useQueryClient();
  const refresh = useMutation({
    mutationFn: () => api(`/api/v1/catalog/feeds/${feed.id}/refresh`, { method: "POST" }),
    onSuccess: onRefresh,
  });
  const remove = useMutation({
    mutationFn: () => api(`/api/v1/catalog/feeds/${feed.id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: FEEDS_KEY }),
  });
  const policy = feed.autoPublish
    ? `publishes on its own when no price moves more than ${feed.maxPriceChangePercent}% and at most ${feed.maxRowChanges} rows are added or retired`
    : "every refresh waits for review as a draft";
  return (
    <section
      className="space-y-3 rounded-lg border border-gray-200 bg-white p-4"
      data-testid={`feed-${feed.name}`}
      aria-label={`Feed ${feed.name}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <h2 className="text-base font-semibold">{feed.name}</h2>
          <p className="break-all text-xs text-gray-600">
            {feed.format} · {feed.schedule} ·{" "}
            <a className="text-blue-700 underline" href={feed.url}>
              {feed.url}
            </a>
          </p>
          <p className="text-xs text-gray-600">This feed {policy}.</p>
        </div>
        <div className="flex gap-2">
          <button type="button" className="btn-secondary py-1 text-xs" disabled={refresh.isPending} onClick={() => refresh.mutate()}>
            Refresh now
          </button>
          <button type="button" className="btn-secondary py-1 text-xs" onClick={() => setEditing((e) => !e)}>
            {editing ? "Close" : "Edit"}
          </button>
          <button
            type="button"
            className="btn-secondary py-1 text-xs text-red-700"
            disabled={remove.isPending}
            onClick={() => window.confirm(`Remove the feed "${feed.name}"? Its drafts stay.`) && remove.mutate()}
          >
            Remove
          </button>
        </div>
      </div>
      <p className="text-sm">
        Last result: <Status status={feed.lastStatus} />
        {feed.lastCheckedAt ? <span className="text-xs text-gray-600"> checked {formatDateTime(feed.lastCheckedAt)}</span> : null}
        {feed.lastGoodAt ? <span className="text-xs text-gray-600"> · last good fetch {formatDateTime(feed.lastGoodAt)}</span> : null}
      </p>
      {feed.lastError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {feed.lastError} The catalog keeps the prices of the last good fetch.
        </p>
      ) : null}
      <Errors error={refresh.error ?? remove.error} />
      {editing ? <FeedForm feedId={feed.id} initial={feed} onDone={() => setEditing(false)} /> : null}
      {feed.refreshes.length ? <RefreshHistory teamSlug={teamSlug} refreshes={feed.refreshes} /> : null}
    </section>
  );
}

function RefreshHistory({ teamSlug, refreshes }: { teamSlug: string; refreshes: Refresh[] }) {
  return (
    <DataTable
      label="Refreshes"
      dense
      className="rounded-md border border-gray-200"
      columns={[
        { header: "Fetched" },
        { header: "Result" },
        { header: "Added", align: "right" },
        { header: "Changed", align: "right" },
        { header: "Retired", align: "right" },
        { header: "Largest move", align: "right" },
        { header: "Version" },
      ]}
    >
      {refreshes.map((r) => (
        <tr key={r.id} className="align-top">
          <Cell dense className="whitespace-nowrap text-xs">
            {formatDateTime(r.startedAt)}
          </Cell>
          <Cell dense>
            <Status status={r.status} />
            {r.error ? <p className="mt-1 max-w-sm text-xs text-red-800">{r.error}</p> : null}
          </Cell>
          <Cell dense num>
            {r.added}
          </Cell>
          <Cell dense num>
            {r.changed}
          </Cell>
          <Cell dense num>
            {r.removed}
          </Cell>
          <Cell dense num>
            {r.largestChange === null || r.changed === 0 ? "—" : `${(r.largestChange * 100).toFixed(1)}%`}
          </Cell>
          <Cell dense className="text-xs">
            {r.version ? (
              <Link
                className="text-blue-700 underline"
                href={
                  r.version.published ? `/t/${teamSlug}/catalog?v=${r.version.id}` : `/t/${teamSlug}/catalog/admin?draft=${r.version.id}`
                }
              >
                {r.version.published ? "published" : "review the draft"}
              </Link>
            ) : (
              "—"
            )}
          </Cell>
        </tr>
      ))}
    </DataTable>
  );
}

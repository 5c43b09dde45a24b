"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { useState } from "react";
import { useScenarioVersion } from "./scenario-version";
import { api, ApiError, queryKeys } from "@/lib/client/api";
import { formatDateTime } from "@/lib/format/numbers";

type Comment = { id: string; body: string; createdAt: string; author: { name: string } | null };
type Revision = {
  id: string;
  number: number;
  message: string;
  createdAt: string;
  author: { name: string } | null;
  catalogVersion: { label: string } | null;
};

export function CommentsPanel({ scenarioId }: { scenarioId: string }) {
  const qc = useQueryClient();
  const comments = useQuery({
    queryKey: queryKeys.comments(scenarioId),
    queryFn: () => api<{ comments: Comment[] }>(`/api/v1/scenarios/${scenarioId}/comments`),
  });
  const [body, setBody] = useState("");
  const add = useMutation({
    mutationFn: () => api(`/api/v1/scenarios/${scenarioId}/comments`, { method: "POST", body: { body } }),
    onSuccess: () => {
      setBody("");
      void qc.invalidateQueries({ queryKey: queryKeys.comments(scenarioId) });
    },
  });
  return (
    <section className="rounded-lg border border-gray-200 bg-white p-4" data-testid="comments">
      <h2 className="mb-2 text-sm font-semibold">Discussion</h2>
      {comments.isPending ? <p className="text-sm text-gray-500">Loading…</p> : null}
      {comments.isError ? <p className="text-sm text-red-700">Could not load comments: {comments.error.message}</p> : null}
      <ul className="space-y-2">
        {comments.data?.comments.map((c) => (
          <li key={c.id} className="text-sm">
            <span className="font-medium">{c.author?.name ?? "Former member"}</span>{" "}
            <span className="text-xs text-gray-500">{formatDateTime(c.createdAt)}</span>
            <p className="whitespace-pre-wrap break-words text-gray-800">{c.body}</p>
          </li>
        ))}
        {comments.data?.comments.length === 0 ? <li className="text-sm text-gray-500">No comments yet.</li> : null}
      </ul>
      <form
        className="mt-3 space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <label htmlFor="comment-body" className="sr-only">
          Comment
        </label>
        <textarea
          id="comment-body"
          className="field-input"
          rows={2}
          value={body}
          maxLength={5000}
          onChange={(e) => setBody(e.target.value)}
          placeholder="Add a comment…"
        />
        {add.isError ? <p className="field-error">{(add.error as ApiError).fieldErrors?.body?.join(" ") ?? add.error.message}</p> : null}
        <button type="submit" className="btn-secondary" disabled={add.isPending || !body.trim()}>
          Comment
        </button>
      </form>
    </section>
  );
}

export function RevisionsPanel({ scenarioId, teamSlug, canEdit }: { scenarioId: string; teamSlug: string; canEdit: boolean }) {
  const router = useRouter();
  const { version } = useScenarioVersion();
  const qc = useQueryClient();
  const revisions = useQuery({
    queryKey: queryKeys.revisions(scenarioId),
    queryFn: () => api<{ revisions: Revision[] }>(`/api/v1/scenarios/${scenarioId}/revisions`),
  });
  const restore = useMutation({
    mutationFn: (n: number) =>
      api(`/api/v1/scenarios/${scenarioId}/revisions/${n}/restore`, { method: "POST", body: { baseVersion: version } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.revisions(scenarioId) });
      router.refresh();
      window.location.reload();
    },
  });
  const list = revisions.data?.revisions ?? [];
  return (
    <section className="rounded-lg border border-gray-200 bg-white p-4" data-testid="revisions">
      <h2 className="mb-2 text-sm font-semibold">History</h2>
      {revisions.isPending ? <p className="text-sm text-gray-500">Loading…</p> : null}
      {revisions.isError ? <p className="text-sm text-red-700">Could not load the history: {revisions.error.message}</p> : null}
      {restore.isError ? (
        <p className="text-sm text-red-700" role="alert">
          {restore.error.message}
        </p>
      ) : null}
      <ol className="space-y-2 text-sm">
        {list.map((r, i) => (
          <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-2">
            <span>
              <span className="font-medium">#{r.number}</span> {r.message || <span className="text-gray-500">no message</span>}
              <span className="block text-xs text-gray-500">
                {r.author?.name ?? "Former member"} · {formatDateTime(r.createdAt)} · {r.catalogVersion?.label ?? "no catalog"}
              </span>
            </span>
            <span className="flex gap-3">
              {i > 0 ? (
                <Link
                  className="text-xs text-blue-700 hover:underline"
                  href={`/t/${teamSlug}/s/${scenarioId}/diff?a=${r.number}&b=${list[0].number}`}
                >
                  Compare with #{list[0].number}
                </Link>
              ) : null}
              {canEdit && i > 0 ? (
                <button
                  type="button"
                  className="text-xs text-blue-700 hover:underline"
                  disabled={restore.isPending}
                  onClick={() => restore.mutate(r.number)}
                >
                  Restore as new revision
                </button>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

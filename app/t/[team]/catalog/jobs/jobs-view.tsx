"use client";

// Re-pricing runs and the job queues, refreshed while anything is running; a failed run can be retried.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { Cell, DataTable } from "@/app/components/data-table";
import { Errors } from "@/app/components/upload";
import { formatDateTime } from "@/lib/format/numbers";
import { formatCount } from "@/lib/format/text";

type Batches = { total: number; done: number; failed: number; pending: number };
type RunRow = {
  id: string;
  catalogLabel: string;
  status: string;
  total: number;
  processed: number;
  changed: number;
  error: string | null;
  startedAt: string;
  plannedAt: string | null;
  finishedAt: string | null;
  batches: Batches;
  failedBatches: { index: number; error: string | null; firstScenarioId: string; lastScenarioId: string }[];
};
export type JobsData = {
  runs: RunRow[];
  queues: { name: string; queued: number; active: number; failed: number; retryLimit: number }[];
};

const JOBS_KEY = ["jobs"] as const;

export function JobsView({ initial }: { initial: JobsData }) {
  const { data } = useQuery({
    queryKey: JOBS_KEY,
    queryFn: () => api<JobsData>("/api/v1/jobs"),
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.runs.some((r) => r.status === "running") ? 1500 : false),
  });
  return (
    <>
      <Runs runs={data.runs} />
      <Queues queues={data.queues} />
    </>
  );
}

function Runs({ runs }: { runs: RunRow[] }) {
  return (
    <section className="space-y-2">
      <h2 className="text-sm font-semibold">Re-pricing runs</h2>
      <p className="text-xs text-gray-600">
        Each publish re-prices every saved scenario in batches; any running instance of the app takes the next batch, and a batch whose
        instance stops is taken again after a few seconds.
      </p>
      {runs.length === 0 ? (
        <p className="text-sm text-gray-600">No catalog version has been published yet.</p>
      ) : (
        <DataTable
          label="Re-pricing runs"
          testId="repricing-runs"
          columns={[
            { header: "Catalog version" },
            { header: "State" },
            { header: "Progress" },
            { header: "Started" },
            { header: "Finished" },
          ]}
        >
          {runs.map((run) => (
            <RunRowView key={run.id} run={run} />
          ))}
        </DataTable>
      )}
    </section>
  );
}

const STATE_STYLE: Record<string, string> = {
  running: "bg-blue-50 text-blue-800",
  done: "bg-green-50 text-green-800",
  failed: "bg-red-50 text-red-800",
};

function RunRowView({ run }: { run: RunRow }) {
  const share = run.total > 0 ? run.processed / run.total : run.status === "done" ? 1 : 0;
  return (
    <tr className="align-top" data-testid={`run-${run.id}`}>
      <Cell className="font-medium">{run.catalogLabel}</Cell>
      <Cell>
        <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATE_STYLE[run.status] ?? "bg-gray-100"}`}>{run.status}</span>
        {run.status === "failed" ? <RunFailure run={run} /> : null}
      </Cell>
      <td className="min-w-56 px-3 py-2">
        <div
          className="h-2 w-full rounded bg-gray-100"
          role="progressbar"
          aria-label={`Re-pricing at ${run.catalogLabel}`}
          aria-valuenow={Math.round(share * 100)}
          aria-valuemin={0}
          aria-valuemax={100}
        >
          <div className="h-2 rounded bg-blue-600" style={{ width: `${Math.round(share * 100)}%` }} />
        </div>
        <p className="mt-1 text-xs text-gray-600">
          {run.plannedAt
            ? `${formatCount(run.processed)} of ${formatCount(run.total)} scenarios, ${formatCount(run.changed)} with changed results; batches: ${run.batches.done} done, ${run.batches.pending} waiting, ${run.batches.failed} failed`
            : "waiting to be planned"}
        </p>
      </td>
      <Cell className="whitespace-nowrap text-xs">{formatDateTime(run.startedAt)}</Cell>
      <Cell className="whitespace-nowrap text-xs">{run.finishedAt ? formatDateTime(run.finishedAt) : "—"}</Cell>
    </tr>
  );
}

function RunFailure({ run }: { run: RunRow }) {
  const client = useQueryClient();
  const retry = useMutation({
    mutationFn: () => api(`/api/v1/catalog/runs/${run.id}/retry`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: JOBS_KEY }),
  });
  return (
    <div className="mt-1 max-w-md space-y-1 text-xs">
      <p className="text-red-800">{run.error}</p>
      {run.failedBatches.length ? (
        <ul className="list-disc pl-4 text-gray-700">
          {run.failedBatches.map((b) => (
            <li key={b.index}>
              batch {b.index + 1}: {b.error}
            </li>
          ))}
        </ul>
      ) : null}
      <button type="button" className="btn-secondary py-1 text-xs" disabled={retry.isPending} onClick={() => retry.mutate()}>
        {retry.isPending ? "Retrying…" : "Retry the failed batches"}
      </button>
      <Errors error={retry.error} />
    </div>
  );
}

function Queues({ queues }: { queues: JobsData["queues"] }) {
  return (
    <section className="space-y-2">
      <h2 className="text-sm font-semibold">Job queues</h2>
      <DataTable
        label="Job queues"
        testId="job-queues"
        dense
        columns={[
          { header: "Queue" },
          { header: "Waiting", align: "right" },
          { header: "Running", align: "right" },
          { header: "Failed (kept 7 days)", align: "right" },
          { header: "Attempts", align: "right" },
        ]}
      >
        {queues.map((q) => (
          <tr key={q.name}>
            <Cell dense className="font-mono text-xs">
              {q.name}
            </Cell>
            <Cell dense num>
              {q.queued}
            </Cell>
            <Cell dense num>
              {q.active}
            </Cell>
            <Cell dense num>
              {q.failed}
            </Cell>
            <Cell dense num>
              {q.retryLimit + 1}
            </Cell>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

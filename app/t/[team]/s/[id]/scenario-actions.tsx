"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { api } from "@/lib/client/api";
import { useScenarioVersion } from "./scenario-version";
import { STATUS_FLOW } from "@/lib/validation/status-flow";

const VERB: Record<string, string> = { draft: "Back to draft", proposed: "Propose", decided: "Mark decided", archived: "Archive" };

export function ScenarioActions({
  scenarioId,
  teamSlug,
  status,
}: {
  scenarioId: string;
  teamSlug: string;
  status: keyof typeof STATUS_FLOW;
}) {
  const router = useRouter();
  const { version, setVersion } = useScenarioVersion();
  const setStatus = useMutation({
    mutationFn: (next: string) =>
      api<{ version: number }>(`/api/v1/scenarios/${scenarioId}/status`, { method: "POST", body: { baseVersion: version, status: next } }),
    onSuccess: (r) => {
      setVersion(r.version);
      router.refresh();
    },
  });
  const duplicate = useMutation({
    mutationFn: () => api<{ id: string }>(`/api/v1/scenarios/${scenarioId}/duplicate`, { method: "POST", body: {} }),
    onSuccess: (r) => router.push(`/t/${teamSlug}/s/${r.id}`),
  });
  return (
    <div className="flex flex-wrap items-center gap-2">
      {STATUS_FLOW[status].map((next) => (
        <button
          key={next}
          type="button"
          className="btn-secondary py-1 text-xs"
          disabled={setStatus.isPending}
          onClick={() => setStatus.mutate(next)}
        >
          {VERB[next]}
        </button>
      ))}
      <button type="button" className="btn-secondary py-1 text-xs" disabled={duplicate.isPending} onClick={() => duplicate.mutate()}>
        Duplicate
      </button>
      {setStatus.isError ? (
        <span className="text-xs text-red-700" role="alert">
          {setStatus.error.message}
        </span>
      ) : null}
      {duplicate.isError ? (
        <span className="text-xs text-red-700" role="alert">
          {duplicate.error.message}
        </span>
      ) : null}
    </div>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { api } from "@/lib/client/api";
import { useScenarioVersion } from "./scenario-version";

export function SaveRepricedButton({ scenarioId, catalogLabel }: { scenarioId: string; catalogLabel: string }) {
  const router = useRouter();
  const { version, setVersion } = useScenarioVersion();
  const save = useMutation({
    mutationFn: () =>
      api<{ version: number }>(`/api/v1/scenarios/${scenarioId}/reprice`, { method: "POST", body: { baseVersion: version } }),
    onSuccess: (r) => {
      setVersion(r.version);
      router.refresh();
    },
  });
  return (
    <div className="text-right">
      <button className="btn-primary" onClick={() => save.mutate()} disabled={save.isPending}>
        Save re-priced revision ({catalogLabel})
      </button>
      {save.error ? (
        <p role="alert" className="mt-1 max-w-sm text-xs text-red-700">
          {save.error.message}
        </p>
      ) : null}
    </div>
  );
}

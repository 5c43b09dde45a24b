"use client";

// The derived workload saved: a new scenario from a template, or a new revision of an existing
// scenario's workload (checked against the version shown here).
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/lib/client/api";
import { Errors } from "@/app/components/upload";
import type { DerivedUsage } from "@/lib/usage/derive";
import type { UsageImportView } from "./usage-types";

export type ScenarioChoice = { id: string; name: string; version: number };

export function UsageApply(props: {
  teamSlug: string;
  imported: UsageImportView;
  derived: DerivedUsage;
  models: string[];
  requestsPerMonth: number | null;
  scenarios: ScenarioChoice[];
  templates: { id: string; title: string }[];
  initialScenario: string | null;
}) {
  const router = useRouter();
  const preset = props.scenarios.find((s) => s.id === props.initialScenario);
  const [kind, setKind] = useState<"new" | "scenario">(preset ? "scenario" : "new");
  const [name, setName] = useState(`Usage: ${props.imported.fileName}`.slice(0, 120));
  const [template, setTemplate] = useState("chat");
  const [scenarioId, setScenarioId] = useState(preset?.id ?? props.scenarios[0]?.id ?? "");
  const [acceptBadRows, setAcceptBadRows] = useState(false);
  const apply = useMutation({
    mutationFn: () => {
      const chosen = props.scenarios.find((s) => s.id === scenarioId);
      const target = kind === "new" ? { kind, name, template } : { kind, scenarioId, baseVersion: chosen?.version ?? 0 };
      return api<{ id: string }>(`/api/v1/teams/${props.teamSlug}/usage-imports/${props.imported.id}/apply`, {
        method: "POST",
        body: { target, models: props.models, requestsPerMonth: props.requestsPerMonth, acceptBadRows },
      });
    },
    onSuccess: ({ id }) => router.push(`/t/${props.teamSlug}/s/${id}`),
  });
  const missingRequests = props.derived.workload.requestsPerMonth == null;
  return (
    <section className="space-y-3 rounded-lg border border-gray-200 bg-white p-4 text-sm" data-testid="usage-apply">
      <h2 className="font-semibold">Use this workload</h2>
      <div className="flex flex-wrap gap-4">
        <label className="flex items-center gap-2">
          <input type="radio" checked={kind === "new"} onChange={() => setKind("new")} /> Create a scenario
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" checked={kind === "scenario"} disabled={!props.scenarios.length} onChange={() => setKind("scenario")} />{" "}
          Update a scenario&apos;s workload
        </label>
      </div>
      <TargetFields
        kind={kind}
        name={name}
        onName={setName}
        template={template}
        onTemplate={setTemplate}
        scenarioId={scenarioId}
        onScenario={setScenarioId}
        templates={props.templates}
        scenarios={props.scenarios}
      />
      {props.imported.badRowCount > 0 ? (
        <label className="flex items-center gap-2 text-amber-900">
          <input type="checkbox" checked={acceptBadRows} onChange={(e) => setAcceptBadRows(e.target.checked)} />
          Use the {props.imported.rowCount.toLocaleString("en-US")} good rows only, leaving out the{" "}
          {props.imported.badRowCount.toLocaleString("en-US")} that could not be read
        </label>
      ) : null}
      <button
        className="btn-primary"
        disabled={apply.isPending || missingRequests || (props.imported.badRowCount > 0 && !acceptBadRows)}
        onClick={() => apply.mutate()}
      >
        {kind === "new" ? "Create scenario" : "Update workload"}
      </button>
      {missingRequests ? <p className="text-xs text-gray-600">Enter requests per month above first.</p> : null}
      <Errors error={apply.error} />
    </section>
  );
}

/** The new scenario's name and template, or the scenario whose workload is replaced. */
function TargetFields(p: {
  kind: "new" | "scenario";
  name: string;
  onName: (v: string) => void;
  template: string;
  onTemplate: (v: string) => void;
  scenarioId: string;
  onScenario: (v: string) => void;
  templates: { id: string; title: string }[];
  scenarios: ScenarioChoice[];
}) {
  return p.kind === "new" ? (
    <div className="flex flex-wrap gap-3">
      <label className="min-w-[16rem] flex-1">
        <span className="field-label">Name</span>
        <input className="field-input" value={p.name} onChange={(e) => p.onName(e.target.value)} aria-label="Scenario name" />
      </label>
      <label>
        <span className="field-label">Options from the template</span>
        <select className="field-input" value={p.template} onChange={(e) => p.onTemplate(e.target.value)} aria-label="Template">
          {p.templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </select>
      </label>
    </div>
  ) : (
    <label className="block max-w-lg">
      <span className="field-label">Scenario (a new revision; its options stay)</span>
      <select className="field-input" value={p.scenarioId} onChange={(e) => p.onScenario(e.target.value)} aria-label="Scenario">
        {p.scenarios.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}

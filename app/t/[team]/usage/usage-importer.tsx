"use client";

// Upload a usage export, look at what it implies, then save it as a scenario's workload.
import { useMutation } from "@tanstack/react-query";
import { useMemo, useState, useSyncExternalStore } from "react";
import { ApiError } from "@/lib/client/api";
import { Errors, postWithProgress, Progress } from "@/app/components/upload";
import { deriveUsage } from "@/lib/usage/derive";
import { FORMAT_NAMES, USAGE_FORMATS } from "@/lib/usage/formats";
import type { UsageImportView } from "./usage-types";
import { UsagePreview } from "./usage-preview";
import { UsageApply, type ScenarioChoice } from "./usage-apply";

/** Refused in the browser before any byte is sent; the server refuses it too. */
const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export function UsageImporter(props: {
  teamSlug: string;
  scenarios: ScenarioChoice[];
  templates: { id: string; title: string }[];
  initialScenario: string | null;
  initialImport: UsageImportView | null;
}) {
  const [format, setFormat] = useState("auto");
  // The browser's own zone until one is typed; the server renders UTC, so hydration matches.
  const browserZone = useSyncExternalStore(subscribeNever, browserTimeZone, () => "UTC");
  const [typedZone, setTimeZone] = useState<string | null>(null);
  const timeZone = typedZone ?? browserZone;
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<{ label: string; share: number } | null>(null);
  const [imported, setImported] = useState<UsageImportView | null>(props.initialImport);
  const [models, setModels] = useState<string[]>([]);
  const [requestsPerMonth, setRequestsPerMonth] = useState<number | null>(null);
  const upload = useMutation({
    mutationFn: async () => {
      if (!file) throw new ApiError(422, "Choose a file first.", { file: ["is required"] });
      if (file.size > MAX_UPLOAD_BYTES) throw new ApiError(413, `The file is larger than the ${MAX_UPLOAD_BYTES / 1024 / 1024} MB limit.`);
      const form = new FormData();
      form.append("format", format);
      form.append("timeZone", timeZone);
      form.append("file", file);
      return postWithProgress<UsageImportView>(`/api/v1/teams/${props.teamSlug}/usage-imports`, form, (s) =>
        setProgress({ label: s < 1 ? "Uploading and reading" : "Deriving the workload…", share: s }),
      );
    },
    onMutate: () => setImported(null),
    onSuccess: (result) => {
      setProgress(null);
      setImported(result);
      setModels([]);
      setRequestsPerMonth(null);
    },
    onError: () => setProgress(null),
  });
  const derived = useMemo(
    () => (imported ? deriveUsage(imported.aggregate, { models, requestsPerMonth }) : null),
    [imported, models, requestsPerMonth],
  );
  return (
    <div className="space-y-4">
      <UploadForm
        format={format}
        onFormat={setFormat}
        timeZone={timeZone}
        onTimeZone={setTimeZone}
        onFile={setFile}
        canRead={!!file && !upload.isPending}
        onRead={() => upload.mutate()}
        progress={progress}
        error={upload.error}
      />
      {imported && derived ? (
        <>
          <UsagePreview
            imported={imported}
            derived={derived}
            models={models}
            onModels={setModels}
            requestsPerMonth={requestsPerMonth}
            onRequestsPerMonth={setRequestsPerMonth}
          />
          <UsageApply
            teamSlug={props.teamSlug}
            imported={imported}
            derived={derived}
            models={models}
            requestsPerMonth={requestsPerMonth}
            scenarios={props.scenarios}
            templates={props.templates}
            initialScenario={props.initialScenario}
          />
        </>
      ) : null}
    </div>
  );
}

/** Format, time zone and file; the upload's progress and error. */
function UploadForm(p: {
  format: string;
  onFormat: (f: string) => void;
  timeZone: string;
  onTimeZone: (z: string) => void;
  onFile: (f: File | null) => void;
  canRead: boolean;
  onRead: () => void;
  progress: { label: string; share: number } | null;
  error: unknown;
}) {
  return (
    <section className="space-y-3 rounded-lg border border-gray-200 bg-white p-4" data-testid="usage-upload">
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label>
          <span className="field-label">Format</span>
          <select className="field-input py-1.5" value={p.format} onChange={(e) => p.onFormat(e.target.value)} aria-label="Format">
            <option value="auto">Detect from the file</option>
            {USAGE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_NAMES[f]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="field-label">Time zone of the profile</span>
          <input
            className="field-input py-1.5"
            value={p.timeZone}
            onChange={(e) => p.onTimeZone(e.target.value)}
            aria-label="Time zone"
            list="usage-time-zones"
          />
          <TimeZoneList />
        </label>
        <label>
          <span className="field-label">Usage export</span>
          <input
            type="file"
            accept=".json,.jsonl,.csv,application/json,text/csv"
            onChange={(e) => p.onFile(e.target.files?.[0] ?? null)}
            aria-label="Usage export"
            className="text-sm"
          />
        </label>
        <button className="btn-primary" disabled={!p.canRead} onClick={p.onRead}>
          Read the file
        </button>
      </div>
      <p className="text-xs text-gray-500">
        Generic CSV columns: timestamp (ISO 8601 with Z or an offset), model, input_tokens (cached included), cached_input_tokens,
        output_tokens, and optionally cache_write_tokens, latency_ms, requests (rows that count several requests).
      </p>
      {p.progress ? <Progress {...p.progress} /> : null}
      <Errors error={p.error} />
    </section>
  );
}

const subscribeNever = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
let knownZones: string[] | null = null;
const browserZones = () => (knownZones ??= Intl.supportedValuesOf?.("timeZone") ?? []);
const NO_ZONES: string[] = [];

/** The IANA zones this browser knows, as suggestions (none in the server's render, whose list may differ). */
function TimeZoneList() {
  const zones = useSyncExternalStore(subscribeNever, browserZones, () => NO_ZONES);
  return (
    <datalist id="usage-time-zones">
      {zones.map((z) => (
        <option key={z} value={z} />
      ))}
    </datalist>
  );
}

"use client";

// The fields of a price feed, for adding one and for changing it.
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { Errors } from "@/app/components/upload";

export type FeedFields = {
  name: string;
  url: string;
  format: string;
  schedule: string;
  autoPublish: boolean;
  maxPriceChangePercent: number;
  maxRowChanges: number;
  retireMissing: boolean;
};

export const FEEDS_KEY = ["catalog-feeds"] as const;

const FORMATS: [string, string][] = [
  ["genai-prices", "pydantic/genai-prices data.json"],
  ["litellm", "LiteLLM model_prices_and_context_window.json"],
  ["llm-prices", "simonw/llm-prices JSON"],
  ["gpu-csv", "GPU offers CSV"],
];
const SCHEDULES: [string, string][] = [
  ["hourly", "every hour"],
  ["daily", "daily, 06:07 UTC"],
  ["weekly", "weekly, Monday 06:07 UTC"],
  ["manual", "only when asked"],
];

const EMPTY: FeedFields = {
  name: "",
  url: "",
  format: "genai-prices",
  schedule: "daily",
  autoPublish: false,
  maxPriceChangePercent: 10,
  maxRowChanges: 5,
  retireMissing: false,
};

export function FeedForm({ feedId, initial, onDone }: { feedId?: string; initial?: FeedFields; onDone?: () => void }) {
  const [f, setF] = useState<FeedFields>(initial ?? EMPTY);
  const set: SetField = (k, v) => setF((old) => ({ ...old, [k]: v }));
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      api(feedId ? `/api/v1/catalog/feeds/${feedId}` : "/api/v1/catalog/feeds", { method: feedId ? "PUT" : "POST", body: f }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: FEEDS_KEY });
      if (!feedId) setF(EMPTY);
      onDone?.();
    },
  });
  return (
    <form
      className="grid gap-3 sm:grid-cols-2"
      aria-label={feedId ? `Change feed ${initial?.name}` : "Add a price feed"}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <label>
        <span className="field-label">Name</span>
        <input className="field-input" value={f.name} onChange={(e) => set("name", e.target.value)} required maxLength={60} />
      </label>
      <label>
        <span className="field-label">Feed URL</span>
        <input
          className="field-input"
          type="url"
          value={f.url}
          onChange={(e) => set("url", e.target.value)}
          required
          placeholder="https://…"
        />
      </label>
      <label>
        <span className="field-label">Format</span>
        <select className="field-input" value={f.format} onChange={(e) => set("format", e.target.value)}>
          {FORMATS.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="field-label">Refresh</span>
        <select className="field-input" value={f.schedule} onChange={(e) => set("schedule", e.target.value)}>
          {SCHEDULES.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <Autonomy f={f} set={set} />
      <div className="flex items-center gap-3 sm:col-span-2">
        <button className="btn-primary" type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : feedId ? "Save feed" : "Add feed"}
        </button>
        {onDone ? (
          <button type="button" className="btn-secondary" onClick={onDone}>
            Cancel
          </button>
        ) : null}
      </div>
      <div className="sm:col-span-2">
        <Errors error={save.error} />
      </div>
    </form>
  );
}

type SetField = <K extends keyof FeedFields>(k: K, v: FeedFields[K]) => void;

/** What a refresh may publish without review: the auto-publish switch and its limits. */
function Autonomy({ f, set }: { f: FeedFields; set: SetField }) {
  return (
    <fieldset className="space-y-2 rounded-md border border-gray-200 p-3 sm:col-span-2">
      <legend className="px-1 text-xs font-medium text-gray-700">What a refresh may do on its own</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={f.autoPublish} onChange={(e) => set("autoPublish", e.target.checked)} />
        Publish the draft when every change is small (otherwise it waits for review)
      </label>
      <div className="grid gap-3 sm:grid-cols-2">
        <label>
          <span className="field-label">Largest price move published on its own (%)</span>
          <input
            className="field-input"
            type="number"
            min={0}
            step="any"
            value={f.maxPriceChangePercent}
            onChange={(e) => set("maxPriceChangePercent", Number(e.target.value))}
          />
        </label>
        <label>
          <span className="field-label">Rows added or retired published on their own</span>
          <input
            className="field-input"
            type="number"
            min={0}
            step={1}
            value={f.maxRowChanges}
            onChange={(e) => set("maxRowChanges", Number(e.target.value))}
          />
        </label>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={f.retireMissing} onChange={(e) => set("retireMissing", e.target.checked)} />
        Retire rows of a provider the feed lists but no longer carries
      </label>
    </fieldset>
  );
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useDeferredValue, useEffect, useMemo, useState } from "react";
import { useEngine } from "@/lib/client/use-engine";
import type { ScenarioInputRaw } from "@/lib/engine";
import type { Evaluation } from "@/lib/engine";
import { api, ApiError, queryKeys } from "@/lib/client/api";
import { ResultCharts } from "@/app/components/charts/result-charts";
import { RecommendationPanel } from "./recommendation-panel";
import { OptionsTable } from "./options-table";
import { DetailsPanels } from "./details-panels";
import { HybridPanel } from "./hybrid-panel";
import { QualityChart } from "@/app/components/charts/quality-chart";
import { ScenarioForm } from "./scenario-form";
import { DraftBanner, discardDraft, useLocalDraft, type LocalDraft } from "./local-draft";
import { ConflictView, loadTheirs, type Theirs } from "./conflict-view";
import { SaveBar } from "./save-bar";
import { useScenarioVersion } from "./scenario-version";
import type { PickerCatalog } from "@/lib/catalog/templates";

// The browser runs the same engine for instant what-if, with the scenario's own (seeded) Monte
// Carlo settings, so the figures on screen are the ones the memo and the server print for the
// same input. Until the first edit the server's evaluation of the saved revision is shown.
type Live = { evaluation: Evaluation | null; errors: Record<string, string[]> };
type Engine = NonNullable<ReturnType<typeof useEngine>>;

function evaluateLive(engine: Engine, input: ScenarioInputRaw): Live {
  try {
    return { evaluation: engine.evaluateScenario(input), errors: {} };
  } catch (error) {
    if (error instanceof engine.EngineInputError) {
      const errors: Record<string, string[]> = {};
      for (const i of error.issues) (errors[i.path] ??= []).push(i.message);
      return { evaluation: null, errors };
    }
    throw error;
  }
}

/** The evaluation on screen: the browser engine's (loaded for editors) on the latest valid input, else the last good one. */
function useLiveEvaluation(canEdit: boolean, input: ScenarioInputRaw, initialInput: ScenarioInputRaw, initialEvaluation: Evaluation) {
  const engine = useEngine(canEdit);
  const [lastGood, setLastGood] = useState<Evaluation>(initialEvaluation);
  const deferred = useDeferredValue(input);
  const live = useMemo<Live>(() => {
    if (deferred === initialInput) return { evaluation: initialEvaluation, errors: {} };
    return engine ? evaluateLive(engine, deferred) : { evaluation: null, errors: {} };
  }, [engine, deferred, initialInput, initialEvaluation]);
  if (live.evaluation && live.evaluation !== lastGood) setLastGood(live.evaluation);
  return { shown: live.evaluation ?? lastGood, liveErrors: live.errors };
}

/** The edited input, whether it differs from the saved one, and the revision the edits started from. */
function useEdits(initialInput: ScenarioInputRaw) {
  const [input, setInput] = useState<ScenarioInputRaw>(initialInput);
  const [dirty, setDirty] = useState(false);
  // The revision the edits started from: a conflict view compares both sides' changes with it.
  const [baseInput, setBaseInput] = useState<ScenarioInputRaw>(initialInput);
  // What a save names as its base: the page's current version, unless the edits started from
  // another one (a restored draft, a merge onto their revision).
  const [restoredBase, setRestoredBase] = useState<number | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  // The form's fields keep what was typed; replacing the whole input (a restored draft, their
  // version after a conflict) remounts the form so every field shows the new value.
  const [formKey, setFormKey] = useState(0);
  const set = (mutate: (draft: ScenarioInputRaw) => void) => {
    setInput((prev) => {
      const next = structuredClone(prev);
      mutate(next);
      return next;
    });
    setDirty(true);
    setServerErrors({});
  };
  const replace = (next: ScenarioInputRaw, base: ScenarioInputRaw, baseVersion: number | null) => {
    setInput(next);
    setBaseInput(base);
    setRestoredBase(baseVersion);
    setFormKey((k) => k + 1);
  };
  return { input, set, replace, dirty, setDirty, baseInput, restoredBase, setRestoredBase, formKey, serverErrors, setServerErrors };
}

type Conflict = { text: string; theirs: Theirs | null };

/** Saving the revision, and how the last attempt failed: a stale base is a conflict, with their version loaded. */
function useSaveScenario(
  scenarioId: string,
  message: string,
  on: { saved: (version: number) => void; fieldErrors: (e: Record<string, string[]>) => void },
) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: { baseVersion: number; input: ScenarioInputRaw }) =>
      api<{ version: number; revision: number }>(`/api/v1/scenarios/${scenarioId}`, { method: "PUT", body: { ...body, message } }),
    onSuccess: (r) => {
      discardDraft(scenarioId);
      setError(null);
      setConflict(null);
      on.saved(r.version);
      void queryClient.invalidateQueries({ queryKey: queryKeys.revisions(scenarioId) });
      router.refresh();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 422) {
        const mapped: Record<string, string[]> = {};
        for (const [k, v] of Object.entries(e.fieldErrors)) mapped[k.replace(/^input\./, "")] = v;
        on.fieldErrors(mapped);
      }
      if (e instanceof ApiError && e.status === 409) {
        setConflict({ text: e.message, theirs: null });
        loadTheirs(scenarioId).then(
          (theirs) => setConflict({ text: e.message, theirs }),
          () => setConflict({ text: `${e.message} Their version could not be loaded: reload the page to see it.`, theirs: null }),
        );
      } else setError(e.message);
    },
  });
  return { save, conflict, setConflict, error };
}

export function ScenarioWorkspace({
  scenarioId,
  initialInput,
  initialEvaluation,
  canEdit,
  catalog,
}: {
  scenarioId: string;
  initialInput: ScenarioInputRaw;
  initialEvaluation: Evaluation;
  canEdit: boolean;
  catalog: PickerCatalog;
}) {
  const edits = useEdits(initialInput);
  const { input, dirty, setDirty } = edits;
  const [message, setMessage] = useState("");
  const shared = useScenarioVersion();
  const version = edits.restoredBase ?? shared.version;
  // A User Timing mark when the workspace has hydrated: `npm run bench` reads it as "usable".
  useEffect(() => void performance.mark("scenario-interactive"), []);
  const draft = useLocalDraft(scenarioId, { dirty, baseVersion: version, baseInput: edits.baseInput, input, message }, initialInput);
  const { shown, liveErrors } = useLiveEvaluation(canEdit, input, initialInput, initialEvaluation);
  const errors = { ...edits.serverErrors, ...liveErrors };
  const saving = useSaveScenario(scenarioId, message, {
    saved: (v) => {
      edits.setRestoredBase(null);
      shared.setVersion(v);
      setDirty(false);
      setMessage("");
    },
    fieldErrors: edits.setServerErrors,
  });
  const { save, conflict } = saving;

  const editor = (
    <div className="space-y-3">
      <DraftOffer
        scenarioId={scenarioId}
        draft={draft}
        onRestore={(kept) => {
          edits.replace(kept.input, kept.baseInput ?? initialInput, kept.baseVersion);
          setMessage(kept.message);
          setDirty(true);
        }}
      />
      <ScenarioForm key={edits.formKey} input={input} set={edits.set} errors={errors} catalog={catalog} />
      <SaveBar
        headline={shown.recommendation.headline}
        message={message}
        onMessage={setMessage}
        error={saving.error && !conflict ? saving.error : null}
        canSave={dirty && !save.isPending && !conflict && Object.keys(liveErrors).length === 0}
        saving={save.isPending}
        dirty={dirty}
        onSave={() => save.mutate({ baseVersion: version, input })}
      />
    </div>
  );

  return (
    <div className="space-y-4">
      {conflict ? (
        <ConflictBanner
          scenarioId={scenarioId}
          conflict={conflict}
          base={edits.baseInput}
          mine={input}
          busy={save.isPending}
          onKeepMine={(theirs) => save.mutate({ baseVersion: theirs.version, input })}
          onTakeTheirs={() => setDirty(false)}
          onMerge={(theirs, merged) => {
            edits.replace(merged, theirs.input, theirs.version);
            saving.setConflict(null);
          }}
        />
      ) : null}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
        {canEdit ? editor : <ViewerInputs input={input} errors={errors} catalog={catalog} />}
        <Results shown={shown} invalid={Object.keys(liveErrors).length > 0} viewer={!canEdit} />
      </div>
    </div>
  );
}

/** A draft kept in this browser, offered back until it is restored or discarded. */
function DraftOffer({
  scenarioId,
  draft,
  onRestore,
}: {
  scenarioId: string;
  draft: ReturnType<typeof useLocalDraft>;
  onRestore: (kept: LocalDraft) => void;
}) {
  if (!draft.offered) return null;
  return (
    <DraftBanner
      draft={draft.offered}
      onRestore={(kept) => {
        onRestore(kept);
        draft.dismiss();
      }}
      onDiscard={() => {
        discardDraft(scenarioId);
        draft.dismiss();
      }}
    />
  );
}

function ConflictBanner({
  scenarioId,
  conflict,
  base,
  mine,
  busy,
  onKeepMine,
  onTakeTheirs,
  onMerge,
}: {
  scenarioId: string;
  conflict: Conflict;
  base: ScenarioInputRaw;
  mine: ScenarioInputRaw;
  busy: boolean;
  onKeepMine: (theirs: Theirs) => void;
  onTakeTheirs: () => void;
  onMerge: (theirs: Theirs, merged: ScenarioInputRaw) => void;
}) {
  const router = useRouter();
  const theirs = conflict.theirs;
  return (
    <div data-testid="save-conflict" className="space-y-2">
      {/* The server's sentence names who saved; once their version is here, the view below says it all. */}
      <p role="alert" className={theirs ? "sr-only" : "rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"} data-testid="save-error">
        {conflict.text}
      </p>
      {theirs ? (
        <ConflictView
          base={base}
          mine={mine}
          theirs={theirs}
          busy={busy}
          onKeepMine={() => onKeepMine(theirs)}
          // Taking theirs drops the draft and reloads the page's data.
          onTakeTheirs={() => {
            discardDraft(scenarioId);
            onTakeTheirs();
            router.refresh();
          }}
          onMerge={(merged) => onMerge(theirs, merged)}
        />
      ) : null}
    </div>
  );
}

function ViewerInputs({ input, errors, catalog }: { input: ScenarioInputRaw; errors: Record<string, string[]>; catalog: PickerCatalog }) {
  return (
    <div className="order-2 space-y-3 xl:order-1" data-testid="viewer-inputs">
      <p className="rounded-md border border-gray-200 bg-white px-3 py-2 text-xs text-gray-600">
        Every input of this revision, read only: ask an editor to change one.
      </p>
      <ScenarioForm input={input} set={() => {}} errors={errors} catalog={catalog} readOnly />
    </div>
  );
}

/** The results column. A viewer reads the results first on a narrow screen; the inputs follow them. */
function Results({ shown, invalid, viewer }: { shown: Evaluation; invalid: boolean; viewer: boolean }) {
  return (
    <div className={`min-w-0 space-y-6 ${viewer ? "order-1 xl:order-2" : ""}`} aria-live="polite">
      {invalid ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status">
          Fix the highlighted fields; the results below are from the last valid input.
        </p>
      ) : null}
      <RecommendationPanel evaluation={shown} />
      <OptionsTable evaluation={shown} />
      <HybridPanel evaluation={shown} />
      <QualityChart evaluation={shown} />
      <ResultCharts evaluation={shown} />
      <DetailsPanels evaluation={shown} />
    </div>
  );
}

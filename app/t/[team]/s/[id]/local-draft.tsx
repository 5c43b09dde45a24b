"use client";
// Unsaved edits are kept in this browser per scenario until they are saved or discarded, so a
// reload, a click elsewhere or a closed tab does not lose them; leaving the page with unsaved
// edits also asks first. A restored draft keeps the version it was based on, so if someone saved
// since, saving it is a conflict that says so, never a silent overwrite.
import { useEffect, useState } from "react";
import type { ScenarioInputRaw } from "@/lib/engine";

// baseInput (the revision the edits started from) is absent in drafts kept before it was added.
export type LocalDraft = { baseVersion: number; baseInput?: ScenarioInputRaw; input: ScenarioInputRaw; message: string; savedAt: number };

const keyOf = (scenarioId: string) => `breakeven:draft:${scenarioId}`;

function readDraft(scenarioId: string): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(keyOf(scenarioId));
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function discardDraft(scenarioId: string): void {
  window.localStorage.removeItem(keyOf(scenarioId));
}

/** Keeps the edits while `dirty`, warns before the page unloads with them, and offers a kept draft back once. */
export function useLocalDraft(
  scenarioId: string,
  state: { dirty: boolean; baseVersion: number; baseInput: ScenarioInputRaw; input: ScenarioInputRaw; message: string },
  loaded: ScenarioInputRaw,
) {
  const [offered, setOffered] = useState<LocalDraft | null>(null);
  const { dirty, baseVersion, baseInput, input, message } = state;

  // Read once after mounting (the server render has no localStorage).
  useEffect(() => {
    const draft = readDraft(scenarioId);
    if (!draft) return;
    if (JSON.stringify(draft.input) === JSON.stringify(loaded)) discardDraft(scenarioId);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the draft exists only in the browser
    else setOffered(draft);
    // Only on mount: `loaded` is the revision the page opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scenarioId]);

  useEffect(() => {
    if (!dirty) return;
    window.localStorage.setItem(
      keyOf(scenarioId),
      JSON.stringify({ baseVersion, baseInput, input, message, savedAt: Date.now() } satisfies LocalDraft),
    );
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty, scenarioId, baseVersion, baseInput, input, message]);

  return { offered, dismiss: () => setOffered(null) };
}

export function DraftBanner({
  draft,
  onRestore,
  onDiscard,
}: {
  draft: LocalDraft;
  onRestore: (draft: LocalDraft) => void;
  onDiscard: () => void;
}) {
  const when = new Date(draft.savedAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
  return (
    <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" data-testid="draft-banner">
      <p>Unsaved edits from {when} were kept in this browser.</p>
      <div className="mt-2 flex gap-2">
        <button type="button" className="btn-primary py-1 text-xs" onClick={() => onRestore(draft)}>
          Restore my edits
        </button>
        <button type="button" className="btn-secondary py-1 text-xs" onClick={onDiscard}>
          Discard them
        </button>
      </div>
    </div>
  );
}

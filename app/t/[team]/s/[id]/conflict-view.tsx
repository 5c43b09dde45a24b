"use client";
// When someone saved while you were editing: their changes beside yours (both taken against the
// revision you started from), and three ways on: keep yours as a new revision on top of theirs,
// take theirs, or merge field by field (theirs plus the changes of yours you tick).
import { useMemo, useState } from "react";
import type { ScenarioInputRaw } from "@/lib/engine";
import { api } from "@/lib/client/api";
import { differences, mergeChanges, type Difference } from "@/lib/results/differences";

export type Theirs = { input: ScenarioInputRaw; version: number; revision: number; author: string; message: string };

type CurrentScenario = {
  version: number;
  currentRevision: { number: number; input: ScenarioInputRaw; message: string; author: { name: string } | null } | null;
};

/** The scenario as it is now on the server. */
export async function loadTheirs(scenarioId: string): Promise<Theirs> {
  const s = await api<CurrentScenario>(`/api/v1/scenarios/${scenarioId}`);
  const r = s.currentRevision!;
  return { input: r.input, version: s.version, revision: r.number, author: r.author?.name ?? "Someone", message: r.message };
}

function Change({ d }: { d: Difference }) {
  return (
    <>
      <span className="text-gray-500">{d.section} · </span>
      {d.label}: {d.from} → <strong className="font-medium">{d.to}</strong>
    </>
  );
}

export function ConflictView({
  base,
  mine,
  theirs,
  busy,
  onKeepMine,
  onTakeTheirs,
  onMerge,
}: {
  base: ScenarioInputRaw;
  mine: ScenarioInputRaw;
  theirs: Theirs;
  busy: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onMerge: (merged: ScenarioInputRaw) => void;
}) {
  const mineChanged = useMemo(() => differences(base, mine), [base, mine]);
  const theirsChanged = useMemo(() => differences(base, theirs.input), [base, theirs.input]);
  const theirByKey = new Map(theirsChanged.map((d) => [d.key, d]));
  const [kept, setKept] = useState(() => new Set(mineChanged.map((d) => d.key)));
  const toggle = (key: string) =>
    setKept((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  return (
    <section
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm"
      data-testid="conflict-view"
      aria-labelledby="conflict-title"
    >
      <h2 id="conflict-title" className="text-base font-semibold text-amber-950">
        {theirs.author} saved revision {theirs.revision}
        {theirs.message ? ` (“${theirs.message}”)` : ""} while you were editing
      </h2>
      <p className="text-amber-950">
        Both sets of changes are measured from the revision you started from. Nothing is lost until you choose.
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        <TheirChanges changes={theirsChanged} />
        <MyChanges changes={mineChanged} theirs={theirByKey} kept={kept} onToggle={toggle} />
      </div>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="btn-primary"
          disabled={busy}
          onClick={() => onMerge(mergeChanges(base, mine, theirs.input, (d) => kept.has(d.key)))}
        >
          Merge: theirs plus my ticked changes
        </button>
        <button type="button" className="btn-secondary" disabled={busy} onClick={onKeepMine}>
          Keep mine (save over theirs as a new revision)
        </button>
        <button type="button" className="btn-secondary" disabled={busy} onClick={onTakeTheirs}>
          Take theirs (discard mine)
        </button>
      </div>
    </section>
  );
}

function TheirChanges({ changes }: { changes: Difference[] }) {
  return (
    <div data-testid="conflict-theirs">
      <h3 className="mb-1 font-semibold">Their changes</h3>
      {changes.length ? (
        <ul className="space-y-1">
          {changes.map((d) => (
            <li key={d.key}>
              <Change d={d} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-gray-600">None to the inputs (a rename or a status change).</p>
      )}
    </div>
  );
}

/** Your unsaved changes, each with a tick for the merge and a note where they changed it too. */
function MyChanges({
  changes,
  theirs,
  kept,
  onToggle,
}: {
  changes: Difference[];
  theirs: Map<string, Difference>;
  kept: Set<string>;
  onToggle: (key: string) => void;
}) {
  return (
    <div data-testid="conflict-mine">
      <h3 className="mb-1 font-semibold">Your unsaved changes (ticked ones go into a merge)</h3>
      <ul className="space-y-1">
        {changes.map((d) => (
          <li key={d.key}>
            <label className="flex items-start gap-2">
              <input type="checkbox" className="mt-1" checked={kept.has(d.key)} onChange={() => onToggle(d.key)} />
              <span>
                <Change d={d} />
                {theirs.has(d.key) ? (
                  <span className="block text-xs text-amber-900">
                    They changed this too: {theirs.get(d.key)!.to}. Untick to keep theirs.
                  </span>
                ) : null}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}

import "server-only";
// Builds memo content for what a user may read: one scenario revision, or a comparison. Access is
// the data layer's (a scenario outside the user's teams is "not found").
import { getScenarioAtRevision, loadSelection, type ScenarioAtRevision } from "../data/scenario-at-revision";
import { AppError } from "../errors";
import type { MemoDraft, MemoSource } from "./from-sources";
import { isoDay } from "../format/dates";

function source(f: ScenarioAtRevision): MemoSource {
  return {
    name: f.name,
    description: f.description,
    status: f.status,
    revision: f.revision.number,
    savedAt: f.revision.createdAt,
    message: f.revision.message,
    authors: f.authors,
    catalogVersion: f.revision.catalogVersion,
    input: f.revision.input,
  };
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^\w]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60) || "scenario";

/** What a memo is made of, not yet evaluated or laid out (memoFromDraft does both, on any thread). */

export type LoadedMemo = { draft: MemoDraft; fileBase: string };

export async function loadScenarioMemo(
  userId: string,
  scenarioId: string,
  opts: { revision?: number; context?: string; decision?: string; now?: Date },
): Promise<LoadedMemo> {
  const found = await getScenarioAtRevision(userId, scenarioId, { revision: opts.revision });
  if (!found) throw new AppError("not_found", opts.revision ? "Scenario or revision not found" : "Scenario not found");
  const now = opts.now ?? new Date();
  const draft: MemoDraft = {
    team: found.team.name,
    generatedAt: now,
    context: opts.context,
    decision: opts.decision,
    scenarios: [source(found)],
  };
  return { draft, fileBase: `breakeven-memo_${found.team.slug}_${slug(found.name)}_rev${found.revision.number}_${isoDay(now)}` };
}

export async function loadComparisonMemo(
  userId: string,
  teamSlug: string,
  selection: { id: string; revision?: number }[],
  opts: { context?: string; decision?: string; now?: Date },
): Promise<LoadedMemo> {
  const rows = await loadSelection(userId, teamSlug, selection);
  const now = opts.now ?? new Date();
  const draft: MemoDraft = {
    team: rows[0].team.name,
    generatedAt: now,
    context: opts.context,
    decision: opts.decision,
    scenarios: rows.map(source),
  };
  return { draft, fileBase: `breakeven-comparison_${teamSlug}_${rows.length}-scenarios_${isoDay(now)}` };
}

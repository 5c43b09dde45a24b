import "server-only";
// Builds memo content for what a user may read: one scenario revision, or a comparison. Access is
// the data layer's (a scenario outside the user's teams is "not found").
import { getScenarioForMemo } from "../data/scenario-at-revision";
import { AppError } from "../errors";
import type { MemoDraft, MemoSource } from "./from-sources";
import { requireComparable } from "../validation/memo";
import { isoDay } from "../format/dates";

type Found = NonNullable<Awaited<ReturnType<typeof getScenarioForMemo>>>;

function source(f: Found): MemoSource {
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
  const found = await getScenarioForMemo(userId, scenarioId, { revision: opts.revision });
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
  const found = await Promise.all(
    requireComparable(selection).map((s) => getScenarioForMemo(userId, s.id, { teamSlug, revision: s.revision })),
  );
  if (found.some((f) => !f)) throw new AppError("not_found", "One of the scenarios was not found in this team");
  const rows = found as Found[];
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

// Re-pricing saved scenarios at a catalog version's prices, without I/O: run in the job's worker
// thread (lib/data/reprice-pool.ts) or, without a build, on the calling thread.
import { randomUUID } from "node:crypto";
import { ENGINE_VERSION, evaluateFigures, parseScenario, readSummary, summarize, type EvaluationSummary } from "../engine";
import { compareSummaries, repriceInput, type CatalogPrices } from "./reprice";

/** A scenario's current revision as the batch reads it. */
export type Saved = { scenarioId: string; revisionId: string; input: unknown; summary: unknown; catalogVersionId: string | null };

export type RepricingRow = ReturnType<typeof compareSummaries> & {
  id: string;
  scenarioId: string;
  revisionId: string;
  catalogVersionId: string;
  summary: EvaluationSummary;
  changedPrices: number;
};

/** Rows to store, and the revisions whose row at this version came from an older engine (replaced). */
export type Repriced = { rows: RepricingRow[]; replaced: string[] };

/**
 * The current revision of a scenario re-evaluated at the version's prices, or null when neither
 * its prices nor its engine changed (or its input no longer parses: left for its owners to fix).
 * Monte Carlo is skipped: the comparison needs the recommendation, costs and breakeven only.
 */
export function repriceScenario(s: Saved, versionId: string, catalog: CatalogPrices) {
  const then = readSummary(s.summary);
  const olderEngine = then !== null && then.engineVersion !== ENGINE_VERSION;
  if (!then || (s.catalogVersionId === versionId && !olderEngine)) return null;
  let input;
  try {
    input = parseScenario(s.input);
  } catch {
    return null;
  }
  const repriced = repriceInput(input, catalog);
  if (repriced.changes.length === 0 && !olderEngine) return null;
  // Validated once, above: the catalog's rows pass the same bounds as the engine's fields.
  const now = summarize(evaluateFigures(repriced.input, { monteCarloSamples: 0 }));
  const row: RepricingRow = {
    id: randomUUID(),
    scenarioId: s.scenarioId,
    revisionId: s.revisionId,
    catalogVersionId: versionId,
    summary: now,
    changedPrices: repriced.changes.length,
    ...compareSummaries(then, now),
  };
  return { row, olderEngine };
}

/** Adds one scenario's result to a batch's. */
export function collect(out: Repriced, s: Saved, versionId: string, catalog: CatalogPrices): void {
  const result = repriceScenario(s, versionId, catalog);
  if (!result) return;
  out.rows.push(result.row);
  if (result.olderEngine) out.replaced.push(result.row.revisionId);
}

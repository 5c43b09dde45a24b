// Re-pricing a saved scenario at a newer catalog version: the options keep everything the team
// chose (model, GPU, utilisation, people…); only the prices that the catalog states are replaced,
// and compliance attributes nobody recorded are filled from the catalog.
// An API option is matched by provider, model, tier and endpoint region, a self-host option's GPU by provider and GPU
// type. Options with no match keep their prices and are listed. Pure: no I/O.
import type { ScenarioInput } from "../engine";
import type { EvaluationSummary } from "../engine";
import type { ApiPriceRow, GpuOfferRow } from "./importers";
import { isoDay } from "../format/dates";

/** A catalog row as the importers and the database hold it. */
export type CatalogApiPrice = ApiPriceRow;

export type CatalogGpuOffer = Pick<GpuOfferRow, "provider" | "gpuType" | "pricePerGpuHour" | "minGpus" | "sourceUrl" | "checkedAt"> &
  Partial<Pick<GpuOfferRow, "regions" | "certifications">> & { provisioning: string };

export type CatalogPrices = { label: string; apiPrices: CatalogApiPrice[]; gpuOffers: CatalogGpuOffer[] };

export type PriceChange = { optionId: string; option: string; field: string; before: number | null; after: number | null };

export type Repriced = { input: ScenarioInput; changes: PriceChange[]; unmatched: string[] };

/**
 * The catalog row for an API option: same provider, model, tier and endpoint region. An option
 * from before regions were recorded is "global" and takes the provider's only row if it has no
 * global one; a regional option never takes another region's prices.
 */
function apiRowFor(catalog: CatalogPrices, o: { provider: string; model: string; serviceTier: string; region: string }) {
  const rows = catalog.apiPrices.filter((r) => r.provider === o.provider && r.model === o.model && r.tier === o.serviceTier);
  return rows.find((r) => r.region === o.region) ?? (o.region === "global" && rows.length === 1 ? rows[0] : undefined);
}

function gpuRowFor(catalog: CatalogPrices, provider: string, gpuType: string): CatalogGpuOffer | undefined {
  const rows = catalog.gpuOffers.filter((r) => r.provider === provider && r.gpuType === gpuType);
  return rows.find((r) => r.provisioning === "on_demand") ?? rows[0];
}

/** A catalog row's off-peak window and prices, when it has all of them. */
export function offPeakOf(
  row: Pick<CatalogApiPrice, "offPeakStartUtc" | "offPeakEndUtc" | "offPeakInputPerM" | "offPeakOutputPerM">,
  cachedInputPerM: number | null = null,
) {
  const { offPeakStartUtc: start, offPeakEndUtc: end, offPeakInputPerM: input, offPeakOutputPerM: output } = row;
  return start != null && end != null && input != null && output != null
    ? { startHourUtc: start, endHourUtc: end, inputPerM: input, cachedInputPerM, outputPerM: output }
    : null;
}

/** A catalog row's long-context tier, when it has a threshold and both prices. */
export function longContextOf(
  row: Pick<CatalogApiPrice, "longContextThreshold" | "longContextInputPerM" | "longContextOutputPerM">,
  cachedInputPerM: number | null = null,
) {
  const { longContextThreshold: thresholdTokens, longContextInputPerM: inputPerM, longContextOutputPerM: outputPerM } = row;
  return thresholdTokens != null && inputPerM != null && outputPerM != null
    ? { thresholdTokens, inputPerM, cachedInputPerM, outputPerM }
    : null;
}

export function repriceInput(input: ScenarioInput, catalog: CatalogPrices): Repriced {
  const changes: PriceChange[] = [];
  const unmatched: string[] = [];
  const note = (optionId: string, option: string, field: string, before: number | null, after: number | null) => {
    if ((before ?? null) !== (after ?? null)) changes.push({ optionId, option, field, before, after });
  };
  const apiOptions = input.apiOptions.map((o) => {
    const row = o.provider && o.model ? apiRowFor(catalog, o) : undefined;
    if (!row) {
      unmatched.push(o.label);
      return o;
    }
    const p = o.prices;
    const longContext = longContextOf(row, p.longContext?.cachedInputPerM ?? null);
    const prices = {
      inputPerM: row.inputPerM,
      cachedInputPerM: row.cachedInputPerM,
      cacheWritePerM: row.cacheWritePerM,
      outputPerM: row.outputPerM,
      batchDiscount: row.batchDiscount,
      longContext,
      offPeak: offPeakOf(row, p.offPeak?.cachedInputPerM ?? null),
    };
    for (const f of ["inputPerM", "cachedInputPerM", "cacheWritePerM", "outputPerM", "batchDiscount"] as const)
      note(o.id, o.label, f, p[f], prices[f]);
    note(o.id, o.label, "longContext.inputPerM", p.longContext?.inputPerM ?? null, longContext?.inputPerM ?? null);
    note(o.id, o.label, "longContext.outputPerM", p.longContext?.outputPerM ?? null, longContext?.outputPerM ?? null);
    note(o.id, o.label, "offPeak.inputPerM", p.offPeak?.inputPerM ?? null, prices.offPeak?.inputPerM ?? null);
    note(o.id, o.label, "offPeak.outputPerM", p.offPeak?.outputPerM ?? null, prices.offPeak?.outputPerM ?? null);
    return {
      ...o,
      prices,
      attributes: filledAttributes(o.attributes, row),
      source: { ...o.source, url: row.sourceUrl, checkedAt: isoDay(row.checkedAt) },
    };
  });
  const selfHostOptions = input.selfHostOptions.map((o) => {
    const row = gpuRowFor(catalog, o.gpu.provider, o.gpu.gpuType);
    if (!row) {
      unmatched.push(o.label);
      return o;
    }
    note(o.id, o.label, "gpu.pricePerGpuHour", o.gpu.pricePerGpuHour, row.pricePerGpuHour);
    note(o.id, o.label, "gpu.minGpus", o.gpu.minGpus, row.minGpus);
    return {
      ...o,
      gpu: {
        ...o.gpu,
        pricePerGpuHour: row.pricePerGpuHour,
        minGpus: row.minGpus,
        regions: o.gpu.regions.length ? o.gpu.regions : (row.regions ?? []),
        source: { ...o.gpu.source, url: row.sourceUrl, checkedAt: isoDay(row.checkedAt) },
      },
      certifications: o.certifications.length ? o.certifications : (row.certifications ?? []),
    };
  });
  return { input: { ...input, apiOptions, selfHostOptions }, changes, unmatched };
}

/**
 * An option's compliance attributes with the catalog's filling only what nobody recorded (empty or
 * null): what the team entered stays, and an option saved before the catalog carried attributes
 * gets a verdict instead of "not verified".
 */
function filledAttributes(a: ScenarioInput["apiOptions"][number]["attributes"], row: CatalogApiPrice) {
  return {
    ...a,
    certifications: a.certifications.length ? a.certifications : (row.certifications ?? []),
    regions: a.regions.length ? a.regions : (row.dataRegions ?? []),
    zeroDataRetention: a.zeroDataRetention ?? row.zeroDataRetention ?? null,
    typicalTtftMs: a.typicalTtftMs ?? row.typicalTtftMs ?? null,
  };
}

export type RepriceComparison = {
  monthlyThen: number | null;
  monthlyNow: number | null;
  outcomeThen: EvaluationSummary["outcome"];
  outcomeNow: EvaluationSummary["outcome"];
  optionThen: string | null;
  optionNow: string | null;
  breakevenThen: number | null;
  breakevenNow: number | null;
};

export function compareSummaries(then: EvaluationSummary, now: EvaluationSummary): RepriceComparison {
  return {
    monthlyThen: then.recommendedMonthlyCost,
    monthlyNow: now.recommendedMonthlyCost,
    outcomeThen: then.outcome,
    outcomeNow: now.outcome,
    optionThen: then.recommendedLabel,
    optionNow: now.recommendedLabel,
    breakevenThen: then.breakevenRequestsPerMonth,
    breakevenNow: now.breakevenRequestsPerMonth,
  };
}

export type Threshold = { percent: number | null; usd: number | null };

/**
 * Whether the dashboard marks a re-priced scenario. A changed recommendation is always marked;
 * otherwise the change of the recommended option's monthly cost must reach every threshold the
 * owners set (percent of the saved cost and/or US$ a month). With no threshold any change in
 * cost or breakeven is marked.
 */
/** The re-priced result recommends another kind of option, or another option. */
export function isFlipped(c: { outcomeThen: string; outcomeNow: string; optionThen: string | null; optionNow: string | null }): boolean {
  return c.outcomeThen !== c.outcomeNow || c.optionThen !== c.optionNow;
}

export function isMarked(c: RepriceComparison, t: Threshold): boolean {
  if (isFlipped(c)) return true;
  const delta = c.monthlyThen !== null && c.monthlyNow !== null ? Math.abs(c.monthlyNow - c.monthlyThen) : 0;
  const share = c.monthlyThen ? delta / Math.abs(c.monthlyThen) : delta > 0 ? 1 : 0;
  if (t.percent === null && t.usd === null) return delta >= 0.005 || (c.breakevenThen ?? null) !== (c.breakevenNow ?? null);
  return (t.percent === null || share * 100 >= t.percent) && (t.usd === null || delta >= t.usd) && delta >= 0.005;
}

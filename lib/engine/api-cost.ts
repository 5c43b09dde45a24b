// API monthly cost (DESIGN.md "API monthly cost"):
//   I = R·Ti, O = R·To; uncached = I·(1 − h − w), read = I·h, write = I·w
//   tokens$ = (uncached·pin + read·pread + write·pwrite + O·pout) / 1e6
//   API = tokens$·(1 − b·db) + FTE_api·salary/12
import { MONTHS_PER_YEAR, TOKENS_PER_MILLION } from "./constants";
import { line, total, type LineFigures } from "./cost-line";
import type { ApiOption, Workload } from "./schema";
import { dailyProfile, shareInUtcWindow } from "./profile";

export type EffectiveApiPrices = {
  input: number;
  cachedRead: number;
  cacheWrite: number;
  output: number;
  batchDiscount: number;
  tier: "standard" | "long-context";
  /** Share of requests billed at off-peak prices (0 without them); the prices above are blended. */
  offPeakShare: number;
  flags: PriceFlag[];
};

/** A price the option lacks or a tier it bills at, as a code; describe-lines.ts words it. */
export type PriceFlag =
  | { code: "no-cached-price" | "no-cache-write-price" | "no-batch" }
  | { code: "long-context"; thresholdTokens: number }
  | { code: "off-peak"; startHourUtc: number; endHourUtc: number; share: number; typedProfile: boolean };

/** The prices a request of this size pays, with every fallback for a missing price flagged. */
export function effectiveApiPrices(option: ApiOption, workload: Workload): EffectiveApiPrices {
  const p = option.prices;
  const flags: PriceFlag[] = [];
  const long = p.longContext && workload.inputTokensPerRequest > p.longContext.thresholdTokens ? p.longContext : null;
  const input = long ? long.inputPerM : p.inputPerM;
  const output = long ? long.outputPerM : p.outputPerM;
  let cachedRead = long ? long.cachedInputPerM : p.cachedInputPerM;
  if (cachedRead == null) {
    cachedRead = input;
    if (workload.apiCacheReadShare > 0) flags.push({ code: "no-cached-price" });
  }
  let cacheWrite = p.cacheWritePerM;
  if (cacheWrite == null) {
    cacheWrite = input;
    if (workload.apiCacheWriteShare > 0) flags.push({ code: "no-cache-write-price" });
  }
  let batchDiscount = p.batchDiscount;
  if (batchDiscount == null) {
    batchDiscount = 0;
    if (workload.batchShare > 0) flags.push({ code: "no-batch" });
  }
  if (long) flags.push({ code: "long-context", thresholdTokens: long.thresholdTokens });
  const prices: EffectiveApiPrices = {
    input,
    cachedRead,
    cacheWrite,
    output,
    batchDiscount,
    tier: long ? "long-context" : "standard",
    offPeakShare: 0,
    flags,
  };
  return p.offPeak && !long ? withOffPeak(prices, p.offPeak, workload) : prices;
}

/**
 * Off-peak prices blended in by the share of the day's requests the workload's 24-hour profile
 * (typed, imported or generated) puts inside the provider's UTC window.
 */
function withOffPeak(
  prices: EffectiveApiPrices,
  offPeak: NonNullable<ApiOption["prices"]["offPeak"]>,
  workload: Workload,
): EffectiveApiPrices {
  const s = shareInUtcWindow(dailyProfile(workload), workload.profileUtcOffsetHours, offPeak.startHourUtc, offPeak.endHourUtc);
  const blend = (peak: number, off: number) => peak * (1 - s) + off * s;
  const offCached = offPeak.cachedInputPerM ?? offPeak.inputPerM;
  return {
    ...prices,
    input: blend(prices.input, offPeak.inputPerM),
    cachedRead: blend(prices.cachedRead, offCached),
    cacheWrite: blend(prices.cacheWrite, offPeak.inputPerM),
    output: blend(prices.output, offPeak.outputPerM),
    offPeakShare: s,
    flags: [
      ...prices.flags,
      {
        code: "off-peak",
        startHourUtc: offPeak.startHourUtc,
        endHourUtc: offPeak.endHourUtc,
        share: s,
        typedProfile: !!workload.hourlyProfile,
      },
    ],
  };
}

/** US$ of tokens per request before the batch discount; cheap enough for Monte Carlo loops. */
export function apiTokenCostPerRequest(
  inputTokens: number,
  outputTokens: number,
  cacheReadShare: number,
  cacheWriteShare: number,
  prices: Pick<EffectiveApiPrices, "input" | "cachedRead" | "cacheWrite" | "output">,
): number {
  const uncached = inputTokens * (1 - cacheReadShare - cacheWriteShare);
  return (
    (uncached * prices.input +
      inputTokens * cacheReadShare * prices.cachedRead +
      inputTokens * cacheWriteShare * prices.cacheWrite +
      outputTokens * prices.output) /
    TOKENS_PER_MILLION
  );
}

/** The API bill as a linear function of volume: perRequest·R + fixed. */
export type ApiCostModel = { perRequest: number; fixed: number; prices: EffectiveApiPrices };

export function apiCostModel(option: ApiOption, workload: Workload, engineerAnnualCost: number): ApiCostModel {
  const prices = effectiveApiPrices(option, workload);
  const tokens = apiTokenCostPerRequest(
    workload.inputTokensPerRequest,
    workload.outputTokensPerRequest,
    workload.apiCacheReadShare,
    workload.apiCacheWriteShare,
    prices,
  );
  const perRequest = tokens * (1 - workload.batchShare * prices.batchDiscount);
  return { perRequest, fixed: (option.integrationFte * engineerAnnualCost) / MONTHS_PER_YEAR, prices };
}

export function apiMonthlyCost(model: ApiCostModel, requestsPerMonth: number): number {
  return model.perRequest * requestsPerMonth + model.fixed;
}

/** The API bill line by line at today's volume; the lines add up to apiMonthlyCost. */
export function apiCostLines(
  option: ApiOption,
  workload: Workload,
  engineerAnnualCost: number,
  prices: EffectiveApiPrices = effectiveApiPrices(option, workload),
): { lines: LineFigures[]; flags: PriceFlag[] } {
  const I = workload.requestsPerMonth * workload.inputTokensPerRequest;
  const O = workload.requestsPerMonth * workload.outputTokensPerRequest;
  const h = workload.apiCacheReadShare;
  const w = workload.apiCacheWriteShare;
  const { tier, offPeakShare } = prices;
  const lines = [line({ code: "uncached-input", tier, offPeakShare }, (I * (1 - h - w)) / TOKENS_PER_MILLION, prices.input)];
  if (h > 0)
    lines.push(
      line({ code: "cached-input", unpriced: option.prices.cachedInputPerM == null }, (I * h) / TOKENS_PER_MILLION, prices.cachedRead),
    );
  if (w > 0)
    lines.push(
      line({ code: "cache-write", unpriced: option.prices.cacheWritePerM == null }, (I * w) / TOKENS_PER_MILLION, prices.cacheWrite),
    );
  lines.push(line({ code: "output", tier, offPeakShare }, O / TOKENS_PER_MILLION, prices.output));
  if (workload.batchShare > 0 && prices.batchDiscount > 0) {
    const tokenSpend = total(lines);
    lines.push(line({ code: "batch-discount", batchShare: workload.batchShare }, tokenSpend * workload.batchShare, -prices.batchDiscount));
  }
  if (option.integrationFte > 0)
    lines.push(
      line(
        { code: "api-engineering", fte: option.integrationFte, salary: engineerAnnualCost },
        option.integrationFte,
        engineerAnnualCost / MONTHS_PER_YEAR,
      ),
    );
  return { lines, flags: prices.flags };
}

// API monthly cost (DESIGN.md "API monthly cost"):
//   I = R·Ti, O = R·To; uncached = I·(1 − h − w), read = I·h, write = I·w
//   tokens$ = (uncached·pin + read·pread + write·pwrite + O·pout) / 1e6
//   API = tokens$·(1 − b·db) + FTE_api·salary/12
import { formatShare, groupDigits } from "../format/numbers";
import { formatHourOfDay } from "../format/dates";
import { MONTHS_PER_YEAR, TOKENS_PER_MILLION } from "./constants";
import { line, total, type CostLine } from "./cost-line";
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
  flags: string[];
};

/** The prices a request of this size pays, with every fallback for a missing price flagged. */
export function effectiveApiPrices(option: ApiOption, workload: Workload): EffectiveApiPrices {
  const p = option.prices;
  const flags: string[] = [];
  const long = p.longContext && workload.inputTokensPerRequest > p.longContext.thresholdTokens ? p.longContext : null;
  const input = long ? long.inputPerM : p.inputPerM;
  const output = long ? long.outputPerM : p.outputPerM;
  let cachedRead = long ? long.cachedInputPerM : p.cachedInputPerM;
  if (cachedRead == null) {
    cachedRead = input;
    if (workload.apiCacheReadShare > 0) flags.push("No cached-input price: cached reads are billed at the full input price.");
  }
  let cacheWrite = p.cacheWritePerM;
  if (cacheWrite == null) {
    cacheWrite = input;
    if (workload.apiCacheWriteShare > 0) flags.push("No cache-write price: cache writes are billed at the input price.");
  }
  let batchDiscount = p.batchDiscount;
  if (batchDiscount == null) {
    batchDiscount = 0;
    if (workload.batchShare > 0) flags.push("No batch API: the batch share is billed at the standard price.");
  }
  if (long)
    flags.push(
      `Requests exceed ${groupDigits(p.longContext!.thresholdTokens)} input tokens: long-context prices apply to all their tokens.`,
    );
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
  const window = `${formatHourOfDay(offPeak.startHourUtc)}–${formatHourOfDay(offPeak.endHourUtc)} UTC`;
  return {
    ...prices,
    input: blend(prices.input, offPeak.inputPerM),
    cachedRead: blend(prices.cachedRead, offCached),
    cacheWrite: blend(prices.cacheWrite, offPeak.inputPerM),
    output: blend(prices.output, offPeak.outputPerM),
    offPeakShare: s,
    flags: [
      ...prices.flags,
      `Off-peak prices (${window}) apply to ${formatShare(s)} of requests by the workload's 24-hour profile (${workload.hourlyProfile ? "typed or imported" : "generated from the peak ratio and active hours"}); token prices are blended.`,
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

export function apiCostLines(
  option: ApiOption,
  workload: Workload,
  engineerAnnualCost: number,
  prices: EffectiveApiPrices = effectiveApiPrices(option, workload),
): { lines: CostLine[]; flags: string[] } {
  const I = workload.requestsPerMonth * workload.inputTokensPerRequest;
  const O = workload.requestsPerMonth * workload.outputTokensPerRequest;
  const h = workload.apiCacheReadShare;
  const w = workload.apiCacheWriteShare;
  const src = option.source.name + (option.source.checkedAt ? `, checked ${option.source.checkedAt}` : "");
  const tierNote =
    prices.tier === "long-context"
      ? " (long-context tier)"
      : prices.offPeakShare > 0
        ? ` (${formatShare(prices.offPeakShare)} off-peak)`
        : "";
  const lines: CostLine[] = [
    line(`Uncached input tokens${tierNote}`, "1M tokens", (I * (1 - h - w)) / TOKENS_PER_MILLION, prices.input, src),
  ];
  if (h > 0) {
    const flag = option.prices.cachedInputPerM == null ? "No cached-input price: billed at the input price" : undefined;
    lines.push(line("Cached input tokens (read)", "1M tokens", (I * h) / TOKENS_PER_MILLION, prices.cachedRead, src, flag));
  }
  if (w > 0) {
    const flag = option.prices.cacheWritePerM == null ? "No cache-write price: billed at the input price" : undefined;
    lines.push(line("Cache-write input tokens", "1M tokens", (I * w) / TOKENS_PER_MILLION, prices.cacheWrite, src, flag));
  }
  lines.push(line(`Output tokens${tierNote}`, "1M tokens", O / TOKENS_PER_MILLION, prices.output, src));
  if (workload.batchShare > 0 && prices.batchDiscount > 0) {
    const tokenSpend = total(lines);
    lines.push(
      line(
        "Batch API discount",
        "US$ of token spend",
        tokenSpend * workload.batchShare,
        -prices.batchDiscount,
        `${src}; batch share ${pct(workload.batchShare)}`,
      ),
    );
  }
  if (option.integrationFte > 0) {
    lines.push(
      line(
        "Integration and maintenance engineering",
        "engineer-months",
        option.integrationFte,
        engineerAnnualCost / MONTHS_PER_YEAR,
        `Assumption: ${option.integrationFte} FTE at ${usd(engineerAnnualCost)}/year loaded`,
      ),
    );
  }
  return { lines, flags: prices.flags };
}

const pct = (v: number) => `${Math.round(v * 100)}%`;
const usd = (v: number) => `$${groupDigits(v)}`;

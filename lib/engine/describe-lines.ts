// Part of the engine's text (describe.ts): cost lines and price flags in words. Each line's
// label, unit and source are written from its item code, its figures and the option it prices.
import type { PriceFlag } from "./api-cost";
import { HOURS_PER_MONTH } from "./constants";
import type { CostLine, LineFigures } from "./cost-line";
import type { ApiOption, SelfHostOption } from "./schema";
import { formatHourOfDay } from "../format/dates";
import { formatShare, groupDigits } from "../format/numbers";
import { plural } from "../format/text";

/** A line as a reader sees it: the figures with their label, unit and source (and flag, when there is one). */
function worded(l: LineFigures, label: string, unit: string, source: string, flag?: string): CostLine {
  const out: CostLine = { label, unit, quantity: l.quantity, unitPrice: l.unitPrice, monthlyCost: l.monthlyCost, source };
  if (flag) out.flag = flag;
  return out;
}

const sourceName = (s: { name: string; checkedAt?: string | null }) => s.name + (s.checkedAt ? `, checked ${s.checkedAt}` : "");
const pct = (v: number) => `${Math.round(v * 100)}%`;
const salaryNote = (salary: number) => `$${groupDigits(salary)}/year loaded`;

export function describeApiLines(lines: LineFigures[], option: ApiOption): CostLine[] {
  const src = sourceName(option.source);
  return lines.map((l) => apiLine(l, src));
}

function apiLine(l: LineFigures, src: string): CostLine {
  const i = l.item;
  switch (i.code) {
    case "uncached-input":
    case "output": {
      const tier =
        i.tier === "long-context" ? " (long-context tier)" : i.offPeakShare > 0 ? ` (${formatShare(i.offPeakShare)} off-peak)` : "";
      return worded(l, `${i.code === "output" ? "Output" : "Uncached input"} tokens${tier}`, "1M tokens", src);
    }
    case "cached-input":
      return worded(
        l,
        "Cached input tokens (read)",
        "1M tokens",
        src,
        i.unpriced ? "No cached-input price: billed at the input price" : undefined,
      );
    case "cache-write":
      return worded(
        l,
        "Cache-write input tokens",
        "1M tokens",
        src,
        i.unpriced ? "No cache-write price: billed at the input price" : undefined,
      );
    case "batch-discount":
      return worded(l, "Batch API discount", "US$ of token spend", `${src}; batch share ${pct(i.batchShare)}`);
    case "api-engineering":
      return worded(l, "Integration and maintenance engineering", "engineer-months", `Assumption: ${i.fte} FTE at ${salaryNote(i.salary)}`);
    default:
      throw new Error(`${i.code} is not an API cost line`);
  }
}

const MODE_NOTES: Record<SelfHostOption["billingMode"], string> = {
  "always-on": "always on",
  "active-window": "scaled to the active window",
  "scale-to-zero": "scale to zero",
};

const ENTERED: Record<string, string> = {
  "overhead-networking": "Networking",
  "overhead-storage": "Storage",
  "overhead-load-balancing": "Load balancing",
  "overhead-observability": "Observability",
};

export function describeSelfHostLines(lines: LineFigures[], option: SelfHostOption): CostLine[] {
  return lines.map((l) => gpuLine(l, option) ?? serverLine(l, option) ?? otherSelfHostLine(l, option));
}

/** Rented GPU time under the option's pricing terms; null for any other line. */
function gpuLine(l: LineFigures, option: SelfHostOption): CostLine | null {
  const { gpu, pricing } = option;
  const what = `${gpu.gpuType} GPU time`;
  const source = sourceName(gpu.source);
  const mode = (coldStarts: number | null) =>
    MODE_NOTES[option.billingMode] +
    (coldStarts === null
      ? ""
      : `, about ${groupDigits(coldStarts)} cold ${coldStarts >= 0.5 && coldStarts < 1.5 ? "start" : "starts"} a month`);
  const off = (discount: number) => `${Math.round(discount * 100)}% off on-demand $${gpu.pricePerGpuHour.toFixed(2)}`;
  const i = l.item;
  switch (i.code) {
    case "gpu-time":
      return worded(l, `${what} (${gpu.provider}, ${mode(i.coldStarts)})`, "GPU-hours", source);
    case "gpu-spot":
      if (pricing.kind !== "spot") break;
      return worded(l, `${what}, spot (${gpu.provider}, ${mode(i.coldStarts)})`, "GPU-hours", `${source}; spot: ${off(pricing.discount)}`);
    case "spot-interruptions":
      if (pricing.kind !== "spot") break;
      return worded(
        l,
        "Work lost to spot interruptions (redone, replacements started)",
        "GPU-hours",
        `Assumption: ${formatShare(pricing.interruptionRate)} of GPU time interrupted; one more spare replica kept`,
      );
    case "gpu-committed": {
      if (pricing.kind !== "committed") break;
      const upfront =
        pricing.upfrontShare > 0
          ? `; ${formatShare(pricing.upfrontShare)} of the term paid at signing: $${groupDigits(
              pricing.upfrontShare * pricing.termMonths * pricing.committedGpus * HOURS_PER_MONTH * l.unitPrice,
            )}`
          : "";
      return worded(
        l,
        `${what}, committed (${gpu.provider}, ${plural(pricing.committedGpus, "GPU")} around the clock)`,
        "GPU-hours",
        `${source}; ${pricing.termMonths}-month commitment, ${off(pricing.discount)}${upfront}`,
      );
    }
    case "gpu-above-commitment":
      return worded(l, `${what} above the commitment, on demand (${gpu.provider}, ${mode(i.coldStarts)})`, "GPU-hours", source);
    default:
      return null;
  }
  throw new Error(`${i.code} does not match the option's ${pricing.kind} pricing`);
}

/** Owned servers' lines; null for any other line. */
function serverLine(l: LineFigures, option: SelfHostOption): CostLine | null {
  const h = option.hosting;
  if (h.kind !== "owned") return null;
  const months = "server-months";
  const i = l.item;
  switch (i.code) {
    case "server-depreciation": {
      const servers = `${i.servers} × ${h.gpusPerServer}×${option.gpu.gpuType} server${i.servers === 1 ? "" : "s"}`;
      const capital = `$${groupDigits(i.capitalPerServer)} each (price $${groupDigits(h.serverPrice)} + installation $${groupDigits(h.installationPerServer)})`;
      return worded(
        l,
        `Servers: depreciation (${servers})`,
        months,
        `${capital} over ${h.lifeYears} years, ${formatShare(h.residualShare)} residual value`,
      );
    }
    case "server-capital":
      return worded(l, "Cost of capital on the servers", months, `${formatShare(h.costOfCapital)} a year on the average book value`);
    case "server-maintenance":
      return worded(l, "Hardware maintenance and support", months, `${formatShare(h.maintenanceShare)} of capital a year`);
    case "server-power":
      return worded(
        l,
        "Power",
        "kWh",
        `${h.gpusPerServer} GPUs × ${groupDigits(h.gpuTdpW)} W at ${formatShare(i.gpuLoadShare)} average load + ${groupDigits(h.serverBaseW)} W base per server, 730 h, PUE ${h.pue}`,
      );
    case "server-facility":
      return worded(l, "Facility: rack space, cooling, hands", months, "Entered by the team");
    default:
      return null;
  }
}

/** Overhead and people. */
function otherSelfHostLine(l: LineFigures, option: SelfHostOption): CostLine {
  const people = (label: string, basis: string) => worded(l, label, "engineer-months", `Assumption: ${basis}`);
  const i = l.item;
  switch (i.code) {
    case "overhead-share": {
      const share = option.overhead.mode === "percent" ? option.overhead.percentOfGpu : 0;
      return worded(
        l,
        "Infrastructure overhead (networking, storage, load balancing, observability)",
        "US$ of GPU cost",
        `Assumption: ${Math.round(share * 100)}% of GPU cost`,
      );
    }
    case "overhead-networking":
    case "overhead-storage":
    case "overhead-load-balancing":
    case "overhead-observability":
      return worded(l, ENTERED[i.code], "month", "Entered by the team");
    case "people-engineering":
      return people("Serving-stack engineering (on-call, upgrades, tuning)", `${i.fte} FTE at ${salaryNote(i.salary)}`);
    case "people-operations":
      return people("Hardware operations (spares, repairs, firmware)", `${i.fte} FTE at ${salaryNote(i.salary)}`);
    case "people-setup":
      return people(
        `One-time set-up, amortised over ${i.horizonMonths} months`,
        `${i.engineerWeeks} engineer-weeks at ${salaryNote(i.salary)}`,
      );
    case "people-switching":
      return people(
        "Model switches (evaluation, re-tuning, rollout)",
        `${i.switchesPerYear} switches/year × ${i.weeksPerSwitch} engineer-weeks`,
      );
    default:
      throw new Error(`${i.code} is not a self-host cost line`);
  }
}

/** A price the option lacks or a tier it bills at, in a sentence. */
export function priceFlagText(f: PriceFlag): string {
  switch (f.code) {
    case "no-cached-price":
      return "No cached-input price: cached reads are billed at the full input price.";
    case "no-cache-write-price":
      return "No cache-write price: cache writes are billed at the input price.";
    case "no-batch":
      return "No batch API: the batch share is billed at the standard price.";
    case "long-context":
      return `Requests exceed ${groupDigits(f.thresholdTokens)} input tokens: long-context prices apply to all their tokens.`;
    case "off-peak": {
      const window = `${formatHourOfDay(f.startHourUtc)}–${formatHourOfDay(f.endHourUtc)} UTC`;
      const profile = f.typedProfile ? "typed or imported" : "generated from the peak ratio and active hours";
      return `Off-peak prices (${window}) apply to ${formatShare(f.share)} of requests by the workload's 24-hour profile (${profile}); token prices are blended.`;
    }
  }
}

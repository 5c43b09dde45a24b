// Part of the engine's text (describe.ts): cost lines and price flags in words. Each line's
// label, unit and source are written from its item code, its figures and the option it prices.
import type { PriceFlag } from "./api-cost";
import { HOURS_PER_MONTH } from "./constants";
import type { CostLine, LineFigures } from "./cost-line";
import type { ApiOption, SelfHostOption } from "./schema";
import { formatHourOfDay } from "../format/dates";
import { formatShare, groupDigits } from "../format/numbers";
import { plural } from "../format/text";

type Words = { label: string; unit: string; source: string; flag?: string };

/** A line as a reader sees it: the figures with their label, unit and source (and flag, when there is one). */
function worded(l: LineFigures, w: Words): CostLine {
  const out: CostLine = {
    label: w.label,
    unit: w.unit,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    monthlyCost: l.monthlyCost,
    source: w.source,
  };
  if (w.flag) out.flag = w.flag;
  return out;
}

const sourceName = (s: { name: string; checkedAt?: string | null }) => s.name + (s.checkedAt ? `, checked ${s.checkedAt}` : "");
const pct = (v: number) => `${Math.round(v * 100)}%`;
const salaryNote = (salary: number) => `$${groupDigits(salary)}/year loaded`;

export function describeApiLines(lines: LineFigures[], option: ApiOption): CostLine[] {
  const src = sourceName(option.source);
  return lines.map((l) => worded(l, apiWords(l, src)));
}

function apiWords(l: LineFigures, src: string): Words {
  const tokens = { unit: "1M tokens", source: src };
  switch (l.item) {
    case "uncached-input":
    case "output": {
      const tier =
        l.tier === "long-context" ? " (long-context tier)" : l.offPeakShare > 0 ? ` (${formatShare(l.offPeakShare)} off-peak)` : "";
      return { ...tokens, label: `${l.item === "output" ? "Output" : "Uncached input"} tokens${tier}` };
    }
    case "cached-input":
      return {
        ...tokens,
        label: "Cached input tokens (read)",
        flag: l.unpriced ? "No cached-input price: billed at the input price" : undefined,
      };
    case "cache-write":
      return {
        ...tokens,
        label: "Cache-write input tokens",
        flag: l.unpriced ? "No cache-write price: billed at the input price" : undefined,
      };
    case "batch-discount":
      return { label: "Batch API discount", unit: "US$ of token spend", source: `${src}; batch share ${pct(l.batchShare)}` };
    case "api-engineering":
      return {
        label: "Integration and maintenance engineering",
        unit: "engineer-months",
        source: `Assumption: ${l.fte} FTE at ${salaryNote(l.salary)}`,
      };
    default:
      throw new Error(`${l.item} is not an API cost line`);
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
  return lines.map((l) => worded(l, gpuWords(l, option) ?? serverWords(l, option) ?? otherSelfHostWords(l, option)));
}

/** Rented GPU time under the option's pricing terms; null for any other line. */
function gpuWords(l: LineFigures, option: SelfHostOption): Words | null {
  const { gpu, pricing } = option;
  const what = `${gpu.gpuType} GPU time`;
  const source = sourceName(gpu.source);
  const mode = (coldStarts: number | null) =>
    MODE_NOTES[option.billingMode] +
    (coldStarts === null
      ? ""
      : `, about ${groupDigits(coldStarts)} cold ${coldStarts >= 0.5 && coldStarts < 1.5 ? "start" : "starts"} a month`);
  const hours = { unit: "GPU-hours" };
  const off = (discount: number) => `${Math.round(discount * 100)}% off on-demand $${gpu.pricePerGpuHour.toFixed(2)}`;
  switch (l.item) {
    case "gpu-time":
      return { ...hours, label: `${what} (${gpu.provider}, ${mode(l.coldStarts)})`, source };
    case "gpu-spot":
      if (pricing.kind !== "spot") break;
      return {
        ...hours,
        label: `${what}, spot (${gpu.provider}, ${mode(l.coldStarts)})`,
        source: `${source}; spot: ${off(pricing.discount)}`,
      };
    case "spot-interruptions":
      if (pricing.kind !== "spot") break;
      return {
        ...hours,
        label: "Work lost to spot interruptions (redone, replacements started)",
        source: `Assumption: ${formatShare(pricing.interruptionRate)} of GPU time interrupted; one more spare replica kept`,
      };
    case "gpu-committed": {
      if (pricing.kind !== "committed") break;
      const upfront =
        pricing.upfrontShare > 0
          ? `; ${formatShare(pricing.upfrontShare)} of the term paid at signing: $${groupDigits(
              pricing.upfrontShare * pricing.termMonths * pricing.committedGpus * HOURS_PER_MONTH * l.unitPrice,
            )}`
          : "";
      return {
        ...hours,
        label: `${what}, committed (${gpu.provider}, ${plural(pricing.committedGpus, "GPU")} around the clock)`,
        source: `${source}; ${pricing.termMonths}-month commitment, ${off(pricing.discount)}${upfront}`,
      };
    }
    case "gpu-above-commitment":
      return { ...hours, label: `${what} above the commitment, on demand (${gpu.provider}, ${mode(l.coldStarts)})`, source };
    default:
      return null;
  }
  throw new Error(`${l.item} does not match the option's ${pricing.kind} pricing`);
}

/** Owned servers' lines; null for any other line. */
function serverWords(l: LineFigures, option: SelfHostOption): Words | null {
  const h = option.hosting;
  if (h.kind !== "owned") return null;
  const months = { unit: "server-months" };
  switch (l.item) {
    case "server-depreciation": {
      const servers = `${l.servers} × ${h.gpusPerServer}×${option.gpu.gpuType} server${l.servers === 1 ? "" : "s"}`;
      const capital = `$${groupDigits(l.capitalPerServer)} each (price $${groupDigits(h.serverPrice)} + installation $${groupDigits(h.installationPerServer)})`;
      return {
        ...months,
        label: `Servers: depreciation (${servers})`,
        source: `${capital} over ${h.lifeYears} years, ${formatShare(h.residualShare)} residual value`,
      };
    }
    case "server-capital":
      return {
        ...months,
        label: "Cost of capital on the servers",
        source: `${formatShare(h.costOfCapital)} a year on the average book value`,
      };
    case "server-maintenance":
      return { ...months, label: "Hardware maintenance and support", source: `${formatShare(h.maintenanceShare)} of capital a year` };
    case "server-power":
      return {
        label: "Power",
        unit: "kWh",
        source: `${h.gpusPerServer} GPUs × ${groupDigits(h.gpuTdpW)} W at ${formatShare(l.gpuLoadShare)} average load + ${groupDigits(h.serverBaseW)} W base per server, 730 h, PUE ${h.pue}`,
      };
    case "server-facility":
      return { ...months, label: "Facility: rack space, cooling, hands", source: "Entered by the team" };
    default:
      return null;
  }
}

/** Overhead and people. */
function otherSelfHostWords(l: LineFigures, option: SelfHostOption): Words {
  const people = (label: string, basis: string): Words => ({ label, unit: "engineer-months", source: `Assumption: ${basis}` });
  switch (l.item) {
    case "overhead-share": {
      const share = option.overhead.mode === "percent" ? option.overhead.percentOfGpu : 0;
      return {
        label: "Infrastructure overhead (networking, storage, load balancing, observability)",
        unit: "US$ of GPU cost",
        source: `Assumption: ${Math.round(share * 100)}% of GPU cost`,
      };
    }
    case "overhead-networking":
    case "overhead-storage":
    case "overhead-load-balancing":
    case "overhead-observability":
      return { label: ENTERED[l.item], unit: "month", source: "Entered by the team" };
    case "people-engineering":
      return people("Serving-stack engineering (on-call, upgrades, tuning)", `${l.fte} FTE at ${salaryNote(l.salary)}`);
    case "people-operations":
      return people("Hardware operations (spares, repairs, firmware)", `${l.fte} FTE at ${salaryNote(l.salary)}`);
    case "people-setup":
      return people(
        `One-time set-up, amortised over ${l.horizonMonths} months`,
        `${l.engineerWeeks} engineer-weeks at ${salaryNote(l.salary)}`,
      );
    case "people-switching":
      return people(
        "Model switches (evaluation, re-tuning, rollout)",
        `${l.switchesPerYear} switches/year × ${l.weeksPerSwitch} engineer-weeks`,
      );
    default:
      throw new Error(`${l.item} is not a self-host cost line`);
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

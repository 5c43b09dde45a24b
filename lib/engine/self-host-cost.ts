// Self-host monthly cost (DESIGN.md "Self-host sizing" and "Self"):
//   Opeak = O/(D·A·3600)·P, Ipeak = I·(1 − hs)/(D·A·3600)·P
//   load = Opeak/benchmarkRate  or  Opeak/decode + Ipeak/prefill
//   replicas = max(ceil(load/u) + f, minReplicas)
//   Self = GPUhours·$g + overhead + FTE·salary/12 + setupWeeks·salary/52/N + switches·weeks·salary/52/12
// The model is a handful of numbers so that breakeven, sensitivity and Monte Carlo re-price it
// millions of times without re-sizing.
import { groupDigits } from "./text";
import { DAYS_PER_MONTH, HOURS_PER_MONTH, MONTHS_PER_YEAR, SECONDS_PER_HOUR, WEEKS_PER_YEAR } from "./constants";
import { line, type CostLine } from "./cost-line";
import type { SelfHostOption, Workload } from "./schema";
import type { ReplicaCapacity } from "./self-host-sizing";

export type SelfHostCostModel = {
  tensorParallel: number;
  rentUnit: number;
  failoverReplicas: number;
  minReplicas: number;
  utilisation: number;
  billingMode: SelfHostOption["billingMode"];
  coldStartBuffer: number;
  activeHoursPerDay: number;
  peakToAverage: number;
  pricePerGpuHour: number;
  overheadShare: number;
  overheadFixed: number;
  engineeringFte: number;
  setupEngineerWeeks: number;
  horizonMonths: number;
  switchesPerYear: number;
  weeksPerSwitch: number;
  engineerAnnualCost: number;
  /** Replica-equivalents of peak load per monthly request. */
  loadPerRequest: number;
};

export type LoadInputs = {
  inputTokens: number;
  outputTokens: number;
  prefixCacheHitRate: number;
  peakToAverage: number;
  activeHoursPerDay: number;
  outputTokensPerS: number;
  prefillTokensPerS: number | null;
};

export function loadPerRequest(x: LoadInputs): number {
  return loadPerRequestOf(x, x.prefixCacheHitRate, x.peakToAverage, 1);
}

/** loadPerRequest with the prefix-cache hit rate, peak ratio and a throughput factor given apart. */
export function loadPerRequestOf(x: LoadInputs, prefixCacheHitRate: number, peakToAverage: number, throughputFactor: number): number {
  const activeSeconds = DAYS_PER_MONTH * x.activeHoursPerDay * SECONDS_PER_HOUR;
  const outputPeak = (x.outputTokens / activeSeconds) * peakToAverage;
  const prefillPeak = ((x.inputTokens * (1 - prefixCacheHitRate)) / activeSeconds) * peakToAverage;
  // A benchmark rate was measured with prefill running alongside decode: it already pays for it.
  return outputPeak / (x.outputTokensPerS * throughputFactor) + (x.prefillTokensPerS ? prefillPeak / (x.prefillTokensPerS * throughputFactor) : 0);
}

export function loadInputs(capacity: Extract<ReplicaCapacity, { fits: true }>, workload: Workload): LoadInputs {
  return {
    inputTokens: workload.inputTokensPerRequest,
    outputTokens: workload.outputTokensPerRequest,
    prefixCacheHitRate: workload.selfHostPrefixCacheHitRate,
    peakToAverage: workload.peakToAverage,
    activeHoursPerDay: workload.activeHoursPerDay,
    outputTokensPerS: capacity.outputTokensPerS,
    prefillTokensPerS: capacity.prefillTokensPerS,
  };
}

// A string from JSON.parse is not internalized, so comparing it with a literal compares it
// character by character. The cost functions test the billing mode on every call (hundreds of
// times an evaluation), so the model holds the literal from this list instead (the curve loop
// ran 1.8× faster in a micro-benchmark).
const BILLING_MODES: readonly SelfHostOption["billingMode"][] = ["always-on", "active-window", "scale-to-zero"];

export function selfHostCostModel(
  option: SelfHostOption,
  capacity: Extract<ReplicaCapacity, { fits: true }>,
  workload: Workload,
  engineerAnnualCost: number,
): SelfHostCostModel {
  const overhead = option.overhead;
  return {
    tensorParallel: capacity.tensorParallel,
    rentUnit: option.gpu.minGpus,
    failoverReplicas: option.failoverReplicas,
    minReplicas: option.minReplicas,
    utilisation: option.targetUtilisation,
    billingMode: BILLING_MODES.find((mode) => mode === option.billingMode) ?? option.billingMode,
    coldStartBuffer: option.coldStartBuffer,
    activeHoursPerDay: workload.activeHoursPerDay,
    peakToAverage: workload.peakToAverage,
    pricePerGpuHour: option.gpu.pricePerGpuHour,
    overheadShare: overhead.mode === "percent" ? overhead.percentOfGpu : 0,
    overheadFixed: overhead.mode === "lines" ? overhead.networking + overhead.storage + overhead.loadBalancing + overhead.observability : 0,
    engineeringFte: option.engineeringFte,
    setupEngineerWeeks: option.setupEngineerWeeks,
    horizonMonths: workload.horizonMonths,
    switchesPerYear: option.modelSwitchesPerYear,
    weeksPerSwitch: option.weeksPerSwitch,
    engineerAnnualCost,
    loadPerRequest: loadPerRequest(loadInputs(capacity, workload)),
  };
}

/**
 * A copy with the same fields in the same order as selfHostCostModel's, so V8 gives it the same
 * hidden class. The what-if scratch model is such a copy: a spread copy got a class of its own,
 * every cost function then saw two shapes and boxed a number on many field reads (measured: 26 KB
 * of garbage and about a fifth of the time of an evaluation). self-host.test guards the order.
 */
export function copyCostModel(m: SelfHostCostModel): SelfHostCostModel {
  return {
    tensorParallel: m.tensorParallel,
    rentUnit: m.rentUnit,
    failoverReplicas: m.failoverReplicas,
    minReplicas: m.minReplicas,
    utilisation: m.utilisation,
    billingMode: m.billingMode,
    coldStartBuffer: m.coldStartBuffer,
    activeHoursPerDay: m.activeHoursPerDay,
    peakToAverage: m.peakToAverage,
    pricePerGpuHour: m.pricePerGpuHour,
    overheadShare: m.overheadShare,
    overheadFixed: m.overheadFixed,
    engineeringFte: m.engineeringFte,
    setupEngineerWeeks: m.setupEngineerWeeks,
    horizonMonths: m.horizonMonths,
    switchesPerYear: m.switchesPerYear,
    weeksPerSwitch: m.weeksPerSwitch,
    engineerAnnualCost: m.engineerAnnualCost,
    loadPerRequest: m.loadPerRequest,
  };
}

export function replicasFor(m: SelfHostCostModel, requestsPerMonth: number): number {
  const needed = Math.ceil((requestsPerMonth * m.loadPerRequest) / m.utilisation);
  if (m.billingMode === "scale-to-zero") return needed;
  return Math.max(needed + m.failoverReplicas, m.minReplicas);
}

/** GPUs rented for a number of replicas: whole rental units (an 8-GPU instance rents in eights). */
export function rentedGpus(m: SelfHostCostModel, replicas: number): number {
  return Math.ceil((replicas * m.tensorParallel) / m.rentUnit) * m.rentUnit;
}

export function gpuHoursFor(m: SelfHostCostModel, requestsPerMonth: number, replicas = replicasFor(m, requestsPerMonth)): number {
  const activeHours = m.activeHoursPerDay * DAYS_PER_MONTH;
  switch (m.billingMode) {
    case "always-on":
      return rentedGpus(m, replicas) * HOURS_PER_MONTH;
    case "active-window": {
      const base = rentedGpus(m, m.minReplicas);
      return (rentedGpus(m, replicas) - base) * activeHours + base * HOURS_PER_MONTH;
    }
    case "scale-to-zero": {
      // Pay only for busy time: average load (peak / P) over the active hours, at the target
      // utilisation, plus a buffer for cold starts. No idle minimum, no failover spare.
      const busyReplicaHours = ((requestsPerMonth * m.loadPerRequest) / m.peakToAverage) * activeHours;
      return (busyReplicaHours / m.utilisation) * m.tensorParallel * (1 + m.coldStartBuffer);
    }
  }
  // Unreachable for valid input; without it the function may return undefined, and V8 then boxes
  // every result it inlines (measured: 4 KB less garbage per evaluation with it).
  throw new Error(`Unknown billing mode: ${String(m.billingMode)}`);
}

export function peopleMonthly(m: SelfHostCostModel) {
  const perWeek = m.engineerAnnualCost / WEEKS_PER_YEAR;
  return {
    engineering: (m.engineeringFte * m.engineerAnnualCost) / MONTHS_PER_YEAR,
    setup: (m.setupEngineerWeeks * perWeek) / m.horizonMonths,
    switching: (m.switchesPerYear * m.weeksPerSwitch * perWeek) / MONTHS_PER_YEAR,
  };
}

export function gpuMonthlyCost(m: SelfHostCostModel, requestsPerMonth: number, replicas?: number): number {
  return gpuHoursFor(m, requestsPerMonth, replicas) * m.pricePerGpuHour;
}

/** The three people lines of peopleMonthly, summed without allocating (a hot path). */
function peopleMonthlyTotal(m: SelfHostCostModel): number {
  const perWeek = m.engineerAnnualCost / WEEKS_PER_YEAR;
  return (m.engineeringFte * m.engineerAnnualCost) / MONTHS_PER_YEAR + (m.setupEngineerWeeks * perWeek) / m.horizonMonths + (m.switchesPerYear * m.weeksPerSwitch * perWeek) / MONTHS_PER_YEAR;
}

/** What a self-host option costs a month whatever its volume: fixed overhead lines and people. */
export function fixedMonthlyCost(m: SelfHostCostModel): number {
  return m.overheadFixed + peopleMonthlyTotal(m);
}

export function selfHostMonthlyCost(m: SelfHostCostModel, requestsPerMonth: number, replicas?: number): number {
  return gpuMonthlyCost(m, requestsPerMonth, replicas) * (1 + m.overheadShare) + fixedMonthlyCost(m);
}

const MODE_NOTES: Record<SelfHostOption["billingMode"], string> = { "always-on": "always on", "active-window": "scaled to the active window", "scale-to-zero": "busy hours only" };

export function selfHostCostLines(m: SelfHostCostModel, option: SelfHostOption, requestsPerMonth: number): CostLine[] {
  const replicas = replicasFor(m, requestsPerMonth);
  const hours = gpuHoursFor(m, requestsPerMonth, replicas);
  const gpuSource = option.gpu.source.name + (option.gpu.source.checkedAt ? `, checked ${option.gpu.source.checkedAt}` : "");
  const modeNote = MODE_NOTES[m.billingMode];
  const lines: CostLine[] = [line(`${option.gpu.gpuType} GPU time (${option.gpu.provider}, ${modeNote})`, "GPU-hours", hours, m.pricePerGpuHour, gpuSource)];
  const gpuCost = hours * m.pricePerGpuHour;
  if (option.overhead.mode === "percent") {
    if (option.overhead.percentOfGpu > 0) {
      lines.push(line("Infrastructure overhead (networking, storage, load balancing, observability)", "US$ of GPU cost", gpuCost, option.overhead.percentOfGpu, `Assumption: ${Math.round(option.overhead.percentOfGpu * 100)}% of GPU cost`));
    }
  } else {
    const o = option.overhead;
    for (const [label, value] of [["Networking", o.networking], ["Storage", o.storage], ["Load balancing", o.loadBalancing], ["Observability", o.observability]] as const) {
      if (value > 0) lines.push(line(label, "month", 1, value, "Entered by the team"));
    }
  }
  const perMonth = m.engineerAnnualCost / MONTHS_PER_YEAR;
  const perWeek = m.engineerAnnualCost / WEEKS_PER_YEAR;
  const salaryNote = `$${groupDigits(m.engineerAnnualCost)}/year loaded`;
  if (m.engineeringFte > 0) lines.push(line("Serving-stack engineering (on-call, upgrades, tuning)", "engineer-months", m.engineeringFte, perMonth, `Assumption: ${m.engineeringFte} FTE at ${salaryNote}`));
  if (m.setupEngineerWeeks > 0) {
    lines.push(line(`One-time set-up, amortised over ${m.horizonMonths} months`, "engineer-weeks", m.setupEngineerWeeks / m.horizonMonths, perWeek, `Assumption: ${m.setupEngineerWeeks} engineer-weeks at ${salaryNote}`));
  }
  if (m.switchesPerYear * m.weeksPerSwitch > 0) {
    lines.push(line("Model switches (evaluation, re-tuning, rollout)", "engineer-weeks", (m.switchesPerYear * m.weeksPerSwitch) / MONTHS_PER_YEAR, perWeek, `Assumption: ${m.switchesPerYear} switches/year × ${m.weeksPerSwitch} engineer-weeks`));
  }
  return lines;
}

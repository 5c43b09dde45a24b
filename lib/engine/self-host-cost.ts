// Self-host monthly cost (DESIGN.md "Self-host sizing" and "Self"):
//   Opeak = O/(D·A·3600)·P, Ipeak = I·(1 − hs)/(D·A·3600)·P
//   load = Opeak/benchmarkRate  or  Opeak/decode + Ipeak/prefill
//   replicas = max(ceil(load/u) + f, minReplicas)
//   Self = GPUhours·$g + overhead + FTE·salary/12 + setupWeeks·salary/52/N + switches·weeks·salary/52/12
// Pricing terms (second edition): committed GPUs are paid for every hour of the month at the
// committed price and only the GPU-hours above them at $g; spot bills $g·(1 − discount) on the
// GPU-hours plus the share lost to interruptions, and keeps one more spare replica.
// Scale-to-zero (second edition): with Poisson arrivals at rate λ during the active hours and an
// idle timeout T, a replica is warm a share 1 − e^(−λT) of the time and λ·e^(−λT) requests a
// second find none warm and pay a cold start; busy replicas above the first follow the average load.
// The model is a handful of numbers so that breakeven, sensitivity and Monte Carlo re-price it
// millions of times without re-sizing.
import { DAYS_PER_MONTH, HOURS_PER_MONTH, MONTHS_PER_YEAR, SECONDS_PER_HOUR, WEEKS_PER_YEAR } from "./constants";
import { line, total, type LineFigures, type LineItem } from "./cost-line";
import type { SelfHostOption, Workload } from "./schema";
import type { FitCapacity } from "./self-host-sizing";
import { workloadShape } from "./profile";
import {
  growthToPeak,
  ownedCostModel,
  ownedHardwareLines,
  perServerMonth,
  serverMonthlyCost,
  serversFor,
  type OwnedCostModel,
} from "./owned-cost";

export type SelfHostCostModel = {
  tensorParallel: number;
  rentUnit: number;
  failoverReplicas: number;
  minReplicas: number;
  utilisation: number;
  billingMode: SelfHostOption["billingMode"];
  idleTimeoutSeconds: number;
  coldStartSeconds: number;
  activeHoursPerDay: number;
  peakToAverage: number;
  /** Price of a GPU-hour that is not committed: on demand, or spot including work lost to interruptions. */
  pricePerGpuHour: number;
  /** GPUs paid for every hour of the month whatever the load (0 without a commitment). */
  committedGpus: number;
  committedPricePerGpuHour: number;
  overheadShare: number;
  overheadFixed: number;
  /** Owned servers in place of rented GPU-hours; null for rented GPUs. */
  owned: OwnedCostModel | null;
  engineeringFte: number;
  /** Engineers operating owned hardware (0 when rented). */
  operationsFte: number;
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
  return (
    outputPeak / (x.outputTokensPerS * throughputFactor) +
    (x.prefillTokensPerS ? prefillPeak / (x.prefillTokensPerS * throughputFactor) : 0)
  );
}

export function loadInputs(capacity: FitCapacity, workload: Workload): LoadInputs {
  const shape = workloadShape(workload);
  return {
    inputTokens: workload.inputTokensPerRequest,
    outputTokens: workload.outputTokensPerRequest,
    prefixCacheHitRate: workload.selfHostPrefixCacheHitRate,
    peakToAverage: shape.peakToAverage,
    activeHoursPerDay: shape.activeHoursPerDay,
    outputTokensPerS: capacity.outputTokensPerS,
    prefillTokensPerS: capacity.prefillTokensPerS,
  };
}

export function selfHostCostModel(
  option: SelfHostOption,
  capacity: FitCapacity,
  workload: Workload,
  engineerAnnualCost: number,
): SelfHostCostModel {
  const overhead = option.overhead;
  const pricing = option.pricing;
  const onDemand = option.gpu.pricePerGpuHour;
  const hosting = option.hosting;
  const shape = workloadShape(workload);
  const model: SelfHostCostModel = {
    tensorParallel: capacity.tensorParallel,
    rentUnit: option.gpu.minGpus,
    failoverReplicas: option.failoverReplicas + (pricing.kind === "spot" ? 1 : 0),
    minReplicas: option.minReplicas,
    utilisation: option.targetUtilisation,
    billingMode: option.billingMode,
    idleTimeoutSeconds: option.idleTimeoutMinutes * 60,
    coldStartSeconds: option.coldStartSeconds,
    activeHoursPerDay: shape.activeHoursPerDay,
    peakToAverage: shape.peakToAverage,
    pricePerGpuHour: pricing.kind === "spot" ? onDemand * (1 - pricing.discount) * (1 + pricing.interruptionRate) : onDemand,
    committedGpus: pricing.kind === "committed" ? pricing.committedGpus : 0,
    committedPricePerGpuHour: pricing.kind === "committed" ? onDemand * (1 - pricing.discount) : 0,
    overheadShare: overhead.mode === "percent" ? overhead.percentOfGpu : 0,
    overheadFixed: overhead.mode === "lines" ? overhead.networking + overhead.storage + overhead.loadBalancing + overhead.observability : 0,
    owned: null,
    engineeringFte: option.engineeringFte,
    operationsFte: hosting.kind === "owned" ? hosting.operationsFte : 0,
    setupEngineerWeeks: option.setupEngineerWeeks,
    horizonMonths: workload.horizonMonths,
    switchesPerYear: option.modelSwitchesPerYear,
    weeksPerSwitch: option.weeksPerSwitch,
    engineerAnnualCost,
    loadPerRequest: loadPerRequest(loadInputs(capacity, workload)),
  };
  if (hosting.kind === "owned") {
    const R = workload.requestsPerMonth;
    const installed = replicasFor(model, R * growthToPeak(workload));
    model.owned = ownedCostModel(hosting, workload, capacity.tensorParallel, R * model.loadPerRequest, installed);
  }
  return model;
}

export function replicasFor(m: SelfHostCostModel, requestsPerMonth: number): number {
  const needed = Math.ceil((requestsPerMonth * m.loadPerRequest) / m.utilisation);
  if (m.billingMode === "scale-to-zero") return requestsPerMonth > 0 ? Math.max(1, needed) : 0;
  return Math.max(needed + m.failoverReplicas, m.minReplicas);
}

/** GPUs one replica rents when replicas come and go one at a time (scale-to-zero). */
export function gpusPerReplica(m: SelfHostCostModel): number {
  return Math.ceil(m.tensorParallel / m.rentUnit) * m.rentUnit;
}

/** Scale-to-zero: expected cold starts a month (requests that find no warm replica). */
export function coldStartsFor(m: SelfHostCostModel, requestsPerMonth: number): number {
  const activeSeconds = m.activeHoursPerDay * DAYS_PER_MONTH * SECONDS_PER_HOUR;
  return requestsPerMonth * Math.exp(-(requestsPerMonth * m.idleTimeoutSeconds) / activeSeconds);
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
      // Warm share of the active hours (cold-start time counted in it, capped at all of them) or
      // the replicas the average load needs, whichever is more. Both rise with volume.
      if (requestsPerMonth <= 0) return 0;
      const activeSeconds = activeHours * SECONDS_PER_HOUR;
      const missed = Math.exp(-(requestsPerMonth * m.idleTimeoutSeconds) / activeSeconds);
      const warm = Math.min(1, 1 - missed + (requestsPerMonth * missed * m.coldStartSeconds) / activeSeconds);
      const busy = (requestsPerMonth * m.loadPerRequest) / m.peakToAverage / m.utilisation;
      return Math.max(warm, busy) * activeHours * gpusPerReplica(m);
    }
  }
}

/** People costs a month, in engineer-months: running the stack, set-up amortised over the horizon, model switches. */
export function peopleEngineerMonths(m: SelfHostCostModel) {
  const weeksPerMonth = WEEKS_PER_YEAR / MONTHS_PER_YEAR;
  return {
    engineering: m.engineeringFte,
    operations: m.operationsFte,
    setup: m.setupEngineerWeeks / m.horizonMonths / weeksPerMonth,
    switching: (m.switchesPerYear * m.weeksPerSwitch) / MONTHS_PER_YEAR / weeksPerMonth,
  };
}

/** GPU-hours billed above a commitment (all of them without one). Scale-to-zero never has one. */
export function uncommittedGpuHours(m: SelfHostCostModel, requestsPerMonth: number, replicas = replicasFor(m, requestsPerMonth)): number {
  const c = m.committedGpus;
  if (c === 0 || m.billingMode === "scale-to-zero") return gpuHoursFor(m, requestsPerMonth, replicas);
  const rented = rentedGpus(m, replicas);
  if (m.billingMode === "always-on") return Math.max(0, rented - c) * HOURS_PER_MONTH;
  const activeHours = m.activeHoursPerDay * DAYS_PER_MONTH;
  const base = rentedGpus(m, m.minReplicas);
  return Math.max(0, base - c) * (HOURS_PER_MONTH - activeHours) + Math.max(0, rented - c) * activeHours;
}

/** Servers an owned option has at this volume: bought for the horizon's peak of it. */
export function ownedServers(m: SelfHostCostModel, o: OwnedCostModel, requestsPerMonth: number): number {
  return serversFor(o, replicasFor(m, requestsPerMonth * o.growthToPeak), m.tensorParallel);
}

/**
 * An owned option's cash by month for the projection: servers' price and installation in the
 * month they are bought (the first month for the horizon's plan), then running costs each month.
 * Overhead follows the servers' monthly cost; residual value is not counted back.
 */
export function ownedCashByMonth(m: SelfHostCostModel, o: OwnedCostModel, volumes: number[]): number[] {
  const p = perServerMonth(o);
  const running = p.maintenance + p.power + p.facility;
  const overhead = serverMonthlyCost(o) * m.overheadShare;
  let held = 0;
  return volumes.map((requests, month) => {
    const needed = serversFor(o, replicasFor(m, requests), m.tensorParallel);
    const servers = Math.max(held, needed, month === 0 ? ownedServers(m, o, requests) : 0);
    const bought = servers - held;
    held = servers;
    return bought * o.capitalPerServer + servers * (running + overhead) + fixedMonthlyCost(m);
  });
}

/** The GPU side of the cost: rented GPU-hours under the pricing terms, or owned servers. */
export function gpuMonthlyCost(m: SelfHostCostModel, requestsPerMonth: number, replicas?: number): number {
  if (m.owned) return ownedServers(m, m.owned, requestsPerMonth) * serverMonthlyCost(m.owned);
  const uncommitted = uncommittedGpuHours(m, requestsPerMonth, replicas) * m.pricePerGpuHour;
  return m.committedGpus === 0 ? uncommitted : m.committedGpus * HOURS_PER_MONTH * m.committedPricePerGpuHour + uncommitted;
}

/** What a self-host option costs a month whatever its volume: fixed overhead lines and people. */
export function fixedMonthlyCost(m: SelfHostCostModel): number {
  const p = peopleEngineerMonths(m);
  return m.overheadFixed + ((p.engineering + p.operations + p.setup + p.switching) * m.engineerAnnualCost) / MONTHS_PER_YEAR;
}

export function selfHostMonthlyCost(m: SelfHostCostModel, requestsPerMonth: number, replicas?: number): number {
  return gpuMonthlyCost(m, requestsPerMonth, replicas) * (1 + m.overheadShare) + fixedMonthlyCost(m);
}

/** The self-host bill line by line at a volume; the lines add up to selfHostMonthlyCost. */
export function selfHostCostLines(m: SelfHostCostModel, option: SelfHostOption, requestsPerMonth: number): LineFigures[] {
  const replicas = replicasFor(m, requestsPerMonth);
  const lines = m.owned
    ? ownedHardwareLines(m.owned, ownedServers(m, m.owned, requestsPerMonth))
    : gpuTimeLines(m, option, requestsPerMonth, replicas);
  lines.push(...overheadLines(option, total(lines)), ...peopleLines(m));
  return lines;
}

/** Infrastructure overhead: a share of the GPU cost, or the lines the team entered. */
function overheadLines(option: SelfHostOption, gpuCost: number): LineFigures[] {
  const o = option.overhead;
  if (o.mode === "percent") return o.percentOfGpu > 0 ? [line({ code: "overhead-share" }, gpuCost, o.percentOfGpu)] : [];
  const entered = [
    ["overhead-networking", o.networking],
    ["overhead-storage", o.storage],
    ["overhead-load-balancing", o.loadBalancing],
    ["overhead-observability", o.observability],
  ] as const;
  return entered.filter(([, value]) => value > 0).map(([code, value]) => line({ code }, 1, value));
}

/** People: running the stack, operating owned hardware, set-up amortised, model switches (peopleEngineerMonths). */
function peopleLines(m: SelfHostCostModel): LineFigures[] {
  const perMonth = m.engineerAnnualCost / MONTHS_PER_YEAR;
  const people = peopleEngineerMonths(m);
  const salary = m.engineerAnnualCost;
  const rows: [number, LineItem][] = [
    [people.engineering, { code: "people-engineering", fte: m.engineeringFte, salary }],
    [people.operations, { code: "people-operations", fte: m.operationsFte, salary }],
    [people.setup, { code: "people-setup", engineerWeeks: m.setupEngineerWeeks, horizonMonths: m.horizonMonths, salary }],
    [people.switching, { code: "people-switching", switchesPerYear: m.switchesPerYear, weeksPerSwitch: m.weeksPerSwitch }],
  ];
  return rows.filter(([months]) => months > 0).map(([months, item]) => line(item, months, perMonth));
}

/** The GPU-time lines under the option's pricing terms; they add up to gpuMonthlyCost. */
function gpuTimeLines(m: SelfHostCostModel, option: SelfHostOption, requestsPerMonth: number, replicas: number): LineFigures[] {
  const pricing = option.pricing;
  const hours = uncommittedGpuHours(m, requestsPerMonth, replicas);
  const coldStarts = m.billingMode === "scale-to-zero" ? coldStartsFor(m, requestsPerMonth) : null;
  switch (pricing.kind) {
    case "on-demand":
      return [line({ code: "gpu-time", coldStarts }, hours, m.pricePerGpuHour)];
    case "spot": {
      const spot = option.gpu.pricePerGpuHour * (1 - pricing.discount);
      return [
        line({ code: "gpu-spot", coldStarts }, hours, spot),
        line({ code: "spot-interruptions" }, hours * pricing.interruptionRate, spot),
      ];
    }
    case "committed": {
      const committed = line({ code: "gpu-committed" }, m.committedGpus * HOURS_PER_MONTH, m.committedPricePerGpuHour);
      if (hours <= 0) return [committed];
      return [committed, line({ code: "gpu-above-commitment", coldStarts }, hours, option.gpu.pricePerGpuHour)];
    }
  }
}

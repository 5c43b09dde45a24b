// Owned hardware (DESIGN.md, second edition, "Owned hardware"): servers = ceil(GPUs / GPUs per
// server), bought for the peak of the planning horizon unless the team fixes the count;
// capital C = servers × (price + installation); a month costs
//   C·(1 − residual)/(life·12) + C·(1 + residual)/2 · rate/12 + C·maintenance/12
//   + (GPUs·TDP·load share + servers·base W)/1000 · 730 h · PUE · $/kWh + facility per server.
// The load share is the GPUs' average load at today's volume, held for every volume, so the cost
// is flat in volume until a server is added.
import { HOURS_PER_DAY, HOURS_PER_MONTH, MONTHS_PER_YEAR } from "./constants";
import { line, type LineFigures } from "./cost-line";
import type { OwnedHardware, Workload } from "./schema";
import { workloadShape } from "./profile";

export type OwnedCostModel = {
  gpusPerServer: number;
  capitalPerServer: number;
  lifeMonths: number;
  residualShare: number;
  costOfCapital: number;
  maintenanceShare: number;
  /** kW a server draws at today's average GPU load, before the facility's PUE. */
  kwPerServer: number;
  gpuLoadShare: number;
  pue: number;
  electricityPerKwh: number;
  facilityPerServerMonth: number;
  fixedServers: number | null;
  /** Volume at the horizon's peak month over today's: servers are bought for it. */
  growthToPeak: number;
};

/** The pieces of one server-month, US$. */
export function perServerMonth(o: OwnedCostModel) {
  const c = o.capitalPerServer;
  return {
    depreciation: (c * (1 - o.residualShare)) / o.lifeMonths,
    capital: ((c * (1 + o.residualShare)) / 2) * (o.costOfCapital / MONTHS_PER_YEAR),
    maintenance: (c * o.maintenanceShare) / MONTHS_PER_YEAR,
    kwh: o.kwPerServer * HOURS_PER_MONTH * o.pue,
    power: o.kwPerServer * HOURS_PER_MONTH * o.pue * o.electricityPerKwh,
    facility: o.facilityPerServerMonth,
  };
}

export function serverMonthlyCost(o: OwnedCostModel): number {
  const p = perServerMonth(o);
  return p.depreciation + p.capital + p.maintenance + p.power + p.facility;
}

/** Servers for a number of replicas: whole servers, at least the count the team fixed. */
export function serversFor(o: OwnedCostModel, replicas: number, tensorParallel: number): number {
  return Math.max(o.fixedServers ?? 0, Math.ceil((replicas * tensorParallel) / o.gpusPerServer));
}

/** The most replicas k servers hold. */
export function replicasOnServers(o: OwnedCostModel, servers: number, tensorParallel: number): number {
  return Math.floor((servers * o.gpusPerServer) / tensorParallel);
}

/** Today's volume times the growth to the horizon's busiest month (1 without growth). */
export function growthToPeak(w: Workload): number {
  return Math.max(1, Math.pow(1 + w.monthlyGrowth, w.horizonMonths - 1));
}

/**
 * The owned side of the cost model. `peakLoad` is today's peak load in replica-equivalents and
 * `replicasInstalled` the replicas the servers are bought for, for the GPUs' average load.
 */
export function ownedCostModel(
  h: OwnedHardware,
  w: Workload,
  tensorParallel: number,
  peakLoad: number,
  replicasInstalled: number,
): OwnedCostModel {
  const installedGpus = Math.max(h.servers ?? 0, Math.ceil((replicasInstalled * tensorParallel) / h.gpusPerServer)) * h.gpusPerServer;
  const shape = workloadShape(w);
  const averageBusyGpus = (peakLoad / shape.peakToAverage) * (shape.activeHoursPerDay / HOURS_PER_DAY) * tensorParallel;
  const gpuLoadShare = installedGpus > 0 ? Math.min(1, averageBusyGpus / installedGpus) : 0;
  return {
    gpusPerServer: h.gpusPerServer,
    capitalPerServer: h.serverPrice + h.installationPerServer,
    lifeMonths: h.lifeYears * MONTHS_PER_YEAR,
    residualShare: h.residualShare,
    costOfCapital: h.costOfCapital,
    maintenanceShare: h.maintenanceShare,
    kwPerServer: (h.gpusPerServer * h.gpuTdpW * gpuLoadShare + h.serverBaseW) / 1000,
    gpuLoadShare,
    pue: h.pue,
    electricityPerKwh: h.electricityPerKwh,
    facilityPerServerMonth: h.facilityPerServerMonth,
    fixedServers: h.servers,
    growthToPeak: growthToPeak(w),
  };
}

/** The hardware lines for a number of servers; they add up to servers × serverMonthlyCost. */
export function ownedHardwareLines(o: OwnedCostModel, servers: number): LineFigures[] {
  const p = perServerMonth(o);
  const lines = [
    line({ code: "server-depreciation", servers, capitalPerServer: o.capitalPerServer }, servers, p.depreciation),
    line({ code: "server-capital", servers }, servers, p.capital),
    line({ code: "server-maintenance", servers }, servers, p.maintenance),
    line({ code: "server-power", servers, gpuLoadShare: o.gpuLoadShare }, servers * p.kwh, o.electricityPerKwh),
  ];
  if (p.facility > 0) lines.push(line({ code: "server-facility", servers }, servers, p.facility));
  return lines;
}

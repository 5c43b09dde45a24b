"use client";

// The fields of an owned-hardware option: the servers' price and life, power and facility,
// and the people who run them. Starting values come from the reference servers for the GPU.
import { GPU_SPECS, REFERENCE_SERVERS } from "@/lib/catalog/reference-catalog";
import type { OwnedHardware, ScenarioInputRaw } from "@/lib/engine";
import { NumberField } from "./form-fields";

type Option = NonNullable<ScenarioInputRaw["selfHostOptions"]>[number];
type Owned = Extract<NonNullable<Option["hosting"]>, { kind: "owned" }>;
type NumberKey = Exclude<keyof OwnedHardware, "kind" | "servers"> & string;

const FIELDS: NumberKey[] = [
  "serverPrice",
  "gpusPerServer",
  "installationPerServer",
  "lifeYears",
  "residualShare",
  "costOfCapital",
  "maintenanceShare",
  "gpuTdpW",
  "serverBaseW",
  "pue",
  "electricityPerKwh",
  "facilityPerServerMonth",
  "operationsFte",
  "leadTimeWeeks",
];

// What the engine assumes when a field is left out (lib/engine/schema-self-host.ts).
const DEFAULTS: Omit<OwnedHardware, "kind" | "serverPrice" | "servers"> = {
  gpusPerServer: 8,
  installationPerServer: 0,
  lifeYears: 5,
  residualShare: 0.1,
  costOfCapital: 0.08,
  maintenanceShare: 0.05,
  gpuTdpW: 700,
  serverBaseW: 2000,
  pue: 1.4,
  electricityPerKwh: 0.12,
  facilityPerServerMonth: 0,
  operationsFte: 0.25,
  leadTimeWeeks: 12,
};

/** Owned hardware for this option's GPU, from the reference servers where one is listed. */
export function startingOwned(gpuType: string): Owned {
  const server = REFERENCE_SERVERS.find((s) => GPU_SPECS[s.gpu].gpuType === gpuType);
  return {
    kind: "owned",
    ...DEFAULTS,
    ...(server ? { gpusPerServer: server.gpusPerServer, gpuTdpW: server.gpuTdpW, serverBaseW: server.serverBaseW } : {}),
    serverPrice: server?.serverPrice ?? Number.NaN,
    servers: null,
  };
}

export function serverSource(gpuType: string): string | null {
  return REFERENCE_SERVERS.find((s) => GPU_SPECS[s.gpu].gpuType === gpuType)?.source ?? null;
}

export function OwnedHardwareFields({
  owned,
  gpuType,
  at,
  edit,
  errors,
}: {
  owned: Owned;
  gpuType: string;
  at: string;
  edit: (mutate: (h: Owned) => void) => void;
  errors: Record<string, string[]>;
}) {
  const source = serverSource(gpuType);
  return (
    <>
      {FIELDS.map((key) => (
        <NumberField
          key={key}
          path={`${at}.hosting.${key}`}
          value={key === "serverPrice" ? owned.serverPrice : (owned[key] ?? DEFAULTS[key])}
          errors={errors}
          onValue={(v) => edit((h) => void ((h as Record<NumberKey, number>)[key] = v))}
        />
      ))}
      <NumberField
        path={`${at}.hosting.servers`}
        value={owned.servers ?? null}
        errors={errors}
        onValue={(v) => edit((h) => void (h.servers = Number.isNaN(v) ? null : v))}
      />
      {source ? <p className="col-span-2 text-xs text-gray-500 [overflow-wrap:anywhere]">Reference server: {source}</p> : null}
    </>
  );
}

// The memo's assumptions: every figure the evaluation rests on, grouped, with its source, and
// every attribute the team typed (it decides constraints, so the memo states it).
import { formatHourOfDay } from "../format/dates";
import { workloadShape } from "../engine";
import type { ScenarioInput, SelfHostOption } from "../engine";
import { formatPrice, formatShare, formatUsd, groupDigits } from "../format/numbers";
import type { AssumptionGroup } from "./content";

const listOr = (items: string[], none: string) => (items.length ? items.join(", ") : none);

/** What the team typed about a provider: it decides constraints, so the memo states it. */
function attributeItems(a: ScenarioInput["apiOptions"][number]["attributes"]) {
  const yesNo = (v: boolean | null) => (v === null ? "not verified" : v ? "yes" : "no");
  return [
    { name: "Certifications", value: listOr(a.certifications, "none listed") },
    { name: "Zero data retention", value: yesNo(a.zeroDataRetention) },
    { name: "Regions", value: listOr(a.regions, "not verified") },
    {
      name: "First token p50 / p95",
      value: `${a.typicalTtftMs === null ? "not published" : `${groupDigits(a.typicalTtftMs)} ms`} / ${a.ttftP95Ms === null ? "not published" : `${groupDigits(a.ttftP95Ms)} ms`}`,
    },
    { name: "Network round trip", value: `${groupDigits(a.networkRttMs)} ms` },
    { name: "Runs in our infrastructure", value: a.inOurInfrastructure ? "yes" : "no" },
  ];
}

function sourceText(src: { name: string; url?: string; checkedAt?: string }): string {
  return [src.name, src.checkedAt ? `checked ${src.checkedAt}` : null, src.url ?? null].filter(Boolean).join(", ");
}

export function assumptions(input: ScenarioInput): AssumptionGroup[] {
  return [...workloadGroups(input), ...input.apiOptions.map(apiGroup), ...input.selfHostOptions.map(selfHostGroup)];
}

function workloadGroups(input: ScenarioInput): AssumptionGroup[] {
  const w = input.workload;
  // With a 24-hour profile, sizing reads the peak and active hours from it, and so does the memo.
  const shape = workloadShape(w);
  const fromProfile = w.hourlyProfile ? " (from the 24-hour profile)" : "";
  return [
    {
      title: "Workload",
      items: [
        { name: "Requests per month", value: groupDigits(w.requestsPerMonth) },
        { name: "Input tokens per request", value: groupDigits(w.inputTokensPerRequest) },
        { name: "Output tokens per request", value: groupDigits(w.outputTokensPerRequest) },
        { name: "API cache-read share of input", value: formatShare(w.apiCacheReadShare) },
        { name: "API cache-write share of input", value: formatShare(w.apiCacheWriteShare) },
        { name: "Self-host prefix-cache hit rate", value: formatShare(w.selfHostPrefixCacheHitRate) },
        { name: "Batch API share", value: formatShare(w.batchShare) },
        { name: "Peak-to-average traffic", value: `${Math.round(shape.peakToAverage * 100) / 100}×${fromProfile}` },
        { name: "Active hours per day", value: `${shape.activeHoursPerDay}${fromProfile}` },
        ...(w.hourlyProfile
          ? [
              {
                name:
                  "24-hour profile (share of requests by hour, UTC" +
                  (w.profileUtcOffsetHours >= 0 ? "+" : "") +
                  `${w.profileUtcOffsetHours})`,
                value: profileText(w.hourlyProfile),
              },
            ]
          : []),
        { name: "Monthly growth", value: formatShare(w.monthlyGrowth) },
        { name: "Horizon", value: `${w.horizonMonths} months` },
        { name: "Context per sequence", value: w.avgContextTokens ? `${groupDigits(w.avgContextTokens)} tokens` : "input + output tokens" },
      ],
    },
    {
      title: "People and decision rules",
      items: [
        { name: "Loaded engineer cost", value: `${formatUsd(input.people.engineerAnnualCost)} a year` },
        { name: "Close-call margin", value: formatShare(input.settings.closeCallMargin) },
        { name: "Self-host speed target per stream", value: `${input.settings.sloOutputTokensPerSecond} tokens/s` },
        { name: "Monte Carlo", value: `${groupDigits(input.settings.monteCarloSamples)} samples, seed ${input.settings.seed}` },
      ],
    },
  ];
}

function apiGroup(o: ScenarioInput["apiOptions"][number]): AssumptionGroup {
  const p = o.prices;
  const per = (v: number | null) => (v == null ? "not offered" : `${formatPrice(v)} per 1M tokens`);
  const src = sourceText(o.source);
  return {
    title: `API: ${o.label}`,
    items: [
      { name: "Input", value: per(p.inputPerM), source: src },
      { name: "Cached input (read)", value: per(p.cachedInputPerM), source: src },
      { name: "Cache write", value: p.cacheWritePerM == null ? "billed at the input price" : per(p.cacheWritePerM), source: src },
      { name: "Output", value: per(p.outputPerM), source: src },
      ...attributeItems(o.attributes),
      { name: "Batch discount", value: p.batchDiscount == null ? "no batch API" : formatShare(p.batchDiscount), source: src },
      ...(p.longContext
        ? [
            {
              name: `Above ${groupDigits(p.longContext.thresholdTokens)} input tokens`,
              value: `input ${per(p.longContext.inputPerM)}, output ${per(p.longContext.outputPerM)}`,
              source: src,
            },
          ]
        : []),
      ...(p.offPeak
        ? [
            {
              name: `Off-peak, ${formatHourOfDay(p.offPeak.startHourUtc)}–${formatHourOfDay(p.offPeak.endHourUtc)} UTC`,
              value: `input ${per(p.offPeak.inputPerM)}, output ${per(p.offPeak.outputPerM)}`,
              source: src,
            },
          ]
        : []),
      ...(o.serviceTier !== "standard" ? [{ name: "Service tier", value: o.serviceTier }] : []),
      { name: "Integration and maintenance", value: `${o.integrationFte} FTE` },
      qualityItem(o.quality),
    ],
  };
}

function selfHostGroup(o: SelfHostOption): AssumptionGroup {
  const g = o.gpu;
  const overhead =
    o.overhead.mode === "percent"
      ? `${formatShare(o.overhead.percentOfGpu)} of GPU cost`
      : `${formatUsd(o.overhead.networking + o.overhead.storage + o.overhead.loadBalancing + o.overhead.observability)} a month in lines`;
  return {
    title: `Self-host: ${o.label}`,
    items: [
      {
        name: "Model",
        value: `${o.model.name}: ${o.model.totalParamsB}B parameters (${o.model.activeParamsB}B active), ${o.model.layers} layers, ${o.model.kvHeads} KV heads × ${o.model.headDim}`,
      },
      { name: "Precision", value: `weights ${o.weightPrecision}, KV cache ${o.kvPrecision}` },
      {
        name: "GPU",
        value:
          o.hosting.kind === "owned"
            ? `${g.gpuType} in servers we own: ${g.memoryGb} GB, ${groupDigits(g.bandwidthGbS)} GB/s`
            : `${g.gpuType} at ${g.provider}: ${formatPrice(g.pricePerGpuHour)} per GPU-hour, rented in ${g.minGpus}s, ${g.memoryGb} GB, ${groupDigits(g.bandwidthGbS)} GB/s`,
        source: sourceText(g.source),
      },
      { name: "Regions", value: listOr(g.regions, "not verified") },
      ...hardwareItems(o),
      {
        name: "Billing",
        value:
          o.billingMode === "scale-to-zero"
            ? `scale to zero: idle timeout ${o.idleTimeoutMinutes} min, cold start ${o.coldStartSeconds} s`
            : o.billingMode.replace(/-/g, " "),
      },
      {
        name: "Tensor parallelism",
        value:
          o.tensorParallel !== null
            ? `fixed at ${o.tensorParallel}`
            : `chosen by the engine, up to ${o.allowMultiNode ? "64 (multi-node allowed)" : `${g.gpusPerNode} (GPUs per node)`}`,
      },
      { name: "Target utilisation at peak", value: formatShare(o.targetUtilisation) },
      { name: "Replicas", value: `${o.failoverReplicas} failover, at least ${o.minReplicas} running` },
      { name: "Infrastructure overhead", value: overhead },
      { name: "Serving-stack engineering", value: `${o.engineeringFte} FTE` },
      { name: "Set-up", value: `${o.setupEngineerWeeks} engineer-weeks, amortised over the horizon` },
      { name: "Model switches", value: `${o.modelSwitchesPerYear} a year × ${o.weeksPerSwitch} engineer-weeks` },
      qualityItem(o.quality),
      {
        name: "Efficiency (bandwidth, decode FLOPS, prefill FLOPS)",
        value: `${formatShare(o.efficiencies.bandwidth)}, ${formatShare(o.efficiencies.mfu)}, ${formatShare(o.efficiencies.prefillMfu)}`,
      },
      ...o.benchmarks.map((b) => ({
        name: `Measured throughput, tensor parallel ${b.tensorParallel}, ${b.precision}${b.stack ? `, ${b.stack}` : ""}`,
        value: `${groupDigits(b.outputTokensPerS)} output tokens/s at ${b.concurrency !== null ? `${b.concurrency} concurrent streams` : b.requestsPerS !== null ? `${b.requestsPerS} requests/s` : "full load"}${b.inputTokens !== null && b.outputTokens !== null ? `, ${groupDigits(b.inputTokens)} in / ${groupDigits(b.outputTokens)} out` : ""}${b.itlP50Ms !== null ? `, inter-token latency ${b.itlP50Ms} ms` : ""}`,
        source: b.source,
      })),
    ],
  };
}

// People costs read back from the engine's own cost lines, said in words a budget owner uses.

const TENANCY_TEXT: Record<SelfHostOption["gpu"]["tenancy"], string> = {
  "on-prem": "on-prem: hardware in our own facility",
  dedicated: "dedicated: single-tenant hardware in the provider's cloud",
  "shared-cloud": "shared cloud: the provider's shared fleet",
  community: "community marketplace: hosts run by third parties",
};

function qualityItem(q: SelfHostOption["quality"]) {
  if (q === null) return { name: "Quality", value: "not measured" };
  const basis = q.basis === "team-evaluation" ? "our evaluation" : "public benchmark";
  return { name: "Quality", value: `${formatShare(q.score)} of tasks passed (${basis})`, source: q.source };
}

function hardwareItems(o: SelfHostOption) {
  const h = o.hosting;
  if (h.kind === "rented")
    return [
      { name: "Tenancy", value: tenancyText(o) },
      { name: "GPU pricing", value: pricingText(o) },
    ];
  return [
    { name: "Tenancy", value: "owned servers in our own facility" },
    {
      name: "Owned servers",
      value: `${h.gpusPerServer} GPUs each at ${formatUsd(h.serverPrice)} + ${formatUsd(h.installationPerServer)} installation; ${h.servers === null ? "as many as the horizon's peak needs" : `${h.servers} bought`}; ${h.leadTimeWeeks} weeks from order to traffic`,
    },
    {
      name: "Capital",
      value: `${h.lifeYears}-year life, ${formatShare(h.residualShare)} residual, ${formatShare(h.costOfCapital)} cost of capital, ${formatShare(h.maintenanceShare)} maintenance a year`,
    },
    {
      name: "Power and facility",
      value: `${h.gpuTdpW} W per GPU, ${h.serverBaseW} W base per server, PUE ${h.pue}, ${formatPrice(h.electricityPerKwh)} per kWh; ${formatUsd(h.facilityPerServerMonth)} per server-month`,
    },
    { name: "Hardware operations", value: `${h.operationsFte} FTE` },
  ];
}

function tenancyText(o: SelfHostOption): string {
  const text = TENANCY_TEXT[o.gpu.tenancy];
  return o.dedicatedIsOurInfrastructure ? `${text}; counted as our infrastructure (the team's stated assumption)` : text;
}

function pricingText(o: SelfHostOption): string {
  const p = o.pricing;
  switch (p.kind) {
    case "on-demand":
      return "on demand";
    case "committed":
      return `committed for ${p.termMonths} months: ${p.committedGpus} GPUs at ${formatShare(p.discount)} off, ${formatShare(p.upfrontShare)} paid upfront; GPUs above them on demand`;
    case "spot":
      return `spot at ${formatShare(p.discount)} off, ${formatShare(p.interruptionRate)} of GPU time interrupted (one more spare replica)`;
  }
}

/** The profile as shares by hour, busiest hours first: "13:00 12%, 14:00 11%, …". */
function profileText(profile: number[]): string {
  const sum = profile.reduce((a, b) => a + b, 0) || 1;
  return profile
    .map((v, h) => ({ h, share: v / sum }))
    .filter((x) => x.share >= 0.005)
    .map((x) => `${String(x.h).padStart(2, "0")}:00 ${formatShare(Math.round(x.share * 1000) / 1000)}`)
    .join(", ");
}

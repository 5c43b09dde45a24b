// zod schema of the evaluation result: the contract for the API, the memo and the UI.
import { z } from "zod";
import { KEY_INPUTS } from "./what-if";

const money = z.number().describe("US$ per month");

export const CostLineSchema = z.object({
  label: z.string(),
  unit: z.string(),
  quantity: z.number(),
  unitPrice: z.number(),
  monthlyCost: money,
  source: z.string(),
  flag: z.string().optional(),
});

const unitCosts = {
  monthlyCost: money,
  annualCost: z.number(),
  perMillionTokens: z.number().nullable().describe("US$ per 1M tokens (input + output)"),
  perThousandRequests: z.number().nullable(),
  quality: z.number().nullable().describe("Share of tasks passed, as the option states it; null = not measured"),
  perThousandSuccessful: z.number().nullable().describe("US$ per 1,000 successful tasks: cost per 1k requests over the quality"),
};

export const ApiOptionResultSchema = z.object({
  kind: z.literal("api"),
  id: z.string(),
  label: z.string(),
  feasible: z.literal(true),
  lines: z.array(CostLineSchema),
  ...unitCosts,
  priceTier: z.enum(["standard", "long-context"]),
  flags: z.array(z.string()),
});

export const SizingSchema = z.object({
  weightGb: z.number(),
  kvBytesPerToken: z.number(),
  contextTokens: z.number(),
  tensorParallel: z.number(),
  maxSequencesByMemory: z.number(),
  batch: z.number(),
  batchBoundBy: z.enum(["memory", "latency", "scheduler", "measured"]),
  throughputPath: z.enum(["measured", "calibrated-roofline", "roofline"]).describe("Where the throughput per replica comes from"),
  benchmark: z.string().nullable().describe("The measured row the throughput rests on, and how it was used"),
  calibrationFactor: z.number().nullable().describe("Measured over estimated throughput of that row, when the roofline is scaled by it"),
  rejectedBenchmarks: z.array(z.string()).describe("Rows not used, each with the reason"),
  outputTokensPerSPerReplica: z.number(),
  prefillTokensPerSPerReplica: z.number().nullable(),
  perStreamTokensPerS: z.number(),
  ttftP50Ms: z.number().describe("Median time to first token at today's peak load (queueing approximation)"),
  ttftP95Ms: z.number().describe("95th-percentile time to first token at today's peak load"),
  peakOutputTokensPerS: z.number(),
  load: z.number().describe("Replica-equivalents of work at peak"),
  replicas: z.number(),
  gpus: z.number(),
  gpuHours: z.number(),
  owned: z
    .object({
      servers: z.number().describe("Servers bought: for the horizon's peak, or the count the team fixed"),
      capital: z.number().describe("Price and installation of those servers, US$, paid when they are bought"),
      leadTimeWeeks: z.number(),
      gpuLoadShare: z.number().describe("Average load of the installed GPUs at today's volume"),
    })
    .nullable()
    .describe("Owned hardware; null for rented GPUs"),
  achievedUtilisation: z.number().describe("Peak load over provisioned serving replicas"),
  boundBy: z.enum(["memory", "throughput", "latency", "minimum-replicas"]),
  notes: z.array(z.string()),
});

export const SelfHostOptionResultSchema = z.discriminatedUnion("feasible", [
  z.object({
    kind: z.literal("self-host"),
    id: z.string(),
    label: z.string(),
    feasible: z.literal(true),
    lines: z.array(CostLineSchema),
    ...unitCosts,
    gpuOnlyMonthlyCost: money,
    sizing: SizingSchema,
  }),
  z.object({ kind: z.literal("self-host"), id: z.string(), label: z.string(), feasible: z.literal(false), reason: z.string() }),
]);

export const BreakevenSchema = z.discriminatedUnion("reached", [
  z.object({
    reached: z.literal(true),
    basis: z.enum(["fully-loaded", "gpu-only"]),
    requestsPerMonth: z.number(),
    tokensPerMonth: z.number(),
    selfHostMonthly: z.number(),
    apiMonthly: z.number(),
    replicas: z.number(),
    everyVolume: z.boolean().describe("Self-hosting costs no more than the API at every volume, zero included"),
  }),
  z.object({ reached: z.literal(false), basis: z.enum(["fully-loaded", "gpu-only"]), reason: z.string() }),
]);

const BreakevenPairSchema = z.object({ apiId: z.string(), fullyLoaded: BreakevenSchema, gpuOnly: BreakevenSchema });

export const BreakevenEntrySchema = z
  .object({
    selfHostId: z.string(),
    apiId: z.string().describe("The API overtaken last (the one that decides the envelope breakeven)"),
    fullyLoaded: BreakevenSchema.describe("Against the lower envelope of the API options: the cheapest API at each volume"),
    gpuOnly: BreakevenSchema,
    perApi: z.array(BreakevenPairSchema).describe("Against each API option on its own"),
  })
  .describe("Smallest volume from which self-hosting costs no more than the API at every volume above it");

export const ConstraintResultSchema = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  hard: z.boolean(),
  checks: z.array(z.object({ optionId: z.string(), verdict: z.enum(["pass", "fail", "not-verified"]), detail: z.string() })),
  removed: z.array(z.string()).describe("Options this hard constraint removed"),
});

export type ConstraintResult = z.infer<typeof ConstraintResultSchema>;

export const RecommendationSchema = z.object({
  outcome: z
    .enum(["api", "self-host", "hybrid", "infeasible"])
    .describe("hybrid: a hybrid or routing option, part self-hosted and part API"),
  optionId: z.string().nullable(),
  label: z.string().nullable(),
  monthlyCost: z.number().nullable(),
  economic: z.object({
    optionId: z.string().nullable(),
    label: z.string().nullable(),
    monthlyCost: z.number().nullable(),
    closeCall: z.boolean(),
    cheapestApiId: z.string().nullable(),
    cheapestSelfHostId: z.string().nullable(),
    gapShare: z.number().nullable().describe("|self − API| / larger of the two"),
  }),
  overriddenBy: z.array(z.object({ constraintId: z.string(), label: z.string() })),
  overrideMonthlyCost: z.number().nullable().describe("Final monthly cost minus the cheapest option the constraints removed"),
  conflicts: z.array(z.string()).describe("Why every option was removed, when infeasible"),
  headline: z.string(),
  reason: z.string(),
  warnings: z.array(z.string()),
});

const hybridBase = {
  id: z.string(),
  label: z.string(),
  selfHostId: z.string(),
  apiId: z.string(),
};

export const HybridResultSchema = z.discriminatedUnion("feasible", [
  z.object({
    ...hybridBase,
    feasible: z.literal(true),
    replicas: z.number().describe("Serving replicas the engine chose (the option's spares come on top)"),
    monthlyCost: z.number(),
    selfShare: z.number().describe("Share of requests the replicas serve; the API takes the rest"),
    allApiMonthlyCost: z.number().describe("The same profile with no replicas"),
    allSelfHostMonthlyCost: z.number().describe("The same profile with replicas enough for the busiest hour"),
    requestsPerReplicaHour: z.number(),
    curve: z.object({ replicas: z.array(z.number()), monthlyCost: z.array(z.number()) }).describe("Monthly cost against replicas"),
    curveCut: z.boolean().describe("The curve stops before the replica count that leaves no overflow"),
    profile: z.array(z.number()).describe("Share of a day's requests in each hour from midnight, as priced"),
    removedBy: z.array(z.string()).describe("Hard constraints the parts in use fail"),
  }),
  z.object({ ...hybridBase, feasible: z.literal(false), reason: z.string() }),
]);
export type HybridResult = z.infer<typeof HybridResultSchema>;

export const RoutingResultSchema = z.discriminatedUnion("feasible", [
  z.object({
    ...hybridBase,
    feasible: z.literal(true),
    selfShare: z.number(),
    monthlyCost: z.number(),
    selfMonthlyCost: z.number().describe("The self-host option sized and priced for its share"),
    apiMonthlyCost: z.number().describe("The API option priced on the rest"),
    quality: z.number().nullable().describe("The two quality figures weighted by share; null unless both have one"),
    perThousandSuccessful: z.number().nullable(),
    removedBy: z.array(z.string()).describe("Hard constraints the parts in use fail"),
  }),
  z.object({ ...hybridBase, feasible: z.literal(false), reason: z.string() }),
]);
export type RoutingResult = z.infer<typeof RoutingResultSchema>;

export const EvaluationSchema = z.object({
  engineVersion: z.string(),
  scenarioName: z.string(),
  workload: z.object({
    requestsPerMonth: z.number(),
    inputTokensPerMonth: z.number(),
    outputTokensPerMonth: z.number(),
    tokensPerRequest: z.number(),
  }),
  options: z.array(z.union([ApiOptionResultSchema, SelfHostOptionResultSchema])),
  hybrid: z.array(HybridResultSchema).describe("Hybrid options: self-hosted base load, API overflow"),
  routing: z.array(RoutingResultSchema).describe("Routing options: a share of requests self-hosted, the rest to an API"),
  breakeven: z.array(BreakevenEntrySchema),
  costCurve: z
    .object({ requestsPerMonth: z.array(z.number()), costs: z.record(z.string(), z.array(z.number())) })
    .describe("Monthly cost of every option (by id) at each volume, column by column"),
  projection: z
    .object({
      requestsPerMonth: z.array(z.number()).describe("Volume in month 1..N"),
      monthly: z.record(z.string(), z.array(z.number())),
      cumulative: z.record(z.string(), z.array(z.number())),
      monthlyCrossoverMonth: z.number().nullable(),
      cumulativeCrossoverMonth: z.number().nullable(),
    })
    .describe("Cost of every option (by id) month by month over the horizon"),
  comparison: z.object({ selfHostId: z.string(), apiId: z.string(), baseDifference: z.number() }).nullable(),
  tornado: z.array(
    z.object({
      input: z.enum(KEY_INPUTS),
      label: z.string(),
      kind: z.enum(["multiplier", "value"]),
      base: z.number(),
      low: z.number(),
      high: z.number(),
      lowDelta: z.number(),
      highDelta: z.number(),
      swing: z.number(),
    }),
  ),
  uncertainty: z
    .object({
      samples: z.number(),
      seed: z.number(),
      probabilitySelfHostCheaper: z.number(),
      p10: z.number(),
      p50: z.number(),
      p90: z.number(),
      mean: z.number(),
    })
    .nullable(),
  triggers: z.array(
    z.object({
      input: z.enum(KEY_INPUTS),
      label: z.string(),
      direction: z.enum(["above", "below"]),
      value: z.number(),
      absolute: z.number(),
      unit: z.string(),
      winnerAfter: z.enum(["api", "self-host"]),
      text: z.string(),
    }),
  ),
  constraints: z.array(ConstraintResultSchema),
  recommendation: RecommendationSchema,
});

export type Evaluation = z.infer<typeof EvaluationSchema>;
export type OptionResult = Evaluation["options"][number];
export type ApiOptionResult = z.infer<typeof ApiOptionResultSchema>;
export type SelfHostOptionResult = z.infer<typeof SelfHostOptionResultSchema>;
export type Recommendation = z.infer<typeof RecommendationSchema>;

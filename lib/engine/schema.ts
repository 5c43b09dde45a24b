// zod schemas for the scenario input. One schema per input, shared by the form, the server, the
// command line and the OpenAPI document. Defaults are DESIGN.md's; every field has bounds.
import { z } from "zod";
import { money, share, count, positive, id, label, SourceSchema, QualitySchema } from "./schema-fields";
import { SelfHostOptionSchema } from "./schema-self-host";
export { SourceSchema, QualitySchema, type Source, type Quality } from "./schema-fields";
export * from "./schema-self-host";

export const WorkloadSchema = z
  .object({
    requestsPerMonth: z
      .number({ error: "must be a number" })
      .finite()
      .min(0, { error: "cannot be negative" })
      .max(1e12, { error: "must be at most 1e12" })
      .describe("Requests per month (R)"),
    inputTokensPerRequest: count(0, 2_000_000).describe("Input (prompt) tokens per request (Ti)"),
    outputTokensPerRequest: count(1, 200_000).describe("Output tokens per request (To)"),
    apiCacheReadShare: share.default(0.8).describe("Share of input tokens billed at the API's cached-read price (h)"),
    apiCacheWriteShare: share.default(0).describe("Share of input tokens billed at the API's cache-write price (w)"),
    selfHostPrefixCacheHitRate: share.default(0.35).describe("Share of input tokens served from the self-hosted prefix cache (hs)"),
    peakToAverage: z
      .number()
      .finite()
      .min(1, { error: "must be at least 1" })
      .max(50, { error: "must be at most 50" })
      .default(3)
      .describe("Peak traffic over average traffic during active hours (P)"),
    activeHoursPerDay: z
      .number()
      .finite()
      .min(0.5, { error: "must be at least 0.5" })
      .max(24, { error: "must be at most 24" })
      .default(24)
      .describe("Hours per day with traffic (A)"),
    batchShare: share.default(0).describe("Share of API traffic sent through the batch API (b)"),
    monthlyGrowth: z
      .number()
      .finite()
      .min(-0.5, { error: "must be at least -0.5" })
      .max(2, { error: "must be at most 2" })
      .default(0)
      .describe("Monthly volume growth (g), 0.05 = +5% a month"),
    horizonMonths: count(1, 120).default(24).describe("Months over which set-up is amortised and costs are projected (N)"),
    avgContextTokens: count(1, 2_000_000).optional().describe("Average context per sequence in tokens (ctx); default Ti + To"),
    hourlyProfile: z
      .array(z.number({ error: "must be a number" }).finite().min(0, { error: "cannot be negative" }).max(1e12))
      .length(24, { error: "needs 24 values, one per hour from midnight" })
      .nullable()
      .default(null)
      .describe("Requests in each hour of a day, from midnight (any scale; normalised); null = generated from P and A"),
    profileUtcOffsetHours: z
      .number()
      .finite()
      .min(-12, { error: "must be at least -12" })
      .max(14, { error: "must be at most 14" })
      .default(0)
      .describe("UTC offset of the clock the 24-hour profile is written in, hours (-5 = New York in winter)"),
  })
  .superRefine((w, ctx) => {
    if (w.apiCacheReadShare + w.apiCacheWriteShare > 1) {
      ctx.addIssue({ code: "custom", path: ["apiCacheWriteShare"], message: "cache-read and cache-write shares add up to more than 1" });
    }
  })
  .describe("The workload every option is evaluated on");
export type Workload = z.infer<typeof WorkloadSchema>;

export const PeopleSchema = z
  .object({
    engineerAnnualCost: money(2_000_000)
      .default(200_000)
      .describe("Loaded annual cost of one engineer, US$ (common range 150,000-250,000)"),
  })
  .default({ engineerAnnualCost: 200_000 });

export const ApiPricesSchema = z
  .object({
    inputPerM: money(1000).describe("US$ per 1M uncached input tokens"),
    cachedInputPerM: money(1000).nullable().default(null).describe("US$ per 1M cached input tokens read; null = not offered"),
    cacheWritePerM: money(1000)
      .nullable()
      .default(null)
      .describe("US$ per 1M input tokens written to the cache; null = not priced separately"),
    outputPerM: money(1000).describe("US$ per 1M output tokens"),
    batchDiscount: share.nullable().default(null).describe("Discount of the batch API, 0.5 = half price; null = no batch API"),
    longContext: z
      .object({
        thresholdTokens: count(1, 10_000_000).describe("Requests with more input tokens than this pay the tier price"),
        inputPerM: money(1000),
        cachedInputPerM: money(1000).nullable().default(null),
        outputPerM: money(1000),
      })
      .nullable()
      .default(null)
      .describe("Long-context price tier"),
    offPeak: z
      .object({
        startHourUtc: z.number().finite().min(0).max(24).describe("Off-peak window start, hour of the day in UTC (16.5 = 16:30)"),
        endHourUtc: z.number().finite().min(0).max(24).describe("Off-peak window end, hour in UTC; before the start = past midnight"),
        inputPerM: money(1000),
        cachedInputPerM: money(1000).nullable().default(null),
        outputPerM: money(1000),
      })
      .nullable()
      .default(null)
      .describe("Cheaper prices for requests sent in an off-peak window of the day"),
  })
  .describe("API prices, US$ per 1M tokens");
export type ApiPrices = z.infer<typeof ApiPricesSchema>;

export const ApiAttributesSchema = z
  .object({
    certifications: z
      .array(z.string().max(40))
      .max(20)
      .default([])
      .describe("Certifications the provider holds (SOC 2, ISO 27001, HIPAA BAA, GDPR DPA)"),
    zeroDataRetention: z.boolean().nullable().default(null).describe("Zero data retention available; null = not verified"),
    regions: z.array(z.string().max(40)).max(50).default([]).describe("Regions where requests can be processed; empty = not verified"),
    typicalTtftMs: positive(120_000).nullable().default(null).describe("Median (p50) time to first token, ms"),
    ttftP95Ms: positive(600_000).nullable().default(null).describe("95th-percentile time to first token, ms; null = not published"),
    outputTokensPerSecond: positive(100_000).nullable().default(null).describe("Typical output speed per stream, tokens/s"),
    networkRttMs: z.number().finite().min(0).max(10_000).default(60).describe("Network round trip to the provider, ms"),
    inOurInfrastructure: z.boolean().default(false).describe("Runs inside our own infrastructure (e.g. a private deployment)"),
  })
  .default({
    certifications: [],
    zeroDataRetention: null,
    regions: [],
    typicalTtftMs: null,
    ttftP95Ms: null,
    outputTokensPerSecond: null,
    networkRttMs: 60,
    inOurInfrastructure: false,
  });

export const ApiOptionSchema = z
  .object({
    id,
    label,
    provider: z.string().max(80).default(""),
    model: z.string().max(120).default(""),
    region: z.string().max(40).default("global").describe("The provider's endpoint the prices are for (global, or a regional one)"),
    prices: ApiPricesSchema,
    source: SourceSchema.default({ name: "Entered by hand" }),
    integrationFte: z
      .number()
      .finite()
      .min(0)
      .max(10, { error: "must be at most 10" })
      .default(0.05)
      .describe("Engineers (FTE) to integrate and maintain the API client"),
    serviceTier: z
      .enum(["standard", "priority", "flex", "batch"])
      .default("standard")
      .describe("Service tier the prices are for: priority buys lower latency, flex and batch trade it for price"),
    attributes: ApiAttributesSchema,
    quality: QualitySchema,
  })
  .describe("An API model priced per token");
export type ApiOption = z.infer<typeof ApiOptionSchema>;

const constraintBase = {
  id,
  label: label.optional(),
  hard: z.boolean().default(true).describe("A hard constraint removes options that fail it"),
};

export const ConstraintSchema = z.discriminatedUnion("kind", [
  z.object({ ...constraintBase, kind: z.literal("data-stays-in-our-infrastructure") }),
  z.object({
    ...constraintBase,
    kind: z.literal("allowed-regions"),
    regions: z.array(z.string().min(1).max(40)).min(1, { error: "name at least one region" }).max(50),
  }),
  z.object({
    ...constraintBase,
    kind: z.literal("certifications"),
    required: z.array(z.enum(["SOC 2", "ISO 27001", "HIPAA BAA", "GDPR DPA"])).min(1, { error: "choose at least one certification" }),
  }),
  z.object({ ...constraintBase, kind: z.literal("zero-data-retention") }),
  z.object({ ...constraintBase, kind: z.literal("ttft-budget"), p95Ms: positive(600_000).describe("p95 time-to-first-token budget, ms") }),
  z.object({
    ...constraintBase,
    kind: z.literal("min-output-speed"),
    tokensPerSecond: positive(10_000).describe("Minimum output tokens/s per stream"),
  }),
  z.object({
    ...constraintBase,
    kind: z.literal("min-quality"),
    minScore: share.describe("Lowest acceptable share of tasks passed"),
  }),
  z.object({
    ...constraintBase,
    kind: z.literal("custom"),
    label,
    verdicts: z
      .record(z.string(), z.enum(["pass", "fail", "unknown"]))
      .default({})
      .describe("Verdict per option id, set by the team"),
  }),
]);
export type Constraint = z.infer<typeof ConstraintSchema>;

export const HybridOptionSchema = z
  .object({
    id,
    label,
    selfHostId: id.describe("The self-host option whose replicas take the base load"),
    apiId: id.describe("The API option that takes the overflow"),
  })
  .describe("Self-hosted replicas for the base load, an API for the overflow; the engine chooses the replica count");
export type HybridOption = z.infer<typeof HybridOptionSchema>;

export const RoutingOptionSchema = z
  .object({
    id,
    label,
    selfHostId: id.describe("The self-host option that takes its share of requests"),
    apiId: id.describe("The API option that takes the rest"),
    selfShare: share.describe("Share of requests routed to the self-hosted model, 0.7 = 70%"),
  })
  .describe("A share of requests to a self-hosted model, the rest to an API; each side priced on its share");
export type RoutingOption = z.infer<typeof RoutingOptionSchema>;

export const SettingsSchema = z
  .object({
    closeCallMargin: z
      .number()
      .finite()
      .min(0)
      .max(1)
      .default(0.15)
      .describe("Within this share, the result is a close call that leans to the API"),
    sloOutputTokensPerSecond: positive(10_000)
      .default(20)
      .describe("Output tokens/s per stream the self-hosted batch must sustain (20 = 50 ms per token)"),
    monteCarloSamples: count(0, 100_000).default(2000),
    seed: count(0, 2 ** 31 - 1).default(42),
  })
  .default({ closeCallMargin: 0.15, sloOutputTokensPerSecond: 20, monteCarloSamples: 2000, seed: 42 });

export const ScenarioInputSchema = z
  .object({
    name: z.string().max(200).default("Untitled scenario"),
    workload: WorkloadSchema,
    people: PeopleSchema,
    apiOptions: z.array(ApiOptionSchema).max(20, { error: "at most 20 API options" }).default([]),
    selfHostOptions: z.array(SelfHostOptionSchema).max(20, { error: "at most 20 self-host options" }).default([]),
    constraints: z.array(ConstraintSchema).max(50).default([]),
    hybridOptions: z.array(HybridOptionSchema).max(10, { error: "at most 10 hybrid options" }).default([]),
    routingOptions: z.array(RoutingOptionSchema).max(10, { error: "at most 10 routing options" }).default([]),
    settings: SettingsSchema,
  })
  .superRefine((s, ctx) => {
    if (s.apiOptions.length + s.selfHostOptions.length === 0) {
      ctx.addIssue({ code: "custom", path: ["apiOptions"], message: "add at least one API or self-host option" });
    }
    const requestTokens = s.workload.inputTokensPerRequest + s.workload.outputTokensPerRequest;
    const context = Math.max(requestTokens, s.workload.avgContextTokens ?? 0);
    s.selfHostOptions.forEach((o, i) => {
      if (context > o.model.contextLength) {
        ctx.addIssue({
          code: "custom",
          path: ["selfHostOptions", i, "model", "contextLength"],
          message: `a request of ${context.toLocaleString("en-US")} tokens does not fit this model's ${o.model.contextLength.toLocaleString("en-US")}-token context`,
        });
      }
    });
    s.hybridOptions.forEach((h, i) => {
      const self = s.selfHostOptions.find((o) => o.id === h.selfHostId);
      if (!self)
        ctx.addIssue({ code: "custom", path: ["hybridOptions", i, "selfHostId"], message: "is not a self-host option of this scenario" });
      else if (self.billingMode === "scale-to-zero")
        ctx.addIssue({
          code: "custom",
          path: ["hybridOptions", i, "selfHostId"],
          message: "scales to zero: a hybrid keeps its replicas running (choose always on or active window)",
        });
      if (!s.apiOptions.some((o) => o.id === h.apiId))
        ctx.addIssue({ code: "custom", path: ["hybridOptions", i, "apiId"], message: "is not an API option of this scenario" });
    });
    s.routingOptions.forEach((r, i) => {
      if (!s.selfHostOptions.some((o) => o.id === r.selfHostId))
        ctx.addIssue({ code: "custom", path: ["routingOptions", i, "selfHostId"], message: "is not a self-host option of this scenario" });
      if (!s.apiOptions.some((o) => o.id === r.apiId))
        ctx.addIssue({ code: "custom", path: ["routingOptions", i, "apiId"], message: "is not an API option of this scenario" });
    });
    const seen = new Set<string>();
    [
      ...s.apiOptions.map((o, i) => ["apiOptions", i, o.id] as const),
      ...s.selfHostOptions.map((o, i) => ["selfHostOptions", i, o.id] as const),
      ...s.hybridOptions.map((o, i) => ["hybridOptions", i, o.id] as const),
      ...s.routingOptions.map((o, i) => ["routingOptions", i, o.id] as const),
    ].forEach(([list, i, optionId]) => {
      if (seen.has(optionId)) ctx.addIssue({ code: "custom", path: [list, i, "id"], message: `duplicate option id "${optionId}"` });
      seen.add(optionId);
    });
  });

/** What callers send: defaults may be left out. */
export type ScenarioInputRaw = z.input<typeof ScenarioInputSchema>;
/** What the engine works on: every default filled in. */
export type ScenarioInput = z.output<typeof ScenarioInputSchema>;

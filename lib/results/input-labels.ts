// What each scenario input is called on screen, with its unit: one table for the editor's fields,
// the revision diff, the comparison and the conflict view, so a field reads the same everywhere.
// Keys are input paths with an option's or constraint's position replaced by `*`.

export type InputLabel = { label: string; unit: string; percent?: boolean; help?: string };

export const INPUT_LABELS: Record<string, InputLabel> = {
  name: { label: "Scenario name", unit: "" },
  "workload.requestsPerMonth": { label: "Requests per month", unit: "requests", help: "Total calls to the model in a month." },
  "workload.inputTokensPerRequest": { label: "Input tokens per request", unit: "tokens", help: "Prompt, history and retrieved context." },
  "workload.outputTokensPerRequest": { label: "Output tokens per request", unit: "tokens", help: "Tokens the model writes back." },
  "workload.apiCacheReadShare": {
    label: "API cache-read share",
    unit: "share",
    percent: true,
    help: "Input billed at the provider's cached price.",
  },
  "workload.apiCacheWriteShare": { label: "API cache-write share", unit: "share", percent: true },
  "workload.selfHostPrefixCacheHitRate": {
    label: "Self-host prefix-cache hits",
    unit: "share",
    percent: true,
    help: "Input your own servers need not recompute.",
  },
  "workload.peakToAverage": { label: "Peak-to-average ratio", unit: "×", help: "Busiest hour over the average active hour." },
  "workload.activeHoursPerDay": { label: "Active hours per day", unit: "hours", help: "Hours with traffic; 24 for round the clock." },
  "workload.batchShare": { label: "Batch share", unit: "share", percent: true, help: "API traffic sent through the batch API." },
  "workload.monthlyGrowth": { label: "Monthly growth", unit: "share", percent: true, help: "Volume growth per month, for the projection." },
  "workload.horizonMonths": { label: "Horizon", unit: "months", help: "Projection length; set-up is amortised over it." },
  "people.engineerAnnualCost": {
    label: "Engineer annual cost",
    unit: "US$/year",
    help: "Loaded cost of one engineer (150,000–250,000 is common).",
  },
  "settings.closeCallMargin": {
    label: "Close-call margin",
    unit: "share",
    percent: true,
    help: "Within this gap the API wins, for flexibility.",
  },
  "settings.sloOutputTokensPerSecond": {
    label: "Self-host speed target",
    unit: "tokens/s per stream",
    help: "Batches are sized so each stream gets at least this.",
  },
  "settings.monteCarloSamples": { label: "Monte Carlo samples", unit: "samples" },
  "settings.seed": { label: "Random seed", unit: "" },

  "apiOptions.*.label": { label: "Name", unit: "" },
  "apiOptions.*.prices.inputPerM": { label: "Input price", unit: "$/1M tokens", help: "Uncached input." },
  "apiOptions.*.prices.cachedInputPerM": { label: "Cached input price", unit: "$/1M tokens", help: "Empty: not offered." },
  "apiOptions.*.prices.cacheWritePerM": { label: "Cache-write price", unit: "$/1M tokens" },
  "apiOptions.*.prices.outputPerM": { label: "Output price", unit: "$/1M tokens", help: "Output tokens." },
  "apiOptions.*.prices.batchDiscount": { label: "Batch discount", unit: "share", percent: true },
  "apiOptions.*.integrationFte": { label: "Integration effort", unit: "FTE", help: "Engineers to integrate it." },
  "apiOptions.*.serviceTier": { label: "Service tier", unit: "", help: "Flex and batch make no latency commitment." },
  "apiOptions.*.prices.offPeak.startHourUtc": { label: "Off-peak from", unit: "hour, UTC", help: "16.5 = 16:30 UTC." },
  "apiOptions.*.prices.offPeak.endHourUtc": { label: "Off-peak until", unit: "hour, UTC", help: "Before the start: past midnight." },
  "apiOptions.*.prices.offPeak.inputPerM": { label: "Off-peak input price", unit: "$/1M tokens" },
  "apiOptions.*.prices.offPeak.outputPerM": { label: "Off-peak output price", unit: "$/1M tokens" },
  "apiOptions.*.attributes.certifications": { label: "Certifications", unit: "" },
  "apiOptions.*.attributes.zeroDataRetention": { label: "Zero data retention", unit: "" },
  "apiOptions.*.attributes.regions": { label: "Processing regions", unit: "" },
  "apiOptions.*.attributes.typicalTtftMs": { label: "Time to first token, median (p50)", unit: "ms", help: "Empty: not verified." },
  "apiOptions.*.attributes.ttftP95Ms": {
    label: "Time to first token, p95",
    unit: "ms",
    help: "What a p95 budget is checked against. Empty: not verified.",
  },
  "apiOptions.*.attributes.outputTokensPerSecond": { label: "Output speed", unit: "tokens/s per stream" },
  "apiOptions.*.attributes.inOurInfrastructure": { label: "Runs in our infrastructure", unit: "" },

  "selfHostOptions.*.label": { label: "Name", unit: "" },
  "selfHostOptions.*.gpu.pricePerGpuHour": { label: "GPU price", unit: "$/GPU-hour" },
  "selfHostOptions.*.gpu.gpuType": { label: "GPU", unit: "" },
  "selfHostOptions.*.gpu.provider": { label: "GPU provider", unit: "" },
  "selfHostOptions.*.gpu.regions": { label: "GPU regions", unit: "" },
  "selfHostOptions.*.model.name": { label: "Model", unit: "" },
  "selfHostOptions.*.targetUtilisation": { label: "Target utilisation", unit: "share", percent: true, help: "Capacity used at peak." },
  "selfHostOptions.*.failoverReplicas": { label: "Failover replicas", unit: "replicas", help: "Spares kept running." },
  "selfHostOptions.*.engineeringFte": { label: "Engineering", unit: "FTE", help: "People running the stack." },
  "selfHostOptions.*.weightPrecision": { label: "Weights", unit: "", help: "bf16 = 2 bytes, fp8 = 1, int4 = ½ per weight." },
  "selfHostOptions.*.kvPrecision": { label: "KV cache", unit: "", help: "bf16 = 2 bytes, fp8 = 1 per value." },
  "selfHostOptions.*.billingMode": { label: "Billing", unit: "" },
  "selfHostOptions.*.gpu.tenancy": {
    label: "Tenancy",
    unit: "",
    help: "On-prem: our facility. Dedicated: single-tenant cloud. Community: third-party hosts.",
  },
  "selfHostOptions.*.dedicatedIsOurInfrastructure": { label: "Dedicated hardware counted as our infrastructure", unit: "" },
  "selfHostOptions.*.hosting.kind": { label: "Hardware", unit: "", help: "Rent GPUs by the hour, or buy servers." },
  "selfHostOptions.*.hosting.serverPrice": { label: "Server price", unit: "US$", help: "One server with its GPUs." },
  "selfHostOptions.*.hosting.gpusPerServer": { label: "GPUs per server", unit: "GPUs" },
  "selfHostOptions.*.hosting.installationPerServer": { label: "Installation", unit: "US$ per server", help: "Racking, cabling, burn-in." },
  "selfHostOptions.*.hosting.lifeYears": { label: "Life", unit: "years", help: "Depreciated over this." },
  "selfHostOptions.*.hosting.residualShare": {
    label: "Residual value",
    unit: "share",
    percent: true,
    help: "Left at the end of the life.",
  },
  "selfHostOptions.*.hosting.costOfCapital": { label: "Cost of capital", unit: "share a year", percent: true },
  "selfHostOptions.*.hosting.maintenanceShare": { label: "Maintenance", unit: "share of capital a year", percent: true },
  "selfHostOptions.*.hosting.gpuTdpW": { label: "GPU power", unit: "W (TDP)" },
  "selfHostOptions.*.hosting.serverBaseW": { label: "Server base power", unit: "W", help: "CPUs, memory, fans, network." },
  "selfHostOptions.*.hosting.pue": { label: "PUE", unit: "", help: "Facility power over IT power." },
  "selfHostOptions.*.hosting.electricityPerKwh": { label: "Electricity", unit: "$/kWh" },
  "selfHostOptions.*.hosting.facilityPerServerMonth": {
    label: "Facility",
    unit: "$ per server-month",
    help: "Rack space, cooling, hands.",
  },
  "selfHostOptions.*.hosting.operationsFte": { label: "Hardware operations", unit: "FTE", help: "Spares, repairs, firmware." },
  "selfHostOptions.*.hosting.leadTimeWeeks": { label: "Lead time", unit: "weeks", help: "From order to serving traffic." },
  "selfHostOptions.*.hosting.servers": { label: "Servers", unit: "servers", help: "Empty: enough for the horizon's peak." },
  "selfHostOptions.*.pricing.kind": { label: "GPU pricing", unit: "", help: "Committed: reserved for a term. Spot: interruptible." },
  "selfHostOptions.*.pricing.termMonths": { label: "Commitment term", unit: "months" },
  "selfHostOptions.*.pricing.committedGpus": { label: "Committed GPUs", unit: "GPUs", help: "Paid every hour of the term." },
  "selfHostOptions.*.pricing.discount": { label: "Discount", unit: "share", percent: true, help: "Off the on-demand price." },
  "selfHostOptions.*.pricing.upfrontShare": {
    label: "Paid upfront",
    unit: "share",
    percent: true,
    help: "Of the term's cost, at signing.",
  },
  "selfHostOptions.*.pricing.interruptionRate": {
    label: "Interrupted GPU time",
    unit: "share",
    percent: true,
    help: "Work redone and replacements started.",
  },
  "selfHostOptions.*.minReplicas": { label: "Minimum replicas", unit: "replicas", help: "Kept running at all times." },
  "selfHostOptions.*.setupEngineerWeeks": { label: "Set-up", unit: "engineer-weeks", help: "One-time, amortised." },
  "selfHostOptions.*.modelSwitchesPerYear": { label: "Model switches", unit: "per year", help: "New model versions adopted." },
  "selfHostOptions.*.weeksPerSwitch": { label: "Work per switch", unit: "engineer-weeks", help: "Evaluate, tune, roll out." },
  "selfHostOptions.*.overhead.percentOfGpu": {
    label: "Infrastructure overhead",
    unit: "share",
    percent: true,
    help: "Networking, storage, load balancing, observability.",
  },
  "selfHostOptions.*.tensorParallel": { label: "Tensor parallelism", unit: "GPUs" },
  "selfHostOptions.*.certifications": { label: "Certifications", unit: "" },
  "selfHostOptions.*.gpu.gpusPerNode": { label: "GPUs per node", unit: "GPUs", help: "In one node or instance." },
  "selfHostOptions.*.idleTimeoutMinutes": { label: "Idle timeout", unit: "minutes", help: "Idle replicas are released after this." },
  "selfHostOptions.*.coldStartSeconds": { label: "Cold start", unit: "seconds", help: "Billed GPU time to bring a replica up." },
  "selfHostOptions.*.model.kvCache.kvLoraRank": { label: "KV latent width", unit: "kv_lora_rank", help: "512 in DeepSeek V3." },
  "selfHostOptions.*.model.kvCache.ropeHeadDim": { label: "Rotary dims", unit: "qk_rope_head_dim", help: "64 in DeepSeek V3." },
  "selfHostOptions.*.model.kvCache.bytesPerToken": { label: "KV cache per token", unit: "bytes", help: "At the option's KV precision." },

  "constraints.*.minScore": { label: "Minimum quality", unit: "share", percent: true, help: "Share of your evaluation tasks passed." },
  "apiOptions.*.quality.score": { label: "Quality", unit: "share", percent: true, help: "Share of tasks passed. Empty: not measured." },
  "apiOptions.*.quality.source": { label: "Quality source", unit: "" },
  "apiOptions.*.quality.basis": { label: "Measured by", unit: "" },
  "selfHostOptions.*.quality.basis": { label: "Measured by", unit: "" },
  "selfHostOptions.*.quality.score": {
    label: "Quality",
    unit: "share",
    percent: true,
    help: "Share of tasks passed. Empty: not measured.",
  },
  "selfHostOptions.*.quality.source": { label: "Quality source", unit: "" },
  "hybridOptions.*.label": { label: "Hybrid option name", unit: "" },
  "hybridOptions.*.selfHostId": { label: "Hybrid: replicas of", unit: "" },
  "hybridOptions.*.apiId": { label: "Hybrid: overflow to", unit: "" },
  "routingOptions.*.label": { label: "Routing option name", unit: "" },
  "routingOptions.*.selfHostId": { label: "Routing: self-hosted model", unit: "" },
  "routingOptions.*.apiId": { label: "Routing: API for the rest", unit: "" },
  "workload.hourlyProfile": { label: "Requests by hour of the day", unit: "" },
  "workload.profileUtcOffsetHours": {
    label: "Profile's UTC offset",
    unit: "hours",
    help: "Clock the 24-hour profile is written in (-5 = New York in winter); off-peak API hours are in UTC.",
  },
  "routingOptions.*.selfShare": { label: "Share self-hosted", unit: "share", percent: true, help: "The rest goes to the API." },
  "constraints.*.p95Ms": { label: "TTFT budget, p95", unit: "ms", help: "Time to first token the product can afford." },
  "constraints.*.regions": { label: "Allowed regions", unit: "" },
  "constraints.*.required": { label: "Required certifications", unit: "" },
  "constraints.*.tokensPerSecond": { label: "Output speed", unit: "tokens/s per stream", help: "How fast a user sees text appear." },
};

/** The label of an input path ("apiOptions.0.prices.inputPerM" and "apiOptions.gpt.prices.inputPerM" alike). */
export function inputLabel(path: string): InputLabel {
  const generic = path.replace(/^(apiOptions|selfHostOptions|constraints|hybridOptions|routingOptions)\.[^.]+/, "$1.*");
  const known = INPUT_LABELS[generic];
  if (known) return known;
  // Fields without an entry read as their words: "model.activeParamsB" → "Model: active params b".
  const rest = generic.replace(/^(apiOptions|selfHostOptions|constraints|hybridOptions|routingOptions)\.\*\./, "");
  const words = rest.split(".").map((p) => p.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase());
  const text = words.join(": ");
  return { label: text.charAt(0).toUpperCase() + text.slice(1), unit: "" };
}

/** What each kind of constraint requires, in the words of the editor's checkboxes. */
export const CONSTRAINT_TITLES: Record<string, string> = {
  "data-stays-in-our-infrastructure": "Data must not leave our infrastructure",
  "zero-data-retention": "Zero data retention",
  "ttft-budget": "p95 time to first token within a budget",
  "allowed-regions": "Data processed only in allowed regions",
  certifications: "Required certifications",
  "min-output-speed": "Minimum output speed per stream",
  "min-quality": "Minimum quality (share of tasks passed)",
  custom: "Custom requirement",
};

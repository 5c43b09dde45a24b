// Scenario templates a team starts from, priced from the reference catalog.
import type { ScenarioInputRaw } from "../engine";
import { REFERENCE_SERVERS } from "./reference-catalog";
import { apiOptionFor, selfHostOptionFor, selfHostOptionFromRows, slug } from "./picker";

export * from "./picker";

export type TemplateId = "blank" | "chat" | "rag" | "agent" | "batch" | "regulated" | "on-prem" | "hybrid";

export const TEMPLATES: { id: TemplateId; title: string; blurb: string; build: () => ScenarioInputRaw }[] = [
  {
    id: "chat",
    title: "Chat assistant",
    blurb: "Short prompts, short answers, steady traffic around the clock.",
    build: () => ({
      name: "Chat assistant",
      workload: {
        requestsPerMonth: 5_000_000,
        inputTokensPerRequest: 800,
        outputTokensPerRequest: 300,
        apiCacheReadShare: 0.5,
        peakToAverage: 2.5,
      },
      apiOptions: [apiOptionFor("GPT-4o-mini"), apiOptionFor("GPT-5 mini"), apiOptionFor("Gemini 2.5 Flash")],
      selfHostOptions: [
        selfHostOptionFor("Llama 3.1 8B", "L40S", "RunPod Secure", { weightPrecision: "fp8" }),
        selfHostOptionFor("Llama 3.1 8B", "H100 SXM", "Reference cloud"),
      ],
    }),
  },
  {
    id: "rag",
    title: "RAG support bot",
    blurb: "Long retrieved context that rarely repeats, answers of a paragraph.",
    build: () => ({
      name: "RAG support bot",
      workload: {
        requestsPerMonth: 2_000_000,
        inputTokensPerRequest: 4000,
        outputTokensPerRequest: 350,
        apiCacheReadShare: 0.3,
        selfHostPrefixCacheHitRate: 0.2,
        activeHoursPerDay: 16,
      },
      apiOptions: [apiOptionFor("GPT-4.1"), apiOptionFor("Claude Haiku 4.5"), apiOptionFor("DeepSeek V3")],
      selfHostOptions: [
        selfHostOptionFor("Llama 3.3 70B", "H100 SXM", "Nebius", {
          weightPrecision: "fp8",
          kvPrecision: "fp8",
          billingMode: "active-window",
        }),
      ],
    }),
  },
  {
    id: "agent",
    title: "Agent platform with long shared prompts",
    blurb: "12k-token system prompts and tools reused across calls: caching decides the bill.",
    build: () => ({
      name: "Agent platform",
      workload: {
        requestsPerMonth: 3_000_000,
        inputTokensPerRequest: 12_000,
        outputTokensPerRequest: 600,
        apiCacheReadShare: 0.9,
        apiCacheWriteShare: 0.05,
        selfHostPrefixCacheHitRate: 0.6,
        activeHoursPerDay: 14,
        monthlyGrowth: 0.08,
      },
      apiOptions: [apiOptionFor("Claude Sonnet 4.5"), apiOptionFor("GPT-4.1"), apiOptionFor("Llama 3.3 70B")],
      selfHostOptions: [
        selfHostOptionFor("Llama 3.3 70B", "H200 SXM", "RunPod Secure", {
          weightPrecision: "fp8",
          kvPrecision: "fp8",
          billingMode: "active-window",
          engineeringFte: 0.5,
          setupEngineerWeeks: 10,
        }),
      ],
    }),
  },
  {
    id: "batch",
    title: "Batch document processing",
    blurb: "Overnight jobs that tolerate latency: batch APIs against GPUs rented only while busy.",
    build: () => ({
      name: "Batch document processing",
      workload: {
        requestsPerMonth: 10_000_000,
        inputTokensPerRequest: 3000,
        outputTokensPerRequest: 500,
        apiCacheReadShare: 0,
        batchShare: 1,
        peakToAverage: 1.2,
        activeHoursPerDay: 8,
      },
      apiOptions: [apiOptionFor("GPT-4o-mini"), apiOptionFor("Gemini 2.5 Flash")],
      selfHostOptions: [
        selfHostOptionFor("Qwen3 30B-A3B", "H100 SXM", "RunPod Community", {
          weightPrecision: "fp8",
          billingMode: "scale-to-zero",
          minReplicas: 0,
          failoverReplicas: 0,
        }),
      ],
    }),
  },
  {
    id: "regulated",
    title: "Regulated internal assistant",
    blurb: "Data may not leave our infrastructure: the constraint, not the price, decides.",
    build: () => ({
      name: "Regulated internal assistant",
      workload: {
        requestsPerMonth: 1_500_000,
        inputTokensPerRequest: 1500,
        outputTokensPerRequest: 400,
        apiCacheReadShare: 0.3,
        peakToAverage: 4,
        activeHoursPerDay: 12,
        horizonMonths: 36,
      },
      apiOptions: [apiOptionFor("GPT-4o"), apiOptionFor("Claude Haiku 4.5")],
      selfHostOptions: [
        dedicated(
          selfHostOptionFor("Llama 3.3 70B", "H100 SXM", "Nebius", {
            weightPrecision: "fp8",
            kvPrecision: "fp8",
            billingMode: "active-window",
            certifications: ["SOC 2", "ISO 27001", "GDPR DPA"],
          }),
        ),
      ],
      constraints: [{ id: "in-house", kind: "data-stays-in-our-infrastructure" }],
    }),
  },
  {
    id: "on-prem",
    title: "On-prem servers for a regulated assistant",
    blurb: "Buy 8×H100 servers for our own data centre, or rent dedicated GPUs, against the APIs legal rules out.",
    build: () => ({
      name: "On-prem servers for a regulated assistant",
      workload: {
        requestsPerMonth: 5_000_000,
        inputTokensPerRequest: 1500,
        outputTokensPerRequest: 400,
        apiCacheReadShare: 0.3,
        peakToAverage: 3,
        activeHoursPerDay: 12,
        horizonMonths: 36,
      },
      apiOptions: [apiOptionFor("GPT-4o"), apiOptionFor("Claude Haiku 4.5")],
      selfHostOptions: [
        owned(
          selfHostOptionFor("Llama 3.3 70B", "H100 SXM", "Reference cloud", {
            weightPrecision: "fp8",
            kvPrecision: "fp8",
            failoverReplicas: 1,
            minReplicas: 2,
            certifications: ["SOC 2", "ISO 27001", "GDPR DPA"],
          }),
        ),
        dedicated(
          selfHostOptionFor("Llama 3.3 70B", "H100 SXM", "Nebius", {
            weightPrecision: "fp8",
            kvPrecision: "fp8",
            billingMode: "active-window",
            certifications: ["SOC 2", "ISO 27001", "GDPR DPA"],
          }),
        ),
      ],
      constraints: [{ id: "in-house", kind: "data-stays-in-our-infrastructure" }],
    }),
  },
  {
    id: "hybrid",
    title: "Daily peak: replicas for the base, an API for the peaks",
    blurb: "Traffic three times its average at midday: a few self-hosted replicas take the base load, the API the overflow.",
    build: () => ({
      name: "Daily peak: replicas for the base, an API for the peaks",
      workload: {
        requestsPerMonth: 150_000_000,
        inputTokensPerRequest: 1200,
        outputTokensPerRequest: 300,
        apiCacheReadShare: 0.5,
        peakToAverage: 3,
        activeHoursPerDay: 16,
      },
      apiOptions: [apiOptionFor("GPT-4o-mini")],
      selfHostOptions: [selfHostOptionFor("Llama 3.1 8B", "H100 SXM", "Reference cloud", { weightPrecision: "fp8", minReplicas: 1 })],
      hybridOptions: [
        {
          id: "hybrid",
          label: "Llama 3.1 8B replicas + GPT-4o-mini for the peaks",
          selfHostId: slug("Llama 3.1 8B-fp8-H100 SXM-Reference cloud"),
          apiId: slug("OpenAI-GPT-4o-mini"),
        },
      ],
    }),
  },
  {
    id: "blank",
    title: "Blank",
    blurb: "One API model and one GPU to start from.",
    build: () => ({
      name: "New scenario",
      workload: { requestsPerMonth: 1_000_000, inputTokensPerRequest: 1000, outputTokensPerRequest: 300 },
      apiOptions: [apiOptionFor("GPT-4o-mini")],
      selfHostOptions: [selfHostOptionFor("Llama 3.1 8B", "H100 SXM", "Reference cloud")],
    }),
  },
];

/** The option on 8×H100 servers the team buys: the reference server's price and power. */
function owned(option: ReturnType<typeof selfHostOptionFromRows>) {
  const server = REFERENCE_SERVERS.find((s) => s.gpu === "H100 SXM")!;
  return {
    ...option,
    id: `${option.id}-owned`,
    label: `${option.label.replace(/ \(.*\)$/, "")} on owned servers`,
    gpu: { ...option.gpu, provider: "Our data centre", pricePerGpuHour: 0, tenancy: "on-prem" as const, source: { name: server.source } },
    hosting: {
      kind: "owned" as const,
      serverPrice: server.serverPrice!,
      gpusPerServer: server.gpusPerServer,
      installationPerServer: 10_000,
      gpuTdpW: server.gpuTdpW,
      serverBaseW: server.serverBaseW,
      facilityPerServerMonth: 1_500,
    },
  };
}

/** A rented option on single-tenant hardware that the team counts as its own infrastructure. */
function dedicated(option: ReturnType<typeof selfHostOptionFromRows>) {
  return {
    ...option,
    label: `${option.label}, dedicated`,
    gpu: { ...option.gpu, tenancy: "dedicated" as const },
    dedicatedIsOurInfrastructure: true,
  };
}

export function buildTemplate(id: string): ScenarioInputRaw | null {
  return TEMPLATES.find((t) => t.id === id)?.build() ?? null;
}

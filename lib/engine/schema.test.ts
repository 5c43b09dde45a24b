import { describe, expect, test } from "vitest";
import { EngineInputError, evaluateScenario, parseScenario } from "./evaluate";
import { scenario } from "./test-fixtures";

function issuesOf(input: unknown) {
  try {
    parseScenario(input);
  } catch (error) {
    if (error instanceof EngineInputError) return error.issues;
    throw error;
  }
  return [];
}

const valid = scenario();
const set = (path: (string | number)[], value: unknown) => {
  const copy = structuredClone(valid) as Record<string, unknown>;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
};

describe("bad input is rejected with the path of the field and a message", () => {
  test.each([
    [["workload", "requestsPerMonth"], -1, /cannot be negative/],
    [["workload", "requestsPerMonth"], "lots", /must be a number/],
    [["workload", "requestsPerMonth"], Number.NaN, /number/],
    [["workload", "requestsPerMonth"], 1e15, /at most/],
    [["workload", "inputTokensPerRequest"], 1.5, /whole number/],
    [["workload", "outputTokensPerRequest"], 0, /at least 1/],
    [["workload", "apiCacheReadShare"], 1.2, /between 0 and 1/],
    [["workload", "apiCacheWriteShare"], 0.5, /more than 1/],
    [["workload", "peakToAverage"], 0.5, /at least 1/],
    [["workload", "activeHoursPerDay"], 25, /at most 24/],
    [["workload", "horizonMonths"], 0, /at least 1/],
    [["apiOptions", 0, "prices", "inputPerM"], -0.1, /negative/],
    [["apiOptions", 0, "prices", "outputPerM"], undefined, /number/],
    [["apiOptions", 0, "id"], "has spaces", /letters, digits/],
    [["apiOptions", 0, "label"], "", /required/],
    [["selfHostOptions", 0, "gpu", "pricePerGpuHour"], -2, /negative/],
    [["selfHostOptions", 0, "gpu", "memoryGb"], 0, /greater than 0/],
    [["selfHostOptions", 0, "targetUtilisation"], 0, /at least 0.05/],
    [["selfHostOptions", 0, "weightPrecision"], "fp4", /./],
    [["selfHostOptions", 0, "model", "activeParamsB"], 100, /cannot exceed total/],
    [["selfHostOptions", 0, "failoverReplicas"], -1, /at least 0/],
    [["selfHostOptions", 0, "billingMode"], "sometimes", /./],
  ] as const)("%j = %j", (path, value, message) => {
    const issues = issuesOf(set([...path], value));
    const hit = issues.find((i) => i.path === path.join("."));
    expect(hit, JSON.stringify(issues)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  test("no options at all", () => {
    expect(issuesOf({ ...valid, apiOptions: [], selfHostOptions: [] })).toEqual([
      { path: "apiOptions", message: "add at least one API or self-host option" },
    ]);
  });

  test("duplicate option ids", () => {
    const dup = { ...valid, selfHostOptions: [{ ...valid.selfHostOptions![0], id: "mini" }] };
    expect(issuesOf(dup)).toContainEqual({ path: "selfHostOptions.0.id", message: 'duplicate option id "mini"' });
  });

  test.each([
    [{ kind: "allowed-regions", id: "r", regions: [] }, "constraints.0.regions"],
    [{ kind: "certifications", id: "c", required: ["PCI"] }, "constraints.0.required.0"],
    [{ kind: "ttft-budget", id: "t", p95Ms: -5 }, "constraints.0.p95Ms"],
    [{ kind: "teleport", id: "x" }, "constraints.0.kind"],
  ])("constraint %j", (constraint, path) => {
    expect(issuesOf({ ...valid, constraints: [constraint] }).map((i) => i.path)).toContain(path);
  });

  test("a request longer than the model's context", () => {
    const long = set(["workload", "inputTokensPerRequest"], 131_000);
    expect(issuesOf(long)).toContainEqual({
      path: "selfHostOptions.0.model.contextLength",
      message: "a request of 131,200 tokens does not fit this model's 131,072-token context",
    });
  });

  test("a fixed tensor-parallel degree above the GPUs of one node, unless multi-node is allowed", () => {
    const wide = set(["selfHostOptions", 0, "tensorParallel"], 16);
    expect(issuesOf(wide)).toContainEqual({
      path: "selfHostOptions.0.tensorParallel",
      message: "is above the 8 GPUs of one node; allow multi-node serving or choose a smaller degree",
    });
    const multi = structuredClone(wide) as { selfHostOptions: Record<string, unknown>[] };
    multi.selfHostOptions[0].allowMultiNode = true;
    expect(issuesOf(multi)).toEqual([]);
  });

  test("a benchmark row measured on another model or GPU", () => {
    const row = { tensorParallel: 1, precision: "bf16", outputTokensPerS: 1000, inputTokens: 1000, outputTokens: 200, source: "ours" };
    const other = set(
      ["selfHostOptions", 0, "benchmarks"],
      [
        { ...row, model: "Llama 3.3 70B" },
        { ...row, gpuType: "A100 80GB" },
        { ...row, model: "llama-3.1-8b" },
      ],
    );
    expect(issuesOf(other)).toEqual([
      { path: "selfHostOptions.0.benchmarks.0.model", message: "was measured on Llama 3.3 70B, not on this option's Llama 3.1 8B" },
      { path: "selfHostOptions.0.benchmarks.1.gpuType", message: "was measured on A100 80GB, not on this option's H100 SXM" },
    ]);
  });

  test("a benchmark row with a latency but no load", () => {
    const row = { tensorParallel: 1, precision: "bf16", outputTokensPerS: 1000, itlP50Ms: 20, source: "ours" };
    expect(issuesOf(set(["selfHostOptions", 0, "benchmarks"], [row])).map((i) => i.path)).toEqual([
      "selfHostOptions.0.benchmarks.0.concurrency",
    ]);
  });

  test("latent attention sizes the KV cache from its compressed width", () => {
    const mla = set(["selfHostOptions", 0, "model", "kvCache"], { kind: "latent", kvLoraRank: 512, ropeHeadDim: 64 });
    expect(issuesOf(mla)).toEqual([]);
    expect(
      issuesOf(set(["selfHostOptions", 0, "model", "kvCache"], { kind: "latent", kvLoraRank: 0, ropeHeadDim: 64 })).map((i) => i.path),
    ).toEqual(["selfHostOptions.0.model.kvCache.kvLoraRank"]);
  });

  test.each([null, 42, "scenario", [], {}])("not a scenario: %j", (input) => {
    expect(() => evaluateScenario(input)).toThrow(EngineInputError);
  });

  test("a valid scenario with defaults left out parses with DESIGN.md's defaults", () => {
    const parsed = parseScenario({
      workload: { requestsPerMonth: 1000, inputTokensPerRequest: 10, outputTokensPerRequest: 10 },
      apiOptions: [{ id: "a", label: "A", prices: { inputPerM: 1, outputPerM: 2 } }],
    });
    expect(parsed.workload).toMatchObject({
      apiCacheReadShare: 0.8,
      apiCacheWriteShare: 0,
      selfHostPrefixCacheHitRate: 0.35,
      peakToAverage: 3,
      activeHoursPerDay: 24,
      batchShare: 0,
      monthlyGrowth: 0,
      horizonMonths: 24,
    });
    expect(parsed.people.engineerAnnualCost).toBe(200_000);
    expect(parsed.apiOptions[0].integrationFte).toBe(0.05);
    expect(parsed.settings.closeCallMargin).toBe(0.15);
  });
});

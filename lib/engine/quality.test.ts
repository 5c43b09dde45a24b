// Quality (DESIGN.md, second edition, "Quality"): cost per successful task, the minimum-quality
// constraint, and the warning when options of very different size are compared on cost alone.
import { describe, expect, test } from "vitest";
import { EngineInputError, evaluateScenario, parseScenario } from "./evaluate";
import { gpu, model } from "./test-fixtures";

const mini = {
  id: "mini",
  label: "GPT-4o-mini",
  prices: { inputPerM: 0.15, cachedInputPerM: null, outputPerM: 0.6 },
  integrationFte: 0,
};
const llama8b = { id: "llama8b", label: "Llama 3.1 8B on H100", model: model("Llama 3.1 8B"), gpu: gpu("H100 SXM", 2.54) };
const workload = { requestsPerMonth: 1_000_000, inputTokensPerRequest: 1000, outputTokensPerRequest: 200, apiCacheReadShare: 0 };

const evaluate = (s: Record<string, unknown>) =>
  evaluateScenario({ workload, apiOptions: [mini], selfHostOptions: [llama8b], ...s }, { monteCarloSamples: 0 });

describe("cost per successful task", () => {
  test("GPT-4o-mini at 82% of tasks: $0.27 per 1k requests is $0.3293 per 1k successful tasks", () => {
    // 1,000 input tokens × $0.15/1M + 200 output × $0.60/1M = $0.00027 a request = $0.27 per 1k.
    const e = evaluate({ apiOptions: [{ ...mini, quality: { score: 0.82, source: "Support-ticket eval, 400 cases" } }] });
    const o = e.options.find((x) => x.id === "mini")!;
    if (!o.feasible) throw new Error("infeasible");
    expect(o.perThousandRequests).toBeCloseTo(0.27, 12);
    expect(o.quality).toBe(0.82);
    expect(o.perThousandSuccessful).toBeCloseTo(0.27 / 0.82, 12);
  });

  test("an option without a figure has none", () => {
    const o = evaluate({}).options.find((x) => x.id === "mini")!;
    expect(o.feasible && [o.quality, o.perThousandSuccessful]).toEqual([null, null]);
  });
});

describe("minimum quality", () => {
  const constraint = { id: "q", kind: "min-quality", minScore: 0.8 };
  test("removes the option below it, leaves the one above, and calls the unmeasured not verified", () => {
    const e = evaluate({
      apiOptions: [{ ...mini, quality: { score: 0.82, source: "team eval" } }],
      selfHostOptions: [
        { ...llama8b, quality: { score: 0.64, basis: "team-evaluation", source: "team eval" } },
        { ...llama8b, id: "other", label: "Other" },
      ],
      constraints: [constraint],
    });
    const verdicts = Object.fromEntries(e.constraints[0].checks.map((c) => [c.optionId, c.verdict]));
    expect(verdicts).toEqual({ mini: "pass", llama8b: "fail", other: "not-verified" });
    expect(e.constraints[0].label).toBe("Quality at least 80% of tasks passed");
    expect(e.recommendation.optionId).toBe("mini");
  });
});

describe("the size warning", () => {
  test("an 8B model against an API with no quality figures is flagged", () => {
    const warnings = evaluate({}).recommendation.warnings;
    expect(warnings.join(" ")).toContain(
      "Options of very different size are compared on cost alone (Llama 3.1 8B (8.03B parameters) against GPT-4o-mini)",
    );
  });

  test("no warning once every option carries a figure", () => {
    const e = evaluate({
      apiOptions: [{ ...mini, quality: { score: 0.82, source: "team eval" } }],
      selfHostOptions: [{ ...llama8b, quality: { score: 0.7, source: "team eval" } }],
    });
    expect(e.recommendation.warnings.join(" ")).not.toContain("very different size");
  });

  test("two self-host models 4× apart in size are flagged without an API", () => {
    const e = evaluate({
      apiOptions: [],
      selfHostOptions: [llama8b, { ...llama8b, id: "llama70b", label: "Llama 70B", model: model("Llama 3.3 70B"), weightPrecision: "fp8" }],
    });
    expect(e.recommendation.warnings.join(" ")).toContain("Llama 3.1 8B (8.03B) against Llama 3.3 70B (70.6B)");
  });
});

describe("bad quality input names the field", () => {
  const issuesOf = (quality: unknown) => {
    try {
      parseScenario({ workload, apiOptions: [{ ...mini, quality }] });
    } catch (error) {
      if (error instanceof EngineInputError) return error.issues.map((i) => `${i.path}: ${i.message}`);
      throw error;
    }
    return [];
  };
  test("a score above 1, a missing source", () => {
    expect(issuesOf({ score: 1.2, source: "x" })).toEqual(["apiOptions.0.quality.score: must be between 0 and 1"]);
    expect(issuesOf({ score: 0.5, source: " " })).toEqual(["apiOptions.0.quality.source: name the evaluation or benchmark"]);
  });
});

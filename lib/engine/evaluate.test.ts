import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { describeEvaluation } from "./describe";
import { evaluateFigures, evaluateScenario, parseScenario } from "./evaluate";
import { EvaluationSchema } from "./result-schema";
import { formatEvaluationText } from "./summary-text";
import { summarize } from "./summary";
import { EvaluationSummarySchema } from "./summary-schema";
import { gpu, model, scenario } from "./test-fixtures";
import { groupDigits } from "../format/numbers";

const EXAMPLES = path.resolve("lib/engine/examples");
const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith(".json"));

describe("the shipped examples", () => {
  test("there are three", () => expect(examples).toHaveLength(3));

  test.each(examples)("%s evaluates to a result that matches the result schema", (file) => {
    const raw = JSON.parse(readFileSync(path.join(EXAMPLES, file), "utf8"));
    const result = evaluateScenario(raw, { monteCarloSamples: 500 });
    expect(() => EvaluationSchema.parse(result)).not.toThrow();
    const summary = EvaluationSummarySchema.parse(summarize(evaluateFigures(parseScenario(raw), { monteCarloSamples: 0 })));
    expect(summary.headline).toBe(result.recommendation.headline);
    for (const o of result.options) {
      if (!o.feasible) continue;
      expect(o.monthlyCost).toBeCloseTo(
        o.lines.reduce((s, l) => s + l.monthlyCost, 0),
        6,
      );
      expect(o.annualCost).toBeCloseTo(o.monthlyCost * 12, 6);
    }
    const text = formatEvaluationText(result);
    expect(text).toContain(result.recommendation.headline);
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
  });

  test("the regulated example self-hosts because data must stay in-house, and says what that costs", () => {
    const e = evaluateScenario(JSON.parse(readFileSync(path.join(EXAMPLES, "regulated-in-house.json"), "utf8")), { monteCarloSamples: 0 });
    expect(e.recommendation.outcome).toBe("self-host");
    expect(e.recommendation.economic.optionId).toBe("haiku-45");
    expect(e.recommendation.overriddenBy.map((o) => o.constraintId)).toContain("in-house");
    const removed = e.options.find((o) => o.id === "haiku-45")!;
    const picked = e.options.find((o) => o.id === e.recommendation.optionId)!;
    if (!removed.feasible || !picked.feasible) throw new Error("expected priced options");
    expect(e.recommendation.overrideMonthlyCost).toBeCloseTo(picked.monthlyCost - removed.monthlyCost, 6);
    expect(e.recommendation.reason).toMatch(/overrides the economics|override the economics/);
  });
});

describe("numbers first, sentences on demand", () => {
  // The example whose options carry benchmark rows: its sizing names the row it used and the ones it did not.
  const input = parseScenario(JSON.parse(readFileSync(path.join(EXAMPLES, "chat-assistant-8b.json"), "utf8")));
  const figures = evaluateFigures(input, { monteCarloSamples: 0 });

  test("the figures carry codes where the described evaluation carries sentences", () => {
    expect(figures.triggers.length).toBeGreaterThan(0);
    for (const t of figures.triggers) expect(t).not.toHaveProperty("text");
    for (const sentence of ["reason", "headline", "warnings", "conflicts"]) expect(figures.recommendation).not.toHaveProperty(sentence);
    for (const o of figures.options)
      for (const l of o.feasible ? o.lines : []) {
        expect(l.item.code).toMatch(/^[a-z-]+$/);
        expect(l).not.toHaveProperty("label");
      }
    const self = figures.options.find((o) => o.kind === "self-host" && o.feasible && o.sizing.benchmark !== null);
    if (self?.kind !== "self-host" || !self.feasible) throw new Error("expected a self-host option sized on a measured row");
    const option = input.selfHostOptions.find((o) => o.id === self.id)!;
    // Measured rows are named by their index in the option's own benchmarks.
    expect(option.benchmarks[self.sizing.benchmark!.row]).toBeDefined();
    expect(self.sizing.rejectedBenchmarks).toHaveLength(4);
    for (const r of self.sizing.rejectedBenchmarks) expect(option.benchmarks[r.row]).toBeDefined();
  });

  test("describing the figures gives the evaluation, sentences included", () => {
    const described = describeEvaluation(input, figures);
    expect(described).toEqual(evaluateScenario(input, { monteCarloSamples: 0 }));
    expect(() => EvaluationSchema.parse(described)).not.toThrow();
    for (const t of described.triggers) expect(t.text).toMatch(/^(The API|Self-hosting|The cheapest API) wins /);
    const self = described.options.find((o) => o.kind === "self-host" && o.feasible && o.sizing.benchmark !== null);
    if (self?.kind !== "self-host" || !self.feasible) throw new Error("expected a self-host option sized on a measured row");
    expect(self.sizing.benchmark).toMatch(/\(TP \d+, /);
  });
});

test("a sizing note is a code in the figures and a sentence once described", () => {
  const input = parseScenario(
    scenario({
      workload: { requestsPerMonth: 1000, inputTokensPerRequest: 7192, outputTokensPerRequest: 1000 },
      selfHostOptions: [
        {
          id: "one",
          label: "70B fp8 on one H100",
          model: model("Llama 3.3 70B"),
          gpu: gpu("H100 SXM", 2.54),
          weightPrecision: "fp8",
          tensorParallel: 1,
        },
      ],
    }),
  );
  const figures = evaluateFigures(input, { monteCarloSamples: 0 });
  const self = figures.options.find((o) => o.id === "one");
  if (self?.kind !== "self-host" || !self.feasible) throw new Error("expected a sized option");
  expect(self.sizing.notes).toContainEqual({ code: "kv-starved", sequences: 2, tokens: 7692, tensorParallel: 1 });
  const described = describeEvaluation(input, figures).options.find((o) => o.id === "one");
  if (described?.kind !== "self-host" || !described.feasible) throw new Error("expected a sized option");
  expect(described.sizing.notes).toContain(
    "Room for only 2 sequences of 7,692 tokens per replica at tensor parallel 1: the KV cache is starved and throughput is fragile.",
  );
});

test("a breakeven not reached is a code with its figures, and a sentence once described", () => {
  const input = parseScenario(
    scenario({ selfHostOptions: [{ id: "dear", label: "8B on a dear H100", model: model("Llama 3.1 8B"), gpu: gpu("H100 SXM", 900) }] }),
  );
  const figures = evaluateFigures(input, { monteCarloSamples: 0 });
  const be = figures.breakeven[0].fullyLoaded;
  if (be.reached || be.why !== "marginal") throw new Error("expected no breakeven, for its marginal cost");
  expect(be.selfPerMillionTokens).toBeGreaterThan(be.apiPerMillionTokens);
  const described = describeEvaluation(input, figures).breakeven[0].fullyLoaded;
  expect(described).toEqual({
    reached: false,
    basis: "fully-loaded",
    reason: `Self-hosting's marginal cost ($${be.selfPerMillionTokens.toFixed(3)} per 1M tokens at ${Math.round(be.utilisation * 100)}% utilisation) is not below the API's ($${be.apiPerMillionTokens.toFixed(3)} per 1M tokens): it never catches up.`,
  });
});

describe("recommendation rules", () => {
  test("volume moves the verdict: the API at low volume, self-hosting at high volume", () => {
    const low = evaluateScenario(
      { ...scenario(), workload: { ...scenario().workload, requestsPerMonth: 100_000 } },
      { monteCarloSamples: 0 },
    );
    const high = evaluateScenario(
      { ...scenario(), workload: { ...scenario().workload, requestsPerMonth: 5_000_000_000 } },
      { monteCarloSamples: 0 },
    );
    expect(low.recommendation.outcome).toBe("api");
    expect(high.recommendation.outcome).toBe("self-host");
    const be = low.breakeven[0].fullyLoaded;
    const gpuOnly = low.breakeven[0].gpuOnly;
    if (!be.reached || !gpuOnly.reached) throw new Error("expected both breakevens to be reached");
    // The breakeven sits between the two volumes, and the GPU-only breakeven comes earlier.
    expect(be.requestsPerMonth).toBeGreaterThan(100_000);
    expect(be.requestsPerMonth).toBeLessThan(5_000_000_000);
    expect(gpuOnly.requestsPerMonth).toBeLessThan(be.requestsPerMonth);
  });

  test("within the close-call margin the recommendation leans to the API", () => {
    const base = scenario();
    const probe = evaluateScenario(base, { monteCarloSamples: 0 });
    const be = probe.breakeven[0].fullyLoaded;
    if (!be.reached) throw new Error("expected a breakeven");
    // At the breakeven volume self-hosting is no dearer, but only just: a close call.
    const e = evaluateScenario(
      { ...base, workload: { ...base.workload, requestsPerMonth: be.requestsPerMonth } },
      { monteCarloSamples: 0 },
    );
    const self = e.options.find((o) => o.kind === "self-host")!;
    const api = e.options.find((o) => o.kind === "api")!;
    if (!self.feasible || !api.feasible) throw new Error("expected priced options");
    expect(self.monthlyCost).toBeLessThanOrEqual(api.monthlyCost);
    expect(e.recommendation.economic.closeCall).toBe(true);
    expect(e.recommendation.outcome).toBe("api");
    expect(e.recommendation.headline).toMatch(/^Close call/);
  });

  test("options that cost the same to the cent: the one listed first is taken, and the warning says so", () => {
    const base = scenario();
    const twin = { ...base.apiOptions![0], id: "twin", label: "GPT-4o-mini again" };
    const input = parseScenario({ ...base, apiOptions: [...base.apiOptions!, twin] });
    const figures = evaluateFigures(input, { monteCarloSamples: 0 });
    expect(figures.recommendation.ties).toEqual([{ takenId: "mini", tiedIds: ["twin"] }]);
    expect(figures.recommendation.economic.cheapestApiId).toBe("mini");
    expect(describeEvaluation(input, figures).recommendation.warnings).toContain(
      "GPT-4o-mini and GPT-4o-mini again cost the same to the cent; GPT-4o-mini is taken because it is listed first.",
    );
  });

  test("an unverified attribute does not satisfy a hard constraint", () => {
    const e = evaluateScenario(scenario({ constraints: [{ id: "zdr", kind: "zero-data-retention" }] }), { monteCarloSamples: 0 });
    const check = e.constraints[0].checks.find((c) => c.optionId === "mini")!;
    expect(check.verdict).toBe("not-verified");
    expect(e.constraints[0].removed).toEqual(["mini"]);
    expect(e.recommendation.outcome).toBe("self-host");
  });

  test("a soft constraint warns but removes nothing", () => {
    const e = evaluateScenario(scenario({ constraints: [{ id: "zdr", kind: "zero-data-retention", hard: false }] }), {
      monteCarloSamples: 0,
    });
    expect(e.constraints[0].removed).toEqual([]);
    expect(e.recommendation.warnings.join(" ")).toMatch(/Zero data retention/);
  });

  test("a constraint's verdict is a code with its figures, and a sentence once described", () => {
    const input = parseScenario(scenario({ constraints: [{ id: "ttft", kind: "ttft-budget", p95Ms: 1 }] }));
    const figures = evaluateFigures(input, { monteCarloSamples: 0 });
    const self = figures.constraints[0].checks.find((k) => k.optionId === "h100")!;
    expect(self).not.toHaveProperty("detail");
    if (self.why.code !== "self-p95") throw new Error(`expected the self-host p95 estimate, got ${self.why.code}`);
    expect(self.verdict).toBe("fail");
    expect(self.why.p95Ms).toBeGreaterThan(self.why.p50Ms);
    const described = describeEvaluation(input, figures).constraints[0].checks.find((k) => k.optionId === "h100")!;
    expect(described.detail).toMatch(/^p95 about [\d,]+ ms at today's peak .* exceeds the budget\.$/);
  });

  test("when every option is removed the scenario is infeasible and says which constraints conflict", () => {
    const e = evaluateScenario(
      scenario({
        constraints: [
          { id: "in-house", kind: "data-stays-in-our-infrastructure" },
          { id: "hipaa", kind: "certifications", required: ["HIPAA BAA"] },
        ],
      }),
      { monteCarloSamples: 0 },
    );
    expect(e.recommendation.outcome).toBe("infeasible");
    expect(e.recommendation.optionId).toBeNull();
    expect(e.recommendation.conflicts).toHaveLength(2);
    expect(e.recommendation.conflicts.join(" ")).toMatch(/HIPAA BAA/);
    expect(e.recommendation.conflicts.join(" ")).toMatch(/Data must not leave our infrastructure/);
  });

  test("a custom constraint takes the team's verdicts", () => {
    const e = evaluateScenario(
      scenario({ constraints: [{ id: "legal", kind: "custom", label: "Legal sign-off", verdicts: { mini: "pass", h100: "fail" } }] }),
      { monteCarloSamples: 0 },
    );
    expect(e.constraints[0].removed).toEqual(["h100"]);
  });

  test("a self-host option that does not fit is reported, not priced at zero", () => {
    const raw = scenario({
      workload: { requestsPerMonth: 1000, inputTokensPerRequest: 100_000, outputTokensPerRequest: 1000 },
      selfHostOptions: [{ id: "big", label: "70B on L40S", model: model("Llama 3.3 70B"), gpu: gpu("L40S", 1, { gpusPerNode: 2 }) }],
    });
    const e = evaluateScenario(raw, { monteCarloSamples: 0 });
    const big = e.options.find((o) => o.id === "big")!;
    expect(big.feasible).toBe(false);
    expect(e.breakeven).toEqual([]);
    expect(e.recommendation.outcome).toBe("api");
    // In the figures: the memory it needs against what two L40S offer, as numbers.
    const figure = evaluateFigures(parseScenario(raw), { monteCarloSamples: 0 }).options.find((o) => o.id === "big")!;
    if (figure.kind !== "self-host" || figure.feasible) throw new Error("expected an option that does not fit");
    expect(figure.doesNotFit.gpus).toBe(2);
    expect(figure.doesNotFit.needGb).toBeGreaterThan(figure.doesNotFit.usableGb);
    expect(!big.feasible && big.reason).toBe(
      `Does not fit 2 × L40S (one node): weights plus one ${groupDigits(figure.doesNotFit.contextTokens)}-token sequence need ${figure.doesNotFit.needGb.toFixed(0)} GB, ${figure.doesNotFit.usableGb.toFixed(0)} GB are usable.`,
    );
  });

  test("the projection compounds growth and finds the crossover month", () => {
    const base = scenario();
    const probe = evaluateScenario(base, { monteCarloSamples: 0 });
    const probeBe = probe.breakeven[0].fullyLoaded;
    if (!probeBe.reached) throw new Error("expected a breakeven");
    const start = probeBe.requestsPerMonth / 2;
    const e = evaluateScenario(
      { ...base, workload: { ...base.workload, requestsPerMonth: start, monthlyGrowth: 0.1, horizonMonths: 24 } },
      { monteCarloSamples: 0 },
    );
    const be = e.breakeven[0].fullyLoaded;
    if (!be.reached) throw new Error("expected a breakeven");
    const P = e.projection;
    expect(P.requestsPerMonth[1]).toBeCloseTo(start * 1.1, 6);
    expect(P.requestsPerMonth[23]).toBeCloseTo(start * Math.pow(1.1, 23), 3);
    // No month below the breakeven volume can be a crossover; the crossover month is the first
    // month whose self-host cost is at or below the API's.
    const firstAtBreakeven = P.requestsPerMonth.findIndex((r) => r >= be.requestsPerMonth) + 1;
    const m = e.projection.monthlyCrossoverMonth!;
    expect(m).toBeGreaterThanOrEqual(firstAtBreakeven);
    const [selfId, apiId] = [e.comparison!.selfHostId, e.comparison!.apiId];
    expect(P.monthly[selfId][m - 1]).toBeLessThanOrEqual(P.monthly[apiId][m - 1]);
    for (let i = 0; i < m - 1; i++) expect(P.monthly[selfId][i]).toBeGreaterThan(P.monthly[apiId][i]);
    const c = e.projection.cumulativeCrossoverMonth!;
    expect(c).toBeGreaterThanOrEqual(m);
    expect(P.cumulative[selfId][c - 1]).toBeLessThanOrEqual(P.cumulative[apiId][c - 1]);
    // Cumulative is the running sum of monthly.
    expect(P.cumulative[apiId][23]).toBeCloseTo(
      P.monthly[apiId].reduce((a, b) => a + b, 0),
      6,
    );
  });

  test("revisit triggers really flip the cheaper side", () => {
    const probe = evaluateScenario(scenario(), { monteCarloSamples: 0 }).breakeven[0].fullyLoaded;
    if (!probe.reached) throw new Error("expected a breakeven");
    const near = scenario();
    const base = { ...near, workload: { ...near.workload, requestsPerMonth: Math.round(probe.requestsPerMonth * 0.8) } };
    const e = evaluateScenario(base, { monteCarloSamples: 0 });
    const gpuTrigger = e.triggers.find((t) => t.input === "gpuPrice");
    expect(gpuTrigger).toBeDefined();
    const at = (price: number) => {
      const r = evaluateScenario(
        { ...base, selfHostOptions: [{ ...base.selfHostOptions![0], gpu: { ...base.selfHostOptions![0].gpu, pricePerGpuHour: price } }] },
        { monteCarloSamples: 0 },
      );
      return r.comparison!.baseDifference;
    };
    const p = gpuTrigger!.absolute;
    expect(Math.sign(at(p * 0.99))).not.toBe(Math.sign(at(p * 1.01)));
    const volume = e.triggers.find((t) => t.input === "volume");
    expect(volume?.absolute).toBe((e.breakeven[0].fullyLoaded as { requestsPerMonth: number }).requestsPerMonth);
  });
});

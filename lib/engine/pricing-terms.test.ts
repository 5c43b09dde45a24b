// Pricing terms and tenancy (DESIGN.md, second edition, "Billing"): hand-worked figures for a
// commitment below and above its size, spot with its interruptions, and which tenancies keep data
// in our infrastructure.
import { describe, expect, test } from "vitest";
import { total } from "./cost-line";
import { EngineInputError, evaluateScenario, parseScenario } from "./evaluate";
import { describeSelfHostLines } from "./describe-lines";
import { gpuMonthlyCost, replicasFor, selfHostCostLines, selfHostCostModel, uncommittedGpuHours } from "./self-host-cost";
import { replicaCandidates } from "./self-host-sizing";
import { gpu, model, scenario, selfHost, workload } from "./test-fixtures";

function sized(overrides: Record<string, unknown>, requestsPerMonth = 0) {
  const w = workload({ requestsPerMonth, activeHoursPerDay: 12 });
  const option = selfHost({ failoverReplicas: 0, minReplicas: 1, overhead: { mode: "percent", percentOfGpu: 0 }, ...overrides });
  const c = replicaCandidates(option, w, 20);
  if (!c.fits) throw new Error(`does not fit: ${JSON.stringify(c.doesNotFit)}`);
  const m = selfHostCostModel(option, c.candidates[0], w, 200_000);
  return { option, m, lines: (replicas: number) => selfHostCostLines(m, option, requestsPerMonth).slice(0, replicas) };
}

const oneYear = { kind: "committed", termMonths: 12, committedGpus: 4, discount: 0.4, upfrontShare: 0.25 };

describe("a 1-year commitment of 4 H100s at 40% off $2.54", () => {
  // Committed: 4 GPUs × 730 h × $1.524 = $4,450.08 a month whatever the load.
  test("below it (2 replicas of 1 GPU): only the commitment is paid, $4,450.08", () => {
    const { m, option } = sized({ pricing: oneYear, minReplicas: 2 });
    expect(replicasFor(m, 0)).toBe(2);
    expect(uncommittedGpuHours(m, 0)).toBe(0);
    expect(gpuMonthlyCost(m, 0)).toBeCloseTo(4450.08, 9);
    const lines = describeSelfHostLines(selfHostCostLines(m, option, 0), option);
    expect(lines[0]).toMatchObject({ unit: "GPU-hours", quantity: 2920, unitPrice: 1.524 });
    expect(lines[0].monthlyCost).toBeCloseTo(4450.08, 9);
    // Upfront: 25% of 12 months × $4,450.08 = $13,350.24, stated on the line.
    expect(lines[0].source).toContain("25% of the term paid at signing: $13,350");
    expect(lines[1].label).not.toContain("above the commitment");
  });

  test("above it (6 replicas): 2 GPUs × 730 h on demand at $2.54 = $3,708.40 more, $8,158.48 in all", () => {
    const { m, option } = sized({ pricing: oneYear, minReplicas: 6 });
    expect(replicasFor(m, 0)).toBe(6);
    expect(uncommittedGpuHours(m, 0)).toBe(1460);
    expect(gpuMonthlyCost(m, 0)).toBeCloseTo(8158.48, 9);
    const [committed, above] = selfHostCostLines(m, option, 0);
    expect(committed.monthlyCost).toBeCloseTo(4450.08, 9);
    expect(above).toMatchObject({ quantity: 1460, unitPrice: 2.54 });
    expect(above.monthlyCost).toBeCloseTo(3708.4, 9);
  });

  test("active window: the commitment covers every hour; only the active-hour GPUs above it are on demand", () => {
    // 12 active hours a day = 365 h a month. Base 1 replica (under the 4 committed) adds nothing off
    // hours; 6 replicas in the active hours are 2 above: 2 × 365 = 730 h on demand.
    const { m } = sized({ pricing: oneYear, billingMode: "active-window", minReplicas: 1 });
    expect(uncommittedGpuHours(m, 0, 6)).toBeCloseTo(730, 9);
    expect(gpuMonthlyCost(m, 0, 6)).toBeCloseTo(4450.08 + 730 * 2.54, 9);
  });
});

describe("spot H100s at 60% off $2.54 with 5% of GPU time interrupted", () => {
  const spot = { kind: "spot", discount: 0.6, interruptionRate: 0.05 };

  test("keep one more spare replica and pay the lost work: 2 GPUs × 730 h × $1.016 × 1.05 = $1,557.53", () => {
    const { m, option } = sized({ pricing: spot, failoverReplicas: 0, minReplicas: 1 }, 1000);
    expect(m.failoverReplicas).toBe(1);
    expect(replicasFor(m, 1000)).toBe(2);
    const lines = describeSelfHostLines(selfHostCostLines(m, option, 1000), option);
    expect(lines[0]).toMatchObject({ quantity: 1460 });
    expect(lines[0].unitPrice).toBeCloseTo(1.016, 12);
    expect(lines[0].monthlyCost).toBeCloseTo(1483.36, 9);
    expect(lines[1]).toMatchObject({ label: "Work lost to spot interruptions (redone, replacements started)", quantity: 73 });
    expect(lines[1].monthlyCost).toBeCloseTo(74.168, 9);
    expect(gpuMonthlyCost(m, 1000)).toBeCloseTo(1557.528, 9);
    expect(total(lines.slice(0, 2))).toBeCloseTo(gpuMonthlyCost(m, 1000), 9);
  });
});

describe("data must not leave our infrastructure", () => {
  const verdictFor = (g: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    const e = evaluateScenario(
      scenario({
        selfHostOptions: [{ id: "h100", label: "H100", model: model("Llama 3.1 8B"), gpu: gpu("H100 SXM", 2.54, g), ...extra }],
        constraints: [{ id: "in-house", kind: "data-stays-in-our-infrastructure" }],
      }),
      { monteCarloSamples: 0 },
    );
    return e.constraints[0].checks.find((c) => c.optionId === "h100");
  };

  test.each([
    ["on-prem", {}, "pass"],
    ["dedicated", { dedicatedIsOurInfrastructure: true }, "pass"],
    ["dedicated", {}, "fail"],
    ["shared-cloud", {}, "fail"],
    ["community", {}, "fail"],
  ] as const)("%s hardware %o: %s", (tenancy, extra, verdict) => {
    expect(verdictFor({ tenancy }, extra)?.verdict).toBe(verdict);
  });

  test("a saved option without a tenancy is shared cloud, on demand", () => {
    const parsed = parseScenario(scenario());
    expect(parsed.selfHostOptions[0].gpu.tenancy).toBe("shared-cloud");
    expect(parsed.selfHostOptions[0].pricing).toEqual({ kind: "on-demand" });
    expect(verdictFor({})?.detail).toBe("Shared cloud GPUs in the provider's data centre.");
  });

  test("the team's assumption that dedicated hardware is ours is stated in the verdict", () => {
    expect(verdictFor({ tenancy: "dedicated" }, { dedicatedIsOurInfrastructure: true })?.detail).toContain("stated assumption");
  });
});

describe("bad pricing input names the field and is refused", () => {
  const issuesOf = (option: Record<string, unknown>) => {
    try {
      parseScenario({
        workload: { requestsPerMonth: 1_000_000, inputTokensPerRequest: 1000, outputTokensPerRequest: 200 },
        selfHostOptions: [{ id: "h100", label: "H100", model: model("Llama 3.1 8B"), gpu: gpu("H100 SXM", 2.54), ...option }],
      });
    } catch (error) {
      if (error instanceof EngineInputError) return error.issues;
      throw error;
    }
    return [];
  };

  test("spot without an interruption rate", () => {
    expect(issuesOf({ pricing: { kind: "spot", discount: 0.6 } })).toContainEqual({
      path: "selfHostOptions.0.pricing.interruptionRate",
      message: "is required for spot GPUs",
    });
  });

  test("a commitment with scale-to-zero", () => {
    const issues = issuesOf({ billingMode: "scale-to-zero", pricing: { ...oneYear } });
    expect(issues.map((i) => i.path)).toEqual(["selfHostOptions.0.pricing.kind"]);
  });

  test("a commitment of 0 GPUs or a discount above 1", () => {
    const issues = issuesOf({ pricing: { ...oneYear, committedGpus: 0, discount: 1.5 } });
    expect(issues.map((i) => i.path).sort()).toEqual(["selfHostOptions.0.pricing.committedGpus", "selfHostOptions.0.pricing.discount"]);
  });

  test("shared cloud counted as our infrastructure", () => {
    expect(issuesOf({ dedicatedIsOurInfrastructure: true }).map((i) => i.path)).toEqual(["selfHostOptions.0.dedicatedIsOurInfrastructure"]);
  });
});

import { describe, expect, test } from "vitest";
import { evaluateScenario } from "../engine";
import { EvaluationSchema } from "../engine";
import { apiOptionFromRow, REFERENCE_PICKER, selfHostOptionFromRows, TEMPLATES, uniqueOption } from "./templates";

describe("scenario templates", () => {
  test.each(TEMPLATES.map((t) => [t.id, t] as const))("%s is a valid scenario that evaluates", (_id, t) => {
    const e = evaluateScenario(t.build(), { monteCarloSamples: 200 });
    expect(() => EvaluationSchema.parse(e)).not.toThrow();
    expect(e.options.some((o) => o.feasible)).toBe(true);
  });

  test("the regulated template is decided by its constraint", () => {
    const e = evaluateScenario(TEMPLATES.find((t) => t.id === "regulated")!.build(), { monteCarloSamples: 0 });
    expect(e.recommendation.outcome).toBe("self-host");
  });
});

test("the on-prem template weighs owned servers against dedicated rented GPUs under the in-house rule", () => {
  const e = evaluateScenario(TEMPLATES.find((t) => t.id === "on-prem")!.build(), { monteCarloSamples: 0 });
  const owned = e.options.find((o) => o.kind === "self-host" && o.id.endsWith("-owned"));
  expect(owned?.feasible && owned.kind === "self-host" && owned.sizing.owned?.servers).toBeGreaterThan(0);
  expect(e.constraints[0].checks.filter((c) => c.verdict === "pass").map((c) => c.optionId)).toHaveLength(2);
  expect(e.recommendation.outcome).toBe("self-host");
  expect(e.recommendation.optionId).toBe(owned?.id);
});

test("the daily-peak template's hybrid keeps a few replicas for the base load and beats both extremes", () => {
  const e = evaluateScenario(TEMPLATES.find((t) => t.id === "hybrid")!.build(), { monteCarloSamples: 0 });
  const h = e.hybrid[0];
  if (!h.feasible) throw new Error(h.reason);
  expect(h.replicas).toBeGreaterThan(0);
  expect(h.selfShare).toBeLessThan(1);
  expect(h.monthlyCost).toBeLessThan(Math.min(h.allApiMonthlyCost, h.allSelfHostMonthlyCost));
  // The hybrid is the recommendation: cheaper than the API by more than the close-call margin.
  expect(e.recommendation).toMatchObject({ outcome: "hybrid", optionId: "hybrid", monthlyCost: h.monthlyCost });
  expect(e.recommendation.headline).toMatch(/^Hybrid: Llama 3\.1 8B replicas \+ GPT-4o-mini for the peaks at \$[\d,]+\/month\.$/);
});

describe("GPU offers bought on terms", () => {
  const model = REFERENCE_PICKER.models.find((m) => m.name === "Llama 3.1 8B")!;
  const row = { ...REFERENCE_PICKER.gpu.find((o) => o.provider === "Nebius" && o.gpuType === "H100 SXM")! };

  test("a 1-year reserved row at $2.31 against $3.85 on demand is a commitment at 40% off", () => {
    const o = selfHostOptionFromRows(model, { ...row, provisioning: "reserved_1y", pricePerGpuHour: 2.31, onDemandPrice: 3.85 });
    expect(o.pricing).toEqual({ kind: "committed", termMonths: 12, committedGpus: 1, discount: expect.closeTo(0.4, 12), upfrontShare: 0 });
    expect(o.gpu.pricePerGpuHour).toBe(3.85);
    expect(o.label).toContain("reserved 1 year");
  });

  test("a spot row states the interruption rate it assumes; a community row is community tenancy", () => {
    const o = selfHostOptionFromRows(model, {
      ...row,
      provisioning: "spot",
      pricePerGpuHour: 1.54,
      onDemandPrice: 3.85,
      tenancy: "community",
    });
    expect(o.pricing).toEqual({ kind: "spot", discount: expect.closeTo(0.6, 12), interruptionRate: 0.05 });
    expect(o.label).toContain("5% interrupted assumed");
    expect(o.gpu.tenancy).toBe("community");
    expect(() =>
      evaluateScenario({
        workload: { requestsPerMonth: 1e6, inputTokensPerRequest: 500, outputTokensPerRequest: 200 },
        selfHostOptions: [o],
      }),
    ).not.toThrow();
  });

  test("the reference catalog's RunPod Community rows are community tenancy", () => {
    expect(REFERENCE_PICKER.gpu.filter((o) => o.provider === "RunPod Community").map((o) => o.tenancy)).toEqual(Array(5).fill("community"));
  });
});

describe("adding catalog models to a scenario", () => {
  const base = TEMPLATES.find((t) => t.id === "chat")!.build();
  const add = <T extends { id: string; label: string }>(list: T[], option: T, others: { id: string }[]) => [
    ...list,
    uniqueOption(option, [...list, ...others]),
  ];

  test("API models and model × GPU offer × precision choices added twice keeps both, each with its own id, and the scenario stays valid", () => {
    let apis = [...(base.apiOptions ?? [])] as { id: string; label: string }[];
    let selves = [...(base.selfHostOptions ?? [])] as { id: string; label: string }[];
    const before = apis.length + selves.length;
    let added = 0;
    for (const row of REFERENCE_PICKER.api.slice(0, 6)) {
      for (let i = 0; i < 2; i++, added++) apis = add(apis, apiOptionFromRow(row), selves);
    }
    const models = REFERENCE_PICKER.models.slice(0, 2);
    const offers = REFERENCE_PICKER.gpu.slice(0, 2);
    for (const m of models)
      for (const o of offers)
        for (const weightPrecision of ["bf16", "fp8", "bf16"]) {
          selves = add(selves, selfHostOptionFromRows(m, o, { weightPrecision }), apis);
          added++;
        }
    const ids = [...apis, ...selves].map((o) => o.id);
    expect(ids).toHaveLength(before + added);
    expect(new Set(ids).size).toBe(ids.length);
    const e = evaluateScenario({ ...base, apiOptions: apis, selfHostOptions: selves }, { monteCarloSamples: 0 });
    expect(e.options).toHaveLength(ids.length);
  });

  test("the second copy is labelled apart from the first", () => {
    const row = REFERENCE_PICKER.api[0];
    const first = apiOptionFromRow(row);
    const second = uniqueOption(apiOptionFromRow(row), [first]);
    expect(second.id).toBe(`${first.id}-2`);
    expect(second.label).toBe(`${first.label} (2)`);
    expect(uniqueOption(apiOptionFromRow(row), [first, second]).id).toBe(`${first.id}-3`);
  });
});

// Routing: a share to a self-hosted model, the rest to an API, each side priced on its share.
import { describe, expect, test } from "vitest";
import { EngineInputError, evaluateScenario, parseScenario } from "./evaluate";
import { gpu, model } from "./test-fixtures";

const mini = { id: "mini", label: "GPT-4o-mini", prices: { inputPerM: 0.15, cachedInputPerM: null, outputPerM: 0.6 }, integrationFte: 0 };
const llama = { id: "llama", label: "Llama 3.1 8B", model: model("Llama 3.1 8B"), gpu: gpu("H100 SXM", 2.54) };
const workload = { requestsPerMonth: 1_000_000, inputTokensPerRequest: 1000, outputTokensPerRequest: 200, apiCacheReadShare: 0 };

describe("a routing option sending 70% of requests to Llama 3.1 8B and 30% to GPT-4o-mini", () => {
  const scenario = (requestsPerMonth: number, extra: Record<string, unknown> = {}) => ({
    workload: { ...workload, requestsPerMonth },
    apiOptions: [{ ...mini, quality: { score: 0.82, source: "eval" } }],
    selfHostOptions: [{ ...llama, quality: { score: 0.64, source: "eval" } }],
    ...extra,
  });

  test("the API side is 300,000 requests × $0.00027 = $81; the self-host side is the option priced at 700,000 requests", () => {
    const e = evaluateScenario(
      scenario(1_000_000, { routingOptions: [{ id: "route", label: "70/30", selfHostId: "llama", apiId: "mini", selfShare: 0.7 }] }),
      {
        monteCarloSamples: 0,
      },
    );
    const r = e.routing[0];
    if (!r.feasible) throw new Error(r.reason);
    expect(r.apiMonthlyCost).toBeCloseTo(81, 9);
    const alone = evaluateScenario(scenario(700_000), { monteCarloSamples: 0 }).options.find((o) => o.id === "llama")!;
    expect(r.selfMonthlyCost).toBeCloseTo(alone.feasible ? alone.monthlyCost : NaN, 9);
    expect(r.monthlyCost).toBeCloseTo(r.selfMonthlyCost + 81, 9);
    // 0.7 × 64% + 0.3 × 82% = 69.4% of tasks passed.
    expect(r.quality).toBeCloseTo(0.694, 12);
    expect(r.perThousandSuccessful).toBeCloseTo(r.monthlyCost / 1000 / 0.694, 9);
  });

  test("a hard constraint the API fails removes the routing unless everything is self-hosted", () => {
    const constraints = [{ id: "in-house", kind: "data-stays-in-our-infrastructure" }];
    const e = evaluateScenario(
      scenario(1_000_000, {
        selfHostOptions: [{ ...llama, gpu: gpu("H100 SXM", 2.54, { tenancy: "on-prem" }) }],
        constraints,
        routingOptions: [
          { id: "mix", label: "Mix", selfHostId: "llama", apiId: "mini", selfShare: 0.7 },
          { id: "all", label: "All self", selfHostId: "llama", apiId: "mini", selfShare: 1 },
        ],
      }),
      { monteCarloSamples: 0 },
    );
    expect(e.routing.map((r) => (r.feasible ? r.removedBy : null))).toEqual([["Data must not leave our infrastructure"], []]);
  });

  test("a routing option naming an API that is not in the scenario is refused", () => {
    try {
      parseScenario(
        scenario(1_000_000, { routingOptions: [{ id: "r", label: "R", selfHostId: "llama", apiId: "gpt-4o", selfShare: 0.5 }] }),
      );
      throw new Error("accepted");
    } catch (error) {
      expect(error).toBeInstanceOf(EngineInputError);
      expect((error as EngineInputError).issues).toEqual([
        { path: "routingOptions.0.apiId", message: "is not an API option of this scenario" },
      ]);
    }
  });
});

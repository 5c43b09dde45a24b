// Owned hardware (DESIGN.md, second edition, "Owned hardware"): one 8-GPU server worked by hand
// to the cent, the servers bought for the horizon's peak, the projection paying capital when it
// is spent, and the breakeven over server steps.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { apiCostModel } from "./api-cost";
import { costsAt, findBreakeven } from "./breakeven";
import { total } from "./cost-line";
import { EngineInputError, evaluateScenario, parseScenario } from "./evaluate";
import { describeSelfHostLines } from "./describe-lines";
import { gpuMonthlyCost, ownedServers, selfHostCostLines, selfHostCostModel, selfHostMonthlyCost } from "./self-host-cost";
import { replicaCandidates } from "./self-host-sizing";
import { apiOption, gpu, model, scenario, selfHost, workload } from "./test-fixtures";

const SERVER = {
  kind: "owned" as const,
  serverPrice: 300_000,
  installationPerServer: 10_000,
  gpusPerServer: 8,
  lifeYears: 5,
  residualShare: 0.1,
  costOfCapital: 0.08,
  maintenanceShare: 0.05,
  gpuTdpW: 700,
  serverBaseW: 2000,
  pue: 1.4,
  electricityPerKwh: 0.12,
  facilityPerServerMonth: 800,
  operationsFte: 0.25,
  leadTimeWeeks: 12,
};

const quiet = {
  failoverReplicas: 0,
  minReplicas: 1,
  engineeringFte: 0,
  setupEngineerWeeks: 0,
  modelSwitchesPerYear: 0,
  overhead: { mode: "percent" as const, percentOfGpu: 0 },
};

function sized(hosting: Record<string, unknown>, w = workload({ requestsPerMonth: 0 }), extra: Record<string, unknown> = {}) {
  const option = selfHost({ ...quiet, hosting, ...extra });
  const c = replicaCandidates(option, w, 20);
  if (!c.fits) throw new Error(`does not fit: ${JSON.stringify(c.doesNotFit)}`);
  return { option, m: selfHostCostModel(option, c.candidates[0], w, 200_000), w };
}

describe("one 8×H100 server at $300,000 + $10,000 installation, 5 years, 10% residual", () => {
  test("every line to the cent, idle GPUs", () => {
    const { option, m } = sized({ ...SERVER, servers: 1 });
    const lines = describeSelfHostLines(selfHostCostLines(m, option, 0), option);
    const byLabel = Object.fromEntries(lines.map((l) => [l.label.replace(/ \(.*\)$/, ""), l]));
    // $310,000 × 0.9 / 60 months
    expect(byLabel["Servers: depreciation"].monthlyCost).toBeCloseTo(4650, 9);
    // $310,000 × (1 + 0.1) / 2 × 8% / 12
    expect(byLabel["Cost of capital on the servers"].monthlyCost).toBeCloseTo(1136.67, 2);
    // $310,000 × 5% / 12
    expect(byLabel["Hardware maintenance and support"].monthlyCost).toBeCloseTo(1291.67, 2);
    // (8 GPUs × 700 W × 0% load + 2,000 W) / 1000 × 730 h × PUE 1.4 = 2,044 kWh × $0.12
    expect(byLabel["Power"]).toMatchObject({ unit: "kWh", unitPrice: 0.12 });
    expect(byLabel["Power"].quantity).toBeCloseTo(2044, 9);
    expect(byLabel["Power"].monthlyCost).toBeCloseTo(245.28, 9);
    expect(byLabel["Facility: rack space, cooling, hands"].monthlyCost).toBe(800);
    // 0.25 FTE × $200,000 / 12
    expect(byLabel["Hardware operations"].monthlyCost).toBeCloseTo(4166.67, 2);
    expect(gpuMonthlyCost(m, 0)).toBeCloseTo(8123.61, 2);
    expect(total(lines)).toBeCloseTo(12290.28, 2);
    expect(selfHostMonthlyCost(m, 0)).toBeCloseTo(total(lines), 9);
  });

  test("power follows the GPUs' average load at today's volume", () => {
    const w = workload({ requestsPerMonth: 400_000_000, peakToAverage: 2, activeHoursPerDay: 12 });
    const { option, m } = sized({ ...SERVER }, w);
    const servers = ownedServers(m, m.owned!, w.requestsPerMonth);
    const busyGpus = ((w.requestsPerMonth * m.loadPerRequest) / 2) * (12 / 24) * m.tensorParallel;
    const share = busyGpus / (servers * 8);
    expect(m.owned!.gpuLoadShare).toBeCloseTo(share, 12);
    expect(share).toBeGreaterThan(0.05);
    const power = selfHostCostLines(m, option, w.requestsPerMonth).find((l) => l.item.code === "server-power")!;
    expect(power.quantity).toBeCloseTo((servers * (8 * 700 * share + 2000) * 730 * 1.4) / 1000, 6);
  });
});

describe("how many servers", () => {
  test("bought for the horizon's peak: 24 months at 5% growth is 3.07× today's volume", () => {
    const w = workload({ requestsPerMonth: 300_000_000, monthlyGrowth: 0.05, horizonMonths: 24 });
    const { m } = sized({ ...SERVER }, w);
    const flat = sized({ ...SERVER }, workload({ requestsPerMonth: 300_000_000 })).m;
    expect(m.owned!.growthToPeak).toBeCloseTo(Math.pow(1.05, 23), 12);
    expect(ownedServers(m, m.owned!, 300_000_000)).toBe(ownedServers(flat, flat.owned!, 300_000_000 * Math.pow(1.05, 23)));
    expect(ownedServers(m, m.owned!, 300_000_000)).toBeGreaterThan(ownedServers(flat, flat.owned!, 300_000_000));
  });

  test("a fixed count is kept at low volume and grows only when the load needs more", () => {
    const { m } = sized({ ...SERVER, servers: 3 });
    expect(ownedServers(m, m.owned!, 0)).toBe(3);
    expect(ownedServers(m, m.owned!, 1e11)).toBeGreaterThan(3);
  });

  test("the projection pays the servers' capital in the first month, then running costs", () => {
    const e = evaluateScenario(
      scenario({
        workload: { requestsPerMonth: 5_000_000, inputTokensPerRequest: 1000, outputTokensPerRequest: 200, horizonMonths: 12 },
        selfHostOptions: [{ id: "own", label: "Owned", model: model("Llama 3.1 8B"), gpu: gpu("H100 SXM", 0), hosting: SERVER, ...quiet }],
      }),
      { monteCarloSamples: 0 },
    );
    const own = e.options.find((o) => o.id === "own")!;
    if (own.kind !== "self-host" || !own.feasible) throw new Error("owned option did not fit");
    const capital = own.sizing.owned!.capital;
    expect(capital).toBe(own.sizing.owned!.servers * 310_000);
    const months = e.projection.monthly.own;
    expect(months[0] - months[1]).toBeCloseTo(capital, 6);
    expect(new Set(months.slice(1).map((v) => v.toFixed(6))).size).toBe(1);
    expect(own.sizing.notes.join(" ")).toContain("12 weeks from order to serving traffic");
  });
});

test("the tornado and Monte Carlo move the servers' price on an owned option", () => {
  const e = evaluateScenario(
    scenario({
      selfHostOptions: [{ id: "own", label: "Owned", model: model("Llama 3.1 8B"), gpu: gpu("H100 SXM", 0), hosting: SERVER, ...quiet }],
    }),
    { monteCarloSamples: 500 },
  );
  const bar = e.tornado.find((b) => b.input === "gpuPrice")!;
  expect(bar.label).toBe("Server price");
  // 30% dearer servers add 30% of depreciation, capital and maintenance: $2,123.50 a server-month.
  const own = e.options.find((o) => o.id === "own")!;
  const servers = own.kind === "self-host" && own.feasible ? own.sizing.owned!.servers : 0;
  expect(servers).toBeGreaterThan(0);
  expect(bar.highDelta).toBeCloseTo(servers * 0.3 * (4650 + 1136.6667 + 1291.6667), 2);
  expect(e.uncertainty!.p90).toBeGreaterThan(e.uncertainty!.p10);
});

describe("properties of owned hardware", () => {
  const ownedArb = fc.record({
    serverPrice: fc.double({ min: 20_000, max: 500_000, noNaN: true }),
    gpusPerServer: fc.constantFrom(1, 4, 8),
    lifeYears: fc.double({ min: 2, max: 7, noNaN: true }),
    facility: fc.double({ min: 0, max: 3000, noNaN: true }),
    fixed: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
    growth: fc.constantFrom(0, 0.03),
    failover: fc.integer({ min: 0, max: 2 }),
    outputPerM: fc.double({ min: 0.05, max: 30, noNaN: true }),
    modelName: fc.constantFrom("Llama 3.1 8B", "Llama 3.3 70B"),
  });

  type OwnedSpec = typeof ownedArb extends fc.Arbitrary<infer T> ? T : never;
  const build = (s: OwnedSpec) => {
    const w = workload({ requestsPerMonth: 1_000_000, monthlyGrowth: s.growth });
    const option = selfHost({
      model: model(s.modelName),
      weightPrecision: "fp8",
      failoverReplicas: s.failover,
      minReplicas: 1,
      hosting: {
        ...SERVER,
        serverPrice: s.serverPrice,
        gpusPerServer: s.gpusPerServer,
        lifeYears: s.lifeYears,
        facilityPerServerMonth: s.facility,
        servers: s.fixed,
      },
    });
    const c = replicaCandidates(option, w, 20);
    if (!c.fits) return null;
    const m = selfHostCostModel(option, c.candidates[0], w, 200_000);
    const api = apiCostModel(apiOption({ prices: { inputPerM: s.outputPerM / 4, outputPerM: s.outputPerM } }), w, 200_000);
    return { m, api, tokens: w.inputTokensPerRequest + w.outputTokensPerRequest };
  };

  test("cost is flat in volume until a server is added, and never falls", () => {
    let flats = 0;
    fc.assert(
      fc.property(ownedArb, fc.integer({ min: 0, max: 500_000_000 }), fc.integer({ min: 0, max: 500_000_000 }), (s, a, b) => {
        const built = build(s);
        if (!built) return true;
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const { m } = built;
        const cost = (r: number) => selfHostMonthlyCost(m, r);
        expect(cost(hi)).toBeGreaterThanOrEqual(cost(lo));
        if (ownedServers(m, m.owned!, lo) === ownedServers(m, m.owned!, hi)) {
          flats++;
          expect(cost(hi)).toBe(cost(lo));
        }
        return true;
      }),
      { numRuns: 300, seed: 17 },
    );
    expect(flats, "cases with the same servers at both volumes").toBeGreaterThan(50);
  });

  test("at the breakeven the servers cost no more than the API, one request below they cost more", () => {
    let reached = 0;
    fc.assert(
      fc.property(ownedArb, fc.constantFrom("fully-loaded", "gpu-only" as const), (s, basis) => {
        const built = build(s);
        if (!built) return true;
        const linear = basis === "gpu-only" ? { perRequest: built.api.perRequest, fixed: 0 } : built.api;
        const be = findBreakeven(built.m, linear, built.tokens, basis);
        if (!be.reached || be.requestsPerMonth === 0) return true;
        reached++;
        const at = costsAt(built.m, linear, basis, be.requestsPerMonth);
        const below = costsAt(built.m, linear, basis, be.requestsPerMonth - 1);
        expect(at.selfCost).toBeLessThanOrEqual(at.apiCost);
        expect(below.selfCost).toBeGreaterThan(below.apiCost);
        return true;
      }),
      { numRuns: 300, seed: 23 },
    );
    expect(reached, "owned options with a breakeven above zero").toBeGreaterThan(50);
  });
});

describe("bad owned input names the field", () => {
  const issuesOf = (hosting: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    try {
      parseScenario({
        workload: { requestsPerMonth: 1_000_000, inputTokensPerRequest: 1000, outputTokensPerRequest: 200 },
        selfHostOptions: [{ id: "own", label: "Owned", model: model("Llama 3.1 8B"), gpu: gpu("H100 SXM", 0), hosting, ...extra }],
      });
    } catch (error) {
      if (error instanceof EngineInputError) return error.issues.map((i) => `${i.path}: ${i.message}`);
      throw error;
    }
    return [];
  };

  test("no server price, a life of 0 years", () => {
    const { serverPrice: _price, ...noPrice } = SERVER;
    expect(issuesOf({ ...noPrice, lifeYears: 0 }).sort()).toEqual([
      "selfHostOptions.0.hosting.lifeYears: must be greater than 0",
      "selfHostOptions.0.hosting.serverPrice: must be a number",
    ]);
  });

  test("owned servers with scale-to-zero or spot terms", () => {
    expect(
      issuesOf(SERVER, { billingMode: "scale-to-zero", pricing: { kind: "spot", discount: 0.5, interruptionRate: 0.05 } }).sort(),
    ).toEqual([
      "selfHostOptions.0.billingMode: owned servers run around the clock: choose always on",
      "selfHostOptions.0.pricing.kind: owned servers have no rental terms: choose on demand",
    ]);
  });

  test("owned servers keep data in our infrastructure", () => {
    const e = evaluateScenario(
      scenario({
        selfHostOptions: [{ id: "own", label: "Owned", model: model("Llama 3.1 8B"), gpu: gpu("H100 SXM", 0), hosting: SERVER }],
        constraints: [{ id: "in-house", kind: "data-stays-in-our-infrastructure" }],
      }),
      { monteCarloSamples: 0 },
    );
    expect(e.constraints[0].checks.find((c) => c.optionId === "own")).toMatchObject({ verdict: "pass" });
  });
});

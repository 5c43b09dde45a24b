// Revisit triggers solved on the replica steps agree with bisection of the real function, and the
// cheaper side really flips there.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { apiCostModel } from "./api-cost";
import { chooseDegree } from "./evaluate-sizing";
import { pairModel, parseScenario } from "./evaluate";
import { replicaCandidates } from "./self-host-sizing";
import { MULTIPLIER_INPUTS } from "./sensitivity";
import { input, scenarioArb } from "./test-scenarios";
import { flipByBisection, flipOnSteps, revisitTriggers, TRIGGER_DOMAINS } from "./triggers";
import { baseValue, difference, differenceWith, type PairModel } from "./what-if";

const STEPPED = ["selfCacheHit", "utilisation", "throughput", "peak"] as const;

/** The first API option against the first self-host option that fits, as the evaluation pairs them. */
function pairOf(raw: unknown): PairModel | null {
  const parsed = parseScenario(raw);
  const w = parsed.workload;
  const self = parsed.selfHostOptions[0];
  const sized = replicaCandidates(self, w, parsed.settings.sloOutputTokensPerSecond);
  if (!sized.fits) return null;
  const salary = parsed.people.engineerAnnualCost;
  const { capacity, model } = chooseDegree(self, sized.candidates, w, salary, { ttftP95Ms: null, minStreamTokensPerS: null });
  const api = parsed.apiOptions[0];
  return pairModel(parsed, api, apiCostModel(api, w, salary), { option: self, capacity, model });
}

const pairs = fc
  .sample(scenarioArb, { numRuns: 400, seed: 7 })
  .map((s) => pairOf(input(s, s.requestsPerMonth)))
  .filter((p): p is PairModel => p !== null);

/** Distance between two values of an input in its bracket's terms (of the logarithm for multipliers). */
function shareOfBracket(input: (typeof STEPPED)[number], a: number, b: number, from: number, to: number): number {
  return MULTIPLIER_INPUTS.has(input) ? Math.abs(Math.log(a / b) / Math.log(to / from)) : Math.abs((a - b) / (to - from));
}

describe("revisit triggers on the replica steps", () => {
  test("each step solution is within bisection's tolerance of bisecting the real function", () => {
    let solved = 0;
    for (const p of pairs) {
      const baseSign = difference(p) < 0;
      for (const input of STEPPED) {
        const base = baseValue(p, input);
        for (const to of [TRIGGER_DOMAINS[input].min, TRIGGER_DOMAINS[input].max]) {
          if (to === base || differenceWith(p, input, to) < 0 === baseSign) continue;
          const step = flipOnSteps(p, input, base, to, baseSign);
          if (step === null) continue;
          solved++;
          const at = (v: number) => differenceWith(p, input, v) < 0;
          const bisected = flipByBisection(at, input, base, to, baseSign);
          expect(shareOfBracket(input, step, bisected, base, to)).toBeLessThanOrEqual(2 ** -19);
        }
      }
    }
    // The seeded scenarios reach the step solution often enough for the comparison to mean something.
    expect(solved).toBeGreaterThan(100);
  });

  test("the cheaper side flips at every trigger and not just short of it (a billionth short where solved on steps)", () => {
    let exact = 0;
    for (const p of pairs) {
      const baseSign = difference(p) < 0;
      for (const t of revisitTriggers(p)) {
        if (!(STEPPED as readonly string[]).includes(t.input)) continue;
        const input = t.input as (typeof STEPPED)[number];
        const base = baseValue(p, input);
        const to = t.direction === "above" ? TRIGGER_DOMAINS[input].max : TRIGGER_DOMAINS[input].min;
        const solved = flipOnSteps(p, input, base, to, baseSign) !== null;
        const short = t.value - (solved ? (t.value - base) * 1e-9 : (to - base) * 2 ** -19);
        expect(differenceWith(p, input, t.value) < 0).not.toBe(baseSign);
        expect(differenceWith(p, input, short) < 0).toBe(baseSign);
        if (solved) exact++;
      }
    }
    expect(exact).toBeGreaterThan(100);
  });
});

// Properties of whole evaluations on 1,000 seeded random valid scenarios: more volume never lowers
// a bill or a replica count, nothing is NaN, infinite or negative, and a reported breakeven is a
// volume where self-hosting really costs no more than every API.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { evaluateScenario } from "./evaluate";
import type { Evaluation } from "./result-schema";
import { input, scenarioArb } from "./test-scenarios";

/** Every number in the evaluation, with its path. */
function numbers(value: unknown, at = ""): [string, number][] {
  if (typeof value === "number") return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbers(v, `${at}.${i}`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => numbers(v, `${at}.${k}`));
  return [];
}

const priced = (e: Evaluation) =>
  new Map(e.options.filter((o) => o.feasible).map((o) => [o.id, o as Extract<Evaluation["options"][number], { feasible: true }>]));

describe("1,000 seeded random scenarios", () => {
  test("doubling volume never lowers a bill or a replica count; no NaN, Infinity or negative cost; breakevens hold", () => {
    const seen = { selfHost: 0, volumeChecks: 0, breakevens: 0 };
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const e1 = evaluateScenario(input(s, s.requestsPerMonth), { monteCarloSamples: 0 });
        const e2 = evaluateScenario(input(s, s.requestsPerMonth * 2), { monteCarloSamples: 0 });
        for (const e of [e1, e2]) {
          for (const [path, v] of numbers(e)) expect(Number.isFinite(v), `${path} = ${v}`).toBe(true);
          for (const o of priced(e).values()) expect(o.monthlyCost, o.id).toBeGreaterThanOrEqual(0);
          for (const costs of Object.values(e.costCurve.costs)) expect(Math.min(...costs)).toBeGreaterThanOrEqual(0);
        }
        const before = priced(e1);
        for (const [id, after] of priced(e2)) {
          const was = before.get(id)!;
          expect(after.monthlyCost, id).toBeGreaterThanOrEqual(was.monthlyCost * (1 - 1e-12));
          if (after.kind === "self-host" && was.kind === "self-host") {
            seen.selfHost++;
            expect(after.sizing.replicas, id).toBeGreaterThanOrEqual(was.sizing.replicas);
          }
          seen.volumeChecks++;
        }
        for (const b of e1.breakeven) {
          if (!b.fullyLoaded.reached) continue;
          seen.breakevens++;
          const at = priced(evaluateScenario(input(s, b.fullyLoaded.requestsPerMonth), { monteCarloSamples: 0 }));
          const cheapestApi = Math.min(...[...at.values()].filter((o) => o.kind === "api").map((o) => o.monthlyCost));
          expect(at.get(b.selfHostId)!.monthlyCost).toBeLessThanOrEqual(cheapestApi * (1 + 1e-9) + 1e-9);
        }
        return true;
      }),
      { numRuns: 1000, seed: 20261201 },
    );
    // The property must have been exercised, not passed vacuously.
    expect(seen.selfHost).toBeGreaterThan(500);
    expect(seen.breakevens).toBeGreaterThan(100);
    console.info(
      `scenario properties: ${seen.volumeChecks} option volume checks, ${seen.selfHost} self-host replica checks, ${seen.breakevens} breakevens verified`,
    );
  }, 180_000);
});

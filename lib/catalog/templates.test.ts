import { describe, expect, test } from "vitest";
import { evaluateScenario } from "../engine/evaluate";
import { EvaluationSchema } from "../engine/result-schema";
import { TEMPLATES } from "./templates";

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

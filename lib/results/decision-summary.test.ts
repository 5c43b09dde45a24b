import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { evaluateScenario } from "../engine";
import { summarizeChange } from "./decision-summary";

const side = (label: string, input: unknown) => ({ label, input, evaluation: evaluateScenario(input) });
const example = () => JSON.parse(readFileSync("lib/engine/examples/chat-assistant-8b.json", "utf8"));

test("the summary says what the change does to the decision and names the input that does it", () => {
  const a = example();
  const b = example();
  const groq = b.apiOptions.findIndex((o: { id: string }) => o.id === "groq-llama-8b");
  b.apiOptions[groq].prices.outputPerM *= 20;
  b.workload.inputTokensPerRequest += 1;
  const s = summarizeChange(side("#1", a), side("#2", b));
  const ea = evaluateScenario(a).recommendation;
  const eb = evaluateScenario(b).recommendation;
  // The example's cheapest option is Groq's; at twenty times its output price it is not.
  expect(ea.optionId).not.toBe(eb.optionId);
  expect(s.outcome[0]).toBe(`The recommendation changes: ${ea.label} in #1 → ${eb.label} in #2.`);
  expect(s.drivers[0].difference.label).toBe("Output price");
  expect(s.drivers[0].difference.section).toBe(`API option “${a.apiOptions[groq].label}”`);
  expect(s.drivers[0].flips).toBe(true);
  expect(s.drivers[0].effect).toContain(eb.label!);
  expect(s.differences).toHaveLength(2);
});

test("identical inputs: both recommend the same, no drivers", () => {
  const s = summarizeChange(side("A", example()), side("B", example()));
  expect(s.outcome[0]).toMatch(/^Both recommend /);
  expect(s.drivers).toEqual([]);
  expect(s.differences).toEqual([]);
});

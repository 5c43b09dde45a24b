// Demo scenarios for the seeded workspace: the engine's three example files, evaluated so the
// dashboard shows real figures on first start.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ScenarioStatus } from "../generated/prisma/enums";
import { evaluateFigures, parseScenario } from "../engine";
import { summarize } from "../engine";
import type { EvaluationSummary } from "../engine";
import type { ScenarioInput } from "../engine";

export type DemoScenario = {
  name: string;
  description: string;
  status: ScenarioStatus;
  input: ScenarioInput;
  summary: EvaluationSummary;
};

const DEMOS: { file: string; description: string; status: ScenarioStatus }[] = [
  {
    file: "chat-assistant-8b.json",
    status: "proposed",
    description: "Consumer chat on an 8B model: three cheap APIs against one H100 and L40S GPUs.",
  },
  {
    file: "agent-platform-70b.json",
    status: "draft",
    description: "Agents with 12k-token shared prompts: prompt caching decides the API bill.",
  },
  {
    file: "regulated-in-house.json",
    status: "decided",
    description: "Customer data must stay in our EU infrastructure, whatever the API would cost.",
  },
];

export function demoScenarios(examplesDir = path.resolve(process.cwd(), "lib/engine/examples")): DemoScenario[] {
  return DEMOS.map((d) => {
    const input = parseScenario(JSON.parse(readFileSync(path.join(examplesDir, d.file), "utf8")));
    return {
      name: input.name,
      description: d.description,
      status: d.status,
      input,
      summary: summarize(evaluateFigures(input, { monteCarloSamples: 0 })),
    };
  });
}

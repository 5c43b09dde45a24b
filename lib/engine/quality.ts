// Cost alone compares options as if they did the task equally well. When the options differ a lot
// in size and some carry no quality figure, the result says so.
import type { ScenarioInput } from "./schema";

const SMALL_MODEL_B = 20; // open models at or below this size are rarely drop-ins for a hosted frontier API
const SIZE_RATIO = 4; // self-host models this far apart in parameters are different classes

export function qualityWarnings(input: ScenarioInput): string[] {
  const options = [...input.apiOptions, ...input.selfHostOptions];
  const unmeasured = options.filter((o) => o.quality === null);
  if (options.length < 2 || unmeasured.length === 0) return [];
  const models = input.selfHostOptions.map((o) => o.model).sort((a, b) => a.totalParamsB - b.totalParamsB);
  const smallest = models[0];
  const largest = models[models.length - 1];
  let example: string | null = null;
  if (smallest && input.apiOptions.length > 0 && smallest.totalParamsB <= SMALL_MODEL_B)
    example = `${smallest.name} (${smallest.totalParamsB}B parameters) against ${input.apiOptions[0].label}`;
  else if (smallest && largest.totalParamsB >= SIZE_RATIO * smallest.totalParamsB)
    example = `${smallest.name} (${smallest.totalParamsB}B) against ${largest.name} (${largest.totalParamsB}B)`;
  if (example === null) return [];
  return [
    `Options of very different size are compared on cost alone (${example}), and ${unmeasured.map((o) => o.label).join(", ")} ${unmeasured.length === 1 ? "has" : "have"} no quality figure: the cheapest may not do the task as well. Add the share of your evaluation tasks each option passes.`,
  ];
}

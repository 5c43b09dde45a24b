// npm run evaluate -- scenario.json [--summary] [--samples N]
// Prints the evaluation of a scenario file as JSON, or a readable summary.
import { readFileSync } from "node:fs";
import { evaluateScenario, EngineInputError } from "../lib/engine/evaluate";
import { formatEvaluationText } from "../lib/engine/summary-text";

function usage(message?: string): never {
  if (message) console.error(message);
  console.error("usage: npm run evaluate -- <scenario.json> [--summary] [--samples N]");
  process.exit(2);
}

const args = process.argv.slice(2);
const files = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--samples");
const summary = args.includes("--summary");
const samplesAt = args.indexOf("--samples");
const samples = samplesAt >= 0 ? Number(args[samplesAt + 1]) : undefined;
if (files.length !== 1) usage();
if (samples !== undefined && !(Number.isInteger(samples) && samples >= 0)) usage("--samples takes a whole number");

let raw: unknown;
try {
  raw = JSON.parse(readFileSync(files[0], "utf8"));
} catch (error) {
  usage(`Cannot read ${files[0]}: ${(error as Error).message}`);
}
try {
  const result = evaluateScenario(raw, { monteCarloSamples: samples });
  console.log(summary ? formatEvaluationText(result) : JSON.stringify(result, null, 2));
} catch (error) {
  if (error instanceof EngineInputError) {
    console.error("Invalid scenario:");
    for (const issue of error.issues) console.error(`  ${issue.path || "(input)"}: ${issue.message}`);
    process.exit(1);
  }
  throw error;
}

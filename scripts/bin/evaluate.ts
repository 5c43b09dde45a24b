// npm run evaluate -- scenario.json [--summary] [--samples N]
//   Prints the evaluation of a scenario file as JSON, or a readable summary.
// npm run evaluate -- --compare a.json b.json [c.json …] [--json] [--samples N]
//   Evaluates several scenario files and prints them side by side.
// npm run evaluate -- scenario.json --fail-if-recommendation-changes saved-evaluation.json
//   Exits with status 3 when the recommendation differs from a saved evaluation (the JSON this
//   command prints, or what POST /api/v1/evaluate returns), so a CI job can guard a decision.
// Exit status: 0 ok, 1 invalid scenario, 2 usage or unreadable file, 3 recommendation changed.
import { readFileSync } from "node:fs";
import { evaluateScenario, EngineInputError } from "../../lib/engine";
import type { Evaluation } from "../../lib/engine";
import { formatComparisonText, formatEvaluationText, recommendationChange } from "../../lib/engine";

const USAGE = [
  "usage: npm run evaluate -- <scenario.json> [--summary] [--samples N]",
  "       npm run evaluate -- --compare <a.json> <b.json> [...] [--json] [--samples N]",
  "       npm run evaluate -- <scenario.json> --fail-if-recommendation-changes <saved-evaluation.json>",
].join("\n");

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(USAGE);
  process.exit(2);
}

const args = process.argv.slice(2);
const VALUE_FLAGS = new Set(["--samples", "--fail-if-recommendation-changes"]);
const files = args.filter((a, i) => !a.startsWith("--") && !VALUE_FLAGS.has(args[i - 1]));
const flag = (name: string) => args.includes(name);
const value = (name: string) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : undefined);
const samplesText = value("--samples");
const samples = samplesText === undefined ? undefined : Number(samplesText);
if (samples !== undefined && !(Number.isInteger(samples) && samples >= 0)) usage("--samples takes a whole number");
const savedFile = value("--fail-if-recommendation-changes");
if (args.includes("--fail-if-recommendation-changes") && !savedFile)
  usage("--fail-if-recommendation-changes takes the file of a saved evaluation");

function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    usage(`Cannot read ${file}: ${(error as Error).message}`);
  }
}

function evaluate(file: string): Evaluation {
  try {
    return evaluateScenario(readJsonFile(file), { monteCarloSamples: samples });
  } catch (error) {
    if (error instanceof EngineInputError) {
      console.error(`Invalid scenario in ${file}:`);
      for (const issue of error.issues) console.error(`  ${issue.path || "(input)"}: ${issue.message}`);
      process.exit(1);
    }
    throw error;
  }
}

if (flag("--compare")) {
  if (files.length < 2) usage("--compare needs at least two scenario files");
  const evaluations = files.map((file) => ({ file, evaluation: evaluate(file) }));
  console.log(flag("--json") ? JSON.stringify(evaluations, null, 2) : formatComparisonText(evaluations));
} else {
  if (files.length !== 1) usage();
  const result = evaluate(files[0]);
  if (savedFile) {
    const saved = readJsonFile(savedFile) as Partial<Evaluation>;
    if (!saved?.recommendation?.outcome) usage(`${savedFile} is not a saved evaluation (no recommendation.outcome)`);
    const change = recommendationChange(saved as Evaluation, result);
    if (change) {
      console.error(change);
      process.exit(3);
    }
    console.log(`Recommendation unchanged: ${result.recommendation.headline}`);
  } else {
    console.log(flag("--summary") ? formatEvaluationText(result) : JSON.stringify(result, null, 2));
  }
}

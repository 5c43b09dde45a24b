// npm run evaluate -- scenario.json [--summary] [--samples N]
//   Prints the evaluation of a scenario file as JSON, or a readable summary.
// npm run evaluate -- --compare a.json b.json [c.json …] [--json] [--samples N]
//   Evaluates several scenario files and prints them side by side.
// npm run evaluate -- scenario.json --fail-if-recommendation-changes saved-evaluation.json
//   Exits with status 3 when the recommendation differs from a saved evaluation (the JSON this
//   command prints, or what POST /api/v1/evaluate returns), so a CI job can guard a decision.
// npm run evaluate -- [scenario.json] --usage export.csv [--usage-format F] [--time-zone Z]
//     [--models a,b] [--requests-per-month N] [--accept-bad-rows] [--summary]
//   Reads a usage export (OpenAI, Anthropic, LiteLLM or generic CSV) and evaluates the scenario
//   with the workload it implies; without a scenario, prints the derived usage as JSON.
// Exit status: 0 ok, 1 invalid scenario or usage export, 2 usage or unreadable file, 3 recommendation changed.
import { createReadStream, readFileSync } from "node:fs";
import { evaluateScenario, EngineInputError } from "../../lib/engine";
import type { Evaluation } from "../../lib/engine";
import { formatComparisonText, formatEvaluationText, recommendationChange } from "../../lib/engine";
import { deriveUsage, type DerivedUsage } from "../../lib/usage/derive";
import { UsageFileError, USAGE_FORMATS, type UsageFormat } from "../../lib/usage/formats";
import { parseUsage } from "../../lib/usage/parse";
import { isTimeZone } from "../../lib/usage/time";

const USAGE = [
  "usage: npm run evaluate -- <scenario.json> [--summary] [--samples N]",
  "       npm run evaluate -- --compare <a.json> <b.json> [...] [--json] [--samples N]",
  "       npm run evaluate -- <scenario.json> --fail-if-recommendation-changes <saved-evaluation.json>",
  "       npm run evaluate -- [scenario.json] --usage <export> [--usage-format auto|openai|anthropic|litellm|generic]",
  "                           [--time-zone Europe/Berlin] [--models a,b] [--requests-per-month N] [--accept-bad-rows] [--summary]",
].join("\n");

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(USAGE);
  process.exit(2);
}

const args = process.argv.slice(2);
const VALUE_FLAGS = new Set([
  "--samples",
  "--fail-if-recommendation-changes",
  "--usage",
  "--usage-format",
  "--time-zone",
  "--models",
  "--requests-per-month",
]);
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

/** The usage export named by --usage, derived; exits 1 with the reason when it cannot be used. */
async function usageWorkload(file: string): Promise<DerivedUsage> {
  const format = (value("--usage-format") ?? "auto") as UsageFormat | "auto";
  if (format !== "auto" && !USAGE_FORMATS.includes(format)) usage(`--usage-format takes auto or one of ${USAGE_FORMATS.join(", ")}`);
  const timeZone = value("--time-zone") ?? "UTC";
  if (!isTimeZone(timeZone)) usage(`--time-zone: "${timeZone}" is not a time zone (use an IANA name such as Europe/Berlin)`);
  const rpm = value("--requests-per-month");
  const requestsPerMonth = rpm === undefined ? null : Number(rpm);
  if (requestsPerMonth !== null && !(requestsPerMonth > 0)) usage("--requests-per-month takes a number above 0");
  let parsed;
  try {
    parsed = await parseUsage(createReadStream(file), { format, timeZone });
  } catch (error) {
    if (!(error instanceof UsageFileError)) usage(`Cannot read ${file}: ${(error as Error).message}`);
    console.error(`${file}: ${error.message}`);
    process.exit(1);
  }
  if (parsed.badRowCount > 0) {
    console.error(`${file}: ${parsed.badRowCount} row(s) could not be read:`);
    for (const b of parsed.badRows.slice(0, 20)) console.error(`  line ${b.line}, ${b.field}: ${b.message}`);
    if (!flag("--accept-bad-rows")) {
      console.error("Rerun with --accept-bad-rows to use the good rows only.");
      process.exit(1);
    }
  }
  const models = value("--models")
    ?.split(",")
    .map((m) => m.trim())
    .filter(Boolean);
  const derived = deriveUsage(parsed.aggregate, { models, requestsPerMonth });
  if (derived.workload.requestsPerMonth == null) {
    console.error(`${file}: the export has no request counts: give --requests-per-month.`);
    process.exit(1);
  }
  const w = derived.workload;
  console.error(
    `Workload from ${file} (${derived.period.start.slice(0, 10)} to ${derived.period.end.slice(0, 10)}, ${parsed.aggregate.rows} rows): ` +
      `${w.requestsPerMonth} requests a month, ${w.inputTokensPerRequest} input and ${w.outputTokensPerRequest} output tokens a request` +
      `${derived.profile ? `, peak ${derived.profile.peakToAverage}× over ${derived.profile.activeHoursPerDay} active hours` : ""}.`,
  );
  return derived;
}

function evaluate(file: string, derived?: DerivedUsage): Evaluation {
  try {
    const input = readJsonFile(file) as { workload?: object };
    const withUsage = derived ? { ...input, workload: { ...input.workload, ...derived.workload } } : input;
    return evaluateScenario(withUsage, { monteCarloSamples: samples });
  } catch (error) {
    if (error instanceof EngineInputError) {
      console.error(`Invalid scenario in ${file}:`);
      for (const issue of error.issues) console.error(`  ${issue.path || "(input)"}: ${issue.message}`);
      process.exit(1);
    }
    throw error;
  }
}

const usageFile = value("--usage");
if (args.includes("--usage") && !usageFile) usage("--usage takes the file of a usage export");
const derived = usageFile ? await usageWorkload(usageFile) : undefined;

if (usageFile && files.length === 0) {
  console.log(JSON.stringify(derived, null, 2));
} else if (flag("--compare")) {
  if (files.length < 2) usage("--compare needs at least two scenario files");
  const evaluations = files.map((file) => ({ file, evaluation: evaluate(file, derived) }));
  console.log(flag("--json") ? JSON.stringify(evaluations, null, 2) : formatComparisonText(evaluations));
} else {
  if (files.length !== 1) usage();
  const result = evaluate(files[0], derived);
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

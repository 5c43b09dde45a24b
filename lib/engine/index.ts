// The cost engine's public surface: pure functions over plain data (no I/O, no framework). Code
// outside lib/engine imports from here and nowhere deeper (test fixtures aside).
export { evaluateScenario, evaluateParsed, evaluateFigures, parseScenario, EngineInputError, ENGINE_VERSION } from "./evaluate";
export { describeEvaluation } from "./describe";
export type { EvaluationFigures } from "./figures";
export type { EvaluateOptions } from "./evaluate";
export { ScenarioInputSchema, SelfHostOptionSchema, BenchmarkSchema, TENANCIES } from "./schema";
export type {
  ScenarioInput,
  ScenarioInputRaw,
  ApiOption,
  SelfHostOption,
  Constraint,
  Workload,
  Benchmark,
  Tenancy,
  GpuPricing,
  OwnedHardware,
  Quality,
} from "./schema";
export { EvaluationSchema } from "./result-schema";
export type { Evaluation, OptionResult } from "./result-schema";
export { summarize } from "./summary";
export { readSummary, EvaluationSummarySchema } from "./summary-schema";
export type { EvaluationSummary } from "./summary-schema";
export { formatEvaluationText, formatComparisonText, recommendationChange, describeHybrid, describeRouting } from "./summary-text";
// The serving model's parts, for calibrating it against published measurements (lib/catalog).
export { roofline, withPrefill } from "./roofline";
export { queueWaitMean } from "./latency";
// The workload's daily shape, for the memo and the usage import.
export { profileShape, workloadShape } from "./profile";
export { DAYS_PER_MONTH, HOURS_PER_DAY } from "./constants";
// The bench's baseline: the cheapest formula the engine has.
export { apiTokenCostPerRequest } from "./api-cost";

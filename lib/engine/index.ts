// The cost engine's public surface: pure functions over plain data (no I/O, no framework).
export { evaluateScenario, parseScenario, EngineInputError, ENGINE_VERSION } from "./evaluate";
export type { EvaluateOptions } from "./evaluate";
export { ScenarioInputSchema } from "./schema";
export type { ScenarioInput, ScenarioInputRaw, ApiOption, SelfHostOption, Constraint, Workload } from "./schema";
export { EvaluationSchema } from "./result-schema";
export type { Evaluation, OptionResult } from "./result-schema";
export { summarize } from "./summary";
export { formatEvaluationText } from "./summary-text";

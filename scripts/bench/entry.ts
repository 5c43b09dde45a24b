// What the benchmark bundles: the engine's entry point plus the baseline formula.
export { describeEvaluation, evaluateFigures, evaluateScenario, parseScenario } from "../../lib/engine";
export { apiTokenCostPerRequest } from "../../lib/engine";

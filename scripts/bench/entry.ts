// What the benchmark bundles: the engine's entry point plus the baseline formula.
export { evaluateParsed, evaluateScenario, parseScenario } from "../../lib/engine/evaluate";
export { apiTokenCostPerRequest } from "../../lib/engine/api-cost";

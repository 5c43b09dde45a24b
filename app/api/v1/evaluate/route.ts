// POST /api/v1/evaluate – stateless: { input: <scenario input>, monteCarloSamples? } in, the full evaluation out
import { json } from "@/lib/http";
import { evaluateParsed } from "@/lib/engine";
import { parseInput } from "@/lib/validation/errors";
import { EvaluateRequestSchema } from "@/lib/validation/api";
import { route } from "@/lib/api/route";

export const POST = route({ auth: "user" }, async ({ body }) => {
  const request = parseInput(EvaluateRequestSchema, body);
  return json(evaluateParsed(request.input, { monteCarloSamples: request.monteCarloSamples }));
});

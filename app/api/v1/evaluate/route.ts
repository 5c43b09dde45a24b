// POST /api/v1/evaluate – stateless: { input: <scenario input>, monteCarloSamples? } in, the full evaluation out
import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";
import { evaluateParsed } from "@/lib/engine/evaluate";
import { parseInput } from "@/lib/validation/errors";
import { EvaluateRequestSchema } from "@/lib/validation/api";

export const POST = handle(async (req: Request) => {
  assertSameOrigin(req);
  await requireUser(req);
  const body = parseInput(EvaluateRequestSchema, await readJson(req));
  return json(evaluateParsed(body.input, { monteCarloSamples: body.monteCarloSamples }));
});

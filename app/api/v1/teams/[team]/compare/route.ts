// GET /api/v1/teams/[team]/compare?s=id1,id2@3 – 2 to 6 scenarios (any revision) evaluated side by side
import { json } from "@/lib/http";
import { getScenarioAtRevision } from "@/lib/data/scenario-at-revision";
import { evaluateScenario } from "@/lib/engine";
import { AppError } from "@/lib/errors";
import { parseSelection, requireComparable } from "@/lib/validation/memo";
import { route } from "@/lib/api/route";

export const GET = route({ auth: "user", params: ["team"] }, async ({ req, params, user }) => {
  const { team } = params;
  const selection = parseSelection(new URL(req.url).searchParams.getAll("s").join(","));
  const found = await Promise.all(requireComparable(selection).map((s) => getScenarioAtRevision(user.id, team, s.id, s.revision)));
  if (found.some((f) => !f)) throw new AppError("not_found", "One of the scenarios was not found in this team");
  return json({
    scenarios: found.map((f) => ({
      id: f!.id,
      name: f!.name,
      status: f!.status,
      revision: f!.revision.number,
      catalogVersion: f!.revision.catalogVersion?.label ?? null,
      evaluation: evaluateScenario(f!.revision.input),
    })),
  });
});

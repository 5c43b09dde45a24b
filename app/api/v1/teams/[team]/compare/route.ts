// GET /api/v1/teams/[team]/compare?s=id1,id2@3 – 2 to 6 scenarios (any revision) evaluated side by side
import { json } from "@/lib/http";
import { loadSelection } from "@/lib/data/scenario-at-revision";
import { evaluateScenario } from "@/lib/engine";
import { parseSelection } from "@/lib/validation/memo";
import { route } from "@/lib/api/route";

export const GET = route({ auth: "user", params: ["team"] }, async ({ req, params, user }) => {
  const { team } = params;
  const selection = parseSelection(new URL(req.url).searchParams.getAll("s").join(","));
  const found = await loadSelection(user.id, team, selection);
  return json({
    scenarios: found.map((f) => ({
      id: f.id,
      name: f.name,
      status: f.status,
      revision: f.revision.number,
      catalogVersion: f.revision.catalogVersion?.label ?? null,
      evaluation: evaluateScenario(f.revision.input),
    })),
  });
});

// Routing (DESIGN.md, second edition, "Hybrid and routing"): a share s of requests goes to a
// self-hosted model and the rest to an API; each side is sized and priced on its share, and the
// quality is the two figures weighted by share.
import { apiMonthlyCost, type ApiCostModel } from "./api-cost";
import { REQUESTS_PER_THOUSAND } from "./constants";
import type { ConstraintFigures } from "./figures";
import type { RoutingResult } from "./result-schema";
import type { ScenarioInput } from "./schema";
import { selfHostMonthlyCost, type SelfHostCostModel } from "./self-host-cost";

export function evaluateRoutings(
  input: ScenarioInput,
  selfModels: Map<string, SelfHostCostModel>,
  apiModels: Map<string, ApiCostModel>,
  constraints: ConstraintFigures[],
): RoutingResult[] {
  const R = input.workload.requestsPerMonth;
  return input.routingOptions.map((r) => {
    const base = { id: r.id, label: r.label, selfHostId: r.selfHostId, apiId: r.apiId };
    const self = selfModels.get(r.selfHostId);
    const api = apiModels.get(r.apiId);
    if (!self || !api) return { ...base, feasible: false as const, reason: "Its self-host option does not fit the GPU." };
    const s = r.selfShare;
    const selfMonthlyCost = s > 0 ? selfHostMonthlyCost(self, R * s) : 0;
    const apiCost = s < 1 ? apiMonthlyCost(api, R * (1 - s)) : 0;
    const monthlyCost = selfMonthlyCost + apiCost;
    const qSelf = input.selfHostOptions.find((o) => o.id === r.selfHostId)?.quality ?? null;
    const qApi = input.apiOptions.find((o) => o.id === r.apiId)?.quality ?? null;
    const quality = qSelf && qApi ? s * qSelf.score + (1 - s) * qApi.score : null;
    const inUse = [...(s > 0 ? [r.selfHostId] : []), ...(s < 1 ? [r.apiId] : [])];
    return {
      ...base,
      feasible: true as const,
      selfShare: s,
      monthlyCost,
      selfMonthlyCost,
      apiMonthlyCost: apiCost,
      quality,
      perThousandSuccessful: quality && R > 0 ? ((monthlyCost / R) * REQUESTS_PER_THOUSAND) / quality : null,
      removedBy: constraints.filter((k) => k.removed.some((id) => inUse.includes(id))).map((k) => k.label),
    };
  });
}

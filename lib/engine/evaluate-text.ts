// The evaluation's reason in words: what was counted, why the recommendation stands, and where
// the breakeven lies.
import type { Evaluation, OptionResult } from "./result-schema";
import type { ScenarioInput } from "./schema";
import { formatCount } from "../format/text";
import { formatUsd } from "../format/numbers";
import type { SelfState } from "./evaluate";

export function explain(
  input: ScenarioInput,
  options: OptionResult[],
  rec: Omit<Evaluation["recommendation"], "reason">,
  breakeven: Evaluation["breakeven"],
  bestApi: string | null,
  bestSelf: string | null,
  selfStates: Map<string, SelfState>,
): string {
  const find = (id: string | null) =>
    options.find((o) => o.id === id && o.feasible) as Extract<OptionResult, { feasible: true }> | undefined;
  const api = find(bestApi);
  const self = find(bestSelf);
  const parts: string[] = [];
  const volume = `${formatCount(input.workload.requestsPerMonth)} requests a month`;
  if (api && self) {
    const cheaper = self.monthlyCost < api.monthlyCost ? self : api;
    const dearer = cheaper === self ? api : self;
    const share = dearer.monthlyCost > 0 ? Math.round(((dearer.monthlyCost - cheaper.monthlyCost) / dearer.monthlyCost) * 100) : 0;
    const counted = countedParts(selfStates.get(self.id));
    parts.push(
      `At ${volume}, ${cheaper.label} costs ${formatUsd(cheaper.monthlyCost)} a month against ${formatUsd(dearer.monthlyCost)} for ${dearer.label} (${share}% less)${counted ? `, with ${counted} counted on the self-host side` : ", counting GPU time alone on the self-host side"}.`,
    );
    const be = breakeven.find((b) => b.selfHostId === self.id);
    if (be) parts.push(breakevenSentence(be, options));
    if (rec.economic.closeCall)
      parts.push(
        `The two are within ${Math.round(input.settings.closeCallMargin * 100)}%, a close call: the API keeps the freedom to switch models without re-provisioning.`,
      );
  } else if (api || self) {
    const only = (api ?? self)!;
    parts.push(
      `Only ${only.kind === "api" ? "API" : "self-host"} options were priced; the cheapest is ${only.label} at ${formatUsd(only.monthlyCost)} a month for ${volume}.`,
    );
  }
  if (rec.overriddenBy.length && rec.overrideMonthlyCost !== null) {
    const cost = rec.overrideMonthlyCost;
    parts.push(
      `${rec.overriddenBy.map((o) => `"${o.label}"`).join(" and ")} override${rec.overriddenBy.length > 1 ? "" : "s"} the economics: ${cost >= 0 ? `it costs ${formatUsd(cost)} a month more` : `it happens to save ${formatUsd(-cost)} a month`} than the cheapest option it rules out.`,
    );
  }
  if (rec.outcome === "infeasible") parts.push(rec.conflicts.join(" "));
  return parts.join(" ");
}

/** The self-host costs beside GPU time that the option actually carries, in words ("" when none). */
export function countedParts(state: SelfState | undefined): string {
  if (!state) return "";
  const m = state.model;
  const parts: string[] = [];
  if (m.engineeringFte > 0) parts.push("engineering time");
  if (m.overheadShare > 0 || m.overheadFixed > 0) parts.push("infrastructure overhead");
  if (m.setupEngineerWeeks > 0) parts.push("set-up");
  if (m.switchesPerYear * m.weeksPerSwitch > 0) parts.push("model switches");
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

export function breakevenSentence(be: Evaluation["breakeven"][number], options: OptionResult[]): string {
  const label = (id: string) => options.find((o) => o.id === id)?.label ?? id;
  const against = be.perApi.length > 1 ? "every listed API" : label(be.apiId);
  const f = be.fullyLoaded;
  const g = be.gpuOnly;
  const full = !f.reached
    ? `Fully loaded, self-hosting does not break even against ${against} (${f.reason.replace(/\.$/, "")})`
    : f.everyVolume
      ? `Fully loaded, self-hosting costs no more than ${against} at any volume`
      : `Fully loaded, self-hosting costs no more than ${against} from ${formatCount(f.requestsPerMonth)} requests a month${be.perApi.length > 1 ? ` (${label(be.apiId)} is the last to be overtaken)` : ""}`;
  const gpu = !g.reached
    ? `counting GPUs alone it does not${f.reached ? "" : " either"}`
    : g.everyVolume
      ? "counting GPUs alone it never costs more"
      : `counting GPUs alone, as simple calculators do, it would from ${formatCount(g.requestsPerMonth)}`;
  return `${full}; ${gpu}.`;
}

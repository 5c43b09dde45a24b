// The engine's text: it words an evaluation's numbers and codes (figures.ts) into the sentences
// screens, memos, API responses and summaries show. This file words the recommendation,
// constraints, breakevens and triggers; describe-options.ts each option (its sizing and, through
// describe-lines.ts, its cost lines). Nothing here changes a figure, and no other engine module
// writes a sentence.
import { effectiveApiPrices } from "./api-cost";
import type { Breakeven } from "./breakeven";
import type { CheckWhy, PlainCheck, Verdict } from "./constraints";
import type { BreakevenFigures, EvaluationFigures, OptionFigures, RecommendationFigures } from "./figures";
import { mixById, type Mix } from "./hybrid";
import { describeOption } from "./describe-options";
import { qualityWarnings } from "./quality";
import type { Evaluation, Recommendation } from "./result-schema";
import type { ScenarioInput, SelfHostOption } from "./schema";
import { INPUT_LABELS } from "./sensitivity";
import type { Trigger } from "./triggers";
import { formatCount, plural } from "../format/text";
import { formatShare, formatUsd, groupDigits } from "../format/numbers";

export function describeEvaluation(input: ScenarioInput, f: EvaluationFigures): Evaluation {
  const described: Described = {
    options: f.options.map((o) => describeOption(input, o)),
    breakeven: f.breakeven.map(describeBreakevens),
    constraints: f.constraints.map((c) => ({
      ...c,
      checks: c.checks.map(({ optionId, verdict, why }) => ({ optionId, verdict, detail: checkDetail(verdict, why) })),
    })),
  };
  return {
    ...f,
    options: described.options,
    breakeven: described.breakeven,
    triggers: f.triggers.map((t) => ({ ...t, text: triggerText(input, f, t) })),
    constraints: described.constraints,
    recommendation: describeRecommendation(input, f, described),
  };
}

/** The parts of the evaluation already worded, which the recommendation's sentences quote. */
type Described = Pick<Evaluation, "options" | "breakeven" | "constraints">;

function describeRecommendation(input: ScenarioInput, f: EvaluationFigures, d: Described): Recommendation {
  const r = f.recommendation;
  const conflicts = r.outcome === "infeasible" ? conflictTexts(d) : [];
  const single = explain(input, f.options, r, conflicts, d.breakeven);
  const mix = r.replaced && r.optionId ? mixById(f.hybrid, f.routing, r.optionId) : undefined;
  return {
    outcome: r.outcome,
    optionId: r.optionId,
    label: r.label,
    monthlyCost: r.monthlyCost,
    economic: r.economic,
    overriddenBy: r.overriddenBy,
    overrideMonthlyCost: r.overrideMonthlyCost,
    conflicts,
    headline: recommendationHeadline(r),
    warnings: warningTexts(input, f, d),
    reason: mix && r.replaced ? `${mixSentence(mix, r.replaced)} Among the single options: ${single}` : single,
  };
}

/** The recommendation in one line: the pick, its monthly cost and what decided it. */
export function recommendationHeadline(r: RecommendationFigures): string {
  const side = r.outcome === "api" ? "Use the API" : "Self-host";
  const cost = `${formatUsd(r.monthlyCost ?? 0)}/month`;
  if (r.outcome === "infeasible") return "No option meets every constraint: the scenario is infeasible as stated.";
  if (r.outcome === "hybrid") return `Hybrid: ${r.label} at ${cost}.`;
  if (r.overriddenBy.length) {
    const by = r.overriddenBy.map((o) => `"${o.label}"`).join(" and ");
    return `${side}: ${r.label} at ${cost}, because ${by} rule${r.overriddenBy.length > 1 ? "" : "s"} out ${r.economic.label}.`;
  }
  if (r.closeCall)
    return `Close call: use the API (${r.label}, ${cost}); self-hosting is within ${Math.round(r.closeCallMargin * 100)}% and would cost flexibility.`;
  return `${side}: ${r.label} at ${cost}.`;
}

/** Ties, soft constraints an option misses, quality left unmeasured, and a mix the close-call margin kept out. */
function warningTexts(input: ScenarioInput, f: EvaluationFigures, d: Described): string[] {
  const label = (id: string) => f.options.find((o) => o.id === id)?.label ?? id;
  const r = f.recommendation;
  const ties = r.ties.map(
    (t) =>
      `${label(t.takenId)} and ${t.tiedIds.map(label).join(" and ")} cost the same to the cent; ${label(t.takenId)} is taken because it is listed first.`,
  );
  const soft = d.constraints
    .filter((c) => !c.hard)
    .flatMap((c) => c.checks.filter((k) => k.verdict !== "pass").map((k) => `${label(k.optionId)}: ${c.label} — ${k.detail}`));
  const kept = r.mixKeptOut === null ? undefined : mixById(f.hybrid, f.routing, r.mixKeptOut);
  const mix =
    kept && r.monthlyCost !== null
      ? [`${mixSentence(kept, { label: r.label, monthlyCost: r.monthlyCost })} That is within the close-call margin, so the API is kept.`]
      : [];
  return [...ties, ...soft, ...qualityWarnings(input), ...mix];
}

const CHECK_TEXT: Record<PlainCheck, string> = {
  "api-inside": "Deployed inside our infrastructure.",
  "api-outside": "Requests are sent to the provider's infrastructure.",
  owned: "Runs on servers we own, in our facility.",
  "on-prem": "Runs on hardware in our own facility.",
  "dedicated-assumed": "Single-tenant hardware in the provider's cloud, counted as our infrastructure by the team's stated assumption.",
  dedicated: "Single-tenant hardware, but in the provider's data centre: not our infrastructure unless the team says so.",
  "shared-cloud": "Shared cloud GPUs in the provider's data centre.",
  community: "A community marketplace: the hosts are third parties.",
  "no-regions": "No processing regions are recorded for this option.",
  "global-endpoint": "A global endpoint: requests may be processed in any region. Choose a regional endpoint.",
  "we-retain": "We decide what is retained.",
  "provider-zdr": "The provider offers zero data retention.",
  "provider-retains": "The provider retains request data.",
  "zdr-unknown": "Zero data retention is not verified for this provider.",
  "no-ttft": "No time-to-first-token figure is recorded for this API.",
  "does-not-fit": "The model does not fit the GPU, so no latency can be estimated.",
  "no-speed": "No output speed is recorded for this option.",
  "no-quality": "No quality figure is recorded for this option.",
  "team-pass": "Marked as met by the team.",
  "team-fail": "Marked as not met by the team.",
  "team-unknown": "The team has not assessed this option.",
};

/** A constraint check's verdict in a sentence. */
function checkDetail(verdict: Verdict, why: CheckWhy): string {
  const failed = verdict === "fail";
  switch (why.code) {
    case "regions-allowed":
      return `Can run in ${why.regions.join(", ")}.`;
    case "regions-other":
      return `Runs only in ${why.regions.join(", ")}.`;
    case "certifications-missing":
      return `Not verified: ${why.certifications.join(", ")}.`;
    case "certifications-held":
      return `Holds ${why.certifications.join(", ")}.`;
    case "tier-no-latency":
      return `The ${why.tier} tier makes no latency commitment: requests may wait or be refused when the provider is busy.`;
    case "median-over":
      return `Even the median is ${groupDigits(why.p50Ms)} ms (p50 + network round trip), over the budget.`;
    case "median-only":
      return `Only a median is recorded (${groupDigits(why.p50Ms)} ms with the network round trip); the budget is on the 95th percentile.`;
    case "api-p95":
      return failed
        ? `p95 ${groupDigits(why.p95Ms)} ms exceeds the budget.`
        : `p95 ${groupDigits(why.p95Ms)} ms (provider's p95 + network round trip).`;
    case "self-p95": {
      const detail = `p95 about ${groupDigits(why.p95Ms)} ms at today's peak (p50 ${groupDigits(why.p50Ms)} ms: queueing, prefill, first token and round trip)`;
      return failed ? `${detail} exceeds the budget.` : `${detail}.`;
    }
    case "speed":
      return `${Math.round(why.tokensPerS)} tokens/s per stream${failed ? " is too slow" : ""}.`;
    case "quality": {
      const shown = `${formatShare(why.score)} (${why.basis === "team-evaluation" ? "team evaluation" : "public benchmark"}: ${why.source})`;
      return failed ? `${shown} is below the minimum.` : `${shown}.`;
    }
    default:
      return CHECK_TEXT[why.code];
  }
}

/** What a mix saves against the single option it would replace, in a sentence. */
function mixSentence(mix: Mix, single: { label: string | null; monthlyCost: number }): string {
  const how =
    mix.replicas === null
      ? `${formatShare(mix.selfShare)} of requests self-hosted, the rest to the API`
      : `${plural(mix.replicas, "replica")} serve ${formatShare(mix.selfShare)} of requests and the API takes the peaks`;
  return `${mix.label} costs ${formatUsd(mix.monthlyCost)} a month, ${formatUsd(single.monthlyCost - mix.monthlyCost)} less than ${single.label}: ${how}.`;
}

/** Why each option is out, when none is left. */
function conflictTexts(d: Described): string[] {
  return d.options.map((o) => {
    if (!o.feasible) return `${o.label}: ${o.reason}`;
    const by = d.constraints.filter((c) => c.removed.includes(o.id)).map((c) => `"${c.label}"`);
    return `${o.label}: removed by ${by.join(" and ")}.`;
  });
}

function describeBreakevens(e: BreakevenFigures): Evaluation["breakeven"][number] {
  return {
    ...e,
    fullyLoaded: describeBreakeven(e.fullyLoaded),
    gpuOnly: describeBreakeven(e.gpuOnly),
    perApi: e.perApi.map((p) => ({ ...p, fullyLoaded: describeBreakeven(p.fullyLoaded), gpuOnly: describeBreakeven(p.gpuOnly) })),
  };
}

function describeBreakeven(b: Breakeven): Evaluation["breakeven"][number]["fullyLoaded"] {
  if (b.reached) return b;
  const usd = (perMillion: number) => `$${perMillion.toFixed(3)}`;
  const reason =
    b.why === "free-api"
      ? "The API option costs nothing per request, so volume never makes self-hosting cheaper."
      : b.why === "marginal"
        ? `Self-hosting's marginal cost (${usd(b.selfPerMillionTokens)} per 1M tokens at ${Math.round(b.utilisation * 100)}% utilisation) is not below the API's (${usd(b.apiPerMillionTokens)} per 1M tokens): it never catches up.`
        : `Not reached up to 10^13 tokens/month (${b.maxRequests.toExponential(2)} requests).`;
  return { reached: false, basis: b.basis, reason };
}

/** The recommendation's reason: what was counted, why it stands and where the breakeven lies. */
function explain(
  input: ScenarioInput,
  options: OptionFigures[],
  rec: RecommendationFigures,
  conflicts: string[],
  breakeven: Evaluation["breakeven"],
): string {
  const bestApi = rec.economic.cheapestApiId;
  const bestSelf = rec.economic.cheapestSelfHostId;
  const find = (id: string | null) =>
    options.find((o) => o.id === id && o.feasible) as Extract<OptionFigures, { feasible: true }> | undefined;
  const api = find(bestApi);
  const self = find(bestSelf);
  const parts: string[] = [];
  const volume = `${formatCount(input.workload.requestsPerMonth)} requests a month`;
  if (api && self) {
    const cheaper = self.monthlyCost < api.monthlyCost ? self : api;
    const dearer = cheaper === self ? api : self;
    const share = dearer.monthlyCost > 0 ? Math.round(((dearer.monthlyCost - cheaper.monthlyCost) / dearer.monthlyCost) * 100) : 0;
    const counted = countedParts(input.selfHostOptions.find((o) => o.id === self.id));
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
  if (rec.outcome === "infeasible") parts.push(conflicts.join(" "));
  return parts.join(" ");
}

/** The self-host costs beside GPU time that the option actually carries, in words ("" when none). */
function countedParts(option: SelfHostOption | undefined): string {
  if (!option) return "";
  const o = option.overhead;
  const overhead = o.mode === "percent" ? o.percentOfGpu : o.networking + o.storage + o.loadBalancing + o.observability;
  const parts: string[] = [];
  if (option.engineeringFte > 0) parts.push("engineering time");
  if (overhead > 0) parts.push("infrastructure overhead");
  if (option.setupEngineerWeeks > 0) parts.push("set-up");
  if (option.modelSwitchesPerYear * option.weeksPerSwitch > 0) parts.push("model switches");
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

function breakevenSentence(be: Evaluation["breakeven"][number], options: OptionFigures[]): string {
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

function triggerText(input: ScenarioInput, f: EvaluationFigures, t: Trigger): string {
  if (t.input === "volume")
    return t.direction === "above"
      ? `Self-hosting wins from ${formatCount(t.absolute)} requests/month, against every listed API.`
      : `The cheapest API wins below ${formatCount(t.absolute)} requests/month.`;
  return `${t.winnerAfter === "api" ? "The API" : "Self-hosting"} wins ${t.direction} ${triggerValue(input, f, t)}.`;
}

/** A trigger's flip point as a reader knows the quantity. */
function triggerValue(input: ScenarioInput, f: EvaluationFigures, t: Trigger): string {
  switch (t.input) {
    case "gpuPrice":
      return t.unit === "US$ per server"
        ? `$${groupDigits(t.absolute)} per server (price and installation)`
        : `$${t.absolute.toFixed(2)} per GPU-hour`;
    case "tokenPrice": {
      const api = input.apiOptions.find((o) => o.id === f.comparison?.apiId);
      const output = api ? effectiveApiPrices(api, input.workload).output * t.value : 0;
      return `${Math.round(t.value * 100)}% of today's API prices (output $${output.toFixed(2)} per 1M tokens)`;
    }
    case "throughput":
      return `${groupDigits(t.absolute)} output tokens/s per replica`;
    case "engineeringFte":
      return `${t.absolute.toFixed(2)} FTE of self-host engineering`;
    case "apiCacheRead":
    case "selfCacheHit":
    case "utilisation":
      return `${(t.value * 100).toFixed(0)}% ${INPUT_LABELS[t.input].toLowerCase()}`;
    case "salary":
      return `$${groupDigits(t.value)} per engineer-year`;
    case "peak":
      return `a peak-to-average ratio of ${t.value.toFixed(1)}`;
    default:
      return String(t.value);
  }
}

// Compliance, latency and custom constraints, checked against each option. An attribute nobody
// verified counts as "not verified", never as satisfied: a hard constraint removes the option.
import { formatShare, groupDigits } from "../format/numbers";
import type { ApiOption, Constraint, SelfHostOption } from "./schema";

export type Verdict = "pass" | "fail" | "not-verified";

/** Verdict reasons that need no figures beside them. */
export type PlainCheck =
  | "api-inside"
  | "api-outside"
  | "owned"
  | "on-prem"
  | "dedicated-assumed"
  | "dedicated"
  | "shared-cloud"
  | "community"
  | "no-regions"
  | "global-endpoint"
  | "we-retain"
  | "provider-zdr"
  | "provider-retains"
  | "zdr-unknown"
  | "no-ttft"
  | "does-not-fit"
  | "no-speed"
  | "no-quality"
  | "team-pass"
  | "team-fail"
  | "team-unknown";

/** Why an option got its verdict, as a code and the figures behind it; describe.ts words it. */
export type CheckWhy =
  | { code: PlainCheck }
  | { code: "regions-allowed" | "regions-other"; regions: string[] }
  | { code: "certifications-missing" | "certifications-held"; certifications: string[] }
  | { code: "tier-no-latency"; tier: string }
  | { code: "median-over" | "median-only"; p50Ms: number }
  | { code: "api-p95"; p95Ms: number }
  | { code: "self-p95"; p95Ms: number; p50Ms: number }
  | { code: "speed"; tokensPerS: number }
  | { code: "quality"; score: number; basis: "team-evaluation" | "public-benchmark"; source: string };

export type ConstraintCheck = { constraintId: string; optionId: string; verdict: Verdict; why: CheckWhy };

export type CheckedOption =
  | { kind: "api"; option: ApiOption }
  | { kind: "self-host"; option: SelfHostOption; ttft: { p50Ms: number; p95Ms: number } | null; perStreamTokensPerS: number | null };

export function constraintLabel(c: Constraint): string {
  if (c.label) return c.label;
  switch (c.kind) {
    case "data-stays-in-our-infrastructure":
      return "Data must not leave our infrastructure";
    case "allowed-regions":
      return `Data processed only in ${c.regions.join(", ")}`;
    case "certifications":
      return `Certifications required: ${c.required.join(", ")}`;
    case "zero-data-retention":
      return "Zero data retention";
    case "ttft-budget":
      return `p95 time to first token ≤ ${groupDigits(c.p95Ms)} ms`;
    case "min-output-speed":
      return `At least ${c.tokensPerSecond} output tokens/s per stream`;
    case "min-quality":
      return `Quality at least ${formatShare(c.minScore)} of tasks passed`;
    case "custom":
      return c.label;
  }
}

export function checkConstraint(c: Constraint, o: CheckedOption): ConstraintCheck {
  const r = (verdict: Verdict, why: CheckWhy): ConstraintCheck => ({ constraintId: c.id, optionId: o.option.id, verdict, why });
  switch (c.kind) {
    case "data-stays-in-our-infrastructure":
      if (o.kind === "self-host") return ourInfrastructure(o.option, r);
      return o.option.attributes.inOurInfrastructure ? r("pass", { code: "api-inside" }) : r("fail", { code: "api-outside" });
    case "allowed-regions": {
      const regions = o.kind === "api" ? o.option.attributes.regions : o.option.gpu.regions;
      if (regions.length === 0) return r("not-verified", { code: "no-regions" });
      // "global" is an endpoint that may process a request anywhere: only an allowed "global" admits it.
      if (regions.includes("global") && !c.regions.includes("global")) return r("fail", { code: "global-endpoint" });
      const ok = regions.filter((x) => c.regions.includes(x));
      return ok.length ? r("pass", { code: "regions-allowed", regions: ok }) : r("fail", { code: "regions-other", regions });
    }
    case "certifications": {
      const held = o.kind === "api" ? o.option.attributes.certifications : o.option.certifications;
      const missing = c.required.filter((x) => !held.includes(x));
      return missing.length
        ? r("not-verified", { code: "certifications-missing", certifications: missing })
        : r("pass", { code: "certifications-held", certifications: c.required });
    }
    case "zero-data-retention":
      if (o.kind === "self-host") return r("pass", { code: "we-retain" });
      if (o.option.attributes.zeroDataRetention === true) return r("pass", { code: "provider-zdr" });
      return o.option.attributes.zeroDataRetention === false
        ? r("fail", { code: "provider-retains" })
        : r("not-verified", { code: "zdr-unknown" });
    case "ttft-budget":
      return checkTtft(c.p95Ms, o, r);
    case "min-output-speed": {
      const speed = o.kind === "api" ? o.option.attributes.outputTokensPerSecond : o.perStreamTokensPerS;
      if (speed == null) return r("not-verified", { code: "no-speed" });
      return r(speed >= c.tokensPerSecond ? "pass" : "fail", { code: "speed", tokensPerS: speed });
    }
    case "min-quality": {
      const q = o.option.quality;
      if (q === null) return r("not-verified", { code: "no-quality" });
      return r(q.score >= c.minScore ? "pass" : "fail", { code: "quality", score: q.score, basis: q.basis, source: q.source });
    }
    case "custom": {
      const v = c.verdicts[o.option.id] ?? "unknown";
      return v === "pass"
        ? r("pass", { code: "team-pass" })
        : v === "fail"
          ? r("fail", { code: "team-fail" })
          : r("not-verified", { code: "team-unknown" });
    }
  }
}

type Check = (verdict: Verdict, why: CheckWhy) => ConstraintCheck;

// An API's budget is judged on its provider's p95 plus the network round trip; a median alone
// can only fail it. A self-hosted option is judged on its estimated p95 at today's peak.
function checkTtft(budgetMs: number, o: CheckedOption, r: Check): ConstraintCheck {
  if (o.kind === "self-host") {
    if (o.ttft == null) return r("not-verified", { code: "does-not-fit" });
    return r(o.ttft.p95Ms <= budgetMs ? "pass" : "fail", { code: "self-p95", p95Ms: o.ttft.p95Ms, p50Ms: o.ttft.p50Ms });
  }
  const tier = o.option.serviceTier;
  if (tier === "flex" || tier === "batch") return r("fail", { code: "tier-no-latency", tier });
  const { ttftP95Ms, typicalTtftMs, networkRttMs } = o.option.attributes;
  if (ttftP95Ms == null) {
    if (typicalTtftMs == null) return r("not-verified", { code: "no-ttft" });
    const p50 = typicalTtftMs + networkRttMs;
    return p50 > budgetMs ? r("fail", { code: "median-over", p50Ms: p50 }) : r("not-verified", { code: "median-only", p50Ms: p50 });
  }
  const p95 = ttftP95Ms + networkRttMs;
  return r(p95 <= budgetMs ? "pass" : "fail", { code: "api-p95", p95Ms: p95 });
}

// Only hardware in our own facility keeps data in our infrastructure; single-tenant cloud hardware
// does when the team says so (a stated assumption); shared and community GPUs never do.
function ourInfrastructure(option: SelfHostOption, r: Check): ConstraintCheck {
  if (option.hosting.kind === "owned") return r("pass", { code: "owned" });
  switch (option.gpu.tenancy) {
    case "on-prem":
      return r("pass", { code: "on-prem" });
    case "dedicated":
      return option.dedicatedIsOurInfrastructure ? r("pass", { code: "dedicated-assumed" }) : r("fail", { code: "dedicated" });
    case "shared-cloud":
      return r("fail", { code: "shared-cloud" });
    case "community":
      return r("fail", { code: "community" });
  }
}

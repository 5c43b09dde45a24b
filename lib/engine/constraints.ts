// Compliance, latency and custom constraints, checked against each option. An attribute nobody
// verified counts as "not verified", never as satisfied: a hard constraint removes the option.
import { formatShare, groupDigits } from "../format/numbers";
import type { ApiOption, Constraint, SelfHostOption } from "./schema";

export type Verdict = "pass" | "fail" | "not-verified";
export type ConstraintCheck = { constraintId: string; optionId: string; verdict: Verdict; detail: string };

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
  const r = (verdict: Verdict, detail: string): ConstraintCheck => ({ constraintId: c.id, optionId: o.option.id, verdict, detail });
  switch (c.kind) {
    case "data-stays-in-our-infrastructure":
      if (o.kind === "self-host") return ourInfrastructure(o.option, r);
      return o.option.attributes.inOurInfrastructure
        ? r("pass", "Deployed inside our infrastructure.")
        : r("fail", "Requests are sent to the provider's infrastructure.");
    case "allowed-regions": {
      const regions = o.kind === "api" ? o.option.attributes.regions : o.option.gpu.regions;
      if (regions.length === 0) return r("not-verified", "No processing regions are recorded for this option.");
      // "global" is an endpoint that may process a request anywhere: only an allowed "global" admits it.
      if (regions.includes("global") && !c.regions.includes("global"))
        return r("fail", "A global endpoint: requests may be processed in any region. Choose a regional endpoint.");
      const ok = regions.filter((x) => c.regions.includes(x));
      return ok.length ? r("pass", `Can run in ${ok.join(", ")}.`) : r("fail", `Runs only in ${regions.join(", ")}.`);
    }
    case "certifications": {
      const held = o.kind === "api" ? o.option.attributes.certifications : o.option.certifications;
      const missing = c.required.filter((x) => !held.includes(x));
      return missing.length ? r("not-verified", `Not verified: ${missing.join(", ")}.`) : r("pass", `Holds ${c.required.join(", ")}.`);
    }
    case "zero-data-retention":
      if (o.kind === "self-host") return r("pass", "We decide what is retained.");
      if (o.option.attributes.zeroDataRetention === true) return r("pass", "The provider offers zero data retention.");
      return o.option.attributes.zeroDataRetention === false
        ? r("fail", "The provider retains request data.")
        : r("not-verified", "Zero data retention is not verified for this provider.");
    case "ttft-budget": {
      if (o.kind === "api") {
        const tier = o.option.serviceTier;
        if (tier === "flex" || tier === "batch") {
          return r("fail", `The ${tier} tier makes no latency commitment: requests may wait or be refused when the provider is busy.`);
        }
        const { ttftP95Ms, typicalTtftMs, networkRttMs } = o.option.attributes;
        if (ttftP95Ms == null) {
          if (typicalTtftMs == null) return r("not-verified", "No time-to-first-token figure is recorded for this API.");
          const p50 = typicalTtftMs + networkRttMs;
          if (p50 > c.p95Ms) return r("fail", `Even the median is ${groupDigits(p50)} ms (p50 + network round trip), over the budget.`);
          return r(
            "not-verified",
            `Only a median is recorded (${groupDigits(p50)} ms with the network round trip); the budget is on the 95th percentile.`,
          );
        }
        const p95 = ttftP95Ms + networkRttMs;
        return p95 <= c.p95Ms
          ? r("pass", `p95 ${groupDigits(p95)} ms (provider's p95 + network round trip).`)
          : r("fail", `p95 ${groupDigits(p95)} ms exceeds the budget.`);
      }
      if (o.ttft == null) return r("not-verified", "The model does not fit the GPU, so no latency can be estimated.");
      const detail = `p95 about ${groupDigits(o.ttft.p95Ms)} ms at today's peak (p50 ${groupDigits(o.ttft.p50Ms)} ms: queueing, prefill, first token and round trip)`;
      return o.ttft.p95Ms <= c.p95Ms ? r("pass", `${detail}.`) : r("fail", `${detail} exceeds the budget.`);
    }
    case "min-output-speed": {
      const speed = o.kind === "api" ? o.option.attributes.outputTokensPerSecond : o.perStreamTokensPerS;
      if (speed == null) return r("not-verified", "No output speed is recorded for this option.");
      return speed >= c.tokensPerSecond
        ? r("pass", `${Math.round(speed)} tokens/s per stream.`)
        : r("fail", `${Math.round(speed)} tokens/s per stream is too slow.`);
    }
    case "min-quality": {
      const q = o.option.quality;
      if (q === null) return r("not-verified", "No quality figure is recorded for this option.");
      const shown = `${formatShare(q.score)} (${q.basis === "team-evaluation" ? "team evaluation" : "public benchmark"}: ${q.source})`;
      return q.score >= c.minScore ? r("pass", `${shown}.`) : r("fail", `${shown} is below the minimum.`);
    }
    case "custom": {
      const v = c.verdicts[o.option.id] ?? "unknown";
      return v === "pass"
        ? r("pass", "Marked as met by the team.")
        : v === "fail"
          ? r("fail", "Marked as not met by the team.")
          : r("not-verified", "The team has not assessed this option.");
    }
  }
}

// Only hardware in our own facility keeps data in our infrastructure; single-tenant cloud hardware
// does when the team says so (a stated assumption); shared and community GPUs never do.
function ourInfrastructure(option: SelfHostOption, r: (verdict: Verdict, detail: string) => ConstraintCheck): ConstraintCheck {
  if (option.hosting.kind === "owned") return r("pass", "Runs on servers we own, in our facility.");
  switch (option.gpu.tenancy) {
    case "on-prem":
      return r("pass", "Runs on hardware in our own facility.");
    case "dedicated":
      return option.dedicatedIsOurInfrastructure
        ? r("pass", "Single-tenant hardware in the provider's cloud, counted as our infrastructure by the team's stated assumption.")
        : r("fail", "Single-tenant hardware, but in the provider's data centre: not our infrastructure unless the team says so.");
    case "shared-cloud":
      return r("fail", "Shared cloud GPUs in the provider's data centre.");
    case "community":
      return r("fail", "A community marketplace: the hosts are third parties.");
  }
}

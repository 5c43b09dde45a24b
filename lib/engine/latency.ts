// Self-host time to first token at load. Prefill is treated as a queue per replica (M/M/1) at the
// replica's utilisation ρ with a service time s = prefill of one uncached prompt: the wait exceeds
// x with probability ρ·e^(−(1−ρ)·x/s), so its p-quantile is s/(1−ρ)·ln(ρ/(1−p)) when ρ > 1 − p and
// 0 otherwise. TTFT = wait + s + one decode step + in-network round trip. The queue is a stated
// simplification: it is checked against the published online-serving rows in calibration.test.ts.
import type { FitCapacity } from "./self-host-sizing";

const MAX_QUEUE_UTILISATION = 0.99; // at or above 1 the queue has no steady state

export function queueWaitQuantile(serviceSeconds: number, utilisation: number, quantile: number): number {
  const rho = Math.min(Math.max(utilisation, 0), MAX_QUEUE_UTILISATION);
  if (rho <= 1 - quantile) return 0;
  return (serviceSeconds / (1 - rho)) * Math.log(rho / (1 - quantile));
}

/** Mean wait of the same queue: ρ·s/(1−ρ). */
export function queueWaitMean(serviceSeconds: number, utilisation: number): number {
  const rho = Math.min(Math.max(utilisation, 0), MAX_QUEUE_UTILISATION);
  return (rho * serviceSeconds) / (1 - rho);
}

export type Ttft = { p50Ms: number; p95Ms: number };

export function ttftAtLoad(c: Pick<FitCapacity, "prefillSeconds" | "stepSeconds">, utilisation: number, networkRttMs: number): Ttft {
  const at = (q: number) => (queueWaitQuantile(c.prefillSeconds, utilisation, q) + c.prefillSeconds + c.stepSeconds) * 1000 + networkRttMs;
  return { p50Ms: at(0.5), p95Ms: at(0.95) };
}

// Calibration of the roofline and of the time-to-first-token approximation against published and
// observed serving runs (points and sources: lib/catalog/calibration.ts; the table and the fit:
// docs/decisions/0002-roofline-calibration.md, printed by `npm run calibrate`).
import { describe, expect, test } from "vitest";
import { estimateThroughput, latencyPoints, throughputPoints } from "../catalog/calibration";
import { GPU_SPECS, REFERENCE_OPEN_MODELS } from "../catalog/reference-catalog";
import { kvCacheOf } from "../catalog/templates";
import { SelfHostOptionSchema } from "./schema";
import { roofline, sequencesThatFit } from "./roofline";

const WITHIN = 1.5;
const NONE_ABOVE = 1.6;
const SHARE_WITHIN = 0.9;
const TTFT_WITHIN = 1.5;

const points = throughputPoints().map((p) => ({ ...p, ratio: estimateThroughput(p) / p.measured }));
const factor = (r: number) => Math.max(r, 1 / r);

describe("roofline against published and measured throughput", () => {
  test("the reference data holds fitted and held-out points", () => {
    expect(points.length).toBeGreaterThanOrEqual(25);
    expect(points.filter((p) => p.heldOut).length).toBeGreaterThanOrEqual(7);
  });

  test(`at least ${SHARE_WITHIN * 100}% of all points within ×${WITHIN}`, () => {
    const within = points.filter((p) => factor(p.ratio) <= WITHIN);
    expect(within.length / points.length).toBeGreaterThanOrEqual(SHARE_WITHIN);
  });

  test.each(points.map((p) => [p.id, p] as const))(`%s is within ×${NONE_ABOVE}`, (_id, p) => {
    expect(factor(p.ratio)).toBeLessThanOrEqual(NONE_ABOVE);
  });

  test(`held-out points are within ×${NONE_ABOVE} too, most within ×${WITHIN}`, () => {
    const held = points.filter((p) => p.heldOut);
    expect(held.every((p) => factor(p.ratio) <= NONE_ABOVE)).toBe(true);
    expect(held.filter((p) => factor(p.ratio) <= WITHIN).length).toBeGreaterThanOrEqual(held.length - 1);
  });
});

describe("tensor parallelism", () => {
  // At full load, once memory no longer limits the batch, more GPUs per replica never raise
  // throughput per GPU (all-reduce costs grow with the degree). Two exceptions are real and kept:
  // a memory-starved small degree (the published 70B rows: 1 GPU 840 tokens/s, 2 GPUs 4,391), and
  // a tight latency target, under which a wider replica's shorter steps admit a larger batch.
  const cases = REFERENCE_OPEN_MODELS.flatMap((m) =>
    Object.values(GPU_SPECS).flatMap((g) => (["bf16", "fp8"] as const).map((precision) => ({ m, g, precision }))),
  );
  test.each(cases.map((c) => [`${c.m.name} ${c.precision} on ${c.g.gpuType}`, c] as const))(
    "%s: throughput per GPU does not rise with the degree",
    (_label, { m, g, precision }) => {
      const { sourceUrl: _s, ...model } = m;
      const option = SelfHostOptionSchema.parse({
        id: "x",
        label: "x",
        model: { ...model, kvCache: kvCacheOf(m) },
        weightPrecision: precision,
        gpu: { provider: "x", ...g, pricePerGpuHour: 1 },
      });
      let compared = 0;
      for (const t of [1, 2, 4, 8, 16, 32]) {
        if (sequencesThatFit(option, t, 1000) < 1) continue;
        const small = roofline(option, t, 1000, 0);
        const large = roofline(option, 2 * t, 1000, 0);
        if (small.batchBoundBy === "memory") continue;
        expect(large.decodeTokensPerS / (2 * t)).toBeLessThanOrEqual((small.decodeTokensPerS / t) * (1 + 1e-9));
        compared++;
      }
      expect(compared, "at least one degree is compared unstarved").toBeGreaterThan(0);
    },
  );

  test("70B fp8 on H100: measured scaling from 2 to 8 GPUs is 2.6×; the estimate stays below 3.5×", () => {
    const t = (id: string) => points.find((p) => p.id === id)!;
    expect(t("T06").measured / t("T04").measured).toBeCloseTo(2.6, 1);
    const estimated = estimateThroughput(t("T06")) / estimateThroughput(t("T04"));
    expect(estimated).toBeLessThan(3.5);
    expect(estimated).toBeGreaterThan(2);
  });
});

describe("time to first token at load against the online-serving rows", () => {
  const rows = latencyPoints();
  test("both online rows are there", () => expect(rows.length).toBe(2));
  test.each(rows.map((r) => [r.id, r] as const))(`%s: the queueing estimate is within ×${TTFT_WITHIN} of the published mean`, (_id, r) => {
    expect(factor(r.estimatedTtftMs / r.measuredTtftMs)).toBeLessThanOrEqual(TTFT_WITHIN);
  });
});

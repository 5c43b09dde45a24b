import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { applyDifference, bySection, differences, mergeChanges } from "./differences";

const example = () => JSON.parse(readFileSync("lib/engine/examples/chat-assistant-8b.json", "utf8"));

test("a changed workload field reads in the editor's words and units", () => {
  const a = example();
  const b = example();
  b.workload.outputTokensPerRequest = 400;
  b.workload.apiCacheReadShare = 0.25;
  b.apiOptions[1].prices.inputPerM = 0.2;
  const d = differences(a, b);
  expect(d).toContainEqual(
    expect.objectContaining({
      section: "Workload",
      label: "Output tokens per request",
      from: `${a.workload.outputTokensPerRequest} tokens`,
      to: "400 tokens",
    }),
  );
  expect(d).toContainEqual(expect.objectContaining({ label: "API cache-read share", to: "25%" }));
  expect(d).toContainEqual(
    expect.objectContaining({ section: `API option “${a.apiOptions[1].label}”`, label: "Input price", to: "$0.2/1M tokens" }),
  );
  expect(d).toHaveLength(3);
  expect(bySection(d).map((g) => g.section)).toEqual(["Workload", `API option “${a.apiOptions[1].label}”`]);
});

test("options are matched by id: reordering changes nothing, removing one is one line", () => {
  const a = example();
  const b = example();
  b.apiOptions.reverse();
  expect(differences(a, b)).toEqual([]);
  const removed = b.apiOptions.shift();
  const d = differences(a, b);
  expect(d).toEqual([expect.objectContaining({ kind: "removed", label: `API option “${removed.label}”`, to: "removed" })]);
});

test("constraints read as their rule", () => {
  const a = example();
  const b = example();
  b.constraints = [...(b.constraints ?? []), { id: "ttft", kind: "ttft-budget", p95Ms: 500 }];
  expect(differences(a, b)).toEqual([
    expect.objectContaining({ section: "Constraints", label: "Constraint “p95 time to first token within a budget”", kind: "added" }),
  ]);
  const c = structuredClone(b);
  c.constraints.at(-1).p95Ms = 800;
  expect(differences(b, c)).toEqual([
    expect.objectContaining({ label: "p95 time to first token within a budget: ttft budget, p95", from: "500 ms", to: "800 ms" }),
  ]);
});

test("applying every difference of a to b turns a into b", () => {
  const a = example();
  const b = example();
  b.workload.requestsPerMonth = 123_456;
  b.apiOptions[0].attributes = { ...(b.apiOptions[0].attributes ?? {}), regions: ["eu", "us"] };
  b.selfHostOptions[0].targetUtilisation = 0.6;
  delete b.selfHostOptions[1].failoverReplicas;
  a.selfHostOptions[1].failoverReplicas = 2;
  b.apiOptions.splice(1, 1);
  b.constraints = [{ id: "zdr", kind: "zero-data-retention" }];
  const d = differences(a, b);
  expect(d.length).toBeGreaterThanOrEqual(5);
  const applied = d.reduce((x, diff) => applyDifference(x, b, diff), a);
  expect(differences(applied, b)).toEqual([]);
  expect(a.workload.requestsPerMonth).toBe(example().workload.requestsPerMonth); // the base was not changed
});

test("a three-way merge keeps their changes and applies the chosen ones of mine", () => {
  const base = example();
  const theirs = example();
  theirs.workload.requestsPerMonth = 9_000_000;
  theirs.workload.outputTokensPerRequest = 500;
  const mine = example();
  mine.workload.outputTokensPerRequest = 350;
  mine.workload.horizonMonths = 18;
  mine.apiOptions.splice(0, 1);
  const all = mergeChanges(base, mine, theirs);
  expect(all.workload.requestsPerMonth).toBe(9_000_000); // theirs, untouched by me
  expect(all.workload.outputTokensPerRequest).toBe(350); // both changed: mine kept
  expect(all.workload.horizonMonths).toBe(18);
  expect(all.apiOptions.map((o: { id: string }) => o.id)).toEqual(mine.apiOptions.map((o: { id: string }) => o.id));
  const some = mergeChanges(base, mine, theirs, (d) => d.key !== "workload.outputTokensPerRequest");
  expect(some.workload.outputTokensPerRequest).toBe(500); // theirs, where I chose theirs
  expect(some.workload.horizonMonths).toBe(18);
  expect(theirs.workload.horizonMonths).toBe(base.workload.horizonMonths); // inputs untouched
});

test("hybrid and routing options, tenancy and pricing terms read in words", () => {
  const a = example();
  const b = example();
  const selfHostId = a.selfHostOptions[0].id;
  const apiId = a.apiOptions[0].id;
  b.hybridOptions = [{ id: "hy", label: "Base on replicas", selfHostId, apiId }];
  b.routingOptions = [{ id: "ro", label: "Half and half", selfHostId, apiId, selfShare: 0.5 }];
  b.selfHostOptions[0].gpu.tenancy = "on-prem";
  b.selfHostOptions[0].pricing = { kind: "spot", discount: 0.6, interruptionRate: 0.05 };
  const d = differences(a, b);
  expect(d).toContainEqual(expect.objectContaining({ kind: "added", label: "Hybrid option “Base on replicas”", section: "Options" }));
  expect(d).toContainEqual(expect.objectContaining({ kind: "added", label: "Routing option “Half and half”" }));
  expect(d).toContainEqual(expect.objectContaining({ label: "Tenancy", to: "on-prem" }));
  expect(d).toContainEqual(expect.objectContaining({ label: "Interrupted GPU time", to: "5%" }));
  let merged = a;
  for (const x of d) merged = applyDifference(merged, b, x);
  expect(differences(merged, b)).toEqual([]);
});

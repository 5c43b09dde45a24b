// The command-line evaluator as a CI job runs it: exit codes and output.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = mkdtempSync(path.join(os.tmpdir(), "evaluate-cli-"));
const run = (...args: string[]) => spawnSync("npx", ["tsx", "scripts/bin/evaluate.ts", ...args], { encoding: "utf8" });
const example = "lib/engine/examples/agent-platform-70b.json";

describe("npm run evaluate", { timeout: 60_000 }, () => {
  it("guards a decision: exit 0 while the recommendation holds, 3 when a volume change flips it", () => {
    // The regulated example without its constraints: at 1.5M requests the API is cheaper; at ten
    // times the volume self-hosting is (its envelope breakeven is near 3.2M).
    const open = JSON.parse(readFileSync("lib/engine/examples/regulated-in-house.json", "utf8"));
    open.constraints = [];
    const openFile = path.join(dir, "open.json");
    writeFileSync(openFile, JSON.stringify(open));
    const saved = path.join(dir, "saved.json");
    const first = run(openFile, "--samples", "0");
    expect(first.status).toBe(0);
    writeFileSync(saved, first.stdout);
    const same = run(openFile, "--fail-if-recommendation-changes", saved);
    expect(same.status).toBe(0);
    expect(same.stdout).toMatch(/Recommendation unchanged/);
    const grown = { ...open, workload: { ...open.workload, requestsPerMonth: open.workload.requestsPerMonth * 10 } };
    const grownFile = path.join(dir, "grown.json");
    writeFileSync(grownFile, JSON.stringify(grown));
    const flipped = run(grownFile, "--fail-if-recommendation-changes", saved);
    expect(flipped.status).toBe(3);
    expect(flipped.stderr).toMatch(/Recommendation changed: was "Use the API.*", now "Self-host/);
  });

  it("prints a hybrid option's chosen replica count and a routing option's split in the summary", () => {
    const base = JSON.parse(readFileSync("lib/engine/examples/chat-assistant-8b.json", "utf8"));
    const selfHostId = base.selfHostOptions[0].id;
    const apiId = base.apiOptions[0].id;
    const file = path.join(dir, "mix.json");
    writeFileSync(
      file,
      JSON.stringify({
        ...base,
        hybridOptions: [{ id: "hy", label: "Base on replicas", selfHostId, apiId }],
        routingOptions: [{ id: "ro", label: "Half and half", selfHostId, apiId, selfShare: 0.5 }],
      }),
    );
    const out = run(file, "--summary", "--samples", "0");
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(
      /^Base on replicas: (no replicas|\d+ replicas?) .*\$[\d,]+ a month \(all API \$[\d,]+; all self-hosted \$[\d,]+\)\./m,
    );
    expect(out.stdout).toMatch(/^Half and half: 50% of requests to .* and the rest to .*, \$[\d,]+ a month\./m);
  });

  it("compares scenario files side by side", () => {
    const out = run(
      "--compare",
      "lib/engine/examples/chat-assistant-8b.json",
      "lib/engine/examples/regulated-in-house.json",
      "--samples",
      "0",
    );
    expect(out.status).toBe(0);
    expect(out.stdout).toContain("8B chat assistant");
    expect(out.stdout).toContain("Regulated internal assistant");
    expect(out.stdout).toMatch(/different recommendations|Same recommendation/);
    const json = run(
      "--compare",
      "lib/engine/examples/chat-assistant-8b.json",
      "lib/engine/examples/regulated-in-house.json",
      "--json",
      "--samples",
      "0",
    );
    expect(JSON.parse(json.stdout)).toHaveLength(2);
  });

  it("reports bad input and bad usage with distinct exit codes", () => {
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ workload: { requestsPerMonth: -1 } }));
    const invalid = run(bad);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain("workload.requestsPerMonth");
    expect(run("--compare", example).status).toBe(2);
    expect(run(example, "--fail-if-recommendation-changes").status).toBe(2);
  });

  it("--usage: evaluates with the workload of a usage export, refuses a file with bad rows until told, prints the derived usage alone", () => {
    const evaluated = run(example, "--usage", "lib/usage/fixtures/generic-usage.csv", "--samples", "0");
    expect(evaluated.status).toBe(0);
    expect(evaluated.stderr).toMatch(
      /Workload from lib\/usage\/fixtures\/generic-usage.csv \(2026-11-02 to 2026-11-03, 5 rows\): 76 requests a month, 1500 input and 230 output tokens a request, peak 1.14× over 2 active hours/,
    );
    expect(JSON.parse(evaluated.stdout).recommendation.outcome).toBeTruthy();

    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, readFileSync("lib/usage/fixtures/generic-usage.csv", "utf8") + "2026-11-03T09:00:00Z,m,-1,0,5\n");
    const refused = run(example, "--usage", bad);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/line 7, input_tokens: -1 is negative/);
    expect(run(example, "--usage", bad, "--accept-bad-rows", "--samples", "0").status).toBe(0);

    const anthropic = run("--usage", "lib/usage/fixtures/anthropic-usage-report.json");
    expect(anthropic.status).toBe(1);
    expect(anthropic.stderr).toMatch(/no request counts: give --requests-per-month/);
    const derived = run("--usage", "lib/usage/fixtures/anthropic-usage-report.json", "--requests-per-month", "30000");
    expect(derived.status).toBe(0);
    expect(JSON.parse(derived.stdout).workload).toMatchObject({ requestsPerMonth: 30000, inputTokensPerRequest: 1724 });
  });
});

// The bench's re-pricing sections, each run as a child process (lib/data needs the react-server
// condition) that prints one JSON line: re-pricing in one process (reprice.ts) and as jobs across
// app instances (jobs.ts). Each returns its table rows and adds its notes.
import { spawnSync } from "node:child_process";

export type Row = { name: string; median: number; p90: number; runs: number; unit: "µs" | "ms"; target?: string; spread?: string };
type Format = (v: number) => string;

const NO_POSTGRES = "skipped (set TEST_DATABASE_URL to a local PostgreSQL, as .ci/run does)";

/** Runs a bench script with the react-server condition; its last output line as JSON, or null (with a note saying why). */
function childJson<T>(script: string, args: string[], what: string, notes: string[]): T | null {
  const child = spawnSync("npx", ["tsx", "--conditions=react-server", script, ...args], {
    encoding: "utf8",
    env: process.env,
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = child.stdout.trim().split("\n").at(-1) ?? "";
  if (child.status === 0 && line.startsWith("{")) return JSON.parse(line) as T;
  notes.push(`${what}: failed: ${(child.stderr || child.stdout).trim().split("\n").slice(-3).join(" ")}`);
  return null;
}

type RepriceResult = {
  count: number;
  seconds: number;
  insertSeconds: number;
  processed: number;
  changed: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  probes: number;
  probeP50Ms: number;
  probeP95Ms: number;
  probeMaxMs: number;
};

/** Re-pricing saved scenarios after a publish in one process, on PGlite and (with TEST_DATABASE_URL) PostgreSQL. REPRICE_COUNT: how many. */
export function repriceRows(notes: string[]): Row[] {
  const rows: Row[] = [];
  for (const kind of ["pglite", "postgres"] as const) {
    const label = kind === "pglite" ? "embedded PGlite" : "PostgreSQL";
    if (kind === "postgres" && !process.env.TEST_DATABASE_URL) {
      notes.push(`re-pricing on PostgreSQL: ${NO_POSTGRES}`);
      continue;
    }
    const r = childJson<RepriceResult>(
      "scripts/bench/reprice.ts",
      [kind, process.env.REPRICE_COUNT ?? "10000"],
      `re-pricing on ${kind}`,
      notes,
    );
    if (!r) continue;
    rows.push({
      name: `re-price ${r.count} saved scenarios after a publish, ${label}`,
      median: r.seconds * 1000,
      p90: r.seconds * 1000,
      runs: 1,
      unit: "ms",
      target: "< 30 s",
    });
    notes.push(
      `re-pricing on ${label}: ${r.processed} scenarios in ${r.seconds.toFixed(1)} s (${r.changed} with changed prices; loading them took ${r.insertSeconds.toFixed(1)} s); while it ran, event-loop delay p99 ${r.loopDelayP99Ms.toFixed(0)} ms (max ${r.loopDelayMaxMs.toFixed(0)} ms), a trivial query every 20 ms: p50 ${r.probeP50Ms.toFixed(1)} ms, p95 ${r.probeP95Ms.toFixed(1)} ms, max ${r.probeMaxMs.toFixed(0)} ms over ${r.probes} probes`,
    );
  }
  return rows;
}

type JobsResult = {
  count: number;
  insertSeconds: number;
  results: {
    instances: number;
    seconds: number;
    batches: number;
    healthP50Ms: number;
    healthP99Ms: number;
    healthMaxMs: number;
    probes: number;
  }[];
};

/** Re-pricing as jobs on PostgreSQL by one `next start` instance, then two sharing the queue. JOBS_COUNT: how many. */
export function jobsRows(notes: string[], fmt: Format): Row[] {
  if (!process.env.TEST_DATABASE_URL) {
    notes.push(`re-pricing jobs across instances: ${NO_POSTGRES}`);
    return [];
  }
  const j = childJson<JobsResult>("scripts/bench/jobs.ts", [process.env.JOBS_COUNT ?? "100000"], "re-pricing jobs", notes);
  if (!j) return [];
  const [one, two] = j.results;
  const ratio = one.seconds / two.seconds;
  const health = j.results.map(
    (r) =>
      `GET /api/health on the first instance every 50 ms with ${r.instances} working: p50 ${r.healthP50Ms.toFixed(0)} ms, p99 ${r.healthP99Ms.toFixed(0)} ms, max ${r.healthMaxMs.toFixed(0)} ms over ${r.probes} requests`,
  );
  notes.push(
    `re-pricing jobs on PostgreSQL (${j.count} scenarios, loaded in ${j.insertSeconds.toFixed(0)} s, ${one.batches} batches): one instance ${one.seconds.toFixed(1)} s, two instances ${two.seconds.toFixed(1)} s: ${fmt(ratio)} × faster (target ≥ 1.6 ×, ${ratio >= 1.6 ? "met" : "**not met**"}); ${health.join("; ")} (target p99 < 100 ms)`,
  );
  return j.results.map((r) => ({
    name: `re-price ${j.count} saved scenarios as jobs, PostgreSQL, ${r.instances} app instance${r.instances > 1 ? "s" : ""}`,
    median: r.seconds * 1000,
    p90: r.seconds * 1000,
    runs: 1,
    unit: "ms" as const,
  }));
}

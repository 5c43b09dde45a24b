// npm run bench: performance figures, each with a baseline measured in the same run so that the
// numbers read as ratios on a shared, noisy machine. Prints a table; asserts nothing.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { spawnSync } from "node:child_process";
import { PerformanceObserver } from "node:perf_hooks";
import { buildSync } from "esbuild";
import { jobsRows, repriceRows, type Row } from "./repricing-rows";

// The engine is measured as a bundler ships it. Run through tsx, every function carries a
// keep-names wrapper (`__name(fn, "…")`) that roughly doubles the cost of closure-heavy code;
// Next's bundler adds no such wrapper, so we bundle lib/engine with esbuild first.
const outDir = mkdtempSync(path.join(os.tmpdir(), "breakeven-bench-"));
const bundle = path.join(outDir, "engine.mjs");
buildSync({
  entryPoints: [path.resolve("scripts/bench/entry.ts")],
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outfile: bundle,
  logLevel: "error",
});
const { apiTokenCostPerRequest, describeEvaluation, evaluateFigures, evaluateScenario, parseScenario } = (await import(
  pathToFileURL(bundle).href
)) as typeof import("./entry");

// `npm run bench -- engine memo` runs only the named sections (engine, memo, reprice, jobs, usage, web); no
// argument runs all of them, and the baseline always runs. `--markdown` also writes the results
// to docs/benchmarks.md, so the README links there instead of copying figures.
const SECTIONS = ["engine", "memo", "reprice", "jobs", "usage", "web"] as const;
const markdown = process.argv.includes("--markdown");
const only = process.argv.slice(2).filter((a) => a !== "--markdown");
for (const name of only)
  if (!(SECTIONS as readonly string[]).includes(name)) throw new Error(`Unknown section "${name}": use ${SECTIONS.join(", ")}`);
const want = (section: (typeof SECTIONS)[number]) => only.length === 0 || only.includes(section);

const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

function measure(fn: () => unknown, minRuns: number, minMs: number): { median: number; p90: number; runs: number } {
  for (let i = 0; i < Math.min(50, minRuns); i++) fn(); // warm-up: JIT and caches
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p90: times[Math.floor(times.length * 0.9)], runs: times.length };
}

const EXAMPLES = path.resolve("lib/engine/examples");
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith(".json"))
  .map((f) => ({ name: f.replace(/\.json$/, ""), input: JSON.parse(readFileSync(path.join(EXAMPLES, f), "utf8")) }));

// Baseline: one evaluation of the API cost formula, batched so the timer resolution does not
// dominate (1,000 calls per timed run, reported per call).
const prices = { input: 0.15, cachedRead: 0.075, cacheWrite: 0.15, output: 0.6 };
let sink = 0;
const BASELINE_BATCH = 1000;
const baseline = measure(
  () => {
    for (let i = 0; i < BASELINE_BATCH; i++) sink += apiTokenCostPerRequest(1000 + i, 200, 0.5, 0, prices);
  },
  200,
  300,
);
const baselineUs = (baseline.median * 1000) / BASELINE_BATCH;

const rows: Row[] = [
  {
    name: "baseline: API cost formula, one call",
    median: baselineUs,
    p90: (baseline.p90 * 1000) / BASELINE_BATCH,
    runs: baseline.runs * BASELINE_BATCH,
    unit: "µs",
  },
];

// The engine figures are taken in rounds, every example in every round, and each row reports
// its best round (the median least disturbed by other tenants of the machine) with the range of
// the rounds' medians beside it: on a shared 2-core machine one round can be twice another.
const ROUNDS = 5;
type Measured = ReturnType<typeof measure>;
const engine = new Map<string, Measured[]>();
const keep = (key: string, m: Measured) => engine.set(key, [...(engine.get(key) ?? []), m]);
for (let round = 0; round < (want("engine") ? ROUNDS : 0); round++) {
  for (const ex of examples) {
    keep(
      `validate ${ex.name}`,
      measure(() => parseScenario(ex.input), 300, 300),
    );
    keep(
      `validated ${ex.name}`,
      measure(() => evaluateFigures(parseScenario(ex.input), { monteCarloSamples: 0 }), 300, 500),
    );
    const parsed = parseScenario(ex.input);
    keep(
      `parsed ${ex.name}`,
      measure(() => evaluateFigures(parsed, { monteCarloSamples: 0 }), 300, 500),
    );
    const figures = evaluateFigures(parsed, { monteCarloSamples: 0 });
    keep(
      `described ${ex.name}`,
      measure(() => describeEvaluation(parsed, figures), 300, 300),
    );
    keep(
      `plain ${ex.name}`,
      measure(() => evaluateScenario(ex.input, { monteCarloSamples: 0 }), 300, 300),
    );
    keep(
      `mc ${ex.name}`,
      measure(() => evaluateScenario(ex.input, { monteCarloSamples: 10_000 }), 20, 500),
    );
  }
}
function best(key: string, scale: number): Pick<Row, "median" | "p90" | "runs" | "spread"> {
  const all = engine.get(key)!;
  const b = all.reduce((x, y) => (y.median < x.median ? y : x));
  const medians = all.map((m) => m.median * scale);
  return {
    median: b.median * scale,
    p90: b.p90 * scale,
    runs: all.reduce((n, m) => n + m.runs, 0),
    spread: `rounds ${fmt(Math.min(...medians))}–${fmt(Math.max(...medians))}`,
  };
}
for (const ex of want("engine") ? examples : []) {
  rows.push({ name: `  of which input validation (zod) ${ex.name}`, unit: "µs", ...best(`validate ${ex.name}`, 1000) });
  rows.push({
    name: `evaluateFigures ${ex.name}, validated (parse + figures)`,
    unit: "µs",
    target: "≤ 20 µs",
    ...best(`validated ${ex.name}`, 1000),
  });
  rows.push({
    name: `evaluateFigures ${ex.name} (input already validated)`,
    unit: "µs",
    target: "≤ 8 µs",
    ...best(`parsed ${ex.name}`, 1000),
  });
  rows.push({ name: `  sentences on demand (describeEvaluation) ${ex.name}`, unit: "µs", ...best(`described ${ex.name}`, 1000) });
  rows.push({ name: `evaluateScenario ${ex.name} (validate, figures, sentences)`, unit: "µs", ...best(`plain ${ex.name}`, 1000) });
  rows.push({ name: `evaluateScenario ${ex.name}, 10,000-sample Monte Carlo`, unit: "ms", target: "≤ 2 ms", ...best(`mc ${ex.name}`, 1) });
}

// Garbage collection while evaluating back to back: the share of the time spent in GC pauses and
// the mean pause. An evaluation that leaves objects reachable after it returns shows here first
// (docs/decisions/0003-engine-speed.md).
const gcNotes: string[] = [];
for (const ex of want("engine") ? examples : []) {
  const pauses: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push(entry.duration);
  });
  observer.observe({ entryTypes: ["gc"] });
  const start = performance.now();
  let runs = 0;
  while (performance.now() - start < 1500) {
    evaluateScenario(ex.input, { monteCarloSamples: 0 });
    runs++;
  }
  const elapsed = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 50)); // GC entries are delivered asynchronously
  observer.disconnect();
  const inGc = pauses.reduce((a, b) => a + b, 0);
  gcNotes.push(
    `GC during ${runs} back-to-back evaluations of ${ex.name}: ${((100 * inGc) / elapsed).toFixed(1)}% of the time, ${pauses.length} pauses, mean ${(inGc / Math.max(1, pauses.length)).toFixed(2)} ms, max ${Math.max(0, ...pauses).toFixed(1)} ms`,
  );
}

// Decision memo: content model + PDF rendering, warm (fonts loaded, modules compiled), as the
// memo route does it. Imported through tsx: rendering time is dominated by layout and font work.
async function measureAsync(fn: () => Promise<unknown>, minRuns: number, minMs: number) {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p90: times[Math.floor(times.length * 0.9)], runs: times.length };
}
if (want("memo")) {
  const { buildMemo } = await import("../../lib/memo/content");
  const { memoMarkdown } = await import("../../lib/memo/markdown");
  const { renderMemoPdf } = await import("../../lib/memo/pdf");
  const source = (raw: unknown) => {
    const input = parseScenario(raw);
    return {
      name: input.name,
      description: "",
      status: "proposed",
      revision: 1,
      savedAt: new Date(),
      message: "",
      authors: ["Bench"],
      catalogVersion: null,
      input,
      evaluation: evaluateScenario(input),
    };
  };
  const typical = examples.find((e) => e.name === "chat-assistant-8b") ?? examples[0];
  const memoOf = (list: typeof examples) =>
    buildMemo({ team: "Bench", generatedAt: new Date(), scenarios: list.map((e) => source(e.input)) });
  const one = await measureAsync(() => renderMemoPdf(memoOf([typical])), 10, 3000);
  rows.push({
    name: `memo PDF ${typical.name} (evaluate + content + render)`,
    median: one.median,
    p90: one.p90,
    runs: one.runs,
    unit: "ms",
    target: "< 1 s",
  });
  const three = await measureAsync(() => renderMemoPdf(memoOf(examples)), 5, 3000);
  rows.push({
    name: `memo PDF, comparison of ${examples.length} scenarios`,
    median: three.median,
    p90: three.p90,
    runs: three.runs,
    unit: "ms",
  });
  const md = measure(() => memoMarkdown(memoOf([typical])), 50, 500);
  rows.push({ name: `memo Markdown ${typical.name}`, median: md.median, p90: md.p90, runs: md.runs, unit: "ms" });
}

// Re-pricing in one process and as jobs across instances: child processes (scripts/bench/repricing-rows.ts).
const repriceNotes: string[] = [];
if (want("reprice")) rows.push(...repriceRows(repriceNotes));
if (want("jobs")) rows.push(...jobsRows(repriceNotes, fmt));

// Usage import: a ~100 MB generic CSV (about a million rows) parsed as a stream in a process of
// its own (so its memory figure is its own), against reading the same file unparsed.
const usageNotes: string[] = [];
const USAGE_ROWS = process.env.USAGE_ROWS ?? "1000000";
if (want("usage")) {
  const child = spawnSync("npx", ["tsx", "scripts/bench/usage.ts", USAGE_ROWS], {
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "--expose-gc" },
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = child.stdout.trim().split("\n").at(-1) ?? "";
  if (child.status !== 0 || !line.startsWith("{")) {
    usageNotes.push(`usage import: failed: ${(child.stderr || child.stdout).trim().split("\n").slice(-3).join(" ")}`);
  } else {
    const u = JSON.parse(line);
    const mb = u.bytes / 2 ** 20;
    rows.push({
      name: `parse a ${mb.toFixed(0)} MB usage export (${(u.rows / 1e6).toFixed(2)}M rows), streaming`,
      median: u.parseMs,
      p90: u.parseMs,
      runs: 1,
      unit: "ms",
      target: "< 20 s",
    });
    usageNotes.push(
      `usage import parse: ${(u.parseMs / 1000).toFixed(1)} s for ${mb.toFixed(0)} MB (${(mb / (u.parseMs / 1000)).toFixed(0)} MB/s), ${fmt(u.parseMs / u.readMs)} × the time to read the file unparsed (${(u.readMs / 1000).toFixed(2)} s); resident memory ${u.rssBeforeMb.toFixed(0)} MB before, ${u.rssPeakMb.toFixed(0)} MB at the peak (target < 300 MB); event-loop delay while parsing p99 ${u.loopP99Ms.toFixed(0)} ms, max ${u.loopMaxMs.toFixed(0)} ms (target p99 < 100 ms)`,
    );
  }
}

console.log(
  `Breakeven benchmark — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores, engine bundled by esbuild\n`,
);
console.log(
  `${"what".padEnd(62)}${"median".padStart(12)}${"p90".padStart(12)}${"× baseline".padStart(14)}${"runs".padStart(9)}  target     median of each round`,
);
for (const r of rows) {
  const us = r.unit === "ms" ? r.median * 1000 : r.median;
  console.log(
    `${r.name.padEnd(62)}${`${fmt(r.median)} ${r.unit}`.padStart(12)}${`${fmt(r.p90)} ${r.unit}`.padStart(12)}${fmt(us / baselineUs).padStart(14)}${String(r.runs).padStart(9)}  ${(r.target ?? "").padEnd(9)}${r.spread ? ` ${r.spread}` : ""}`,
  );
}
console.log("");
for (const n of [...gcNotes, ...repriceNotes, ...usageNotes]) console.log(n);

const md: string[] = [
  "# Benchmarks",
  "",
  `Written by \`npm run bench -- --markdown\` on ${new Date().toISOString().slice(0, 10)} (node ${process.version}, ${os.cpus().length} cores, a shared machine). Each figure sits beside a baseline measured in the same run (one call of the API cost formula), so read the ratios: the machine's other tenants move every absolute figure. The engine rows show the best of ${ROUNDS} rounds and the range of the rounds' medians. Nothing here is asserted by \`npm test\`.`,
  "",
  "| what | median | p90 | × baseline | runs | target | met | rounds |",
  "|---|---:|---:|---:|---:|---|---|---|",
  ...rows.map((r) => {
    const us = r.unit === "ms" ? r.median * 1000 : r.median;
    return `| ${r.name.trim()} | ${fmt(r.median)} ${r.unit} | ${fmt(r.p90)} ${r.unit} | ${fmt(us / baselineUs)} | ${r.runs} | ${r.target ?? ""} | ${r.target ? (meets(r) ? "yes" : "**no**") : ""} | ${r.spread ?? ""} |`;
  }),
  "",
  ...[...gcNotes, ...repriceNotes, ...usageNotes].map((n) => `- ${n}`),
];

/** Whether a row's median meets its target, written "≤ 8 µs", "< 30 s" and so on. */
function meets(r: Row): boolean {
  const m = r.target?.match(/([\d.]+)\s*(µs|ms|s)/);
  if (!m) return true;
  const limitMs = Number(m[1]) * (m[2] === "µs" ? 0.001 : m[2] === "s" ? 1000 : 1);
  return (r.unit === "µs" ? r.median / 1000 : r.median) <= limitMs;
}

// The app over HTTP: `next start` on the production build (built first if there is none; rebuild
// after changing the code), embedded PGlite, one request at a time.
if (want("web")) {
  // Imported here: it loads the database layer, which the engine figures should not share a heap with.
  const { browserFigures, firstLoadJs, httpFigures } = await import("./web");
  const web = await httpFigures();
  console.log(`\nHTTP, next start on the production build, embedded PGlite, sequential requests (${web.trivial.runs} each):`);
  const http = [
    ["GET /api/health (trivial route: the baseline)", web.trivial],
    ["POST /api/v1/evaluate, session cookie, no Monte Carlo", web.evaluate],
    ["POST /api/v1/evaluate, API token, no Monte Carlo", web.evaluateToken],
    ["GET /t/[team] (team dashboard page, server-rendered)", web.dashboard],
  ] as const;
  for (const [name, t] of http)
    console.log(
      `${name.padEnd(62)}${`${fmt(t.median)} ms`.padStart(12)}${`${fmt(t.p90)} ms`.padStart(12)}${`${fmt(t.median / web.trivial.median)} × trivial`.padStart(18)}${String(t.runs).padStart(6)}`,
    );
  md.push(
    "",
    `HTTP, \`next start\` on the production build, embedded PGlite, one request at a time (${web.trivial.runs} each):`,
    "",
    "| request | median | p90 | × trivial |",
    "|---|---:|---:|---:|",
  );
  for (const [name, t] of http) md.push(`| ${name} | ${fmt(t.median)} ms | ${fmt(t.p90)} ms | ${fmt(t.median / web.trivial.median)} |`);

  console.log("\nFirst-load JavaScript per page (gzip; Next's runtime + the page's chunks, from .next manifests):");
  md.push(
    "",
    "First-load JavaScript per page (gzip; Next's runtime and the page's chunks, read from the build's manifests):",
    "",
    "| page | kB | files |",
    "|---|---:|---:|",
  );
  for (const p of firstLoadJs()) {
    console.log(`  ${p.page.padEnd(34)}${`${p.kb.toFixed(0)} kB`.padStart(9)}  ${p.files} files`);
    md.push(`| ${p.page} | ${p.kb.toFixed(0)} | ${p.files} |`);
  }

  const pages = await browserFigures();
  const baseline = pages[0].interactive.median;
  console.log(
    `\nChromium, next start, a signed-in user's repeat visit (median of ${pages[0].interactive.runs}; target for the scenario page: usable under 0.8 s):`,
  );
  md.push(
    "",
    `Chromium against \`next start\`, a signed-in user's repeat visit (median of ${pages[0].interactive.runs}; the scenario page's target: usable in under 0.8 s):`,
    "",
    "| page | usable (median) | p90 | load event | × dashboard |",
    "|---|---:|---:|---:|---:|",
  );
  for (const p of pages) {
    console.log(
      `  ${p.page.padEnd(44)}${`${fmt(p.interactive.median)} ms`.padStart(11)}${`${fmt(p.interactive.p90)} ms`.padStart(11)}  load ${fmt(p.loaded.median)} ms  ${fmt(p.interactive.median / baseline)} × dashboard`,
    );
    md.push(
      `| ${p.page} | ${fmt(p.interactive.median)} ms | ${fmt(p.interactive.p90)} ms | ${fmt(p.loaded.median)} ms | ${fmt(p.interactive.median / baseline)} |`,
    );
  }
}
// The same file uploaded to `next start` over HTTP, while another client asks for a trivial route.
if (want("usage") && usageNotes.length && !usageNotes[0].includes("failed")) {
  const { uploadFigures } = await import("./web");
  const file = path.join(os.tmpdir(), "breakeven-bench-usage", `usage-${USAGE_ROWS}.csv`);
  const up = await uploadFigures(file);
  const text = [
    `Upload of the same ${(up.bytes / 2 ** 20).toFixed(0)} MB file to \`next start\` (multipart, signed-in editor, embedded PGlite): ${(up.uploadMs / 1000).toFixed(1)} s until the import answered (${up.rows} rows; target < 20 s).`,
    `The upload added ${(up.serverRssMb.peak - up.serverRssMb.before).toFixed(0)} MB to the server's resident memory (${up.serverRssMb.before.toFixed(0)} MB idle, which is Next.js with embedded PGlite, to ${up.serverRssMb.peak.toFixed(0)} MB at the peak; the parse's own target: < 300 MB).`,
    `GET /api/health every 50 ms meanwhile: p50 ${fmt(up.health.during.median)} ms, p99 ${fmt(up.health.during.p99)} ms over ${up.health.during.runs} requests, against p50 ${fmt(up.health.idle.median)} ms on the idle server (target p99 < 100 ms).`,
  ];
  console.log(`\n${text.join("\n")}`);
  md.push("", ...text.map((t) => `- ${t}`));
}
if (markdown) {
  writeFileSync("docs/benchmarks.md", `${md.join("\n")}\n`);
  console.log("\nWrote docs/benchmarks.md");
}
if (sink === 42) console.log(""); // keep the baseline loop from being optimised away
process.exit(0);

// Usage-import benchmark: a 100 MB generic CSV (about a million rows) parsed as a stream, against
// reading the same file without parsing it (the baseline). While it parses, resident memory is
// sampled every 25 ms and the event loop's delay recorded. Prints one JSON line; run by
// `npm run bench` in a process of its own so its memory figure is its own:
//   tsx scripts/bench/usage.ts [rows]
import { createReadStream, existsSync, mkdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseUsage } from "../../lib/usage/parse";
import { writeUsageCsv } from "./usage-file";

const rows = Number(process.argv[2] ?? 1_000_000);
const dir = path.join(os.tmpdir(), "breakeven-bench-usage");
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `usage-${rows}.csv`);
if (!existsSync(file)) await writeUsageCsv(file, rows);
const bytes = statSync(file).size;

const t0 = performance.now();
let read = 0;
for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) read += (chunk as Buffer).length;
const readMs = performance.now() - t0;

global.gc?.();
const rssBefore = process.memoryUsage().rss;
let rssPeak = rssBefore;
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 25);
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const t1 = performance.now();
const parsed = await parseUsage(createReadStream(file, { highWaterMark: 64 * 1024 }), { format: "generic", timeZone: "Europe/Berlin" });
const parseMs = performance.now() - t1;
loop.disable();
clearInterval(sampler);
rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
console.log(
  JSON.stringify({
    rows: parsed.aggregate.rows,
    bytes,
    read,
    readMs,
    parseMs,
    rssBeforeMb: rssBefore / 2 ** 20,
    rssPeakMb: rssPeak / 2 ** 20,
    loopP99Ms: loop.percentile(99) / 1e6,
    loopMaxMs: loop.max / 1e6,
  }),
);

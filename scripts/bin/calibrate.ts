// `npm run calibrate`: the roofline against every published and observed throughput row, and the
// queueing approximation against the online rows' time to first token, as Markdown tables.
import { estimateThroughput, latencyPoints, throughputPoints } from "../../lib/catalog/calibration";

const points = throughputPoints().map((p) => ({ ...p, estimate: estimateThroughput(p) }));
const factor = (r: number) => Math.max(r, 1 / r);
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;

console.log(row(["point", "run", "set", "measured tokens/s", "estimate", "ratio"]));
console.log(row(["---", "---", "---", "---:", "---:", "---:"]));
for (const p of points) {
  console.log(
    row([
      p.id,
      p.label,
      p.heldOut ? "held out" : "fitted",
      Math.round(p.measured).toLocaleString("en-US"),
      Math.round(p.estimate).toLocaleString("en-US"),
      (p.estimate / p.measured).toFixed(2),
    ]),
  );
}
for (const [name, set] of [
  ["fitted", points.filter((p) => !p.heldOut)],
  ["held out", points.filter((p) => p.heldOut)],
  ["all", points],
] as const) {
  const logs = set.map((p) => Math.log(p.estimate / p.measured));
  const rms = Math.exp(Math.sqrt(logs.reduce((a, b) => a + b * b, 0) / logs.length));
  const within = set.filter((p) => factor(p.estimate / p.measured) <= 1.5).length;
  const worst = Math.max(...set.map((p) => factor(p.estimate / p.measured)));
  console.log(`\n${name}: ${set.length} points, ${within} within ×1.5, worst ×${worst.toFixed(2)}, geometric RMS error ×${rms.toFixed(2)}`);
}

console.log("\n" + row(["point", "run", "utilisation", "measured mean TTFT ms", "estimate ms", "ratio"]));
console.log(row(["---", "---", "---:", "---:", "---:", "---:"]));
for (const p of latencyPoints()) {
  console.log(
    row([
      p.id,
      p.label,
      `${Math.round(p.utilisation * 100)}%`,
      Math.round(p.measuredTtftMs),
      Math.round(p.estimatedTtftMs),
      (p.estimatedTtftMs / p.measuredTtftMs).toFixed(2),
    ]),
  );
}

// A synthetic usage export for the benchmark and for trying the import by hand: a generic CSV of
// one row per request over 13 weeks, weekday business hours in Europe/Berlin, two models, volume
// growing about 8% a month. Deterministic (a fixed-seed generator), about 105 bytes a row.
import { createWriteStream } from "node:fs";
import { once } from "node:events";

const MODELS = ["llama-3.1-70b-instruct", "gpt-4o-mini-2024-07-18"];
const DAYS = 91;
const START = Date.UTC(2026, 7, 31); // Monday 2026-08-31

/** Share of a weekday's requests in each UTC hour: 08:00-18:00 Berlin (UTC+2), a bump after lunch. */
const HOURLY = Array.from({ length: 24 }, (_, h) => (h >= 6 && h < 16 ? (h === 12 || h === 13 ? 1.6 : 1) : 0.08));

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function writeUsageCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write("timestamp,model,input_tokens,cached_input_tokens,output_tokens,latency_ms,request_id\n");
  const random = rng(42);
  const dayWeight = Array.from({ length: DAYS }, (_, d) => ((d + 0) % 7 < 5 ? 1 : 0.15) * Math.pow(1.08, d / 30.4));
  const hourSum = HOURLY.reduce((a, b) => a + b, 0);
  const daySum = dayWeight.reduce((a, b) => a + b, 0);
  let buffer = "";
  for (let d = 0; d < DAYS; d++) {
    for (let h = 0; h < 24; h++) {
      const n = Math.round((rows * dayWeight[d] * HOURLY[h]) / daySum / hourSum);
      for (let i = 0; i < n; i++) {
        const at = new Date(START + (d * 24 + h) * 3_600_000 + Math.floor(random() * 3_600_000)).toISOString();
        const model = MODELS[random() < 0.7 ? 0 : 1];
        const input = 400 + Math.floor(random() * random() * 6000);
        const cached = Math.floor(input * random() * 0.7);
        const output = 50 + Math.floor(random() * 600);
        const id = `req_${Math.floor(random() * 2 ** 52)
          .toString(16)
          .padStart(13, "0")}${Math.floor(random() * 2 ** 52)
          .toString(16)
          .padStart(13, "0")}`;
        buffer += `${at},${model},${input},${cached},${output},${200 + Math.floor(random() * 4000)},${id}\n`;
        if (buffer.length > 1 << 20) {
          if (!out.write(buffer)) await once(out, "drain");
          buffer = "";
        }
      }
    }
  }
  out.end(buffer);
  await once(out, "finish");
}

if (process.argv[1]?.endsWith("usage-file.ts")) {
  const [file, rows] = process.argv.slice(2);
  if (!file) throw new Error("usage: tsx scripts/bench/usage-file.ts <file.csv> [rows]");
  await writeUsageCsv(file, Number(rows ?? 1_000_000));
}

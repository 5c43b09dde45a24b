import fs from "node:fs";
import { evaluateScenario, parseScenario } from "@/lib/engine/evaluate";
import { buildMemo, type MemoScenarioSource } from "@/lib/memo/content";
import { renderMemoPdf } from "@/lib/memo/pdf";
const dir = "lib/engine/examples";
const src = (raw: unknown): MemoScenarioSource => { const input = parseScenario(raw); return { name: input.name, description: "", status: "proposed", revision: 3, savedAt: new Date(), message: "", authors: ["Demo User"], catalogVersion: null, input, evaluation: evaluateScenario(raw) }; };
const all = fs.readdirSync(dir).map((f) => JSON.parse(fs.readFileSync(`${dir}/${f}`, "utf8")));
const variant = process.argv[2];
const memo = buildMemo({ team: "Demo", generatedAt: new Date(), scenarios: all.map(src) });
if (variant === "nosummary") memo.summary = null;
if (variant === "single-as-compare") { memo.scenarios = memo.scenarios.slice(0, 1); }
if (variant === "two") { memo.scenarios = memo.scenarios.slice(0, 2); memo.summary = null; }
if (variant === "summary-only") { memo.scenarios = []; }
const t0 = performance.now(); const pdf = await renderMemoPdf(memo); console.log(variant, pdf.length, (performance.now() - t0).toFixed(0), "ms");

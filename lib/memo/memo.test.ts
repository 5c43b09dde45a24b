// The memo's PDF and Markdown carry the engine's own figures: read back with pdftotext.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateScenario, parseScenario } from "../engine";
import { formatCount, THROUGHPUT_PATH_LABEL } from "../format/text";
import { formatUsd } from "../format/numbers";
import { buildMemo, type MemoScenarioSource } from "./content";
import { memoMarkdown } from "./markdown";
import { renderMemoPdf } from "./pdf";

const EXAMPLES = path.resolve("lib/engine/examples");
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(path.join(EXAMPLES, f), "utf8")));
const dir = mkdtempSync(path.join(os.tmpdir(), "memo-test-"));
const CATALOG = { label: "2026-09 reference", effectiveDate: new Date("2026-09-25T00:00:00Z") };

function source(raw: unknown, name?: string): MemoScenarioSource {
  const input = parseScenario(raw);
  return {
    name: name ?? input.name,
    description: "",
    status: "proposed",
    revision: 2,
    savedAt: new Date("2026-11-20T10:00:00Z"),
    message: "re-priced",
    authors: ["Ada Analyst"],
    catalogVersion: CATALOG,
    input,
    evaluation: evaluateScenario(input),
  };
}

async function pdfText(memo: ReturnType<typeof buildMemo>, name: string): Promise<{ text: string; pages: number }> {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, await renderMemoPdf(memo));
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
  return { text: text.replace(/\s+/g, " "), pages };
}

const oneLine = (s: string) => s.replace(/\s+/g, " ");

/** Every phrase appears in the document; a failure names the missing phrases, not the whole text. */
function expectPhrases(doc: string, phrases: string[]) {
  expect(phrases.filter((p) => !doc.includes(p))).toEqual([]);
}

// Rendering a PDF and reading it back with pdftotext takes seconds on two busy cores (the
// integration tests run beside these): the default 5 s timeout is for pure functions.
describe("decision memo", { timeout: 30_000 }, () => {
  it.each(examples.map((e, i) => [e.name as string, i]))(
    "%s: PDF and Markdown state the engine's recommendation, costs, breakeven and catalog version",
    async (_name, i) => {
      const src = source(examples[i as number]);
      const e = src.evaluation;
      const memo = buildMemo({
        team: "Memo team",
        generatedAt: new Date("2026-11-29T09:00:00Z"),
        context: "Support assistant for 40k users.",
        decision: "Signed off by the CTO.",
        scenarios: [src],
      });
      const { text, pages } = await pdfText(memo, `example-${i}`);
      const md = oneLine(memoMarkdown(memo));
      expect(pages).toBeGreaterThan(1);
      const phrases = [
        oneLine(e.recommendation.headline),
        "2026-09 reference",
        "Memo team",
        "Signed off by the CTO.",
        ...e.options.flatMap((o) => (o.feasible ? [o.label, formatUsd(o.monthlyCost)] : [o.label])),
        ...e.breakeven.flatMap((b) =>
          [b.fullyLoaded, b.gpuOnly].flatMap((x) => (x.reached ? [`${formatCount(x.requestsPerMonth)} requests/month`] : [])),
        ),
        ...e.triggers.map((t) => oneLine(t.text)),
        // What a serving engineer audits: the sizing of each self-host option that fits, and
        // what the team typed about each provider.
        ...(e.options.some((o) => o.kind === "self-host" && o.feasible) ? ["How each self-host option is sized"] : []),
        ...(src.input.apiOptions.length ? ["Zero data retention", "Network round trip"] : []),
      ];
      expect(phrases.length).toBeGreaterThan(8);
      expectPhrases(text, phrases);
      expectPhrases(md, phrases);
      // Table cells wrap in the PDF, so each option's throughput path is checked in the Markdown.
      expectPhrases(
        md,
        e.options.flatMap((o) => (o.kind === "self-host" && o.feasible ? [THROUGHPUT_PATH_LABEL[o.sizing.throughputPath]] : [])),
      );
      expectPhrases(text, [`Page 1 of ${pages}`, `Page ${pages} of ${pages}`]);
    },
  );

  it("renders a comparison of three scenarios with a summary and a section each", async () => {
    const sources = examples.map((e) => source(e));
    const memo = buildMemo({ team: "Memo team", generatedAt: new Date("2026-11-29T09:00:00Z"), scenarios: sources });
    expect(memo.kind).toBe("comparison");
    const { text, pages } = await pdfText(memo, "comparison");
    expect(pages).toBeGreaterThanOrEqual(sources.length + 1);
    expectPhrases(text, [
      "Summary",
      ...sources.flatMap((s) => [oneLine(s.evaluation.recommendation.headline), formatUsd(s.evaluation.recommendation.monthlyCost)]),
    ]);
    const md = memoMarkdown(memo);
    for (const s of sources) expect(md).toContain(`## ${s.name}`);
    // What differs comes before the scenarios' own pages: each against the first, in words.
    expect(memo.differences).toHaveLength(sources.length - 1);
    const first = `${sources[0].name} (rev. ${sources[0].revision})`;
    for (const s of sources.slice(1)) {
      const heading = `What differs and what it does to the decision: ${s.name} (rev. ${s.revision}) against ${first}`;
      expect(md.indexOf(`## ${heading}`)).toBeGreaterThan(-1);
      expect(md.indexOf(`## ${heading}`)).toBeLessThan(md.indexOf(`## ${sources[0].name}`));
      expectPhrases(text, [oneLine(heading)]);
    }
    expect(md).toContain("Requests per month");
    expect(md).not.toMatch(/workload\.\w+/);
  }, 30_000);

  it("renders an infeasible scenario: no recommendation, the conflict and every verdict", async () => {
    const raw = {
      ...examples[0],
      name: "Nothing qualifies",
      selfHostOptions: [],
      constraints: [{ id: "in-house", kind: "data-stays-in-our-infrastructure" }],
    };
    const src = source(raw);
    expect(src.evaluation.recommendation.outcome).toBe("infeasible");
    const memo = buildMemo({ team: "Memo team", generatedAt: new Date("2026-11-29T09:00:00Z"), scenarios: [src] });
    const { text } = await pdfText(memo, "infeasible");
    expectPhrases(text, [
      oneLine(src.evaluation.recommendation.headline),
      "Constraints",
      ...src.evaluation.options.map((o) => `✗ ${o.label}`),
    ]);
    expect(memo.scenarios[0].breakeven).toEqual([]);
  });

  it("reads the breakdown's figure from the option's cost, never from its rounded parts", () => {
    const src = source(examples[0]);
    const memo = buildMemo({ team: "t", generatedAt: new Date(), scenarios: [src] });
    const totals = memo.scenarios[0].charts.breakdown!.rows.map((r) => r.total);
    expect(totals).toEqual(
      src.evaluation.options.filter((o) => o.feasible).map((o) => formatUsd((o as { monthlyCost: number }).monthlyCost)),
    );
  });
});

describe("the Markdown memo treats quoted text as text", () => {
  it("raw HTML, links, images and forged headings from names, messages and the context stay literal", () => {
    const input = parseScenario(JSON.parse(readFileSync(path.resolve("lib/engine/examples/chat-assistant-8b.json"), "utf8")));
    const hostile = "<img src=x onerror=alert(1)> [click](javascript:alert(1)) ![p](http://evil/x.png)\n# Forged heading\n- forged item";
    const memo = buildMemo({
      team: "Team <b>",
      generatedAt: new Date("2026-12-01T00:00:00Z"),
      context: hostile,
      decision: "1. approve\n> quoted",
      scenarios: [
        {
          name: `Scenario ${hostile}`,
          description: hostile,
          status: "draft",
          revision: 1,
          savedAt: new Date("2026-12-01T00:00:00Z"),
          message: hostile,
          authors: ["<script>x</script>"],
          catalogVersion: { label: "ref", effectiveDate: new Date("2026-09-25T00:00:00Z") },
          input,
          evaluation: evaluateScenario(input),
        },
      ],
    });
    const md = memoMarkdown(memo);
    expect(md).not.toMatch(/(^|[^\\])<(img|script|b>)/m);
    expect(md).not.toMatch(/[^\\]\]\(javascript:/);
    expect(md).not.toMatch(/!\[p[^\\]/);
    expect(md).not.toMatch(/^# Forged heading/m);
    expect(md).not.toMatch(/^- forged item/m);
    expect(md).not.toMatch(/^1\. approve/m);
    expect(md).toContain("\\<img src=x onerror=alert(1)\\>");
  });
});

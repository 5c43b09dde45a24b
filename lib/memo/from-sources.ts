// A memo from what the database holds: each scenario's saved input is validated and evaluated
// here, then laid out as content. Pure, so the PDF worker thread can do all of it off the
// thread that serves requests (lib/memo/render-worker.ts).
import { evaluateParsed, parseScenario } from "../engine";
import { buildMemo, type MemoContent, type MemoRequest, type MemoScenarioSource } from "./content";

export type MemoSource = Omit<MemoScenarioSource, "input" | "evaluation"> & { input: unknown };
export type MemoDraft = Omit<MemoRequest, "scenarios"> & { scenarios: MemoSource[] };

export function memoFromDraft(draft: MemoDraft): MemoContent {
  return buildMemo({
    ...draft,
    scenarios: draft.scenarios.map((s) => {
      const input = parseScenario(s.input);
      return { ...s, input, evaluation: evaluateParsed(input) };
    }),
  });
}

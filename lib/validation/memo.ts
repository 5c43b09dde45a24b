import { z } from "zod";
import { AppError } from "../errors";

const paragraph = z.string().trim().max(4000, { error: "Use at most 4,000 characters." }).optional();

/** Query of a memo download: format, which revision, and the team's own paragraphs. */
export const MemoQuerySchema = z.object({
  format: z.enum(["pdf", "md"], { error: "must be pdf or md" }).default("pdf"),
  revision: z.coerce
    .number({ error: "must be a revision number" })
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .optional(),
  context: paragraph,
  decision: paragraph,
});
export type MemoQuery = z.output<typeof MemoQuerySchema>;

/** URL query → plain object; empty values count as absent. */
export function queryObject(url: URL, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) {
    const v = url.searchParams.get(k);
    if (v !== null && v !== "") out[k] = v;
  }
  return out;
}

export const MAX_COMPARED = 6;

/** ?s=id1,id2@3: scenarios at their current revision, or at revision N with "@N". */
export function parseSelection(raw: string | undefined | null): { id: string; revision?: number }[] {
  return (raw ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [id, rev] = part.split("@");
      const n = Number(rev);
      return { id, revision: rev && Number.isInteger(n) && n > 0 ? n : undefined };
    });
}

/** A comparison names 2 to MAX_COMPARED scenarios; more is refused, never cut. */
export function requireComparable<T>(selection: T[]): T[] {
  if (selection.length < 2 || selection.length > MAX_COMPARED) {
    throw new AppError("validation", "Please correct the highlighted fields.", {
      s: [`name 2 to ${MAX_COMPARED} scenario ids, e.g. s=id1,id2@3 (this names ${selection.length})`],
    });
  }
  return selection;
}

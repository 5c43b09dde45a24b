import "server-only";
// Price-file imports into a draft catalog version: parse (LiteLLM, llm-prices, GPU CSV), hold every
// row to the catalog's row rules, preview the difference, and apply it all or nothing. Preview and
// apply run the same steps, so a file the preview accepts can be applied.
import { getDb } from "../db";
import { AppError } from "../errors";
import {
  API_PRICE_FIELDS,
  apiKey,
  diffRows,
  FORMAT_KIND,
  GPU_PRICE_FIELDS,
  gpuKey,
  ImportFileError,
  parseGenaiPrices,
  parseGpuCsv,
  parseLiteLlm,
  parseLlmPrices,
  type ApiPriceRow,
  type Diff,
  type GpuOfferRow,
  type Parsed,
} from "../catalog/importers";
import { ApiPriceRowSchema, GpuOfferRowSchema } from "../catalog/row-rules";
import { parseInput } from "../validation/errors";
import { ImportSchema } from "../validation/catalog";
import { requireCatalogAdmin, requireDraft, type Tx } from "./catalog";
import { today } from "../format/dates";

type AnyRow = ApiPriceRow | GpuOfferRow;
export type ImportPreview = {
  kind: "api" | "gpu";
  counts: { added: number; changed: number; removed: number; unchanged: number; skipped: number };
  added: AnyRow[];
  changed: { key: string; fields: string[]; before: AnyRow; after: AnyRow }[];
  removed: AnyRow[];
  skipped: Parsed<AnyRow>["skipped"];
};

const PREVIEW_ROWS = 200; // rows of each list returned; the counts are always complete

export function parseImport(
  format: keyof typeof FORMAT_KIND,
  text: string,
  effectiveDate: Date,
  sourceUrl: string | undefined,
): Parsed<AnyRow> {
  const checkedAt = today();
  try {
    if (format === "litellm") return strictRows(parseLiteLlm(text, { checkedAt, sourceUrl }), "api");
    if (format === "llm-prices") return strictRows(parseLlmPrices(text, { checkedAt, asOf: effectiveDate, sourceUrl }), "api");
    if (format === "genai-prices") return strictRows(parseGenaiPrices(text, { checkedAt, asOf: effectiveDate, sourceUrl }), "api");
    return strictRows(parseGpuCsv(text, { checkedAt, sourceUrl: sourceUrl ?? "" }), "gpu");
  } catch (error) {
    if (error instanceof ImportFileError) throw new AppError("validation", error.message, { file: [error.message] });
    throw error;
  }
}

/** The catalog's row rules (lib/catalog/row-rules.ts) on every parsed row: a row that breaks one is a row error. */
function strictRows(parsed: Parsed<AnyRow>, kind: "api" | "gpu"): Parsed<AnyRow> {
  const schema = kind === "api" ? ApiPriceRowSchema : GpuOfferRowSchema;
  const rows: AnyRow[] = [];
  const errors = [...parsed.errors];
  for (const row of parsed.rows) {
    const checked = schema.safeParse(row);
    const key = kind === "api" ? apiKey(row as ApiPriceRow) : gpuKey(row as GpuOfferRow);
    if (checked.success) rows.push(row);
    else {
      for (const issue of checked.error.issues) {
        const missingSource = issue.path[0] === "sourceUrl" && !(row as { sourceUrl: string }).sourceUrl;
        errors.push({
          row: key,
          field: issue.path.join("."),
          message: missingSource ? "has no source link: add a source_url column or give the import a source URL" : issue.message,
        });
      }
    }
  }
  return { rows, skipped: parsed.skipped, errors };
}

function rowErrors(parsed: Parsed<AnyRow>): never {
  const fieldErrors: Record<string, string[]> = {};
  for (const e of parsed.errors.slice(0, 500)) (fieldErrors[`${e.row}${e.field ? `.${e.field}` : ""}`] ??= []).push(e.message);
  throw new AppError(
    "validation",
    `${parsed.errors.length} row${parsed.errors.length > 1 ? "s have" : " has"} errors; nothing was imported.`,
    fieldErrors,
  );
}

/** What an import adds, changes, removes, leaves and skips, counted for the preview and the result. */
function importCounts(diff: Diff<AnyRow>, parsed: Parsed<AnyRow>) {
  return {
    added: diff.added.length,
    changed: diff.changed.length,
    removed: diff.removed.length,
    unchanged: diff.unchanged,
    skipped: parsed.skipped.length,
  };
}

async function draftDiff(tx: Tx, versionId: string, format: keyof typeof FORMAT_KIND, parsed: Parsed<AnyRow>, mode: "merge" | "replace") {
  const kind = FORMAT_KIND[format];
  if (kind === "api") {
    const existing = (await tx.apiPrice.findMany({ where: { catalogVersionId: versionId } })) as (ApiPriceRow & { id: string })[];
    return {
      kind,
      existing,
      diff: diffRows(existing as ApiPriceRow[], parsed.rows as ApiPriceRow[], apiKey, API_PRICE_FIELDS, mode) as Diff<AnyRow>,
    };
  }
  const existing = (await tx.gpuOffer.findMany({ where: { catalogVersionId: versionId } })) as (GpuOfferRow & { id: string })[];
  return {
    kind,
    existing,
    diff: diffRows(existing as GpuOfferRow[], parsed.rows as GpuOfferRow[], gpuKey, GPU_PRICE_FIELDS, mode) as Diff<AnyRow>,
  };
}

const plain = (r: AnyRow): AnyRow => {
  const { id: _id, catalogVersionId: _v, ...rest } = r as AnyRow & { id?: string; catalogVersionId?: string };
  return rest as AnyRow;
};

/** What an import would change in a draft; writes nothing. Malformed input: 422 with row errors. */
export async function previewImport(userId: string, versionId: string, raw: unknown): Promise<ImportPreview> {
  await requireCatalogAdmin(userId);
  const req = parseInput(ImportSchema, raw);
  return getDb().$transaction(async (tx) => {
    const v = await requireDraft(tx, versionId);
    const parsed = parseImport(req.format, req.text, v.effectiveDate, req.sourceUrl);
    if (parsed.errors.length) rowErrors(parsed);
    const { kind, diff } = await draftDiff(tx, versionId, req.format, parsed, req.mode);
    return {
      kind,
      counts: importCounts(diff, parsed),
      added: diff.added.slice(0, PREVIEW_ROWS).map(plain),
      changed: diff.changed
        .slice(0, PREVIEW_ROWS)
        .map((c) => ({ key: c.key, fields: c.fields, before: plain(c.before), after: plain(c.after) })),
      removed: diff.removed.slice(0, PREVIEW_ROWS).map(plain),
      skipped: parsed.skipped.slice(0, PREVIEW_ROWS),
    };
  });
}

/** Applies an import to a draft in one transaction: all of it or nothing. */
export async function applyImport(userId: string, versionId: string, raw: unknown) {
  await requireCatalogAdmin(userId);
  const req = parseInput(ImportSchema, raw);
  return getDb().$transaction(
    async (tx) => {
      const v = await requireDraft(tx, versionId);
      const parsed = parseImport(req.format, req.text, v.effectiveDate, req.sourceUrl);
      if (parsed.errors.length) rowErrors(parsed);
      return (await applyParsed(tx, versionId, req.format, parsed, req.mode)).counts;
    },
    { timeout: 120_000 },
  );
}

/** Writes parsed rows into a draft (inside the caller's transaction); returns the difference it made. */
export async function applyParsed(
  tx: Tx,
  versionId: string,
  format: keyof typeof FORMAT_KIND,
  parsed: Parsed<AnyRow>,
  mode: "merge" | "replace",
) {
  const { kind, existing, diff } = await draftDiff(tx, versionId, format, parsed, mode);
  const idOf = new Map(existing.map((r) => [kind === "api" ? apiKey(r as ApiPriceRow) : gpuKey(r as GpuOfferRow), r.id]));
  if (kind === "api") {
    await tx.apiPrice.createMany({ data: (diff.added as ApiPriceRow[]).map((r) => ({ ...r, catalogVersionId: versionId })) });
    for (const c of diff.changed) {
      const { provider: _p, model: _m, region: _r, tier: _t, ...prices } = plain(c.after) as ApiPriceRow;
      await tx.apiPrice.update({ where: { id: idOf.get(c.key)! }, data: prices });
    }
    if (diff.removed.length)
      await tx.apiPrice.deleteMany({ where: { id: { in: (diff.removed as ApiPriceRow[]).map((r) => idOf.get(apiKey(r))!) } } });
  } else {
    await tx.gpuOffer.createMany({ data: (diff.added as GpuOfferRow[]).map((r) => ({ ...r, catalogVersionId: versionId })) });
    for (const c of diff.changed) {
      const { provider: _p, gpuType: _g, provisioning: _v, ...prices } = plain(c.after) as GpuOfferRow;
      await tx.gpuOffer.update({ where: { id: idOf.get(c.key)! }, data: prices });
    }
    if (diff.removed.length)
      await tx.gpuOffer.deleteMany({ where: { id: { in: (diff.removed as GpuOfferRow[]).map((r) => idOf.get(gpuKey(r))!) } } });
  }
  return {
    diff,
    counts: importCounts(diff, parsed),
  };
}

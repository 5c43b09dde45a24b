// GPU offers from CSV (README lists the columns), on an RFC 4180 reader.
import { GPU_SPECS } from "./reference-catalog";
import { dayStart } from "../format/dates";
import { CsvReader } from "../usage/csv-reader";
import {
  type GpuOfferRow,
  type RowError,
  type Parsed,
  type Provisioning,
  type TenancyRow,
  PROVISIONING,
  TENANCY,
  fail,
  gpuKey,
  dedupe,
} from "./import-rows";

/** RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks), as rows of fields. */
export function parseCsv(text: string): string[][] {
  const reader = new CsvReader();
  try {
    return [...reader.push(text), ...reader.end()].map((r) => r.fields);
  } catch (e) {
    return fail((e as Error).message);
  }
}

const list = (cell: string) =>
  cell
    .split(";")
    .map((r) => r.trim())
    .filter(Boolean);

const GPU_COLUMNS = [
  "provider",
  "gpu_type",
  "price_per_gpu_hour",
  "memory_gb",
  "bandwidth_gb_s",
  "bf16_tflops",
  "fp8_tflops",
  "min_gpus",
  "provisioning",
  "tenancy",
  "regions",
  "gpus_per_node",
  "certifications",
  "pricing_terms",
  "note",
  "source_url",
  "checked_at",
] as const;

/**
 * GPU offers as CSV with a header row. Required: provider, gpu_type, price_per_gpu_hour; the
 * specifications (memory_gb, bandwidth_gb_s, bf16_tflops, fp8_tflops) may be left out for GPU
 * types the catalog knows. Optional: min_gpus (1), provisioning (on_demand), tenancy (on_prem,
 * dedicated, shared_cloud or community; a new row without one is shared_cloud), regions (";"),
 * gpus_per_node, certifications (";"), pricing_terms, note, source_url, checked_at (YYYY-MM-DD;
 * default the import date). An attribute column the file leaves out keeps what the draft has.
 */
export function parseGpuCsv(text: string, opts: { checkedAt: Date; sourceUrl: string }): Parsed<GpuOfferRow> {
  const table = parseCsv(text.replace(/^\uFEFF/, ""));
  if (table.length === 0) fail("The file is empty.");
  const header = table[0].map((h) => h.trim().toLowerCase());
  const missing = ["provider", "gpu_type", "price_per_gpu_hour"].filter((c) => !header.includes(c));
  if (missing.length) fail(`The header row must name ${missing.join(", ")} (columns: ${GPU_COLUMNS.join(", ")}).`);
  const unknown = header.filter((h) => h && !(GPU_COLUMNS as readonly string[]).includes(h));
  if (unknown.length) fail(`Unknown column${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")} (columns: ${GPU_COLUMNS.join(", ")}).`);
  const rows: GpuOfferRow[] = [];
  const errors: RowError[] = [];
  table.slice(1).forEach((cells, i) => {
    const line = `line ${i + 2}`;
    const get = (c: string) => (header.indexOf(c) >= 0 ? (cells[header.indexOf(c)] ?? "").trim() : "");
    const before = errors.length;
    const num = (c: string, opt: { required: boolean; integer?: boolean; positive?: boolean }) => {
      const v = get(c);
      if (v === "") {
        if (opt.required) errors.push({ row: line, field: c, message: "is required" });
        return null;
      }
      const n = Number(v);
      if (!Number.isFinite(n)) errors.push({ row: line, field: c, message: `must be a number, got "${v.slice(0, 30)}"` });
      else if (n < 0 || (opt.positive && n === 0))
        errors.push({ row: line, field: c, message: opt.positive ? "must be greater than 0" : "cannot be negative" });
      else if (opt.integer && !Number.isInteger(n)) errors.push({ row: line, field: c, message: "must be a whole number" });
      else return n;
      return null;
    };
    const provider = get("provider");
    const gpuType = get("gpu_type");
    if (!provider) errors.push({ row: line, field: "provider", message: "is required" });
    if (!gpuType) errors.push({ row: line, field: "gpu_type", message: "is required" });
    const spec = GPU_SPECS[gpuType];
    const priceValue = num("price_per_gpu_hour", { required: true });
    const memoryGb = num("memory_gb", { required: !spec, positive: true }) ?? spec?.memoryGb ?? null;
    const bandwidthGbS = num("bandwidth_gb_s", { required: !spec, positive: true }) ?? spec?.bandwidthGbS ?? null;
    const bf16Tflops = num("bf16_tflops", { required: !spec, positive: true }) ?? spec?.bf16Tflops ?? null;
    const fp8 = get("fp8_tflops") === "" ? (spec?.fp8Tflops ?? null) : num("fp8_tflops", { required: false, positive: true });
    const minGpus = num("min_gpus", { required: false, integer: true, positive: true }) ?? 1;
    const gpusPerNode = num("gpus_per_node", { required: false, integer: true, positive: true });
    const provisioningRaw = (get("provisioning") || "on_demand").toLowerCase().replace(/-/g, "_");
    if (!(PROVISIONING as readonly string[]).includes(provisioningRaw))
      errors.push({ row: line, field: "provisioning", message: `must be one of ${PROVISIONING.join(", ")}` });
    const tenancyRaw = (get("tenancy") || "shared_cloud").toLowerCase().replace(/-/g, "_");
    if (!(TENANCY as readonly string[]).includes(tenancyRaw))
      errors.push({ row: line, field: "tenancy", message: `must be one of ${TENANCY.join(", ")}` });
    const checked = get("checked_at");
    if (checked && !/^\d{4}-\d{2}-\d{2}$/.test(checked))
      errors.push({ row: line, field: "checked_at", message: "must be a date like 2026-11-29" });
    const url = get("source_url");
    if (url && !/^https?:\/\//.test(url)) errors.push({ row: line, field: "source_url", message: "must be an http(s) link" });
    if (errors.length > before) return;
    rows.push({
      provider,
      gpuType,
      memoryGb: memoryGb!,
      bandwidthGbS: bandwidthGbS!,
      bf16Tflops: bf16Tflops!,
      fp8Tflops: fp8,
      provisioning: provisioningRaw as Provisioning,
      ...(header.includes("tenancy") ? { tenancy: tenancyRaw as TenancyRow } : {}),
      pricePerGpuHour: priceValue!,
      minGpus,
      regions: list(get("regions")),
      ...(header.includes("gpus_per_node") ? { gpusPerNode: gpusPerNode ?? 8 } : {}),
      ...(header.includes("certifications") ? { certifications: list(get("certifications")) } : {}),
      ...(header.includes("pricing_terms") ? { pricingTerms: get("pricing_terms") || null } : {}),
      ...(header.includes("note") ? { note: get("note") || null } : {}),
      sourceUrl: url || opts.sourceUrl,
      checkedAt: checked ? dayStart(checked) : opts.checkedAt,
    });
  });
  return { rows: dedupe(rows, gpuKey, errors), skipped: [], errors };
}

// GET  /api/v1/teams/[team]/usage-imports – the team's usage imports
// POST /api/v1/teams/[team]/usage-imports – multipart: fields format, timeZone (before the file),
//      the file; optionally apply it at once with the fields target ("new" | "scenario"),
//      scenarioId, baseVersion, name, template, models (comma-separated), requestsPerMonth,
//      acceptBadRows. This path is left out of proxy.ts so the upload streams unbuffered.
import { json } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { MAX_USAGE_BYTES } from "@/lib/usage/parse";
import { withUpload } from "@/lib/http-upload";
import { applyUsageImport, importUsage, listUsageImports } from "@/lib/data/usage-imports";
import { route } from "@/lib/api/route";

export const GET = route({ auth: "user", params: ["team"] }, async ({ params, user }) => {
  return json({ imports: await listUsageImports(user.id, params.team) });
});

/** Room for the form's other fields and boundaries around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/** The apply fields of a one-step upload, typed as the apply body expects them. */
function applyBody(f: Record<string, string>) {
  const target =
    f.target === "scenario"
      ? { kind: "scenario", scenarioId: f.scenarioId, baseVersion: Number(f.baseVersion) }
      : { kind: "new", ...(f.name ? { name: f.name } : {}), ...(f.template ? { template: f.template } : {}) };
  return {
    target,
    models: f.models
      ? f.models
          .split(",")
          .map((m) => m.trim())
          .filter(Boolean)
      : [],
    requestsPerMonth: f.requestsPerMonth ? Number(f.requestsPerMonth) : null,
    acceptBadRows: f.acceptBadRows === "true",
  };
}

export const POST = route({ auth: "user", params: ["team"], body: "none" }, async ({ req, params, user }) => {
  // Refused before a byte is read; the parser also stops at the limit when no length is declared.
  if (Number(req.headers.get("content-length") ?? "0") > MAX_USAGE_BYTES + FORM_OVERHEAD_BYTES)
    throw new AppError("too_large", `The file is larger than the ${MAX_USAGE_BYTES / 1024 / 1024} MB limit.`, { file: ["is too large"] });
  return withUpload(req, async ({ fileName, fields, source }) => {
    const options = { format: fields.format, timeZone: fields.timeZone, fileName: fields.fileName ?? fileName };
    const created = await importUsage(user.id, params.team, { source }, options);
    if (!fields.target) return json(created, 201);
    const applied = await applyUsageImport(user.id, params.team, created.id, applyBody(fields));
    return json({ ...created, applied }, 201);
  });
});

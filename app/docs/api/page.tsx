import type { Metadata } from "next";
import Link from "next/link";
import { OPERATIONS, openApiDocument } from "@/lib/api/openapi";

export const metadata: Metadata = { title: "API reference" };

const METHOD_STYLE: Record<string, string> = {
  get: "bg-blue-50 text-blue-800",
  post: "bg-emerald-50 text-emerald-800",
  put: "bg-amber-50 text-amber-800",
  patch: "bg-amber-50 text-amber-800",
  delete: "bg-red-50 text-red-800",
};

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
};

function Fields({ schema }: { schema: JsonSchema }) {
  // A union body (a full input, or a template) is shown by its first object form.
  const object = schema.properties ? schema : schema.anyOf?.find((s) => s.properties);
  const props = object?.properties;
  if (!props) return null;
  const required = new Set(object.required ?? []);
  return (
    <table className="mt-2 w-full text-xs">
      <tbody className="divide-y divide-gray-100">
        {Object.entries(props).map(([name, p]) => (
          <tr key={name}>
            <td className="py-1 pr-3 align-top font-mono">
              {name}
              {required.has(name) ? <span className="text-red-700">*</span> : null}
            </td>
            <td className="py-1 pr-3 align-top text-gray-600">
              {Array.isArray(p.type) ? p.type.join(" | ") : (p.type ?? (p.enum ? "enum" : p.anyOf ? "one of" : "object"))}
            </td>
            <td className="py-1 align-top text-gray-700">
              {p.description ?? ""}
              {p.enum ? ` (${p.enum.map(String).join(", ")})` : ""}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A readable reference of /api/v1, from the same document the API serves. */
/** How to authenticate, the limits and the error shape, with a first request to copy. */
function Intro() {
  return (
    <header className="space-y-2">
      <Link href="/" className="text-sm text-blue-700 underline">
        Breakeven
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">API reference</h1>
      <p className="max-w-3xl text-sm text-gray-700">
        Every endpoint under <code>/api/v1</code>. Scripts and CI jobs authenticate with a team API token: an owner creates one in Team
        settings (read or write access; shown once) and sends it as <code>Authorization: Bearer bk_…</code>. Tokens reach their own team
        only, are limited to 120 requests a minute each (429 with <code>Retry-After</code>), and can be revoked at any time. Errors are
        JSON: <code>{"{ status, code, message, fieldErrors }"}</code>, with <code>fieldErrors</code> keyed by field path. The
        machine-readable document is{" "}
        <a className="text-blue-700 underline" href="/api/v1/openapi.json">
          /api/v1/openapi.json
        </a>{" "}
        (OpenAPI 3.1).
      </p>
      <pre
        tabIndex={0}
        className="overflow-x-auto rounded-md bg-gray-900 p-3 text-xs text-gray-100"
      >{`export BREAKEVEN_URL=http://127.0.0.1:3000 BREAKEVEN_TOKEN=bk_…
curl -H "Authorization: Bearer $BREAKEVEN_TOKEN" "$BREAKEVEN_URL/api/v1/teams/<team>/scenarios"`}</pre>
    </header>
  );
}

export default function ApiReference() {
  const doc = openApiDocument("");
  const paths = doc.paths as Record<
    string,
    Record<
      string,
      {
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
        parameters?: { name: string; in: string; description?: string; required?: boolean }[];
      }
    >
  >;
  const tags = [...new Set(OPERATIONS.map((o) => o.tag))];
  return (
    <main className="mx-auto max-w-5xl space-y-8 px-4 py-8">
      <Intro />
      {tags.map((tag) => (
        <section key={tag} className="space-y-3" aria-labelledby={`tag-${tag}`}>
          <h2 id={`tag-${tag}`} className="text-lg font-semibold">
            {tag}
          </h2>
          {OPERATIONS.filter((o) => o.tag === tag).map((o) => {
            const op = paths[o.path][o.method];
            const content = op.requestBody?.content;
            const body = (content?.["application/json"] ?? content?.["multipart/form-data"])?.schema;
            const query = (op.parameters ?? []).filter((p) => p.in === "query");
            return (
              <article key={`${o.method} ${o.path}`} className="rounded-lg border border-gray-200 bg-white p-4" data-testid="api-operation">
                <h3 className="flex flex-wrap items-center gap-2 font-mono text-sm">
                  <span className={`rounded px-1.5 py-0.5 text-xs font-semibold uppercase ${METHOD_STYLE[o.method]}`}>{o.method}</span>
                  <span className="break-all">{o.path}</span>
                </h3>
                <p className="mt-1 text-sm text-gray-800">{o.summary}</p>
                <p className="mt-1 text-xs text-gray-600">
                  {o.auth === "token" ? `API token (${o.write ? "write access" : "read or write"}) or session` : "Signed-in session only"}
                </p>
                {query.length ? (
                  <ul className="mt-2 text-xs text-gray-700">
                    {query.map((p) => (
                      <li key={p.name}>
                        <code>{p.name}</code>
                        {p.required ? <span className="text-red-700">*</span> : null} — {p.description}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {body ? <Fields schema={body} /> : null}
                {o.example ? (
                  <pre tabIndex={0} className="mt-2 overflow-x-auto rounded-md bg-gray-900 p-2 text-xs text-gray-100">
                    {o.example}
                  </pre>
                ) : null}
              </article>
            );
          })}
        </section>
      ))}
    </main>
  );
}

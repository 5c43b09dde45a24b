import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/app/components/page-header";
import { requireTeamPage } from "@/lib/auth/team-page";
import { can } from "@/lib/auth/authorize";
import { TEMPLATES } from "@/lib/catalog/templates";
import { listScenarios } from "@/lib/data/scenarios";
import { getUsageImport, listUsageImports } from "@/lib/data/usage-imports";
import { formatDateTime } from "@/lib/format/numbers";
import { UsageImporter } from "./usage-importer";
import { isoDay } from "@/lib/format/dates";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import usage" };

export default async function UsagePage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<{ scenario?: string; import?: string }>;
}) {
  const { team: slug } = await params;
  const query = await searchParams;
  const { user, team } = await requireTeamPage(slug, `/t/${slug}/usage`);
  if (!can(team.role, "scenario:write")) notFound();
  const [scenarios, imports] = await Promise.all([listScenarios(user.id, slug), listUsageImports(user.id, slug)]);
  const opened = query.import ? await getUsageImport(user.id, slug, query.import).catch(() => null) : null;
  return (
    <div className="space-y-4">
      <PageHeader backHref={`/t/${team.slug}`} backLabel={team.name} title="Import usage" />
      <p className="max-w-3xl text-sm text-gray-600">
        Turn your real API usage into a workload: an OpenAI or Anthropic usage export, LiteLLM spend logs or a CSV of your own. The file is
        read on the server as it uploads; only the figures derived from it are kept (with its name, size and SHA-256), never its rows.
      </p>
      <UsageImporter
        teamSlug={team.slug}
        scenarios={scenarios.map((s) => ({ id: s.id, name: s.name, version: s.version }))}
        templates={TEMPLATES.map(({ id, title }) => ({ id, title }))}
        initialScenario={query.scenario ?? null}
        initialImport={opened ? JSON.parse(JSON.stringify(opened)) : null}
      />
      {imports.length ? (
        <section className="rounded-lg border border-gray-200 bg-white p-4 text-sm" data-testid="usage-import-history">
          <h2 className="text-sm font-semibold">Earlier imports</h2>
          <ul className="mt-2 space-y-1">
            {imports.map((i) => (
              <li key={i.id}>
                <a className="text-blue-700 hover:underline" href={`/t/${team.slug}/usage?import=${i.id}`}>
                  {i.fileName}
                </a>{" "}
                <span className="text-gray-600">
                  · {i.rowCount.toLocaleString("en-US")} rows · {isoDay(i.periodStart)} to {i.periodEnd.toISOString().slice(0, 10)} ·
                  imported {formatDateTime(i.createdAt)} by {i.createdBy.name}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

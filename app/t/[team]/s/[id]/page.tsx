import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { requireTeamPage } from "@/lib/auth/team-page";
import { can } from "@/lib/auth/authorize";
import { getScenario, listRevisions, repricePreview } from "@/lib/data/scenarios";
import { listComments } from "@/lib/data/comments";
import { evaluateScenario } from "@/lib/engine";
import { ThenVsNow } from "./then-vs-now";
import { latestPickerCatalog } from "@/lib/data/catalog-picker";
import { REFERENCE_PICKER } from "@/lib/catalog/templates";
import type { ScenarioInputRaw } from "@/lib/engine";
import { formatDateTime } from "@/lib/format/numbers";
import { queryKeys } from "@/lib/client/api";
import { ScenarioWorkspace } from "./scenario-workspace";
import { ScenarioActions } from "./scenario-actions";
import { CommentsPanel, RevisionsPanel } from "./side-panels";
import { MemoExport } from "@/app/components/memo-export";
import { RenameScenario } from "./rename-scenario";
import { ScenarioVersionProvider } from "./scenario-version";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Scenario" };

export default async function ScenarioPage({ params }: { params: Promise<{ team: string; id: string }> }) {
  const { team: slug, id } = await params;
  const { user, team } = await requireTeamPage(slug, `/t/${slug}/s/${id}`);
  const scenario = await getScenario(user.id, slug, id);
  if (!scenario || !scenario.currentRevision) notFound();
  const revision = scenario.currentRevision;
  const canEdit = can(team.role, "scenario:write");
  const [reprice, picker] = await Promise.all([repricePreview(user.id, slug, id), latestPickerCatalog()]);
  const evaluation = evaluateScenario(revision.input);

  // Prefetch what the client components query, so they render at once and hydrate.
  const qc = new QueryClient();
  await Promise.all([
    qc.prefetchQuery({
      queryKey: queryKeys.comments(id),
      queryFn: async () => JSON.parse(JSON.stringify({ comments: await listComments(user.id, id) })),
    }),
    qc.prefetchQuery({
      queryKey: queryKeys.revisions(id),
      queryFn: async () => JSON.parse(JSON.stringify({ revisions: await listRevisions(user.id, id) })),
    }),
  ]);

  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <ScenarioVersionProvider initial={scenario.version}>
        <div className="space-y-6">
          <ScenarioHeader scenario={scenario} revision={revision} team={team} canEdit={canEdit} />
          {reprice ? (
            <ThenVsNow
              scenarioId={scenario.id}
              canEdit={canEdit}
              thenLabel={revision.catalogVersion?.label ?? "prices entered by hand"}
              nowLabel={reprice.catalog.label}
              then={evaluation}
              now={evaluateScenario(reprice.input)}
              changes={reprice.changes}
              unmatched={reprice.unmatched}
            />
          ) : null}
          {canEdit ? (
            <p className="text-sm text-gray-600">
              Have real usage?{" "}
              <Link href={`/t/${team.slug}/usage?scenario=${scenario.id}`} className="text-blue-700 hover:underline">
                Update this workload from a usage export
              </Link>
            </p>
          ) : null}
          <ScenarioWorkspace
            key={`${scenario.id}-${scenario.version}`}
            scenarioId={scenario.id}
            initialInput={revision.input as ScenarioInputRaw}
            initialEvaluation={evaluation}
            canEdit={canEdit}
            catalog={picker ?? REFERENCE_PICKER}
          />
          <MemoExport
            action={`/api/v1/scenarios/${scenario.id}/memo`}
            hidden={{ revision: String(revision.number) }}
            note={`The memo is written from saved revision ${revision.number}; save first to include unsaved edits.`}
          />
          <div className="grid gap-4 lg:grid-cols-2">
            <RevisionsPanel scenarioId={scenario.id} teamSlug={team.slug} canEdit={canEdit} />
            <CommentsPanel scenarioId={scenario.id} />
          </div>
        </div>
      </ScenarioVersionProvider>
    </HydrationBoundary>
  );
}

/** The scenario's name, status, revision and catalog, with rename and the status actions for editors. */
type Scenario = NonNullable<Awaited<ReturnType<typeof getScenario>>>;

function ScenarioHeader({
  scenario,
  revision,
  team,
  canEdit,
}: {
  scenario: Scenario;
  revision: NonNullable<Scenario["currentRevision"]>;
  team: { slug: string; name: string };
  canEdit: boolean;
}) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-4">
      <div className="min-w-0">
        <Link href={`/t/${team.slug}`} className="text-sm text-blue-700 hover:underline">
          ← {team.name}
        </Link>
        <h1 className="mt-1 break-words text-2xl font-semibold tracking-tight" data-testid="scenario-name">
          {scenario.name}
        </h1>
        <p className="text-sm text-gray-600">
          <span data-testid="scenario-status">{scenario.status}</span> · revision {revision.number}
          {revision.author ? ` by ${revision.author.name}` : ""} · {formatDateTime(revision.createdAt)} · prices: catalog{" "}
          <span data-testid="catalog-version">{revision.catalogVersion?.label ?? "entered by hand"}</span>
          {canEdit ? "" : " · read only (viewer)"}
        </p>
        {scenario.description ? <p className="mt-2 max-w-3xl text-sm text-gray-700">{scenario.description}</p> : null}
        {canEdit ? <RenameScenario scenarioId={scenario.id} name={scenario.name} description={scenario.description ?? ""} /> : null}
      </div>
      {canEdit ? <ScenarioActions scenarioId={scenario.id} teamSlug={team.slug} status={scenario.status} /> : null}
    </div>
  );
}

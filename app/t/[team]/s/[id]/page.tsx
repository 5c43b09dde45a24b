import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireTeamPage } from "@/lib/auth/team-page";
import { getScenario } from "@/lib/data/scenarios";
import { evaluateScenario } from "@/lib/engine/evaluate";
import { formatDateTime } from "@/lib/format/numbers";
import { ResultCharts } from "@/app/components/charts/result-charts";
import { RecommendationPanel } from "./recommendation-panel";
import { OptionsTable } from "./options-table";
import { DetailsPanels } from "./details-panels";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Scenario" };

export default async function ScenarioPage({ params }: { params: Promise<{ team: string; id: string }> }) {
  const { team: slug, id } = await params;
  const { user, team } = await requireTeamPage(slug, `/t/${slug}/s/${id}`);
  const scenario = await getScenario(user.id, slug, id);
  if (!scenario || !scenario.currentRevision) notFound();
  const revision = scenario.currentRevision;
  const evaluation = evaluateScenario(revision.input);
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/t/${team.slug}`} className="text-sm text-blue-700 hover:underline">
          ← {team.name}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight" data-testid="scenario-name">
          {scenario.name}
        </h1>
        <p className="text-sm text-gray-600">
          {scenario.status} · revision {revision.number}
          {revision.author ? ` by ${revision.author.name}` : ""} · {formatDateTime(revision.createdAt)} · prices: catalog{" "}
          <span data-testid="catalog-version">{revision.catalogVersion?.label ?? "entered by hand"}</span>
        </p>
        {scenario.description ? <p className="mt-2 max-w-3xl text-sm text-gray-700">{scenario.description}</p> : null}
      </div>
      <RecommendationPanel evaluation={evaluation} />
      <OptionsTable evaluation={evaluation} />
      <ResultCharts evaluation={evaluation} />
      <DetailsPanels evaluation={evaluation} />
    </div>
  );
}

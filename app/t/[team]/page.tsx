import type { Metadata } from "next";
import { requireTeamPage } from "@/lib/auth/team-page";
import { listScenarios } from "@/lib/data/scenarios";
import { ScenarioList } from "./scenario-list";
import { ScenarioCostChart } from "@/app/components/charts/scenario-cost-chart";
import { readSummary } from "@/lib/engine/summary-schema";
import Link from "next/link";
import { can } from "@/lib/auth/authorize";

export const metadata: Metadata = { title: "Scenarios" };
export const dynamic = "force-dynamic";

export default async function TeamDashboard({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { user, team } = await requireTeamPage(slug);
  const scenarios = await listScenarios(user.id, slug);
  const chart = scenarios.flatMap((s) => {
    const summary = readSummary(s.currentRevision?.summary);
    return summary?.recommendedMonthlyCost != null ? [{ scenario: s.name, "Monthly cost": Math.round(summary.recommendedMonthlyCost) }] : [];
  });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight" data-testid="team-name">
            {team.name}
          </h1>
          <p className="text-sm text-gray-600">Workload scenarios: API or self-hosted, priced side by side. Your role: {team.role}.</p>
        </div>
        {can(team.role, "scenario:write") ? (
          <Link href={`/t/${team.slug}/new`} className="btn-primary">
            New scenario
          </Link>
        ) : null}
      </div>
      {chart.length ? (
        <section className="rounded-lg border border-gray-200 bg-white p-4" data-testid="dashboard-chart">
          <h2 className="text-sm font-semibold">Monthly cost of each recommendation</h2>
          <ScenarioCostChart data={chart} />
        </section>
      ) : null}
      <ScenarioList scenarios={scenarios} teamSlug={team.slug} />
    </div>
  );
}

import type { Metadata } from "next";
import { requireTeamPage } from "@/lib/auth/team-page";
import { listScenarios } from "@/lib/data/scenarios";
import { ScenarioList } from "./scenario-list";

export const metadata: Metadata = { title: "Scenarios" };
export const dynamic = "force-dynamic";

export default async function TeamDashboard({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { user, team } = await requireTeamPage(slug);
  const scenarios = await listScenarios(user.id, slug);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="team-name">
          {team.name}
        </h1>
        <p className="text-sm text-gray-600">
          Workload scenarios: API or self-hosted, priced side by side. Your role: {team.role}.
        </p>
      </div>
      <ScenarioList scenarios={scenarios} />
    </div>
  );
}

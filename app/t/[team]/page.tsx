import type { Metadata } from "next";
import { requireTeamPage } from "@/lib/auth/team-page";
import { listScenarios } from "@/lib/data/scenarios";
import { repricingMarks } from "@/lib/data/catalog-marks";
import { ScenarioList } from "./scenario-list";
import { ScenarioCostChart } from "@/app/components/charts/scenario-cost-chart";
import { readSummary } from "@/lib/engine";
import Link from "next/link";
import { can } from "@/lib/auth/authorize";

export const metadata: Metadata = { title: "Scenarios" };
export const dynamic = "force-dynamic";

const STATUSES = ["draft", "proposed", "decided", "archived"] as const;

export default async function TeamDashboard({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<{ q?: string; status?: string }>;
}) {
  const { team: slug } = await params;
  const { q = "", status = "" } = await searchParams;
  const { user, team } = await requireTeamPage(slug);
  const [all, { marks }] = await Promise.all([listScenarios(user.id, slug), repricingMarks(user.id, slug)]);
  const needle = q.trim().toLowerCase();
  // Archived scenarios stay out of the way unless asked for.
  const scenarios = all.filter(
    (s) =>
      (status ? s.status === status : s.status !== "archived") && (!needle || `${s.name} ${s.description}`.toLowerCase().includes(needle)),
  );
  const chart = scenarios.flatMap((s) => {
    const summary = readSummary(s.currentRevision?.summary);
    // Axis labels are short: long names overlap on narrow screens (the list below has them whole).
    const label = s.name.length > 22 ? `${s.name.slice(0, 21)}…` : s.name;
    return summary?.recommendedMonthlyCost != null ? [{ scenario: label, "Monthly cost": Math.round(summary.recommendedMonthlyCost) }] : [];
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
        <div className="flex gap-2">
          <Link href={`/t/${team.slug}/compare`} className="btn-secondary">
            Compare
          </Link>
          {can(team.role, "scenario:write") ? (
            <>
              <Link href={`/t/${team.slug}/usage`} className="btn-secondary">
                Import usage
              </Link>
              <Link href={`/t/${team.slug}/new`} className="btn-primary">
                New scenario
              </Link>
            </>
          ) : null}
        </div>
      </div>
      {chart.length ? (
        <section className="rounded-lg border border-gray-200 bg-white p-4" data-testid="dashboard-chart">
          <h2 className="text-sm font-semibold">Monthly cost of each recommendation</h2>
          <ScenarioCostChart data={chart} />
        </section>
      ) : null}
      <form className="flex flex-wrap items-end gap-2" role="search">
        <label className="text-sm">
          <span className="field-label">Search</span>
          <input name="q" defaultValue={q} className="field-input py-1.5" placeholder="Name or description" />
        </label>
        <label className="text-sm">
          <span className="field-label">Status</span>
          <select name="status" defaultValue={status} className="field-input py-1.5">
            <option value="">Active (not archived)</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn-secondary">
          Filter
        </button>
      </form>
      {scenarios.length === 0 && all.length > 0 ? (
        <p className="text-sm text-gray-600">No scenario matches this filter.</p>
      ) : (
        <ScenarioList scenarios={scenarios} teamSlug={team.slug} marks={marks} />
      )}
    </div>
  );
}

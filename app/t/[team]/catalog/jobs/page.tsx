import type { Metadata } from "next";
import { PageHeader } from "@/app/components/page-header";
import { requireTeamPage } from "@/lib/auth/team-page";
import { isCatalogAdmin } from "@/lib/data/catalog";
import { listJobs } from "@/lib/data/jobs";
import { JobsView, type JobsData } from "./jobs-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Background jobs" };

export default async function JobsPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { user, team } = await requireTeamPage(slug, `/t/${slug}/catalog/jobs`);
  const header = (
    <PageHeader backHref={`/t/${team.slug}/catalog/admin`} backLabel="Catalog drafts and publishing" title="Background jobs" />
  );
  if (!(await isCatalogAdmin(user.id))) {
    return (
      <div className="space-y-4">
        {header}
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Background jobs re-price every team&apos;s scenarios, so only instance administrators see them.
        </p>
      </div>
    );
  }
  const jobs = await listJobs(user.id);
  // Dates as ISO strings: the view polls the API, which answers in JSON.
  const initial = JSON.parse(JSON.stringify(jobs)) as JobsData;
  return (
    <div className="space-y-5">
      {header}
      <JobsView initial={initial} />
    </div>
  );
}

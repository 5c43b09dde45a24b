import type { Metadata } from "next";
import { PageHeader } from "@/app/components/page-header";
import { requireTeamPage } from "@/lib/auth/team-page";
import { isCatalogAdmin } from "@/lib/data/catalog";
import { listFeeds } from "@/lib/data/feeds";
import { FeedsView, type Feed } from "./feeds-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Price feeds" };

export default async function FeedsPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { user, team } = await requireTeamPage(slug, `/t/${slug}/catalog/feeds`);
  const header = <PageHeader backHref={`/t/${team.slug}/catalog/admin`} backLabel="Catalog drafts and publishing" title="Price feeds" />;
  if (!(await isCatalogAdmin(user.id))) {
    return (
      <div className="space-y-4">
        {header}
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Price feeds change the catalog every team uses, so only instance administrators manage them.
        </p>
      </div>
    );
  }
  // Dates as ISO strings: the view polls the API, which answers in JSON.
  const feeds = JSON.parse(JSON.stringify(await listFeeds(user.id))) as Feed[];
  return (
    <div className="space-y-5">
      {header}
      <FeedsView teamSlug={team.slug} initial={feeds} />
    </div>
  );
}

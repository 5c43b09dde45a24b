import type { Metadata } from "next";
import { PageHeader } from "@/app/components/page-header";
import { notFound } from "next/navigation";
import { requireTeamPage } from "@/lib/auth/team-page";
import { can } from "@/lib/auth/authorize";
import { TEMPLATES } from "@/lib/catalog/templates";
import { TemplatePicker } from "./template-picker";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New scenario" };

export default async function NewScenarioPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { team } = await requireTeamPage(slug, `/t/${slug}/new`);
  if (!can(team.role, "scenario:write")) notFound();
  return (
    <div className="space-y-4">
      <PageHeader backHref={`/t/${team.slug}`} backLabel={team.name} title="New scenario" />
      <p className="max-w-2xl text-sm text-gray-600">
        Start from a template priced from the reference catalog; every number can be changed afterwards.
      </p>
      <TemplatePicker teamSlug={team.slug} templates={TEMPLATES.map(({ id, title, blurb }) => ({ id, title, blurb }))} />
    </div>
  );
}

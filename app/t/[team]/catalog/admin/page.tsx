import type { Metadata } from "next";
import { PageHeader } from "@/app/components/page-header";
import { requireTeamPage } from "@/lib/auth/team-page";
import { getCatalogVersion, listCatalogVersions } from "@/lib/data/catalog";
import { CatalogAdmin } from "./catalog-admin";
import type { DraftRows } from "./admin-shared";
import { apiAttributesOf } from "@/lib/catalog/import-rows";
import { pickerApiRow } from "@/lib/catalog/picker";
import { isoDay } from "@/lib/format/dates";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Catalog drafts" };

export default async function CatalogAdminPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<{ draft?: string }>;
}) {
  const { team: slug } = await params;
  const { user, team } = await requireTeamPage(slug, `/t/${slug}/catalog/admin`);
  const { admin, versions } = await listCatalogVersions(user.id);
  const header = <PageHeader backHref={`/t/${team.slug}/catalog`} backLabel="Price catalog" title="Catalog drafts and publishing" />;
  if (!admin) {
    return (
      <div className="space-y-4">
        {header}
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Only instance administrators can edit the price catalog (their emails are set in ADMIN_EMAILS). You can browse every published
          version.
        </p>
      </div>
    );
  }
  const drafts = versions.filter((v) => !v.published);
  const wanted = (await searchParams).draft;
  const selected = drafts.find((d) => d.id === wanted) ?? drafts[0];
  let rows: DraftRows | null = null;
  if (selected) {
    const v = await getCatalogVersion(user.id, selected.id);
    rows = draftRows(v);
  }
  return (
    <div className="space-y-5">
      {header}
      <CatalogAdmin
        teamSlug={team.slug}
        drafts={drafts.map((d) => ({ id: d.id, label: d.label, effectiveDate: isoDay(d.effectiveDate), counts: d._count }))}
        published={versions
          .filter((v) => v.published)
          .map((v) => ({
            id: v.id,
            label: v.label,
            effectiveDate: isoDay(v.effectiveDate),
            run: v.repricingRuns[0] ? { ...v.repricingRuns[0], finishedAt: v.repricingRuns[0].finishedAt?.toISOString() ?? null } : null,
          }))}
        selectedId={selected?.id ?? null}
        rows={rows}
      />
    </div>
  );
}

/** A draft's rows as the editing tables show them. */
function draftRows(v: Awaited<ReturnType<typeof getCatalogVersion>>): DraftRows {
  return {
    api: v.apiPrices.map((r) => ({ ...pickerApiRow(r), ...apiAttributesOf(r), id: r.id, region: r.region, tier: r.tier })),
    gpu: v.gpuOffers.map((r) => ({
      id: r.id,
      provider: r.provider,
      gpuType: r.gpuType,
      provisioning: r.provisioning,
      tenancy: r.tenancy,
      pricePerGpuHour: r.pricePerGpuHour,
      minGpus: r.minGpus,
      checkedAt: isoDay(r.checkedAt),
      gpusPerNode: r.gpusPerNode,
      regions: r.regions,
      certifications: r.certifications,
      pricingTerms: r.pricingTerms,
      note: r.note,
    })),
  };
}

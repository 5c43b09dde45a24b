import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/app/components/page-header";
import { requireTeamPage } from "@/lib/auth/team-page";
import { getCatalogVersion, listCatalogVersions } from "@/lib/data/catalog";
import { isoDay } from "@/lib/format/dates";
import { ApiPriceTable, BenchmarkTable, GpuOfferTable, OpenModelTable } from "./catalog-tables";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Price catalog" };

const TABS = { api: "API prices", gpu: "GPU offers", models: "Open models", benchmarks: "Throughput benchmarks" } as const;
type Tab = keyof typeof TABS;

export default async function CatalogPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<{ v?: string; tab?: string; q?: string; provider?: string }>;
}) {
  const { team: slug } = await params;
  const sp = await searchParams;
  const { user, team } = await requireTeamPage(slug, `/t/${slug}/catalog`);
  const { admin, versions } = await listCatalogVersions(user.id);
  const chosen = versions.find((v) => v.id === sp.v) ?? versions.find((v) => v.published);
  if (!chosen) notFound();
  const version = await getCatalogVersion(user.id, chosen.id);
  const tab: Tab = sp.tab && sp.tab in TABS ? (sp.tab as Tab) : "api";
  const q = (sp.q ?? "").trim().toLowerCase();
  const provider = sp.provider ?? "";
  const matches = (...fields: (string | null | undefined)[]) => !q || fields.join(" ").toLowerCase().includes(q);
  const api = version.apiPrices.filter((r) => (!provider || r.provider === provider) && matches(r.provider, r.model, r.region, r.tier));
  const gpu = version.gpuOffers.filter(
    (r) => (!provider || r.provider === provider) && matches(r.provider, r.gpuType, r.provisioning, r.regions.join(" ")),
  );
  const models = version.openModels.filter((r) => matches(r.name));
  const benchmarks = version.benchmarks.filter((r) => matches(r.model, r.gpuType, r.precision, r.workload));
  const providers = [...new Set((tab === "gpu" ? version.gpuOffers : version.apiPrices).map((r) => r.provider))].sort();
  const link = (extra: Record<string, string>) =>
    `/t/${team.slug}/catalog?${new URLSearchParams({ v: chosen.id, tab, ...(q ? { q } : {}), ...(provider ? { provider } : {}), ...extra })}`;
  const historyLink = (p: Record<string, string>) => `/t/${team.slug}/catalog/history?${new URLSearchParams(p)}`;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <PageHeader backHref={`/t/${team.slug}`} backLabel={team.name} title="Price catalog" />
        {admin ? (
          <Link href={`/t/${team.slug}/catalog/admin`} className="btn-secondary" data-testid="catalog-admin-link">
            Drafts and publishing
          </Link>
        ) : null}
      </div>
      <VersionPicker versions={versions} chosenId={chosen.id} version={version} tab={tab} />

      <nav aria-label="Catalog tables" className="flex flex-wrap gap-2 text-sm">
        {(Object.keys(TABS) as Tab[]).map((t) => (
          <Link
            key={t}
            href={link({ tab: t, provider: "" })}
            aria-current={t === tab ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 ${t === tab ? "bg-blue-600 text-white" : "bg-white text-gray-700 ring-1 ring-gray-200 hover:bg-gray-50"}`}
          >
            {TABS[t]}
          </Link>
        ))}
      </nav>

      <CatalogSearch versionId={chosen.id} tab={tab} q={sp.q ?? ""} provider={provider} providers={providers} />

      {tab === "api" ? <ApiPriceTable rows={api} historyLink={historyLink} /> : null}
      {tab === "gpu" ? <GpuOfferTable rows={gpu} historyLink={historyLink} /> : null}
      {tab === "models" ? <OpenModelTable rows={models} /> : null}
      {tab === "benchmarks" ? <BenchmarkTable rows={benchmarks} /> : null}
    </div>
  );
}

type Versions = Awaited<ReturnType<typeof listCatalogVersions>>["versions"];

/** Which version is shown, and what it is. */
function VersionPicker({
  versions,
  chosenId,
  version,
  tab,
}: {
  versions: Versions;
  chosenId: string;
  version: Awaited<ReturnType<typeof getCatalogVersion>>;
  tab: Tab;
}) {
  return (
    <section className="rounded-lg border border-gray-200 bg-white p-4 text-sm" data-testid="catalog-version">
      <form className="flex flex-wrap items-end gap-3">
        <label>
          <span className="field-label">Version</span>
          <select name="v" defaultValue={chosenId} className="field-input py-1.5">
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label} {v.published ? `(effective ${isoDay(v.effectiveDate)})` : "(draft)"}
              </option>
            ))}
          </select>
        </label>
        <input type="hidden" name="tab" value={tab} />
        <button className="btn-secondary">Show</button>
      </form>
      <p className="mt-2 text-gray-700">
        <strong>{version.label}</strong>{" "}
        {version.published
          ? `· effective ${isoDay(version.effectiveDate)} · published ${version.publishedAt ? isoDay(version.publishedAt) : ""}`
          : "· draft, not used by any scenario yet"}
      </p>
      {version.sourceNote ? <p className="mt-1 text-xs text-gray-600">{version.sourceNote}</p> : null}
    </section>
  );
}

/** Search within the shown table, and the provider filter of the price tables. */
function CatalogSearch(p: { versionId: string; tab: Tab; q: string; provider: string; providers: string[] }) {
  const { versionId, tab, q, provider, providers } = p;
  return (
    <form className="flex flex-wrap items-end gap-2" role="search">
      <input type="hidden" name="v" value={versionId} />
      <input type="hidden" name="tab" value={tab} />
      <label className="text-sm">
        <span className="field-label">Search</span>
        <input
          name="q"
          defaultValue={q}
          className="field-input py-1.5"
          placeholder={tab === "gpu" ? "GPU, provider, region" : "Model, provider, region, tier"}
        />
      </label>
      {tab === "api" || tab === "gpu" ? (
        <label className="text-sm">
          <span className="field-label">Provider</span>
          <select name="provider" defaultValue={provider} className="field-input py-1.5">
            <option value="">All</option>
            {providers.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
      ) : null}
      <button className="btn-secondary">Filter</button>
    </form>
  );
}

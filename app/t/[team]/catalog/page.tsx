import { formatHourOfDay } from "@/lib/format/dates";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/app/components/page-header";
import { requireTeamPage } from "@/lib/auth/team-page";
import { getCatalogVersion, listCatalogVersions } from "@/lib/data/catalog";
import { formatPrice } from "@/lib/format/numbers";
import { groupDigits } from "@/lib/format/numbers";
import { isoDay } from "@/lib/format/dates";
import { DataTable } from "@/app/components/data-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Price catalog" };

const TABS = { api: "API prices", gpu: "GPU offers", models: "Open models", benchmarks: "Throughput benchmarks" } as const;
type Tab = keyof typeof TABS;
const perM = (v: number | null) => formatPrice(v);

/** The link of a source, when it parses as an http(s) URL (rows stored before the strict rules may not). */
function sourceLink(url: string): { href: string; host: string } | null {
  const href = url.match(/https?:\/\/\S+/)?.[0];
  if (!href) return null;
  try {
    return { href, host: new URL(href).hostname };
  } catch {
    return null;
  }
}

function Source({ url, checkedAt }: { url: string; checkedAt?: Date }) {
  const link = sourceLink(url);
  return (
    <span className="text-xs text-gray-600">
      {link ? (
        <a href={link.href} className="text-blue-700 hover:underline" rel="noreferrer noopener" target="_blank">
          {link.host}
        </a>
      ) : (
        url
      )}
      {checkedAt ? <span className="block">checked {isoDay(checkedAt)}</span> : null}
    </span>
  );
}

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
      <section className="rounded-lg border border-gray-200 bg-white p-4 text-sm" data-testid="catalog-version">
        <form className="flex flex-wrap items-end gap-3">
          <label>
            <span className="field-label">Version</span>
            <select name="v" defaultValue={chosen.id} className="field-input py-1.5">
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

      <form className="flex flex-wrap items-end gap-2" role="search">
        <input type="hidden" name="v" value={chosen.id} />
        <input type="hidden" name="tab" value={tab} />
        <label className="text-sm">
          <span className="field-label">Search</span>
          <input
            name="q"
            defaultValue={sp.q ?? ""}
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

      {tab === "api" ? (
        <DataTable
          label="API prices"
          testId="catalog-api"
          columns={[
            { header: "Provider · model" },
            { header: "Region · tier" },
            { header: "Input /1M", align: "right" },
            { header: "Cached /1M", align: "right" },
            { header: "Cache write /1M", align: "right" },
            { header: "Output /1M", align: "right" },
            { header: "Batch", align: "right" },
            { header: "Source" },
          ]}
        >
          {api.map((r) => (
            <tr key={r.id}>
              <td className="px-3 py-2">
                <span className="text-gray-600">{r.provider}</span> · <span className="font-medium">{r.model}</span>
                <Link
                  href={historyLink({ kind: "api", provider: r.provider, model: r.model })}
                  className="ml-2 text-xs text-blue-700 hover:underline"
                >
                  history
                </Link>
                {r.longContextThreshold ? (
                  <span className="block text-xs text-gray-500">
                    above {groupDigits(r.longContextThreshold)} input tokens: {perM(r.longContextInputPerM)} /{" "}
                    {perM(r.longContextOutputPerM)}
                  </span>
                ) : null}
                {r.offPeakStartUtc != null && r.offPeakEndUtc != null ? (
                  <span className="block text-xs text-gray-500">
                    off-peak {formatHourOfDay(r.offPeakStartUtc)}–{formatHourOfDay(r.offPeakEndUtc)} UTC: {perM(r.offPeakInputPerM)} /{" "}
                    {perM(r.offPeakOutputPerM)}
                  </span>
                ) : null}
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-gray-600">
                {r.region} · {r.tier}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{perM(r.inputPerM)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{perM(r.cachedInputPerM)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{perM(r.cacheWritePerM)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{perM(r.outputPerM)}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {r.batchDiscount === null ? "—" : `−${Math.round(r.batchDiscount * 100)}%`}
              </td>
              <td className="px-3 py-2">
                <Source url={r.sourceUrl} checkedAt={r.checkedAt} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {tab === "gpu" ? (
        <DataTable
          label="GPU offers"
          testId="catalog-gpu"
          columns={[
            { header: "GPU · provider" },
            { header: "Provisioning · tenancy" },
            { header: "$/GPU-hour", align: "right" },
            { header: "Rented in", align: "right" },
            { header: "Memory", align: "right" },
            { header: "Bandwidth", align: "right" },
            { header: "BF16 / FP8 TFLOPS", align: "right" },
            { header: "Source" },
          ]}
        >
          {gpu.map((r) => (
            <tr key={r.id}>
              <td className="px-3 py-2">
                <span className="font-medium">{r.gpuType}</span> · <span className="text-gray-600">{r.provider}</span>
                <Link
                  href={historyLink({ kind: "gpu", provider: r.provider, gpuType: r.gpuType })}
                  className="ml-2 text-xs text-blue-700 hover:underline"
                >
                  history
                </Link>
                {r.regions.length ? <span className="block text-xs text-gray-500">{r.regions.join(", ")}</span> : null}
              </td>
              <td className="px-3 py-2 text-gray-600">
                {r.provisioning.replace("_", " ")}
                <span className="block text-xs text-gray-500">{r.tenancy.replace("_", " ")}</span>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{formatPrice(r.pricePerGpuHour)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{r.minGpus}</td>
              <td className="px-3 py-2 text-right tabular-nums">{r.memoryGb} GB</td>
              <td className="px-3 py-2 text-right tabular-nums">{groupDigits(r.bandwidthGbS)} GB/s</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {groupDigits(r.bf16Tflops)} / {r.fp8Tflops ? groupDigits(r.fp8Tflops) : "—"}
              </td>
              <td className="px-3 py-2">
                <Source url={r.sourceUrl} checkedAt={r.checkedAt} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {tab === "models" ? (
        <DataTable
          label="Open models"
          testId="catalog-models"
          columns={[
            { header: "Model" },
            { header: "Parameters (active)", align: "right" },
            { header: "Layers", align: "right" },
            { header: "KV heads × dim", align: "right" },
            { header: "Context", align: "right" },
            { header: "Source" },
          ]}
        >
          {models.map((r) => (
            <tr key={r.id}>
              <td className="px-3 py-2 font-medium">{r.name}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {r.totalParamsB}B ({r.activeParamsB}B)
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{r.layers}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {r.kvHeads} × {r.headDim}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{groupDigits(r.contextLength)}</td>
              <td className="px-3 py-2">
                <Source url={r.sourceUrl} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {tab === "benchmarks" ? (
        <DataTable
          label="Throughput benchmarks"
          testId="catalog-benchmarks"
          columns={[
            { header: "Model · GPU" },
            { header: "TP · precision" },
            { header: "Concurrency", align: "right" },
            { header: "Output tokens/s", align: "right" },
            { header: "Shape (in / out)", align: "right" },
            { header: "Source" },
          ]}
        >
          {benchmarks.map((r) => (
            <tr key={r.id}>
              <td className="px-3 py-2">
                <span className="font-medium">{r.model}</span> · {r.gpuType}
              </td>
              <td className="px-3 py-2 text-gray-600">
                TP {r.tensorParallel} · {r.precision}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{r.concurrency}</td>
              <td className="px-3 py-2 text-right tabular-nums">{groupDigits(r.outputTokensPerS)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{r.inputTokens != null ? `${r.inputTokens} / ${r.outputTokens}` : "—"}</td>
              <td className="px-3 py-2">
                <Source url={r.source} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </div>
  );
}

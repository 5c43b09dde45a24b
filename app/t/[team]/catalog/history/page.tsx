import type { Metadata } from "next";
import { PageHeader } from "@/app/components/page-header";
import { PriceHistoryChart } from "@/app/components/charts/price-history-chart";
import { requireTeamPage } from "@/lib/auth/team-page";
import { priceHistory } from "@/lib/data/catalog";
import { formatPrice } from "@/lib/format/numbers";
import { HistoryQuerySchema } from "@/lib/validation/catalog";
import { isoDay } from "@/lib/format/dates";
import { Cell, DataTable } from "@/app/components/data-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Price history" };

export default async function PriceHistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const { team: slug } = await params;
  const { team } = await requireTeamPage(slug, `/t/${slug}/catalog`);
  const parsed = HistoryQuerySchema.safeParse(await searchParams);
  const back = { backHref: `/t/${team.slug}/catalog`, backLabel: "Price catalog" };
  if (!parsed.success) {
    return (
      <div className="space-y-4">
        <PageHeader {...back} title="Price history" />
        <p className="text-sm text-red-700">Choose a model or a GPU offer from the catalog to see its history.</p>
      </div>
    );
  }
  const q = parsed.data;
  const history = await priceHistory(q);
  const api = q.kind === "api";
  const title = api ? `${q.model} (${q.provider})` : `${q.gpuType} at ${q.provider}`;
  const categories = api ? ["Input per 1M", "Cached input per 1M", "Output per 1M"] : ["Per GPU-hour"];
  const data = history.map((h) => ({
    version: `${h.label} (${isoDay(h.effectiveDate)})`,
    ...(api
      ? { "Input per 1M": h.inputPerM, "Cached input per 1M": h.cachedInputPerM, "Output per 1M": h.outputPerM }
      : { "Per GPU-hour": h.pricePerGpuHour }),
  }));
  return (
    <div className="space-y-5">
      <PageHeader {...back} title={`Price history: ${title}`} />
      <section className="rounded-lg border border-gray-200 bg-white p-4" data-testid="price-history-chart">
        <h2 className="text-sm font-semibold">{api ? "US$ per million tokens" : "US$ per GPU-hour"}, by catalog version</h2>
        {history.some((h) => h.present) ? (
          <PriceHistoryChart data={data} categories={categories} />
        ) : (
          <p className="text-sm text-gray-600">No published version prices this.</p>
        )}
      </section>
      <DataTable
        label="Price history table"
        testId="price-history-table"
        columns={[
          { header: "Catalog version" },
          { header: "Effective" },
          ...categories.map((c) => ({ header: c, align: "right" as const, key: c })),
          { header: "Source" },
        ]}
      >
        {history.map((h) => (
          <tr key={h.label}>
            <Cell className="font-medium">{h.label}</Cell>
            <Cell>{isoDay(h.effectiveDate)}</Cell>
            {(api ? [h.inputPerM, h.cachedInputPerM, h.outputPerM] : [h.pricePerGpuHour]).map((v, i) => (
              <Cell key={i} num>
                {h.present ? formatPrice(v) : "not listed"}
              </Cell>
            ))}
            <Cell className="text-xs text-gray-600">
              {h.sourceUrl ?? ""}
              {h.checkedAt ? ` · checked ${isoDay(h.checkedAt)}` : ""}
            </Cell>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

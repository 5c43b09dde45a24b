// The catalog version's four tables: API prices, GPU offers, open models, throughput benchmarks.
import Link from "next/link";
import { Cell, DataTable } from "@/app/components/data-table";
import type { getCatalogVersion } from "@/lib/data/catalog";
import { formatHourOfDay, isoDay } from "@/lib/format/dates";
import { formatPrice, groupDigits } from "@/lib/format/numbers";

type Version = Awaited<ReturnType<typeof getCatalogVersion>>;
type HistoryLink = (p: Record<string, string>) => string;
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

function HistoryAnchor({ href }: { href: string }) {
  return (
    <Link href={href} className="ml-2 text-xs text-blue-700 hover:underline">
      history
    </Link>
  );
}

/** Where a row runs and what it is certified for; empty means nobody verified it. */
function Compliance({ regions, certifications }: { regions: string[]; certifications: string[] }) {
  return (
    <>
      <span className="block">regions: {regions.length ? regions.join(", ") : "not verified"}</span>
      <span className="block">certifications: {certifications.length ? certifications.join(", ") : "not verified"}</span>
    </>
  );
}

/** A row's caveat: what could not be sourced, or what a reader must know before using it. */
function Note({ text }: { text: string | null }) {
  return text ? <span className="mt-0.5 block max-w-md text-xs text-amber-800">{text}</span> : null;
}

export function ApiPriceTable({ rows: api, historyLink }: { rows: Version["apiPrices"]; historyLink: HistoryLink }) {
  return (
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
        { header: "Data and compliance" },
        { header: "Source" },
      ]}
    >
      {api.map((r) => (
        <tr key={r.id}>
          <Cell className="min-w-48">
            <span className="text-gray-600">{r.provider}</span> · <span className="font-medium">{r.model}</span>
            <HistoryAnchor href={historyLink({ kind: "api", provider: r.provider, model: r.model })} />
            {r.longContextThreshold ? (
              <span className="block text-xs text-gray-500">
                above {groupDigits(r.longContextThreshold)} input tokens: {perM(r.longContextInputPerM)} / {perM(r.longContextOutputPerM)}
              </span>
            ) : null}
            {r.offPeakStartUtc != null && r.offPeakEndUtc != null ? (
              <span className="block text-xs text-gray-500">
                off-peak {formatHourOfDay(r.offPeakStartUtc)}–{formatHourOfDay(r.offPeakEndUtc)} UTC: {perM(r.offPeakInputPerM)} /{" "}
                {perM(r.offPeakOutputPerM)}
              </span>
            ) : null}
          </Cell>
          <Cell className="whitespace-nowrap text-gray-600">
            {r.region} · {r.tier}
          </Cell>
          <Cell num>{perM(r.inputPerM)}</Cell>
          <Cell num>{perM(r.cachedInputPerM)}</Cell>
          <Cell num>{perM(r.cacheWritePerM)}</Cell>
          <Cell num>{perM(r.outputPerM)}</Cell>
          <Cell num>{r.batchDiscount === null ? "—" : `−${Math.round(r.batchDiscount * 100)}%`}</Cell>
          <Cell className="min-w-64 text-xs text-gray-600">
            <Compliance regions={r.dataRegions} certifications={r.certifications} />
            <span className="block">
              zero retention: {r.zeroDataRetention === null ? "not verified" : r.zeroDataRetention ? "offered" : "not offered"}
              {r.typicalTtftMs ? ` · TTFT ≈ ${groupDigits(r.typicalTtftMs)} ms` : ""}
            </span>
            {r.dataRetention ? <span className="block text-gray-500">{r.dataRetention}</span> : null}
            <Note text={r.note} />
          </Cell>
          <Cell>
            <Source url={r.sourceUrl} checkedAt={r.checkedAt} />
          </Cell>
        </tr>
      ))}
    </DataTable>
  );
}

export function GpuOfferTable({ rows: gpu, historyLink }: { rows: Version["gpuOffers"]; historyLink: HistoryLink }) {
  return (
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
          <Cell>
            <span className="font-medium">{r.gpuType}</span> · <span className="text-gray-600">{r.provider}</span>
            <HistoryAnchor href={historyLink({ kind: "gpu", provider: r.provider, gpuType: r.gpuType })} />
            <span className="block text-xs text-gray-600">
              <Compliance regions={r.regions} certifications={r.certifications} />
            </span>
          </Cell>
          <Cell className="min-w-64 text-gray-600">
            {r.provisioning.replace("_", " ")}
            <span className="block text-xs text-gray-500">
              {r.tenancy.replace("_", " ")} · {r.gpusPerNode} GPUs per node
            </span>
            {r.pricingTerms ? <span className="block text-xs text-gray-500">{r.pricingTerms}</span> : null}
            <Note text={r.note} />
          </Cell>
          <Cell num>{formatPrice(r.pricePerGpuHour)}</Cell>
          <Cell num>{r.minGpus}</Cell>
          <Cell num>{r.memoryGb} GB</Cell>
          <Cell num>{groupDigits(r.bandwidthGbS)} GB/s</Cell>
          <Cell num>
            {groupDigits(r.bf16Tflops)} / {r.fp8Tflops ? groupDigits(r.fp8Tflops) : "—"}
          </Cell>
          <Cell>
            <Source url={r.sourceUrl} checkedAt={r.checkedAt} />
          </Cell>
        </tr>
      ))}
    </DataTable>
  );
}

export function OpenModelTable({ rows: models }: { rows: Version["openModels"] }) {
  return (
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
          <Cell className="font-medium">{r.name}</Cell>
          <Cell num>
            {r.totalParamsB}B ({r.activeParamsB}B)
          </Cell>
          <Cell num>{r.layers}</Cell>
          <Cell num>
            {r.kvHeads} × {r.headDim}
          </Cell>
          <Cell num>{groupDigits(r.contextLength)}</Cell>
          <Cell>
            <Source url={r.sourceUrl} />
          </Cell>
        </tr>
      ))}
    </DataTable>
  );
}

export function BenchmarkTable({ rows: benchmarks }: { rows: Version["benchmarks"] }) {
  return (
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
          <Cell>
            <span className="font-medium">{r.model}</span> · {r.gpuType}
          </Cell>
          <Cell className="text-gray-600">
            TP {r.tensorParallel} · {r.precision}
          </Cell>
          <Cell num>{r.concurrency}</Cell>
          <Cell num>{groupDigits(r.outputTokensPerS)}</Cell>
          <Cell num>{r.inputTokens != null ? `${r.inputTokens} / ${r.outputTokens}` : "—"}</Cell>
          <Cell>
            <Source url={r.source} />
          </Cell>
        </tr>
      ))}
    </DataTable>
  );
}

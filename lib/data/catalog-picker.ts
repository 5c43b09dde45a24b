import "server-only";
// The newest published catalog as the editor and templates use it: prices to re-price with and
// the rows options are added from.
import { getDb } from "../db";
import { parseScenario } from "../engine";
import { repriceInput, type CatalogPrices } from "../catalog/reprice";
import type { PickerCatalog } from "../catalog/templates";
import { latestPublishedVersion } from "./catalog-versions";
import { pickerApiRow, pickerGpuRow } from "../catalog/picker";

/** The newest published catalog's prices, for re-pricing one scenario on its page. */
export async function latestCatalogPrices(): Promise<(CatalogPrices & { id: string; effectiveDate: Date }) | null> {
  const v = await latestPublishedVersion();
  if (!v) return null;
  const full = await getDb().catalogVersion.findUniqueOrThrow({ where: { id: v.id }, include: { apiPrices: true, gpuOffers: true } });
  return { id: full.id, label: full.label, effectiveDate: full.effectiveDate, apiPrices: full.apiPrices, gpuOffers: full.gpuOffers };
}

/** A template's input with the newest published catalog's prices (the options it names stay). */
export async function priceWithLatestCatalog(raw: unknown) {
  const input = parseScenario(raw);
  const catalog = await latestCatalogPrices();
  return catalog ? repriceInput(input, catalog).input : input;
}

/** The rows an editor adds options from: the newest published catalog, dates as YYYY-MM-DD. */
export async function latestPickerCatalog(): Promise<PickerCatalog | null> {
  const v = await latestPublishedVersion();
  if (!v) return null;
  const full = await getDb().catalogVersion.findUniqueOrThrow({
    where: { id: v.id },
    include: {
      apiPrices: { orderBy: [{ provider: "asc" }, { model: "asc" }, { tier: "asc" }] },
      gpuOffers: { orderBy: [{ gpuType: "asc" }, { pricePerGpuHour: "asc" }] },
      openModels: { orderBy: { name: "asc" } },
      benchmarks: { orderBy: [{ model: "asc" }, { gpuType: "asc" }, { tensorParallel: "asc" }] },
    },
  });
  return {
    label: full.label,
    api: full.apiPrices
      .map(pickerApiRow)
      .sort(
        (a, b) =>
          a.provider.localeCompare(b.provider) ||
          a.model.localeCompare(b.model) ||
          Number(b.region === "global") - Number(a.region === "global") ||
          (a.region ?? "").localeCompare(b.region ?? "") ||
          (a.tier ?? "").localeCompare(b.tier ?? ""),
      ),
    gpu: full.gpuOffers.map((o) =>
      pickerGpuRow(
        o,
        full.gpuOffers.find((d) => d.provider === o.provider && d.gpuType === o.gpuType && d.provisioning === "on_demand")
          ?.pricePerGpuHour ?? null,
      ),
    ),
    models: full.openModels.map(
      ({ name, totalParamsB, activeParamsB, layers, kvHeads, headDim, contextLength, kvLoraRank, ropeHeadDim }) => ({
        name,
        totalParamsB,
        activeParamsB,
        layers,
        kvHeads,
        headDim,
        contextLength,
        kvLoraRank,
        ropeHeadDim,
      }),
    ),
    benchmarks: full.benchmarks.map(({ id: _id, catalogVersionId: _v, ...row }) => row),
  };
}

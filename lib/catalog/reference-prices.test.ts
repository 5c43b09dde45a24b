import { describe, expect, test } from "vitest";
import { evaluateScenario } from "../engine";
import { ApiPriceRowSchema, GpuOfferRowSchema } from "./row-rules";
import { REFERENCE_EFFECTIVE_DATE, referenceApiRows, referenceGpuRows } from "./reference-prices";
import { apiOptionFromRow, REFERENCE_PICKER, selfHostOptionFromRows } from "./picker";
import { ApiPricePatchSchema } from "../validation/catalog";
import { repriceInput } from "./reprice";
import { parseScenario } from "../engine";

const effective = new Date(`${REFERENCE_EFFECTIVE_DATE}T00:00:00Z`);

describe("the reference catalog", () => {
  test("every row passes the catalog's row rules and is dated no later than the catalog", () => {
    for (const row of referenceApiRows()) {
      const checked = ApiPriceRowSchema.safeParse(row);
      expect(checked.error?.issues ?? [], `${row.provider} ${row.model}`).toEqual([]);
      expect(row.checkedAt.getTime()).toBeLessThanOrEqual(effective.getTime());
    }
    for (const row of referenceGpuRows()) {
      expect(GpuOfferRowSchema.safeParse(row).error?.issues ?? [], `${row.provider} ${row.gpuType}`).toEqual([]);
      expect(row.checkedAt.getTime()).toBeLessThanOrEqual(effective.getTime());
    }
  });

  test("a row that leaves an attribute unverified says so in its note", () => {
    const api = referenceApiRows().filter((r) => r.certifications!.length === 0 || r.dataRegions!.length === 0);
    const gpu = referenceGpuRows().filter((r) => r.certifications!.length === 0 || r.regions.length === 0);
    expect(api.length).toBeGreaterThan(0);
    expect(gpu.length).toBeGreaterThan(0);
    for (const r of [...api, ...gpu]) expect(r.note, `${r.provider}`).toMatch(/not verified|No source|No certifications|vary/);
  });

  test("covers the providers and EU endpoints a data-residency team compares", () => {
    const providers = new Set(referenceApiRows().map((r) => r.provider));
    for (const p of ["OpenAI", "Anthropic", "Google", "DeepSeek", "Groq", "Together", "Mistral", "Azure OpenAI", "Amazon Bedrock"])
      expect(providers, p).toContain(p);
    const eu = referenceApiRows().filter((r) => r.dataRegions!.includes("eu"));
    expect(new Set(eu.map((r) => r.provider))).toEqual(new Set(["Azure OpenAI", "Amazon Bedrock", "Mistral"]));
    expect(referenceGpuRows().every((r) => r.gpusPerNode! >= 1 && r.pricingTerms)).toBe(true);
  });

  test("an EU-residency, GDPR constraint gets a verdict from the catalog's attributes, not 'not verified' for every option", () => {
    const row = (provider: string, model: string) => REFERENCE_PICKER.api.find((r) => r.provider === provider && r.model === model)!;
    const options = [
      apiOptionFromRow(row("OpenAI", "GPT-5")),
      apiOptionFromRow(row("Azure OpenAI", "GPT-5")),
      apiOptionFromRow(row("Mistral", "Mistral Medium 3")),
      apiOptionFromRow(row("Groq", "Llama 3.3 70B")),
      apiOptionFromRow(row("DeepSeek", "DeepSeek V3.2")),
    ];
    expect(new Set(options.map((o) => o.id)).size).toBe(options.length);
    const e = evaluateScenario({
      workload: { requestsPerMonth: 1e6, inputTokensPerRequest: 1000, outputTokensPerRequest: 300 },
      apiOptions: options,
      constraints: [
        { id: "eu", kind: "allowed-regions", regions: ["eu"] },
        { id: "gdpr", kind: "certifications", required: ["GDPR DPA"] },
      ],
    });
    const verdicts = (id: string) => Object.fromEntries(e.constraints.find((c) => c.id === id)!.checks.map((c) => [c.optionId, c.verdict]));
    expect(verdicts("eu")).toEqual({
      "openai-gpt-5": "fail",
      "azure-openai-gpt-5-eu-data-zone": "pass",
      "mistral-mistral-medium-3-eu": "pass",
      "groq-llama-3-3-70b": "not-verified",
      "deepseek-deepseek-v3-2": "fail",
    });
    expect(verdicts("gdpr")["azure-openai-gpt-5-eu-data-zone"]).toBe("pass");
    expect(e.recommendation.outcome).toBe("api");
    expect(["azure-openai-gpt-5-eu-data-zone", "mistral-mistral-medium-3-eu"]).toContain(e.recommendation.optionId);
  });

  test("a self-host option takes its offer's regions, node size and certifications", () => {
    const model = REFERENCE_PICKER.models.find((m) => m.name === "Llama 3.3 70B")!;
    const offer = REFERENCE_PICKER.gpu.find((o) => o.provider === "AWS p5")!;
    const o = selfHostOptionFromRows(model, offer);
    expect(o.gpu).toMatchObject({ regions: ["us", "eu"], gpusPerNode: 8, minGpus: 8 });
    expect(o.certifications).toContain("SOC 2");
  });

  test("a change to one field of a row leaves the others as they are", () => {
    expect(ApiPricePatchSchema.parse({ inputPerM: 2 })).toEqual({ inputPerM: 2 });
    expect(ApiPricePatchSchema.parse({ note: null, certifications: ["SOC 2"] })).toEqual({ note: null, certifications: ["SOC 2"] });
    expect(ApiPricePatchSchema.safeParse({ typicalTtftMs: -5 }).error?.issues[0].path).toEqual(["typicalTtftMs"]);
  });

  test("a regional option re-prices from its own region's row, never from another region's", () => {
    const rows = referenceApiRows();
    const bedrock = REFERENCE_PICKER.api.find((r) => r.provider === "Amazon Bedrock" && r.model === "Claude Haiku 4.5")!;
    const input = parseScenario({
      workload: { requestsPerMonth: 1e6, inputTokensPerRequest: 1000, outputTokensPerRequest: 300 },
      apiOptions: [apiOptionFromRow(bedrock), { ...apiOptionFromRow(bedrock), id: "old", region: undefined, provider: "Anthropic" }],
    });
    const cheaper = rows.map((r) => (r.provider === "Amazon Bedrock" && r.model === "Claude Haiku 4.5" ? { ...r, inputPerM: 0.9 } : r));
    const repriced = repriceInput(input, { label: "x", apiPrices: cheaper, gpuOffers: [] });
    expect(repriced.input.apiOptions.map((o) => [o.region, o.prices.inputPerM])).toEqual([
      ["EU cross-region", 0.9],
      ["global", 1],
    ]);
    const withoutEu = rows.filter((r) => r.provider !== "Amazon Bedrock");
    const bare = repriceInput(input, {
      label: "y",
      apiPrices: withoutEu.map((r) => (r.provider === "Anthropic" ? { ...r, region: "EU cross-region" } : r)),
      gpuOffers: [],
    });
    // The Bedrock option finds no row of its region; the option saved before regions takes Anthropic's only row.
    expect(bare.unmatched).toEqual([input.apiOptions[0].label]);
    expect(bare.input.apiOptions[1].prices.inputPerM).toBe(1);
  });

  test("re-pricing fills attributes nobody recorded from the catalog and keeps what the team entered", () => {
    const azure = apiOptionFromRow(REFERENCE_PICKER.api.find((r) => r.provider === "Azure OpenAI" && r.model === "GPT-5")!);
    const blank = { certifications: [], regions: [], zeroDataRetention: null, typicalTtftMs: null };
    const input = parseScenario({
      workload: { requestsPerMonth: 1e6, inputTokensPerRequest: 1000, outputTokensPerRequest: 300 },
      apiOptions: [
        { ...azure, id: "saved-before", attributes: { ...azure.attributes, ...blank } },
        { ...azure, id: "team-entered", attributes: { ...azure.attributes, ...blank, regions: ["eu-west-1"], zeroDataRetention: false } },
      ],
      constraints: [{ id: "eu", kind: "allowed-regions", regions: ["eu"] }],
    });
    const before = evaluateScenario(input).constraints[0].checks.map((c) => c.verdict);
    expect(before).toEqual(["not-verified", "fail"]);
    const { input: after } = repriceInput(input, { label: "x", apiPrices: referenceApiRows(), gpuOffers: [] });
    expect(after.apiOptions.map((o) => [o.attributes.regions, o.attributes.zeroDataRetention])).toEqual([
      [["eu"], true],
      [["eu-west-1"], false],
    ]);
    expect(evaluateScenario(after).constraints[0].checks.map((c) => c.verdict)).toEqual(["pass", "fail"]);
  });
});

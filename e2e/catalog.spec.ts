import { randomBytes } from "node:crypto";
import { test, expect, signIn, signUp } from "./fixtures";

test("publishing cheaper GPUs flips a saved decision: the dashboard marks it, the scenario shows then vs now and saves a re-priced revision", async ({
  page,
  browser,
  newUser,
}) => {
  // A team's agent platform, decided on the API at the reference prices.
  await signUp(page, newUser);
  await page.getByRole("link", { name: "New scenario" }).click();
  await page.getByRole("button", { name: /Agent platform/ }).click();
  await expect(page.getByTestId("recommendation-headline")).toHaveText(/^Use the API/);
  const scenarioUrl = page.url();
  const team = new URL(scenarioUrl).pathname.split("/")[2];

  // An instance administrator publishes a catalog where H200s cost $0.50 an hour.
  const admin = await browser.newPage();
  await signIn(admin, "demo@breakeven.local", "breakeven-demo");
  await admin.waitForURL(/\/t\/demo/);
  await admin.goto("/t/demo/catalog/admin");
  const label = `E2E ${randomBytes(3).toString("hex")}`;
  await admin.getByLabel("Label").fill(label);
  await admin.getByRole("button", { name: "Create draft" }).click();
  const price = admin.getByLabel("H200 SXM at RunPod Secure price per GPU-hour");
  await price.fill("0.5");
  await price.blur();
  await expect(admin.getByTestId("draft-rows").getByText("saved", { exact: true })).toBeVisible();
  // Add a row by hand: a bad price is named, a good one lands in the draft.
  const add = admin.getByTestId("add-row");
  await add.getByLabel("Row kind").selectOption("gpu");
  await add.getByLabel("New row provider").fill("Test Cloud");
  await add.getByLabel("New row GPU", { exact: true }).selectOption("L40S");
  await add.getByLabel("New row price per GPU-hour").fill("-1");
  await add.getByLabel("New row source link").fill("https://example.com/prices");
  await add.getByRole("button", { name: "Add row" }).click();
  await expect(add).toContainText("cannot be negative");
  await add.getByLabel("New row price per GPU-hour").fill("0.69");
  await add.getByRole("button", { name: "Add row" }).click();
  await expect(admin.getByLabel("L40S at Test Cloud price per GPU-hour")).toHaveValue("0.69");
  // A row's attributes: a bad value is named, a good one is saved and summarised under the row.
  await admin
    .getByRole("row", { name: /L40S · Test Cloud/ })
    .getByRole("button", { name: "Edit attributes" })
    .click();
  const attributes = admin.getByRole("form", { name: "Attributes of L40S at Test Cloud" });
  await attributes.getByLabel("GPUs per node").fill("0");
  await attributes.getByRole("button", { name: "Save attributes" }).click();
  await expect(attributes).toContainText("must be at least 1");
  await attributes.getByLabel("GPUs per node").fill("4");
  await attributes.getByLabel("Regions").fill("eu, us");
  await attributes.getByRole("button", { name: "Save attributes" }).click();
  await expect(admin.getByRole("row", { name: /L40S · Test Cloud/ })).toContainText("regions: eu, us");
  // A malformed import is refused with the row and field named, and changes nothing.
  await admin.getByLabel("Format").selectOption("gpu-csv");
  await admin.getByLabel("Price file").setInputFiles("lib/catalog/fixtures/gpu-offers-malformed.csv");
  await admin.getByRole("button", { name: "Preview changes" }).click();
  await expect(admin.getByTestId("import-panel").getByRole("alert")).toContainText("line 4.price_per_gpu_hour");
  await admin.getByLabel("Publish as").fill(label);
  await admin.getByRole("button", { name: "Publish and re-price every scenario" }).click();
  await expect(admin.getByTestId("repricing-run").first()).toContainText(/re-pricing done/, { timeout: 30_000 });
  // The run was worked as jobs: the administrators' jobs page shows it done, every batch with it.
  await admin.getByRole("link", { name: "Background jobs" }).click();
  const run = admin.getByTestId("repricing-runs").getByRole("row", { name: new RegExp(label) });
  await expect(run).toContainText("done");
  await expect(run).toContainText(/0 waiting, 0 failed/);
  await admin.goBack();

  // A published version cannot be changed through the API either.
  const versions = await (await admin.request.get("/api/v1/catalog/versions")).json();
  const published = versions.versions.find((v: { label: string }) => v.label === label);
  const rows = await (await admin.request.get(`/api/v1/catalog/versions/${published.id}`)).json();
  const row = rows.gpuOffers.find((o: { provider: string; gpuType: string }) => o.provider === "RunPod Secure" && o.gpuType === "H200 SXM");
  const origin = new URL(admin.url()).origin;
  const patch = await admin.request.patch(`/api/v1/catalog/gpu-offers/${row.id}`, { data: { pricePerGpuHour: 9 }, headers: { origin } });
  expect(patch.status()).toBe(409);
  expect((await admin.request.delete(`/api/v1/catalog/versions/${published.id}`, { headers: { origin } })).status()).toBe(409);
  const after = await (await admin.request.get(`/api/v1/catalog/versions/${published.id}`)).json();
  expect(after.gpuOffers.find((o: { id: string }) => o.id === row.id).pricePerGpuHour).toBe(0.5);
  // The offer's history now has two points, drawn as a line.
  await admin.goto(`/t/demo/catalog/history?kind=gpu&provider=RunPod+Secure&gpuType=H200+SXM`);
  await expect(admin.getByTestId("price-history-table")).toContainText("$4.59");
  await expect(admin.getByTestId("price-history-table")).toContainText("$0.50");
  await expect(admin.getByTestId("price-history-chart").locator("path.recharts-curve").first()).toBeVisible();
  await admin.close();

  // A member who is not an administrator cannot create drafts.
  expect(
    (
      await page.request.post("/api/v1/catalog/versions", { data: { label: "nope", effectiveDate: "2026-12-01" }, headers: { origin } })
    ).status(),
  ).toBe(403);

  // The team's dashboard marks the flipped decision.
  await page.goto(`/t/${team}`);
  const mark = page.locator('[data-scenario="Agent platform"]').getByTestId("price-change");
  await expect(mark).toContainText(`catalog ${label}`);
  await expect(mark).toContainText(/decided: API .*; at today's prices: self-host/);

  // Then vs now on the scenario, and a re-priced revision.
  await mark.click();
  const panel = page.getByTestId("then-vs-now");
  await expect(panel.getByTestId("reprice-then")).toContainText("Use the API");
  await expect(panel.getByTestId("reprice-now")).toContainText("Self-host");
  await panel.getByRole("button", { name: /Save re-priced revision/ }).click();
  await expect(page.getByTestId("then-vs-now")).toHaveCount(0);
  await expect(page.getByTestId("catalog-version")).toHaveText(label);
  await expect(page.getByTestId("recommendation-headline")).toHaveText(/^Self-host/);
  await page.goto(`/t/${team}`);
  await expect(page.locator('[data-scenario="Agent platform"]').getByTestId("price-change")).toHaveCount(0);
});

test("the catalog browser shows sources and a price's history across versions", async ({ page }) => {
  await signIn(page, "demo@breakeven.local", "breakeven-demo");
  await page.getByRole("link", { name: "Price catalog" }).click();
  await expect(page.getByTestId("catalog-api")).toContainText("GPT-4o-mini");
  await expect(page.getByTestId("catalog-api")).toContainText("$0.075"); // cached input, exactly as listed
  await expect(page.getByTestId("catalog-api").getByRole("row", { name: /Azure OpenAI · GPT-5/ })).toContainText("regions: eu");
  await expect(page.getByTestId("catalog-api").getByRole("link", { name: "openai.com" }).first()).toHaveAttribute(
    "href",
    /^https:\/\/openai\.com/,
  );
  await page.getByRole("link", { name: "GPU offers" }).click();
  await page
    .getByTestId("catalog-gpu")
    .getByRole("row", { name: /H100 SXM · Nebius/ })
    .getByRole("link", { name: "history" })
    .click();
  await expect(page.getByTestId("price-history-table")).toContainText("2026-12 reference");
  await expect(page.getByTestId("price-history-table")).toContainText("$3.85");
});

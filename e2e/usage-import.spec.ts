import { readFileSync } from "node:fs";
import { test, expect, signUp, newScenarioFromTemplate, axeViolations } from "./fixtures";

const fixture = (name: string) => readFileSync(`lib/usage/fixtures/${name}`);

test("usage import: a real export previewed with its charts, one model left out, saved as a scenario with a recommendation", async ({
  page,
  newUser,
}) => {
  await signUp(page, newUser);
  await page.getByRole("link", { name: "Import usage" }).click();
  await expect(page.getByRole("heading", { name: "Import usage" })).toBeVisible();
  await page.getByLabel("Time zone").fill("UTC");

  // The wrong file for the chosen format: refused with the reason, nothing previewed.
  await page.getByLabel("Format").selectOption("openai");
  await page.getByLabel("Usage export").setInputFiles({ name: "generic.csv", mimeType: "text/csv", buffer: fixture("generic-usage.csv") });
  await page.getByRole("button", { name: "Read the file" }).click();
  await expect(page.getByTestId("usage-upload").getByRole("alert")).toContainText(
    "This file looks like Generic CSV, not OpenAI usage export (JSON).",
  );
  await expect(page.getByTestId("usage-preview")).toHaveCount(0);

  await page.getByLabel("Format").selectOption("auto");
  await page.getByLabel("Usage export").setInputFiles({
    name: "openai-usage.json",
    mimeType: "application/json",
    buffer: fixture("openai-usage-completions.json"),
  });
  await page.getByRole("button", { name: "Read the file" }).click();
  const preview = page.getByTestId("usage-preview");
  await expect(preview).toContainText("OpenAI usage export (JSON) · 3 KB · 4 rows read · 2026-11-02 to 2026-11-03 (2 days, UTC)");
  const workload = page.getByTestId("usage-workload");
  await expect(workload).toContainText("6,844 (rate of the last 2 days)");
  await expect(workload).toContainText("1,178 mean");
  await expect(workload).toContainText("1.43×");
  // The charts draw: the 10:00 bar (most of the load), Monday's bar, the daily area.
  await expect(page.getByTestId("usage-chart-hourly").locator(".recharts-bar-rectangle").nth(10)).toBeVisible();
  await expect(page.getByTestId("usage-chart-weekly").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("usage-chart-daily").locator(".recharts-area-area").first()).toBeVisible();

  expect(await axeViolations(page)).toEqual([]);

  // Leave out gpt-4.1: 50 of the 450 requests go, the figures follow without a new upload.
  await page.getByTestId("usage-models").getByLabel("gpt-4.1-2025-04-14").uncheck();
  await expect(workload).toContainText("6,083 (rate of the last 2 days)");

  await page.getByLabel("Scenario name").fill("Support bot, from our OpenAI usage");
  await page.getByRole("button", { name: "Create scenario" }).click();
  await expect(page).toHaveURL(/\/s\//);
  await expect(page.getByTestId("scenario-name")).toHaveText("Support bot, from our OpenAI usage");
  await expect(page.getByTestId("recommendation-headline")).toBeVisible();
  await expect(page.locator("#f-workload-requestsPerMonth")).toHaveValue("6,083");
  // gpt-4o-mini alone: 100 requests a time at 09:00, 200 at 10:00 → 200 / 150.
  await expect(page.getByTestId("profile-field")).toContainText("its busiest hour is 1.33× the mean of its 2 active hours");
  await expect(page.locator("#f-workload-peakToAverage")).toBeDisabled();
  await expect(page.getByTestId("revisions")).toContainText(
    "Workload from usage import openai-usage.json (2026-11-02 to 2026-11-03, 4 rows, 1 model(s))",
  );

  // The import is kept (as aggregates) and reopens from the list of earlier imports.
  await page.goto(page.url().replace(/\/s\/.*$/, "/usage"));
  await page.getByTestId("usage-import-history").getByRole("link", { name: "openai-usage.json" }).click();
  await expect(page.getByTestId("usage-workload")).toContainText("6,844 (rate of the last 2 days)");
});

test("usage import: bad rows are listed and used only after saying so; an existing scenario gets a new revision", async ({
  page,
  newUser,
}) => {
  await signUp(page, newUser);
  await newScenarioFromTemplate(page, "Chat assistant");
  await page.getByRole("link", { name: "Update this workload from a usage export" }).click();
  await page.getByLabel("Time zone").fill("UTC");
  const text = Buffer.concat([
    fixture("generic-usage.csv"),
    Buffer.from("2026-11-03T09:00:00Z,llama-3.1-70b,-1,0,5\nnot a date,m,1,0,1\n"),
  ]);
  await page.getByLabel("Usage export").setInputFiles({ name: "partly-bad.csv", mimeType: "text/csv", buffer: text });
  await page.getByRole("button", { name: "Read the file" }).click();
  const bad = page.getByTestId("usage-bad-rows");
  await expect(bad).toContainText("2 row(s) could not be read");
  await expect(bad).toContainText("line 7, input_tokens: -1 is negative");
  await expect(bad).toContainText('line 8, timestamp: "not a date" is not a date and time');
  await expect(page.getByLabel("Update a scenario's workload")).toBeChecked();
  const update = page.getByRole("button", { name: "Update workload" });
  await expect(update).toBeDisabled();
  await page.getByText(/Use the 5 good rows only/).click();
  await update.click();
  await expect(page).toHaveURL(/\/s\//);
  await expect(page.getByTestId("revisions")).toContainText("#2");
  await expect(page.locator("#f-workload-inputTokensPerRequest")).toHaveValue("1,500");
});

test("a typed 24-hour profile decides the peak, and off-peak API prices are blended by it", async ({ page, newUser }) => {
  await signUp(page, newUser);
  await newScenarioFromTemplate(page, "Chat assistant");
  const profile = page.getByTestId("profile-field");
  await expect(profile).toContainText("None: the day is generated from the peak ratio and active hours.");
  // Round the clock, flat: 8 of the 24 hours fall in 16:30-00:30 UTC.
  await profile.getByRole("textbox").fill(Array(24).fill(1).join(", "));
  await expect(profile).toContainText("its busiest hour is 1× the mean of its 24 active hours");
  await expect(page.locator("#f-workload-activeHoursPerDay")).toHaveValue("24");
  const api = page.locator('[data-testid^="api-option-"]').first();
  await api.getByText("Service tier and off-peak prices").click();
  await api.getByText("Cheaper prices in off-peak hours").click();
  await api.getByLabel(/^Off-peak input price/).fill("0.075");
  await api.getByLabel(/^Off-peak output price/).fill("0.3");
  const table = page.getByTestId("options-table");
  await table.getByText("Cost lines").first().click();
  await expect(table).toContainText("Uncached input tokens (33.3% off-peak)");
  await page.getByRole("button", { name: "Save revision" }).click();
  await expect(page.getByTestId("revisions")).toContainText("#2");
});

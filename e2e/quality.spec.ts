import { test, expect, signUp, newScenarioFromTemplate, memoPdfText } from "./fixtures";

test("quality figures: a size warning without them, cost per successful task with them, and a minimum that removes an option", async ({
  page,
  newUser,
}) => {
  await signUp(page, newUser);
  await newScenarioFromTemplate(page, "Chat assistant");
  const recommendation = page.getByTestId("recommendation");
  await expect(recommendation).toContainText("Options of very different size are compared on cost alone");

  const api = page.locator('[data-testid^="api-option-"]').first();
  await api
    .getByLabel(/^Quality/)
    .first()
    .fill("82");
  await expect(api.getByText("name the evaluation or benchmark")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save revision" })).toBeDisabled();
  await api.getByLabel("Quality source").fill("Support-ticket eval, 400 cases");
  for (const card of (await page.locator('[data-testid^="api-option-"]').all()).slice(1)) {
    await card
      .getByLabel(/^Quality/)
      .first()
      .fill("78");
    await card.getByLabel("Quality source").fill("Support-ticket eval, 400 cases");
  }
  for (const card of await page.locator('[data-testid^="self-option-"]').all()) {
    await card
      .getByLabel(/^Quality/)
      .first()
      .fill("64");
    await card.getByLabel("Quality source").fill("Support-ticket eval, 400 cases");
  }
  await expect(recommendation).not.toContainText("Options of very different size");
  await expect(page.getByTestId("options-table")).toContainText(/Quality 82% · \$[\d.]+ per 1k successful tasks/);
  await expect(page.getByTestId("chart-quality").getByTestId("quality-point")).toHaveCount(5);

  await page.getByLabel(/Minimum quality \(share of tasks passed\)/).check();
  const constraints = page.getByTestId("constraints");
  await expect(constraints).toContainText("64% (team evaluation: Support-ticket eval, 400 cases) is below the minimum.");
  await expect(page.getByTestId("recommendation-headline")).toHaveText(/^Use the API: GPT-4o-mini/);
  await page.getByRole("button", { name: "Save revision" }).click();
  await expect(page.getByTestId("revisions")).toContainText("#2");

  const text = await memoPdfText(page, test.info().outputPath("memo.pdf"));
  for (const phrase of [
    "Cost against quality",
    "share of tasks passed",
    "82% of tasks passed (our evaluation)",
    "Quality at least 80% of tasks passed",
  ])
    expect(text, phrase).toContain(phrase);
});

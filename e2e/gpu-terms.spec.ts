import { test, expect, signUp } from "./fixtures";

test("tenancy decides 'data must not leave our infrastructure', and committed GPUs are priced line by line", async ({ page, newUser }) => {
  await signUp(page, newUser);
  await page.getByRole("link", { name: "New scenario" }).click();
  await page.getByRole("button", { name: /Regulated internal assistant/ }).click();
  const card = page.locator('[data-testid^="self-option-"]').first();
  const constraints = page.getByTestId("constraints");
  const recommendation = page.getByTestId("recommendation-headline");

  // The template's option is dedicated hardware the team counts as its own: the rule passes, stated as an assumption.
  await expect(constraints).toContainText("counted as our infrastructure by the team's stated assumption");
  await expect(recommendation).toContainText("Self-host");

  // Shared cloud GPUs do not keep data in our infrastructure: every option fails the hard rule.
  await card.getByLabel("Tenancy").selectOption("shared-cloud");
  await expect(constraints).toContainText("Shared cloud GPUs in the provider's data centre.");
  await expect(recommendation).not.toContainText("Self-host");

  // Dedicated without the team's word is not ours either; ticking the assumption makes it so.
  await card.getByLabel("Tenancy").selectOption("dedicated");
  await expect(constraints).toContainText("not our infrastructure unless the team says so");
  await card.getByLabel(/Count this dedicated hardware as ours/).check();
  await expect(constraints).toContainText("stated assumption");
  await expect(recommendation).toContainText("Self-host");

  // A 1-year commitment: a committed GPU-time line at the discounted price, and a refused 0 GPUs.
  await card.getByLabel("GPU pricing").selectOption("committed");
  await card.getByLabel(/^Committed GPUs/).fill("4");
  await card.getByLabel(/^Discount/).fill("40");
  const selfRow = page.getByTestId("options-table").locator("tr", { hasText: "dedicated" });
  await selfRow.getByText("Cost lines").click();
  await expect(selfRow).toContainText("committed (Nebius, 4 GPUs around the clock)");
  await expect(selfRow).toContainText("12-month commitment, 40% off on-demand $3.85");
  await card.getByLabel(/^Committed GPUs/).fill("0");
  await expect(card.getByText("must be at least 1")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save revision" })).toBeDisabled();
  await card.getByLabel(/^Committed GPUs/).fill("4");
  await page.getByRole("button", { name: "Save revision" }).click();
  await expect(page.getByTestId("revisions")).toContainText("#2");
});

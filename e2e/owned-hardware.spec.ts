import { test, expect, signUp, newScenarioFromTemplate, memoPdfText } from "./fixtures";

test("an on-prem scenario on owned servers: tenancy verdicts, capital lines, and a memo that states them", async ({ page, newUser }) => {
  await signUp(page, newUser);
  await newScenarioFromTemplate(page, "On-prem servers for a regulated assistant");
  const constraints = page.getByTestId("constraints");
  await expect(constraints).toContainText("Runs on servers we own, in our facility.");
  await expect(constraints).toContainText("counted as our infrastructure by the team's stated assumption");
  await expect(constraints).toContainText("Requests are sent to the provider's infrastructure.");
  await expect(page.getByTestId("recommendation-headline")).toContainText(/^Self-host: Llama 3\.3 70B fp8 on H100 SXM on owned servers/);

  // The owned option's cost lines: depreciation, cost of capital, power at the GPUs' load.
  const ownedRow = page.getByTestId("options-table").locator("tr", { hasText: "on owned servers" });
  await ownedRow.getByText("Cost lines").click();
  await expect(ownedRow).toContainText("Servers: depreciation (1 × 8×H100 SXM server)");
  await expect(ownedRow).toContainText("$327,000 each (price $317,000 + installation $10,000) over 5 years, 10% residual");
  await expect(ownedRow).toContainText("Cost of capital on the servers");
  await expect(ownedRow).toContainText(/8 GPUs × 700 W at [\d.]+% average load/);

  // The rented option bought instead: switching it to owned servers starts from the reference server.
  const rented = page.locator('[data-testid^="self-option-"]').nth(1);
  await rented.getByLabel(/^Hardware/).selectOption("owned");
  await expect(rented.getByLabel(/^Server price/)).toHaveValue("317,000");
  await rented.getByLabel(/^Life/).fill("0");
  await expect(rented.getByText("must be greater than 0")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save revision" })).toBeDisabled();
  await rented.getByLabel(/^Life/).fill("4");
  await page.getByLabel(/What changed/).fill("Both on owned servers");
  await page.getByRole("button", { name: "Save revision" }).click();
  await expect(page.getByTestId("revisions")).toContainText("Both on owned servers");

  // The memo states the owned hardware: the capital lines and the servers bought.
  const text = await memoPdfText(page, test.info().outputPath("memo.pdf"));
  for (const phrase of [
    "Servers: depreciation",
    "Cost of capital on the servers",
    "Owned servers",
    "8 GPUs each at $317,000",
    "from order to traffic",
  ])
    expect(text, phrase).toContain(phrase);
});

import { test, expect, signUp, newScenarioFromTemplate } from "./fixtures";

test("adding the same model twice, or at another precision, keeps every option; a wrong URL shows a way back", async ({
  page,
  newUser,
}) => {
  await signUp(page, newUser);
  await newScenarioFromTemplate(page, "Chat assistant");

  const apiCards = page.locator('[data-testid^="api-option-"]');
  const selfCards = page.locator('[data-testid^="self-option-"]');
  const apis = await apiCards.count();
  const selves = await selfCards.count();

  const picker = page.getByLabel(/Add an API model from the catalog/);
  await picker.selectOption({ index: 1 });
  await picker.selectOption({ index: 1 });
  await expect(apiCards).toHaveCount(apis + 2);
  const labels = await apiCards.locator("span.font-medium").allTextContents();
  expect(labels.at(-1)).toBe(`${labels.at(-2)} (2)`);

  // The same model on the same offer, bf16 then fp8: two options, neither replaced.
  await page.locator('select[name="precision"]').selectOption("bf16");
  await page.getByRole("button", { name: "Add self-host option" }).click();
  await page.locator('select[name="precision"]').selectOption("fp8");
  await page.getByRole("button", { name: "Add self-host option" }).click();
  await expect(selfCards).toHaveCount(selves + 2);
  const selfLabels = await selfCards.locator("span.font-medium").allTextContents();
  expect(selfLabels.at(-2)).toContain(" bf16 on ");
  expect(selfLabels.at(-1)).toContain(" fp8 on ");
  // Every option is priced: the options table has a row per option.
  await expect(page.getByTestId("recommendation-headline")).toBeVisible();

  // A URL that leads nowhere: a 404 page that says why and links back.
  const res = await page.goto("/t/no-such-team/s/nothing");
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toContainText("belongs to a team you are not a member of");
  await page.getByRole("link", { name: "Back to your teams" }).click();
  await expect(page.getByTestId("team-name")).toBeVisible();
  expect((await page.request.get("/favicon.ico")).status()).toBe(200);
});

test("changing the status, then editing and saving, is not a conflict with yourself", async ({ page, newUser }) => {
  await signUp(page, newUser);
  await newScenarioFromTemplate(page, "Chat assistant");
  await page.getByRole("button", { name: "Propose" }).click();
  await expect(page.getByTestId("scenario-status")).toHaveText("proposed");
  await page.getByLabel(/Requests per month/).fill("7000000");
  await page.getByRole("button", { name: "Save revision" }).click();
  await expect(page.getByRole("button", { name: "Saved" })).toBeVisible();
  await expect(page.getByTestId("save-error")).toHaveCount(0);
  // And the other way round: a save, then a status change.
  await page.getByRole("button", { name: "Mark decided" }).click();
  await expect(page.getByTestId("scenario-status")).toHaveText("decided");
});

test("unsaved edits survive a reload and a trip back to the team; a restored draft that is stale saves as a conflict", async ({
  page,
  browser,
  newUser,
}) => {
  await signUp(page, newUser);
  await newScenarioFromTemplate(page, "Chat assistant");
  const scenarioUrl = page.url();
  const volume = page.getByLabel(/Requests per month/);
  await volume.fill("12345678");

  await page.reload();
  await expect(page.getByTestId("draft-banner")).toContainText("Unsaved edits from");
  await expect(volume).not.toHaveValue("12,345,678");
  await page.getByRole("button", { name: "Restore my edits" }).click();
  await expect(volume).toHaveValue("12,345,678");
  await expect(page.getByRole("button", { name: "Save revision" })).toBeEnabled();

  // Off to the team's list and back: still there.
  await page.getByRole("link", { name: `← ${newUser.name}'s team` }).click();
  await expect(page.getByTestId("team-name")).toBeVisible();
  await page.goto(scenarioUrl);
  await page.getByRole("button", { name: "Restore my edits" }).click();
  await expect(volume).toHaveValue("12,345,678");

  // Someone saves meanwhile (the same account in another browser): saving the restored draft is a
  // conflict that names their save, not an overwrite.
  const other = await browser.newContext({ storageState: await page.context().storageState() });
  const otherPage = await other.newPage();
  await otherPage.goto(scenarioUrl);
  await otherPage.getByLabel(/Requests per month/).fill("9000000");
  await otherPage.getByLabel(/What changed/).fill("their change");
  await otherPage.getByRole("button", { name: "Save revision" }).click();
  await expect(otherPage.getByRole("button", { name: "Saved" })).toBeVisible();
  await other.close();
  await page.reload();
  await page.getByRole("button", { name: "Restore my edits" }).click();
  await page.getByRole("button", { name: "Save revision" }).click();
  await expect(page.getByTestId("save-error")).toContainText("their change");

  // Discarding drops the draft for good.
  await page.reload();
  await page.getByRole("button", { name: "Discard them" }).click();
  await page.reload();
  await expect(page.getByTestId("scenario-name")).toBeVisible();
  await expect(page.getByTestId("draft-banner")).toHaveCount(0);
});

test("an editor renames a scenario and describes it without adding a revision; a blank name is refused", async ({ page, newUser }) => {
  await signUp(page, newUser);
  await newScenarioFromTemplate(page, "Chat assistant");
  await page.getByRole("button", { name: "Rename or describe" }).click();
  const form = page.getByTestId("rename-form");
  await form.getByLabel("Name").fill("   ");
  await form.getByRole("button", { name: "Save name and description" }).click();
  await expect(form).toContainText("Give the scenario a name.");
  await form.getByLabel("Name").fill("Support assistant, EU");
  await form.getByLabel("Description").fill("8M requests a month; data stays in the EU.");
  await form.getByRole("button", { name: "Save name and description" }).click();
  await expect(page.getByTestId("scenario-name")).toHaveText("Support assistant, EU");
  await expect(page.getByText("8M requests a month; data stays in the EU.")).toBeVisible();
  await expect(page.getByTestId("revisions")).not.toContainText("#2");
  // The team's list shows the new name.
  await page.getByRole("link", { name: `← ${newUser.name}'s team` }).click();
  await expect(page.getByRole("link", { name: /Support assistant, EU/ })).toBeVisible();
});

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

import { test, expect, signIn, signUp, confirmEmail, newScenarioFromTemplate, axeViolations } from "./fixtures";
import { randomBytes } from "node:crypto";

test("create from a template, what-if on volume, a constraint overrides the economics, save, and a viewer reads but cannot edit", async ({
  page,
  browser,
  newUser,
}) => {
  await signUp(page, newUser);
  await newScenarioFromTemplate(page, "Chat assistant");
  const headline = page.getByTestId("recommendation-headline");
  await expect(headline).toHaveText(/^Use the API: GPT-4o-mini/);

  // Live what-if: the engine runs in the browser as the user types.
  const volume = page.getByLabel(/Requests per month/);
  await volume.fill("200000000");
  await expect(headline).toHaveText(/^Self-host:/);
  await volume.fill("-5");
  await expect(page.getByText("cannot be negative")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save revision" })).toBeDisabled();
  await volume.fill("5000000");
  await expect(headline).toHaveText(/^Use the API/);

  // A compliance constraint removes the API options and says what that costs. Shared cloud GPUs
  // fail it too, so the team moves the first self-host option onto GPUs in its own facility.
  await page.getByLabel(/Data must not leave our infrastructure/).check();
  await expect(headline).toHaveText(/^No option meets every constraint/);
  await page.locator('[data-testid^="self-option-"]').first().getByLabel("Tenancy").selectOption("on-prem");
  await expect(headline).toHaveText(/^Self-host: .* because "Data must not leave our infrastructure" rules out GPT-4o-mini/);
  await expect(page.getByTestId("override")).toContainText(/costs \$[\d,]+ a month/);

  await page.getByLabel(/What changed/).fill("EU data rule");
  await page.getByRole("button", { name: "Save revision" }).click();
  await expect(page.getByRole("button", { name: "Saved" })).toBeVisible();
  await expect(page.getByTestId("revisions")).toContainText("EU data rule");
  const scenarioUrl = page.url();

  // The diff of the two revisions says, in words, what changed and what that did to the decision.
  await page.getByTestId("revisions").getByRole("link", { name: "Compare with #2" }).click();
  const summary = page.getByTestId("compare-summary");
  await expect(summary).toContainText(/The recommendation changes: GPT-4o-mini in #1 .*→ .* in #2/);
  await expect(summary.getByTestId("compare-drivers")).toContainText(
    /Constraint “Data must not leave our infrastructure”: not included → added — alone, it changes the recommendation to/,
  );
  await expect(page.getByTestId("compare-inputs")).toContainText("Constraint “Data must not leave our infrastructure”");
  await expect(page.getByTestId("compare-all-inputs")).toContainText("5,000,000 requests");
  await expect(page.getByTestId("compare-all-inputs")).not.toContainText("workload.");
  await expect(page.getByTestId("compare-results").locator("tr[data-differs]").first()).toContainText("Recommendation");

  // Invite a viewer by link.
  await page.getByRole("link", { name: "Team settings" }).click();
  const viewerEmail = `viewer-${randomBytes(4).toString("hex")}@example.com`;
  await page.getByLabel("Email to invite").fill(viewerEmail);
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = (await page.getByTestId("invite-link").locator("code").textContent())!;
  await expect(page.getByTestId("audit-log")).toContainText("invitation created");

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signUp(viewer, { name: "Vera Viewer", email: viewerEmail, password: "viewer-password-1" });
  await confirmEmail(viewer, viewerEmail);
  await viewer.goto(link);
  await viewer.getByRole("button", { name: "Accept invitation" }).click();
  await expect(viewer.getByTestId("team-name")).toHaveText(`${newUser.name}'s team`);
  await viewer.goto(scenarioUrl);
  await expect(viewer.getByTestId("recommendation-headline")).toHaveText(/^Self-host:/);
  await expect(viewer.getByText("read only (viewer)")).toBeVisible();
  // The viewer sees every input beside the results, read only: the assumption that decides is in view.
  const inputs = viewer.getByTestId("viewer-inputs");
  await expect(inputs.getByLabel(/Requests per month/)).toHaveValue("5,000,000");
  await expect(inputs.getByLabel(/Requests per month/)).toBeDisabled();
  await expect(inputs.getByLabel(/Data must not leave our infrastructure/)).toBeChecked();
  await expect(inputs.getByRole("button", { name: /Remove/ })).toHaveCount(0);
  expect(await axeViolations(viewer)).toEqual([]);
  await expect(viewer.getByRole("button", { name: /Save revision/ })).toHaveCount(0);
  // Viewers take part in the discussion.
  await viewer.getByPlaceholder("Add a comment…").fill("Agreed on the EU rule");
  await viewer.getByRole("button", { name: "Comment" }).click();
  await expect(viewer.getByTestId("comments")).toContainText("Agreed on the EU rule");
  // And the API refuses a viewer's write even if the button were there.
  const id = scenarioUrl.split("/").at(-1);
  const status = await viewer.evaluate(async (sid) => {
    const r = await fetch(`/api/v1/scenarios/${sid}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ baseVersion: 1, input: {} }),
    });
    return r.status;
  }, id);
  expect(status).toBe(403); // who may write is checked before what was sent…
  const status2 = await viewer.evaluate(async (sid) => {
    const r = await fetch(`/api/v1/scenarios/${sid}/duplicate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    return r.status;
  }, id);
  expect(status2).toBe(403); // …and a viewer may not write
  await viewerContext.close();
});

test("a stale save shows their change beside mine; merge, take theirs and keep mine each resolve it", async ({ page, newUser }) => {
  await signUp(page, newUser);
  await page.getByRole("link", { name: "New scenario" }).click();
  await page.getByRole("button", { name: /RAG support bot/ }).click();
  await expect(page.getByTestId("scenario-name")).toHaveText("RAG support bot");
  const url = page.url();
  const other = await page.context().newPage();
  const theySave = async (volume: string, message: string) => {
    await other.goto(url);
    await other.getByLabel(/Requests per month/).fill(volume);
    await other.getByLabel(/What changed/).fill(message);
    await other.getByRole("button", { name: "Save revision" }).click();
    await expect(other.getByRole("button", { name: "Saved" })).toBeVisible();
  };
  const volume = page.getByLabel(/Requests per month/);
  const output = page.getByRole("textbox", { name: "Output tokens per request (tokens)" });
  const view = page.getByTestId("conflict-view");

  // 1. Merge: their volume, my output length; the volume both changed is theirs once I untick mine.
  await theySave("3000000", "more traffic");
  await volume.fill("1000000");
  await output.fill("600");
  await page.getByRole("button", { name: "Save revision" }).click();
  await expect(page.getByTestId("save-error")).toContainText(/changed since you opened it.*saved revision 2 \(“more traffic”\)/);
  await expect(view.getByTestId("conflict-theirs")).toContainText("Requests per month: ");
  await expect(view.getByTestId("conflict-theirs")).toContainText("→ 3,000,000 requests");
  await expect(view.getByTestId("conflict-mine")).toContainText("They changed this too: 3,000,000 requests");
  expect(await axeViolations(page)).toEqual([]);
  await view.getByRole("checkbox", { name: /Requests per month/ }).uncheck();
  await view.getByRole("button", { name: /Merge/ }).click();
  await expect(volume).toHaveValue("3,000,000");
  await expect(output).toHaveValue("600");
  await page.getByRole("button", { name: "Save revision" }).click();
  await expect(page.getByRole("button", { name: "Saved" })).toBeVisible();
  await expect(page.getByTestId("revisions")).toContainText("#3");

  // 2. Take theirs: my edit is dropped and the page shows their revision.
  await theySave("4000000", "even more");
  await output.fill("700");
  await page.getByRole("button", { name: "Save revision" }).click();
  await view.getByRole("button", { name: /Take theirs/ }).click();
  await expect(volume).toHaveValue("4,000,000");
  await expect(output).toHaveValue("600");
  await expect(page.getByRole("button", { name: "Saved" })).toBeVisible();

  // 3. Keep mine: saved as a new revision on top of theirs.
  await theySave("5000000", "yet more");
  await volume.fill("2000000");
  await page.getByRole("button", { name: "Save revision" }).click();
  await view.getByRole("button", { name: /Keep mine/ }).click();
  await expect(page.getByRole("button", { name: "Saved" })).toBeVisible();
  await page.reload();
  await expect(volume).toHaveValue("2,000,000");
  await expect(page.getByTestId("revisions")).toContainText("#6");
  await other.close();
});

test("compare scenarios side by side with a shareable URL", async ({ page }) => {
  await signIn(page, "demo@breakeven.local", "breakeven-demo");
  await page.getByRole("link", { name: "Compare" }).click();
  const picker = page.getByTestId("compare-picker");
  await picker.getByRole("checkbox", { name: /8B chat assistant/ }).check();
  await picker.getByRole("checkbox", { name: /Regulated internal assistant/ }).check();
  // Any revision can be compared, not only the latest.
  await picker.getByLabel(/Revision of Regulated internal assistant/).selectOption("1");
  await picker.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByTestId("compare-results")).toContainText("8B chat assistant #1");
  await expect(page.getByTestId("compare-results")).toContainText("Regulated internal assistant (data stays in-house) #1");
  await expect(page.getByTestId("compare-results").locator("tr[data-differs]").first()).toBeVisible();
  await expect(page.getByTestId("compare-summary")).toContainText("What differs and what it does to the decision");
  await expect(page.getByTestId("compare-inputs")).toContainText("Self-host option “");
  await expect(page.getByTestId("compare-chart-sides").locator(".recharts-bar-rectangle").first()).toBeVisible();
  // The URL is the comparison: opening it again shows the same two columns.
  const shared = page.url();
  expect(decodeURIComponent(shared)).toMatch(/\?s=[^&,]+,[^&,]+@1$|\?s=[^&,]+@1,[^&,]+$/);
  await page.goto(shared);
  await expect(page.getByTestId("compare-results").locator("thead th")).toHaveCount(3);
});

test("a custom requirement with the team's verdicts removes the option that fails it", async ({ page, newUser }) => {
  await signUp(page, newUser);
  await page.getByRole("link", { name: "New scenario" }).click();
  await page.getByRole("button", { name: /^Blank/ }).click();
  await expect(page.getByTestId("recommendation-headline")).toHaveText(/^Use the API: GPT-4o-mini/);
  await page.getByPlaceholder(/Custom requirement/).fill("Legal sign-off");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  // Not assessed counts as not verified: both options are out until the team says otherwise.
  await expect(page.getByTestId("recommendation-headline")).toHaveText(/^No option meets every constraint/);
  await page.getByLabel("Legal sign-off: GPT-4o-mini").selectOption("fail");
  await page.getByLabel(/^Legal sign-off: Llama 3.1 8B/).selectOption("pass");
  await expect(page.getByTestId("recommendation-headline")).toHaveText(/^Self-host: .*"Legal sign-off" rules out GPT-4o-mini/);
});

test("an owner creates an API token that a script uses, then revokes it", async ({ page, newUser }) => {
  await signUp(page, newUser);
  const team = new URL(page.url()).pathname.split("/")[2];
  await page.getByRole("link", { name: "Team settings" }).click();
  const panel = page.getByTestId("api-tokens");
  await panel.getByLabel("Token name").fill("CI pipeline");
  await panel.getByLabel("Token access").selectOption("read");
  await panel.getByRole("button", { name: "Create token" }).click();
  const token = (await panel.getByTestId("new-token").locator("code").innerText()).trim();
  expect(token).toMatch(/^bk_/);

  // A script: no cookies, only the bearer token.
  const script = await page.context().browser()!.newContext();
  const list = await script.request.get(`/api/v1/teams/${team}/scenarios`, { headers: { authorization: `Bearer ${token}` } });
  expect(list.status()).toBe(200);
  const write = await script.request.post(`/api/v1/teams/${team}/scenarios`, {
    headers: { authorization: `Bearer ${token}` },
    data: { template: "chat" },
  });
  expect(write.status()).toBe(403);
  expect((await script.request.get("/api/v1/openapi.json")).status()).toBe(200);

  await page.reload();
  await expect(panel.locator('[data-token="CI pipeline"]')).toContainText("last used");
  await panel.locator('[data-token="CI pipeline"]').getByRole("button", { name: "Revoke" }).click();
  await expect(panel.locator('[data-token="CI pipeline"]')).toContainText("revoked");
  expect((await script.request.get(`/api/v1/teams/${team}/scenarios`, { headers: { authorization: `Bearer ${token}` } })).status()).toBe(
    401,
  );
  await script.close();
});

import { test, expect, signUp, newScenarioFromTemplate, memoPdfText } from "./fixtures";

test("a hybrid for a 3× daily peak: the replica count chosen on the cost curve, a typed profile, and the memo", async ({
  page,
  newUser,
}) => {
  await signUp(page, newUser);
  await newScenarioFromTemplate(page, "Daily peak: replicas for the base, an API for the peaks");
  const panel = page.getByTestId("hybrid");
  await expect(panel).toContainText(
    /: 10 replicas of Llama 3\.1 8B fp8 on H100 SXM \(Reference cloud\) serve 84\.8% of requests and GPT-4o-mini takes the overflow/,
  );
  await expect(panel.getByTestId("hybrid-chosen-bar")).toHaveCount(1);
  await expect(page.getByTestId("recommendation-headline")).toHaveText(
    "Hybrid: Llama 3.1 8B replicas + GPT-4o-mini for the peaks at $37,054/month.",
  );
  await expect(panel.getByTestId("hybrid-hybrid")).toContainText("recommended");

  // Built again by hand: remove the template's hybrid, add one, and the same answer comes back.
  await page.getByTestId("hybrid-option-hybrid").getByRole("button", { name: "Remove" }).click();
  await expect(panel).toHaveCount(0);
  await page.getByRole("button", { name: "Add hybrid option" }).click();
  await expect(page.getByTestId("hybrid")).toContainText("10 replicas of");

  // A typed profile: flat traffic around the clock needs no API for peaks.
  const profile = page.getByLabel(/Requests in each hour from midnight/);
  await profile.fill(Array(23).fill(1).join(", "));
  await expect(page.getByTestId("profile-field").getByText("needs 24 values, one per hour from midnight")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save revision" })).toBeDisabled();
  await profile.fill(Array(24).fill(1).join(", "));
  await expect(page.getByTestId("hybrid")).not.toContainText("takes the overflow");
  await profile.fill("");
  await expect(page.getByTestId("hybrid")).toContainText("10 replicas of");

  // Routing instead: 70% of requests to the self-hosted model, the rest to the API.
  await page.getByRole("button", { name: "Add routing option" }).click();
  await page
    .getByTestId("routing-option-routing-1")
    .getByLabel(/^Share self-hosted/)
    .fill("70");
  await expect(page.getByTestId("routing-routing-1")).toContainText(
    /Routing 1: 70% of requests to Llama 3\.1 8B fp8 on H100 SXM \(Reference cloud\) \(\$[\d,]+\) and the rest to GPT-4o-mini/,
  );

  await page.getByLabel(/What changed/).fill("Hybrid rebuilt");
  await page.getByRole("button", { name: "Save revision" }).click();
  await expect(page.getByTestId("revisions")).toContainText("Hybrid rebuilt");
  const text = await memoPdfText(page, test.info().outputPath("memo.pdf"));
  expect(text).toContain("Hybrid and routing: self-hosting part of the load");
  expect(text).toContain("monthly cost against replicas (chosen: 10)");
  expect(text).toContain("Routing 1: 70% of requests to Llama 3.1 8B fp8 on H100 SXM (Reference cloud)");
  expect(text).toMatch(/10 replicas of Llama 3\.1 8B fp8 on H100 SXM \(Reference cloud\) serve 84\.8% of requests/);
});

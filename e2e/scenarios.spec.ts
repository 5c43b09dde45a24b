import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test, expect, signIn, signUp } from "./fixtures";
import { evaluateScenario } from "../lib/engine";
import { formatUsd } from "../lib/format/numbers";

const regulated = evaluateScenario(JSON.parse(readFileSync("lib/engine/examples/regulated-in-house.json", "utf8")));

test("the demo workspace lists its scenarios with a cost chart, and a scenario shows the engine's figures", async ({ page }) => {
  // Someone arriving cold learns what the product is before signing in.
  await page.goto("/signin");
  await expect(page.getByTestId("product-intro")).toContainText(
    "Call an LLM through a provider's API, or run an open model on your own GPUs?",
  );
  await signIn(page, "demo@breakeven.local", "breakeven-demo");
  const list = page.getByTestId("scenario-list");
  await expect(list.locator(":scope > li")).toHaveCount(3);
  // The chart is drawn: one bar per scenario.
  await expect(page.getByTestId("dashboard-chart").locator(".recharts-bar-rectangle")).toHaveCount(3);

  await list.getByRole("link", { name: /Regulated internal assistant/ }).click();
  await expect(page.getByTestId("scenario-name")).toHaveText(regulated.scenarioName);
  await expect(page.getByTestId("recommendation-headline")).toHaveText(regulated.recommendation.headline);
  await expect(page.getByTestId("override")).toContainText("Customer data must stay in our EU infrastructure");
  await expect(page.getByTestId("catalog-version")).toHaveText("2026-12 reference");
  const priced = regulated.options.flatMap((o) => (o.feasible ? [o] : []));
  expect(priced.length).toBeGreaterThan(1);
  for (const o of priced) await expect(page.getByTestId(`monthly-${o.id}`)).toHaveText(formatUsd(o.monthlyCost));
  // Every chart has drawn marks, not an empty frame.
  const curve = page.getByTestId("chart-cost-volume");
  await expect(curve.locator("polyline")).toHaveCount(regulated.options.filter((o) => o.feasible).length);
  // The volume axis is numeric: today's mark sits at the scenario's own volume, with the axis titles.
  await expect(curve.getByTestId("chart-mark-today")).toHaveAttribute("data-volume", String(regulated.workload.requestsPerMonth));
  // This example's breakeven (3.2M a month) lies inside the plotted range.
  const be = regulated.breakeven.find((b) => b.selfHostId === regulated.comparison?.selfHostId)!.fullyLoaded;
  await expect(curve.getByTestId("chart-mark-breakeven")).toHaveAttribute(
    "data-volume",
    String(be.reached ? be.requestsPerMonth : "unreached"),
  );
  await expect(curve).toContainText("Requests per month (log scale)");
  await expect(curve).toContainText("US$ per month");
  await expect(page.getByTestId("chart-breakdown").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("chart-tornado").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("chart-projection").locator("path.recharts-area-area").first()).toBeVisible();
  await expect(page.getByTestId("constraints")).toContainText("Requests are sent to the provider's infrastructure.");
});

test("a user of another team gets 404 on a demo scenario's URL", async ({ page, browser, newUser }) => {
  const demo = await browser.newPage();
  await signIn(demo, "demo@breakeven.local", "breakeven-demo");
  await demo.getByTestId("scenario-list").getByRole("link").first().click();
  await expect(demo.getByTestId("scenario-name")).toBeVisible();
  const scenarioPath = new URL(demo.url()).pathname;
  const scenarioId = scenarioPath.split("/").at(-1)!;
  await demo.close();

  await signUp(page, newUser);
  const ownTeam = new URL(page.url()).pathname.split("/")[2];
  expect((await page.goto(scenarioPath))?.status()).toBe(404);
  // Guessing the id under the attacker's own team does not find it either.
  expect((await page.goto(`/t/${ownTeam}/s/${scenarioId}`))?.status()).toBe(404);
  // Nor does asking for its memo, alone or in a comparison under their own team.
  for (const url of [
    `/api/v1/scenarios/${scenarioId}/memo`,
    `/api/v1/scenarios/${scenarioId}/memo?format=md`,
    `/api/v1/teams/${ownTeam}/compare/memo?s=${scenarioId},${scenarioId}@1`,
  ]) {
    const res = await page.request.get(url);
    expect(res.status(), url).toBe(404);
    expect(await res.text()).not.toContain(regulated.scenarioName);
  }
});

test("the scenario page exports a PDF memo whose figures are the ones on screen", async ({ page }) => {
  await signIn(page, "demo@breakeven.local", "breakeven-demo");
  await page
    .getByTestId("scenario-list")
    .getByRole("link", { name: /Regulated internal assistant/ })
    .click();
  const onScreen = (await page.getByTestId("uncertainty").locator("p").first().innerText()).replace(/\s+/g, " ");
  await page.getByTestId("memo-export").locator("summary").click();
  await page.getByLabel(/^Context/).fill("The works council asked for an in-house option.");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download PDF" }).click()]);
  expect(download.suggestedFilename()).toMatch(
    /^breakeven-memo_demo_regulated-internal-assistant-data-stays-in-house_rev\d+_\d{4}-\d{2}-\d{2}\.pdf$/,
  );
  const file = test.info().outputPath("memo.pdf");
  await download.saveAs(file);
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  const expected = [
    regulated.recommendation.headline,
    "2026-12 reference",
    "The works council asked for an in-house option.",
    onScreen,
    ...regulated.options.flatMap((o) => (o.feasible ? [formatUsd(o.monthlyCost)] : [])),
  ];
  expect(expected.filter((p) => !text.includes(p))).toEqual([]);

  const md = await page.request.get(`${new URL(page.url()).pathname.replace(/^\/t\/demo\/s\//, "/api/v1/scenarios/")}/memo?format=md`);
  expect(md.headers()["content-type"]).toContain("text/markdown");
  expect(await md.text()).toContain(regulated.recommendation.headline);
});

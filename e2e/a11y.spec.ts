// Accessibility: axe-core's WCAG 2 A/AA rules on every main page, signed in as the demo user.
import { test, expect, signIn, axeViolations } from "./fixtures";

// Charts draw their legends with our own markup (components/charts/chart-legend.tsx), so nothing
// is left out of the scan. The conflict view and the viewer's read-only inputs are scanned in
// workspace.spec.ts, where they appear.

const PAGES = [
  "/docs/api",
  "/t/demo",
  "/t/demo/new",
  "/t/demo/usage",
  "/t/demo/compare",
  "/t/demo/catalog",
  "/t/demo/catalog?tab=gpu",
  "/t/demo/catalog/history?kind=gpu&provider=Nebius&gpuType=H100+SXM",
  "/t/demo/catalog/admin",
  "/t/demo/catalog/jobs",
  "/t/demo/catalog/feeds",
  "/t/demo/notifications",
  "/t/demo/settings",
];

test("the main pages have no WCAG 2 A/AA violations that axe can detect", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/signin");
  const report: string[] = await axeViolations(page);
  await signIn(page, "demo@breakeven.local", "breakeven-demo");
  await page.waitForURL(/\/t\/demo/);
  const scenario = await page.getByTestId("scenario-list").locator(":scope > li a").first().getAttribute("href");
  // The scenario, its revision diff, and a comparison of the first two demo scenarios.
  const ids = await page
    .getByTestId("scenario-list")
    .locator(":scope > li a")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")!.split("/").at(-1)));
  for (const path of [...PAGES, scenario!, `${scenario}/diff?a=1&b=1`, `/t/demo/compare?s=${ids[0]},${ids[1]}`]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    report.push(...(await axeViolations(page)));
  }
  expect(report).toEqual([]);
});

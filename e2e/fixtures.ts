import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { latestEmail, linkIn } from "../tests/support/outbox";

export type NewUser = { name: string; email: string; password: string };

/**
 * A fresh user per test, so tests never share state; and every page of a test must run without an
 * uncaught error (a hydration mismatch, for one, re-renders the page and drops early keystrokes).
 */
export const test = base.extend<{ newUser: NewUser; pageErrors: void }>({
  newUser: async ({}, provide) => {
    const id = randomBytes(4).toString("hex");
    await provide({ name: `Tester ${id}`, email: `tester-${id}@example.com`, password: `pw-${id}-long-enough` });
  },
  pageErrors: [
    async ({ context }, provide) => {
      const errors: string[] = [];
      const watch = (p: Page) => p.on("pageerror", (e) => errors.push(`${p.url()}: ${e.message.slice(0, 300)}`));
      context.pages().forEach(watch);
      context.on("page", watch);
      await provide();
      expect(errors, "uncaught errors in the browser").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export async function signUp(page: Page, user: NewUser) {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("team-name")).toHaveText(`${user.name}'s team`);
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The server's emails (scripts/bin/e2e-server.sh sets no SMTP_URL, so they are files here). */
export const OUTBOX = path.resolve(`.data/e2e-${Number(process.env.E2E_PORT ?? 3100)}-outbox`);

/** The link in the newest email to `to` whose subject matches, sent after `since`. */
export async function emailedLink(to: string, subject: RegExp, since: Date): Promise<URL> {
  return linkIn(await latestEmail(to, subject, since, { dir: OUTBOX }));
}

/** Opens the confirmation link the server emailed at sign-up and confirms the address. */
export async function confirmEmail(page: Page, email: string, since = new Date(0)) {
  const link = await emailedLink(email, /Confirm your email/, since);
  await page.goto(link.pathname + link.search);
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByRole("status")).toContainText(`${email} is confirmed`);
}

/** Exports the scenario's memo as PDF from its page and returns the PDF's text on one line (pdftotext). */
export async function memoPdfText(page: Page, outputPath: string): Promise<string> {
  await page.getByTestId("memo-export").locator("summary").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download PDF" }).click()]);
  await download.saveAs(outputPath);
  return execFileSync("pdftotext", ["-enc", "UTF-8", outputPath, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

/** From the team's dashboard: a new scenario from the named template, its page open. */
export async function newScenarioFromTemplate(page: Page, template: string) {
  await page.getByRole("link", { name: "New scenario" }).click();
  await page.getByRole("button", { name: new RegExp(template) }).click();
  await expect(page.getByTestId("scenario-name")).toHaveText(template);
}

/** axe-core's WCAG 2 A/AA findings on the page as it is now, one line per rule ("" when clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return result.violations.map(
    (v) =>
      `${new URL(page.url()).pathname}: ${v.id} (${v.nodes.length}): ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(" | ")}`,
  );
}

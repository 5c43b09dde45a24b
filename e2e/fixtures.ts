import { test as base, expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";

export type NewUser = { name: string; email: string; password: string };

/** A fresh user per test, so tests never share state. */
export const test = base.extend<{ newUser: NewUser }>({
  newUser: async ({}, provide) => {
    const id = randomBytes(4).toString("hex");
    await provide({ name: `Tester ${id}`, email: `tester-${id}@example.com`, password: `pw-${id}-long-enough` });
  },
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

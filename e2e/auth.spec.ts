import { test, expect, signUp, signIn, emailedLink, confirmEmail } from "./fixtures";

test("a new user signs up, lands on their team's scenarios, signs out and back in", async ({ page, newUser }) => {
  await signUp(page, newUser);
  await expect(page).toHaveURL(/\/t\/tester-/);
  await expect(page.getByTestId("empty-state")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await signIn(page, newUser.email, newUser.password);
  await expect(page.getByTestId("team-name")).toHaveText(`${newUser.name}'s team`);
});

test("sign-up shows field errors and a wrong password does not sign in", async ({ page, newUser }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(newUser.name);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();

  await signIn(page, "demo@breakeven.local", "wrong-password");
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});

test("a signed-out visitor of an app page is sent to sign-in, then back", async ({ page }) => {
  await page.goto("/t/demo");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Ft%2Fdemo/);
  await page.getByLabel("Email").fill("demo@breakeven.local");
  await page.getByLabel("Password").fill("breakeven-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("team-name")).toHaveText("Demo workspace");
});

test("a user of another team gets 404 on the demo team's URL", async ({ page, newUser }) => {
  await signUp(page, newUser);
  const response = await page.goto("/t/demo");
  expect(response?.status()).toBe(404);
});

test("a signed-out invitee keeps the invitation through sign-up and address confirmation, and lands in the team", async ({
  page,
  browser,
  newUser,
}) => {
  await signUp(page, newUser);
  await page.goto(page.url().replace(/\/t\/([^/]+).*/, "/t/$1/settings"));
  const inviteeEmail = `invitee-${Date.now()}@example.com`;
  await page.getByLabel("Email to invite").fill(inviteeEmail);
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = (await page.getByTestId("invite-link").locator("code").textContent())!;
  await expect(page.getByTestId("pending-invitations")).toContainText(inviteeEmail);

  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(link);
  await expect(invitee).toHaveURL(/\/signin\?callbackUrl=%2Finvite%2F/);
  await invitee.getByRole("link", { name: "Create an account" }).click();
  await invitee.getByLabel("Name").fill("Ina Invitee");
  await invitee.getByLabel("Email").fill(inviteeEmail);
  await invitee.getByLabel("Password").fill("ina's long password");
  const signedUp = new Date();
  await invitee.getByRole("button", { name: "Create account" }).click();
  await expect(invitee.getByTestId("invitation")).toContainText(`${newUser.name} invited you to join ${newUser.name}'s team as viewer`);
  // The invitation is bound to the address: it asks for the address to be confirmed first.
  await expect(invitee.getByTestId("confirm-address")).toContainText("Confirm that the address is yours first");
  await expect(invitee.getByRole("button", { name: "Accept invitation" })).toHaveCount(0);
  // The invitation itself was emailed too.
  expect((await emailedLink(inviteeEmail, /invited you to/, new Date(0))).pathname).toBe(new URL(link).pathname);
  // The confirmation link leads back to the invitation.
  await confirmEmail(invitee, inviteeEmail, signedUp);
  await invitee.getByRole("link", { name: "Continue" }).click();
  await expect(invitee).toHaveURL(/\/invite\//);
  await invitee.getByRole("button", { name: "Accept invitation" }).click();
  await expect(invitee.getByTestId("team-name")).toHaveText(`${newUser.name}'s team`);
  await context.close();
});

test("signing out ends the session on the server: a copy of the cookie no longer works", async ({ page, browser, newUser }) => {
  await signUp(page, newUser);
  const teamUrl = page.url();
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  const copy = await browser.newContext();
  await copy.addCookies(cookies);
  const replay = await copy.newPage();
  await replay.goto(teamUrl);
  await expect(replay).toHaveURL(/\/signin/);
  await copy.close();
});

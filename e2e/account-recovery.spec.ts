import { test, expect, signUp, signIn, emailedLink, confirmEmail } from "./fixtures";

test("a forgotten password is reset through the emailed link; the old one stops working", async ({ page, newUser }) => {
  await signUp(page, newUser);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await page.getByRole("link", { name: "Forgot your password?" }).click();
  // The sign-in page has an Email field too: wait for the reset form before typing.
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  const asked = new Date();
  await page.getByLabel("Email").fill(newUser.email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account uses this address, we sent it a link");

  const link = await emailedLink(newUser.email, /Reset your Breakeven password/, asked);
  await page.goto(link.pathname + link.search);
  await page.getByLabel("New password").fill("password123");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByText(/too easy to guess/)).toBeVisible();
  await page.getByLabel("New password").fill("violet lanterns over the quiet harbour");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByRole("status")).toContainText("every session of the account has ended");

  // The link works once.
  await page.goto(link.pathname + link.search);
  await page.getByLabel("New password").fill("another long phrase for later");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByText(/This link is not valid any more/)).toBeVisible();

  await signIn(page, newUser.email, newUser.password);
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await signIn(page, newUser.email, "violet lanterns over the quiet harbour");
  await expect(page.getByTestId("team-name")).toHaveText(`${newUser.name}'s team`);
});

test("settings show whether the address is confirmed, and the emailed link confirms it", async ({ page, newUser }) => {
  const signedUp = new Date();
  await signUp(page, newUser);
  const settings = page.url().replace(/\/t\/([^/]+).*/, "/t/$1/settings");
  await page.goto(settings);
  await expect(page.getByTestId("email-status")).toContainText("not confirmed");
  await confirmEmail(page, newUser.email, signedUp);
  await page.goto(settings);
  await expect(page.getByTestId("email-status")).toContainText("confirmed");
  await expect(page.getByTestId("email-status")).not.toContainText("not confirmed");
});

test("repeated wrong passwords make this browser wait, and the form says for how long", async ({ page, newUser }) => {
  await signUp(page, newUser);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  const alert = page.locator("form p[role=alert]");
  await signIn(page, newUser.email, "wrong guess");
  await expect(alert).toHaveText("That email and password do not match an account.");

  // More wrong guesses from this machine, each once the previous wait is over: four more are
  // free, then the waits double (1, 2, 4 s), leaving an 8 s wait after the last.
  const guess = async () => {
    const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
    const res = await page.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: newUser.email, password: "wrong again", json: "true" },
    });
    return new URL((await res.json()).url).searchParams.get("error");
  };
  for (const pause of [0, 0, 0, 0, 1100, 2100, 4100]) {
    await page.waitForTimeout(pause);
    expect(await guess()).toBe("CredentialsSignin");
  }
  // Even the right password waits its turn, and the form says how long.
  await signIn(page, newUser.email, newUser.password);
  await expect(alert).toContainText(/Too many failed sign-ins for this account from here\. Wait [5-8] seconds/);
});

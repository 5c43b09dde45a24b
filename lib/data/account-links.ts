import "server-only";
// Links sent by email that act on an account: verifying its address and resetting its password.
// Each is single use, expires, and works only for the address it was sent to; issuing a new one
// voids the older ones of the same kind.
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "../db";
import { appUrl } from "../env";
import { AppError } from "../errors";
import { hashPassword } from "../auth/password";
import { assertStrongPassword } from "../auth/password-strength";
import { sendEmailLater } from "../email/send";
import { NextPathSchema, PasswordResetRequestSchema, PasswordResetSchema, VerifyEmailSchema } from "../validation/auth";
import { safeCallbackPath } from "../auth/callback";
import { parseInput } from "../validation/errors";
import { countEvent, hitRateLimit } from "./rate-limit";
import { clearSignInFailures } from "./sign-in-throttle";

type Purpose = "verify-email" | "reset-password";

const LIFETIME_MS: Record<Purpose, number> = { "verify-email": 48 * 3600_000, "reset-password": 3600_000 };
const PAGE: Record<Purpose, string> = { "verify-email": "/verify-email", "reset-password": "/reset-password" };

/** Reset requests per client address, and emails per address, in this window. */
const RESET_WINDOW_MS = 15 * 60_000;
const RESET_REQUESTS_PER_CLIENT = 10;
const EMAILS_PER_ADDRESS = 3;

const hashLinkToken = (token: string) => createHash("sha256").update(token).digest("hex");

async function issueLink(user: { id: string; email: string }, purpose: Purpose, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await getDb().$transaction([
    getDb().accountToken.updateMany({ where: { userId: user.id, purpose, usedAt: null }, data: { usedAt: now } }),
    getDb().accountToken.create({
      data: {
        userId: user.id,
        purpose,
        email: user.email,
        tokenHash: hashLinkToken(token),
        expiresAt: new Date(now.getTime() + LIFETIME_MS[purpose]),
      },
    }),
  ]);
  return `${appUrl()}${PAGE[purpose]}?token=${token}`;
}

/** Consumes a link: the user it was for, if it is unused, unexpired and still for their address. */
async function consumeLink(token: string, purpose: Purpose, now = new Date()) {
  return getDb().$transaction(async (tx) => {
    const row = await tx.accountToken.findUnique({
      where: { tokenHash: hashLinkToken(token) },
      select: {
        id: true,
        purpose: true,
        email: true,
        expiresAt: true,
        usedAt: true,
        user: { select: { id: true, email: true, disabled: true } },
      },
    });
    const invalid =
      "This link is not valid any more: links work once, for a limited time, and only the newest one works. Ask for a new one.";
    if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= now || row.user.email !== row.email || row.user.disabled)
      throw new AppError("validation", invalid, { token: [invalid] });
    // Single use even under a race: only one transaction flips usedAt from null.
    const claimed = await tx.accountToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count === 0) throw new AppError("validation", invalid, { token: [invalid] });
    return row.user;
  });
}

/**
 * Sends the signed-in user a link that confirms their address (a few per hour at most). `next`
 * (say, the invitation they came from) is where the page leads once the address is confirmed.
 */
export async function sendVerificationEmail(userId: string, raw: unknown = {}): Promise<{ email: string; alreadyVerified: boolean }> {
  const { next } = parseInput(NextPathSchema, raw);
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { id: true, email: true, emailVerifiedAt: true } });
  if (!user) throw new AppError("unauthenticated", "Sign in to continue.");
  if (user.emailVerifiedAt) return { email: user.email, alreadyVerified: true };
  await hitRateLimit(`verify-email:${user.id}`, EMAILS_PER_ADDRESS, RESET_WINDOW_MS);
  const link = await issueLink(user, "verify-email");
  const path = next ? safeCallbackPath(next) : "/";
  sendEmailLater({
    to: user.email,
    subject: "Confirm your email address for Breakeven",
    text: `Open this link to confirm that ${user.email} is your address:\n\n${path === "/" ? link : `${link}&next=${encodeURIComponent(path)}`}\n\nThe link works once, for 48 hours. If you did not create a Breakeven account, ignore this email.`,
  });
  return { email: user.email, alreadyVerified: false };
}

export async function verifyEmail(raw: unknown, now = new Date()): Promise<{ email: string }> {
  const { token } = parseInput(VerifyEmailSchema, raw);
  const user = await consumeLink(token, "verify-email", now);
  await getDb().user.updateMany({ where: { id: user.id, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
  return { email: user.email };
}

/**
 * "Forgot password": emails a reset link when the address has an account. The answer is the
 * same either way, so the form cannot be used to find out who has an account.
 */
export async function requestPasswordReset(raw: unknown, client: string): Promise<void> {
  const { email } = parseInput(PasswordResetRequestSchema, raw);
  await hitRateLimit(`reset-request:${client}`, RESET_REQUESTS_PER_CLIENT, RESET_WINDOW_MS);
  // Past a few emails per address the request is still answered alike, but nothing is sent:
  // nobody can flood someone's inbox through this form.
  if ((await countEvent(`reset-email:${email}`, RESET_WINDOW_MS)).count > EMAILS_PER_ADDRESS) return;
  const user = await getDb().user.findUnique({ where: { email }, select: { id: true, email: true, disabled: true } });
  if (!user || user.disabled) return;
  const link = await issueLink(user, "reset-password");
  sendEmailLater({
    to: user.email,
    subject: "Reset your Breakeven password",
    text: `Someone asked to reset the password of the Breakeven account for ${user.email}. To choose a new password, open:\n\n${link}\n\nThe link works once, for one hour, and signs you out everywhere. If you did not ask for this, ignore this email: your password stays as it is.`,
  });
}

/** Sets a new password from a reset link: every session ends, failed sign-ins are forgotten, and the address counts as verified. */
export async function resetPassword(raw: unknown, now = new Date()): Promise<{ email: string }> {
  const input = parseInput(PasswordResetSchema, raw);
  // The strength check needs the account, but a weak password must not use up the link.
  const row = await getDb().accountToken.findUnique({
    where: { tokenHash: hashLinkToken(input.token) },
    select: { user: { select: { email: true, name: true } } },
  });
  if (row) assertStrongPassword(input.newPassword, "newPassword", [row.user.email, row.user.name]);
  const user = await consumeLink(input.token, "reset-password", now);
  const passwordHash = await hashPassword(input.newPassword);
  await getDb().user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 }, emailVerifiedAt: now } });
  await clearSignInFailures(user.email);
  return { email: user.email };
}

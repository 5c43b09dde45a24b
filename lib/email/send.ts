import "server-only";
// Outgoing email. With SMTP_URL set, messages go through that server; without it (the embedded
// set-up, tests) each message is written as a file to the outbox folder, where an operator or a
// test can open it. A message SMTP refuses also lands in the outbox, so no link is lost.
import { mkdirSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";

export type Email = { to: string; subject: string; text: string };

export function outboxDir(): string {
  return path.resolve(env().MAIL_OUTBOX_DIR ?? ".data/outbox");
}

function sender(): string {
  const e = env();
  if (e.MAIL_FROM) return e.MAIL_FROM;
  const host = e.NEXTAUTH_URL ? new URL(e.NEXTAUTH_URL).hostname : "localhost";
  return `Breakeven <no-reply@${host}>`;
}

let transport: Transporter | null = null;

/** A small local file: written at once, so the message exists when the request that made it ends. */
function writeToOutbox(message: Email & { from: string }, note?: string): string {
  const dir = outboxDir();
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(3).toString("hex")}.eml`);
  const headers = [
    `From: ${message.from}`,
    `To: ${message.to}`,
    `Subject: ${message.subject}`,
    `Date: ${new Date().toUTCString()}`,
    ...(note ? [`X-Not-Sent: ${note}`] : []),
  ];
  writeFileSync(file, `${headers.join("\n")}\n\n${message.text}\n`, { mode: 0o600 });
  return file;
}

/**
 * Sends one plain-text email without making the request wait for a mail server: a slow server
 * must not hold a page, nor let response times tell whether an address has an account.
 */
export function sendEmailLater(email: Email): void {
  const message = { ...email, from: sender() };
  const url = env().SMTP_URL;
  if (!url) {
    const file = writeToOutbox(message);
    console.info(`[email] no SMTP_URL: "${email.subject}" for ${email.to} written to ${file}`);
    return;
  }
  transport ??= nodemailer.createTransport(url);
  transport.sendMail(message).catch((error: Error) => {
    const file = writeToOutbox(message, error.message);
    console.error(`[email] SMTP refused "${email.subject}" for ${email.to} (${error.message}); kept in ${file}`);
  });
}

/**
 * Sends one email and waits for the server's answer: for jobs, which retry when it fails. The
 * message id lets a mail client drop a copy sent again after a crash. Without SMTP_URL it is
 * written to the outbox.
 */
export async function sendEmailNow(email: Email & { messageId?: string }): Promise<void> {
  const message = { ...email, from: sender() };
  const url = env().SMTP_URL;
  if (!url) {
    writeToOutbox(message);
    return;
  }
  transport ??= nodemailer.createTransport(url);
  await transport.sendMail({ ...message, messageId: email.messageId });
}

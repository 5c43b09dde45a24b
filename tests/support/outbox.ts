// Reads the emails the app wrote to its outbox folder (no SMTP_URL in tests): the newest one to
// an address, waiting briefly because the app sends without making the request wait.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export type SentEmail = { to: string; subject: string; text: string; file: string };

async function all(dir: string): Promise<SentEmail[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(".eml")).sort();
  return Promise.all(
    names.map(async (name) => {
      const raw = await readFile(path.join(dir, name), "utf8");
      const [head, ...body] = raw.split("\n\n");
      const header = (key: string) => head.match(new RegExp(`^${key}: (.*)$`, "m"))?.[1] ?? "";
      return { to: header("To"), subject: header("Subject"), text: body.join("\n\n"), file: name };
    }),
  );
}

/** The newest email to `to` whose subject matches, sent after `since` (ISO file names sort by time). */
export async function latestEmail(
  to: string,
  subject: RegExp,
  since: Date,
  { tries = 50, dir = process.env.MAIL_OUTBOX_DIR ?? ".data/outbox" } = {},
): Promise<SentEmail> {
  const after = since.toISOString().replace(/[:.]/g, "-");
  for (let i = 0; i < tries; i++) {
    const found = (await all(dir)).filter((m) => m.to === to && subject.test(m.subject) && m.file >= after).pop();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No email to ${to} matching ${subject} in ${dir}`);
}

/** The one-time link in an email's text. */
export function linkIn(email: SentEmail): URL {
  const match = email.text.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`No link in "${email.subject}"`);
  return new URL(match[0]);
}

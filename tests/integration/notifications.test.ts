// Notifications against a real database (PGlite; PostgreSQL too when TEST_DATABASE_URL is set), a
// local SMTP server and a local webhook receiver started here: a publish that flips a decision
// emails the members who asked, and posts a signed JSON message to the team's webhook (retried
// when it fails), each once.
const SMTP_PORT = 20_000 + (process.pid % 20_000);
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-123";
process.env.ADMIN_EMAILS = "admin@notify.test";
process.env.SMTP_URL = `smtp://127.0.0.1:${SMTP_PORT}`;
process.env.NEXTAUTH_URL = "http://breakeven.test";

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { until } from "../support/until";
import { openTestDb, testDbKinds, type TestDb } from "../support/test-db";
import { seed, DEMO_EMAIL, DEMO_TEAM_SLUG } from "../../lib/data/seed";
import { signUpVerified } from "../support/users";
import { createDraft, updateGpuOffer } from "../../lib/data/catalog-drafts";
import { getCatalogVersion } from "../../lib/data/catalog";
import { publishVersion } from "../../lib/data/catalog-publish";
import { getMyNotificationPrefs, listOutbox, setMyNotificationPrefs, setWebhook } from "../../lib/data/notifications";
import { notifyRun, signature, SIGNATURE_HEADER, DELIVERY_HEADER } from "../../lib/data/notify";
import { getBoss, transactionalSender } from "../../lib/jobs/boss";
import { startWorkers } from "../../lib/jobs/workers";

type Mail = { to: string[]; raw: string };

/** The message as text: quoted-printable soft breaks joined and =XX bytes decoded. */
const readable = (raw: string) =>
  Buffer.from(
    raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    "latin1",
  ).toString("utf8");
type Hook = { body: string; headers: Record<string, string | string[] | undefined> };

describe.each(testDbKinds())("notifications on %s", (kind) => {
  let t: TestDb;
  let smtp: SMTPServer;
  let receiver: Server;
  let hookUrl = "";
  const mails: Mail[] = [];
  const hooks: Hook[] = [];
  let failNextHook = true;
  let admin = "";
  let demo = "";
  let editor = "";

  beforeAll(async () => {
    mails.length = 0;
    hooks.length = 0;
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, done) {
        let raw = "";
        stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
        stream.on("end", () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          done();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(SMTP_PORT, "127.0.0.1", r));
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString("utf8")));
      req.on("end", () => {
        hooks.push({ body, headers: req.headers });
        // The first delivery meets a receiver that is down: the queue must try again.
        if (failNextHook) {
          failNextHook = false;
          res.writeHead(500).end();
        } else res.writeHead(200).end("ok");
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    t = await openTestDb(kind);
    await seed(t.db);
    admin = (await signUpVerified({ name: "Ada Admin", email: "admin@notify.test", password: "admin password" })).user.id;
    demo = (await t.db.user.findUniqueOrThrow({ where: { email: DEMO_EMAIL } })).id;
    editor = (await signUpVerified({ name: "Eve Editor", email: "eve@notify.test", password: "eve password!" })).user.id;
    const team = await t.db.team.findUniqueOrThrow({ where: { slug: DEMO_TEAM_SLUG } });
    await t.db.membership.create({ data: { userId: editor, teamId: team.id, role: "editor" } });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((r) => smtp.close(() => r()));
    receiver.closeAllConnections();
    await new Promise((r) => receiver.close(r));
  });

  test("members choose what they hear about; only owners set the webhook or read the outbox", async () => {
    expect(await getMyNotificationPrefs(demo, DEMO_TEAM_SLUG)).toEqual({ flips: false, moves: false });
    await expect(setMyNotificationPrefs(demo, DEMO_TEAM_SLUG, { flips: "yes", moves: false })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { flips: ["must be true or false"] },
    });
    await setMyNotificationPrefs(demo, DEMO_TEAM_SLUG, { flips: true, moves: false });
    expect(await getMyNotificationPrefs(demo, DEMO_TEAM_SLUG)).toEqual({ flips: true, moves: false });
    await expect(setMyNotificationPrefs(admin, DEMO_TEAM_SLUG, { flips: true, moves: true })).rejects.toMatchObject({ code: "not_found" });
    await expect(setWebhook(editor, DEMO_TEAM_SLUG, { url: hookUrl })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setWebhook(demo, DEMO_TEAM_SLUG, { url: "javascript:alert(1)" })).rejects.toMatchObject({
      fieldErrors: { url: [expect.any(String)] },
    });
    const hook = await setWebhook(demo, DEMO_TEAM_SLUG, { url: hookUrl });
    expect(hook.secret).toMatch(/^[\w-]{32}$/);
    await expect(listOutbox(editor, DEMO_TEAM_SLUG)).rejects.toMatchObject({ code: "forbidden" });
  });

  test("a publish that flips a decision emails who asked and posts a signed message to the webhook, once each", async () => {
    const draft = await createDraft(admin, { label: "Cheaper H200s", effectiveDate: "2026-12-01" });
    const h200 = (await getCatalogVersion(admin, draft.id)).gpuOffers.find(
      (o) => o.provider === "RunPod Secure" && o.gpuType === "H200 SXM",
    )!;
    await updateGpuOffer(admin, h200.id, { pricePerGpuHour: 1.2 });
    await startWorkers(await getBoss(), { pollingIntervalSeconds: 0.5 });
    const { runId } = await publishVersion(admin, draft.id, { label: "2026-12 cheaper H200", effectiveDate: "2026-12-01" });

    const sent = await until("the email and the webhook to be delivered", async () => {
      const rows = await t.db.notification.findMany({ where: { runId } });
      return rows.length === 2 && rows.every((n) => n.status === "sent") && rows;
    });
    const agent = await t.db.scenario.findFirstOrThrow({ where: { name: { startsWith: "70B agent platform" } } });
    // Email: to the owner who asked for flips; the editor chose nothing and gets nothing.
    expect(mails.map((m) => m.to)).toEqual([[DEMO_EMAIL]]);
    const text = readable(mails[0].raw);
    expect(text).toContain('The price catalog "2026-12 cheaper H200" was published');
    expect(text).toContain(`http://breakeven.test/t/demo/s/${agent.id}#then-vs-now`);
    expect(text).toMatch(/70B agent platform[^:]*: recommendation API → Self-host; \$[\d,]+ → \$[\d,]+ a month/);
    // Webhook: refused once (500), delivered on the retry; the same delivery id both times; signed.
    expect(hooks).toHaveLength(2);
    const secret = (await t.db.team.findUniqueOrThrow({ where: { slug: DEMO_TEAM_SLUG }, select: { webhookSecret: true } })).webhookSecret;
    const webhook = sent.find((n) => n.channel === "webhook")!;
    for (const h of hooks) {
      expect(h.headers[SIGNATURE_HEADER.toLowerCase()]).toBe(signature(secret ?? "", h.body));
      expect(h.headers[DELIVERY_HEADER.toLowerCase()]).toBe(webhook.id);
    }
    expect(webhook).toMatchObject({ attempts: 2, error: null });
    const body = JSON.parse(hooks[1].body);
    expect(body.text).toContain("70B agent platform");
    expect(body.scenarios.find((s: { scenarioId: string }) => s.scenarioId === agent.id)).toMatchObject({
      flipped: true,
      outcomeThen: "api",
      outcomeNow: "self-host",
    });

    // The run's messages are written once: a second notify job writes nothing.
    expect(await notifyRun(runId, await transactionalSender())).toBe(0);
    expect(await t.db.notification.count({ where: { runId } })).toBe(2);
    const outbox = await listOutbox(demo, DEMO_TEAM_SLUG);
    expect(outbox.map((n) => [n.channel, n.status])).toEqual(
      expect.arrayContaining([
        ["email", "sent"],
        ["webhook", "sent"],
      ]),
    );
  });
});

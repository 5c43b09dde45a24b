// `npm run instances`: what must hold when saves race and when two app instances share one
// PostgreSQL.
// - Stale saves: two users save the same scenario 100 times each, each from the version it last
//   saw; every save must land or get 409, and the history must hold exactly the saves that
//   landed, each with its own content (0 lost updates). On PGlite both users use the one app
//   instance; on PostgreSQL each uses its own instance.
// - Two instances (PostgreSQL): a session made on one is valid on the other; failed sign-ins
//   and API-token requests are counted once across both (the counters live in the database).
//   npm run instances -- [--db pglite|postgres|both]
import { Client, dbKindsFromArgs, ensureBuild, freshDatabase, startServer, type DbKind, type Server, runScript } from "./harness";
import { exampleInput } from "./writers";

const SAVES = 100;
const RATE = 30;
const problems: string[] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) problems.push(what);
};

async function staleSaves(kind: DbKind, a: Server, b: Server) {
  const owner = await Client.newUser(a.base, "racer-a");
  const second = await Client.newUser(b.base, "racer-b");
  const inv = await owner.client.request("POST", `/api/v1/teams/${owner.team}/invitations`, { email: second.email, role: "editor" });
  const joined = await second.client.request("POST", `/api/v1/invitations/${(inv.body as { token: string }).token}`, {});
  if (joined.status !== 200) throw new Error(`join: ${joined.status}`);
  const input = exampleInput();
  const made = await owner.client.request("POST", `/api/v1/teams/${owner.team}/scenarios`, { name: "Race", input });
  const id = (made.body as { id: string }).id;

  type Landed = { revision: number; baseVersion: number; marker: string; volume: number };
  const landed: Landed[] = [];
  const statuses = new Map<number, number>();
  let volume = 1_000_000;
  async function racer(client: Client, label: string) {
    let known = 1;
    for (let i = 1; i <= SAVES; i++) {
      const marker = `${label}-${i}`;
      const v = ++volume;
      const r = await client.request("PUT", `/api/v1/scenarios/${id}`, {
        baseVersion: known,
        input: { ...input, workload: { ...input.workload, requestsPerMonth: v } },
        message: marker,
      });
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      if (r.status === 200) {
        const body = r.body as { version: number; revision: number };
        landed.push({ revision: body.revision, baseVersion: known, marker, volume: v });
        known = body.version;
      } else if (r.status === 409) {
        // Stale: read the current version, as the editor does after "reload".
        known = ((await client.request("GET", `/api/v1/scenarios/${id}`)).body as { version: number }).version;
      }
    }
  }
  await Promise.all([racer(owner.client, "a"), racer(second.client, "b")]);

  const revisions = (
    (await owner.client.request("GET", `/api/v1/scenarios/${id}/revisions`)).body as {
      revisions: { number: number; message: string | null }[];
    }
  ).revisions;
  const byNumber = new Map(revisions.map((r) => [r.number, r.message]));
  const lost = landed.filter((l) => byNumber.get(l.revision) !== l.marker);
  const numbers = landed.map((l) => l.revision).sort((x, y) => x - y);
  const contiguous = numbers.every((n, i) => n === i + 2);
  const last = landed.reduce((m, l) => (l.revision > m.revision ? l : m));
  const current = (await owner.client.request("GET", `/api/v1/scenarios/${id}`)).body as {
    currentRevision?: { number: number; input: { workload: { requestsPerMonth: number } } };
  };
  const conflicts = statuses.get(409) ?? 0;
  const other = [...statuses].filter(([s]) => s !== 200 && s !== 409);
  console.log(
    `stale saves (${kind}, ${a === b ? "one instance" : "two instances"}): ${2 * SAVES} saves → ${landed.length} landed, ${conflicts} conflicts, ${other.reduce((n, [, c]) => n + c, 0)} other; ` +
      `history ${revisions.length} revisions (1 + ${revisions.length - 1}), ${lost.length} lost updates`,
  );
  check(landed.length + conflicts === 2 * SAVES, `${kind}: answers other than 200/409: ${JSON.stringify(other)}`);
  check(revisions.length === landed.length + 1, `${kind}: history has ${revisions.length} revisions for ${landed.length} landed saves`);
  check(lost.length === 0, `${kind}: ${lost.length} acknowledged saves not in the history`);
  check(contiguous, `${kind}: revision numbers of the landed saves are not 2…${landed.length + 1}`);
  check(
    current.currentRevision?.input.workload.requestsPerMonth === last.volume,
    `${kind}: the current revision is not the last save that landed`,
  );
  check(conflicts > 0, `${kind}: no conflict at all — the saves did not race`);
}

async function acrossInstances(a: Server, b: Server) {
  // A session made on A is valid on B.
  const u = await Client.newUser(a.base, "roamer");
  const onB = u.client.on(b.base);
  const session = (await onB.request("GET", "/api/auth/session")).body as { user?: { email?: string } };
  const page = await onB.request("GET", `/t/${u.team}`);
  check(
    session.user?.email === u.email && page.status === 200,
    `session from A not valid on B (session ${JSON.stringify(session)}, page ${page.status})`,
  );

  // Failed sign-ins are counted across instances: five wrong passwords from one address,
  // alternating A and B, make that address wait, even with the right password; the owner
  // signing in from another address is not held up.
  const victim = await Client.newUser(a.base, "victim");
  const from = (base: string, address: string) => Object.assign(new Client(base), { forwardedFor: address });
  for (let i = 0; i < 5; i++) await from(i % 2 ? b.base : a.base, "203.0.113.66").tryCredentials(victim.email, "wrong password!");
  const attacker = await from(b.base, "203.0.113.66").tryCredentials(victim.email, victim.password);
  const owner = await from(a.base, "198.51.100.7").tryCredentials(victim.email, victim.password);
  const locked = /TooManyAttempts/.test(attacker) && owner === "signed in";
  check(locked, `5 failed sign-ins from one address over two instances: that address got "${attacker}", the owner elsewhere "${owner}"`);

  // An API token's per-minute limit is shared: alternate instances until 429.
  const tok = await u.client.request("POST", `/api/v1/teams/${u.team}/tokens`, { name: "shared", access: "read" });
  const token = (tok.body as { token: string }).token;
  let served = 0;
  let limited = 0;
  for (let i = 0; i < RATE + 6; i++) {
    const r = await new Client(i % 2 ? b.base : a.base, token).request("GET", `/api/v1/teams/${u.team}/scenarios`);
    if (r.status === 200) served++;
    else if (r.status === 429) limited++;
  }
  console.log(
    `two instances: session from A valid on B: ${session.user?.email === u.email}; 5 failed sign-ins alternating A/B make that address wait while the owner elsewhere signs in: ${locked}; token limit ${RATE}/min: ${served} served, ${limited} refused with 429 across both`,
  );
  check(served === RATE && limited === 6, `token limit not shared: ${served} served, ${limited} limited (limit ${RATE})`);
}

async function main(): Promise<string[]> {
  ensureBuild();
  for (const kind of dbKindsFromArgs(process.argv.slice(2))) {
    const db = await freshDatabase(kind, "instances");
    const env = { API_RATE_LIMIT_PER_MINUTE: String(RATE) };
    const a = await startServer({ port: 3320, databaseUrl: db.url, env });
    const b = kind === "postgres" ? await startServer({ port: 3321, databaseUrl: db.url, env }) : a;
    try {
      await staleSaves(kind, a, b);
      if (kind === "postgres") await acrossInstances(a, b);
    } finally {
      await a.stop();
      if (b !== a) await b.stop();
      await db.drop();
    }
  }
  return problems;
}

runScript(main);

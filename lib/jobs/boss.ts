// The job queue: pg-boss in the app's own database. On PostgreSQL it opens its own small pool;
// on the embedded PGlite it shares the app's single connection, where PGlite runs each query or
// transaction whole before the next, so a job query never lands inside a request's transaction.
import { PgBoss, fromPglite, fromPrisma, type PrismaTransactionLike } from "pg-boss";
import { getDbHandle } from "../db";
import type { AdapterHandle } from "../database/connect";
import { QUEUE_OPTIONS, type QueueName } from "./queues";

export type BossOptions = {
  /** How often expired jobs and lapsed heartbeats are looked for. */
  monitorIntervalSeconds?: number;
};

export function createBoss(handle: AdapterHandle, opts: BossOptions = {}): PgBoss {
  const common = {
    schema: "pgboss",
    monitorIntervalSeconds: opts.monitorIntervalSeconds ?? 5,
    superviseIntervalSeconds: 30,
    persistWarnings: false,
  };
  const boss = handle.pglite
    ? new PgBoss({ ...common, db: fromPglite(handle.pglite), backend: "pglite" })
    : new PgBoss({ ...common, connectionString: handle.target.kind === "postgres" ? handle.target.url : undefined, max: 4 });
  boss.on("error", (error) => console.error("Job queue:", error));
  return boss;
}

/** Starts pg-boss (installing or migrating its schema) and creates the app's queues. */
export async function startBoss(boss: PgBoss): Promise<PgBoss> {
  await boss.start();
  for (const [name, options] of Object.entries(QUEUE_OPTIONS)) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, options);
    else await boss.updateQueue(name, options);
  }
  return boss;
}

const globalForBoss = globalThis as unknown as { breakevenBoss?: Promise<PgBoss> };

/** The app's queue on the app's database, started once per process. */
export function getBoss(): Promise<PgBoss> {
  globalForBoss.breakevenBoss ??= startBoss(createBoss(getDbHandle())).catch((error) => {
    globalForBoss.breakevenBoss = undefined;
    throw error;
  });
  return globalForBoss.breakevenBoss;
}

/** Stops this process's queue (tests, before they close the database it runs on). */
export async function stopBoss(): Promise<void> {
  const started = globalForBoss.breakevenBoss;
  globalForBoss.breakevenBoss = undefined;
  if (started) await (await started).stop({ graceful: true, timeout: 5_000 });
}

/**
 * A sender that writes jobs inside a Prisma transaction, so the job exists exactly when the
 * transaction's changes do. Obtained before the transaction opens: starting the queue inside
 * one would wait on the embedded database's single connection, which the transaction holds.
 */
export async function transactionalSender() {
  const boss = await getBoss();
  return (tx: PrismaTransactionLike, name: QueueName, data: object) => boss.send(name, data, { db: fromPrisma(tx) });
}

/** Writes a job inside a transaction: what transactionalSender() returns. */
export type TxSender = Awaited<ReturnType<typeof transactionalSender>>;

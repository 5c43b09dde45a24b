// The one database client of the app: a lazily created singleton, so that importing this module
// (during `next build`, say) opens nothing. Only lib/data and scripts call getDb().
import { PrismaClient } from "./generated/prisma/client";
import { openAdapter, type AdapterHandle } from "./database/connect";

export type Db = PrismaClient;

type Holder = { client: PrismaClient; handle: AdapterHandle };
const globalForDb = globalThis as unknown as { breakevenDb?: Holder };

export function createDb(url: string | undefined): Holder {
  const handle = openAdapter(url);
  const client = new PrismaClient({ adapter: handle.factory });
  return { client, handle };
}

/** The handle behind getDb(): the job queue shares its database (and, embedded, its PGlite). */
export function getDbHandle(): AdapterHandle {
  getDb();
  return globalForDb.breakevenDb!.handle;
}

export function getDb(): PrismaClient {
  // Kept on globalThis: Next's dev server reloads modules, and PGlite allows one opener per folder.
  globalForDb.breakevenDb ??= createDb(process.env.DATABASE_URL);
  return globalForDb.breakevenDb.client;
}

/** Tests point the app's data layer at their own database. */
export function setTestDb(holder: Holder | undefined): void {
  globalForDb.breakevenDb = holder;
}

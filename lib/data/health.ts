import { getDb } from "../db";

/** One trivial query: throws (and the route answers 503) while the database cannot be reached. */
export async function checkDatabase(): Promise<void> {
  await getDb().$queryRaw`SELECT 1`;
}

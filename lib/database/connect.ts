// Chooses the database behind Prisma from one URL: PostgreSQL through @prisma/adapter-pg, or
// the embedded PGlite (Postgres compiled to WebAssembly, in-process) by default.
// No framework imports: used by the app, the scripts and the tests alike.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { mkdirSync } from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./.data/pglite";

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string | null }; // null: in memory

export function parseDatabaseUrl(url: string | undefined): DatabaseTarget {
  const value = (url ?? "").trim() || DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: "postgres", url: value };
  if (value === "memory://" || value === "memory:") return { kind: "pglite", dataDir: null };
  if (value.startsWith("file:")) return { kind: "pglite", dataDir: path.resolve(value.slice("file:".length)) };
  throw new Error(`DATABASE_URL must be postgresql://…, file:<folder> (embedded PGlite) or memory:// — got "${value.slice(0, 40)}"`);
}

export type AdapterHandle = {
  factory: PrismaPg | PrismaPGlite;
  target: DatabaseTarget;
  /** The embedded database itself, for the job queue (lib/jobs); null on PostgreSQL. */
  pglite: PGlite | null;
  /** Closes what this handle opened (the PGlite instance; pg pools close with the client). */
  close: () => Promise<void>;
};

// Synchronous: PGlite queues queries until its WebAssembly runtime is ready.
export function openAdapter(url: string | undefined): AdapterHandle {
  const target = parseDatabaseUrl(url);
  if (target.kind === "postgres") {
    // A connection attempt gives up after 5 s, so requests fail fast while the server is away.
    return {
      factory: new PrismaPg({ connectionString: target.url, connectionTimeoutMillis: 5_000 }),
      target,
      pglite: null,
      close: async () => {},
    };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const pglite = target.dataDir ? new PGlite(target.dataDir) : new PGlite();
  return {
    factory: new PrismaPGlite(pglite),
    target,
    pglite,
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "postgres") return `PostgreSQL at ${target.url.replace(/\/\/[^@/]*@/, "//***@")}`;
  return target.dataDir ? `embedded PGlite in ${target.dataDir}` : "embedded PGlite in memory";
}

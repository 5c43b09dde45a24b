// Database commands that work offline (see lib/database/migrations.ts):
//   migrate [name]  create a migration from the schema diff (if any) and apply pending ones
//   deploy          apply pending migrations
//   reset           drop everything, re-apply all migrations, seed
//   seed            run the idempotent seed
//   check           exit 1 when the schema and the migrations disagree (drift)
import { openAdapter, describeTarget, parseDatabaseUrl } from "../../lib/database/connect";
import { applyMigrations, createMigration, openSchemaEngine, pendingSchemaChange, resetDatabase } from "../../lib/database/migrations";
import { createDb } from "../../lib/db";
import { demoAllowed, seed } from "../../lib/data/seed";
import { reevaluateAfterEngineUpgrade } from "../../lib/data/repricing";

async function withEngine<T>(fn: (engine: Awaited<ReturnType<typeof openSchemaEngine>>) => Promise<T>): Promise<T> {
  const handle = openAdapter(process.env.DATABASE_URL);
  try {
    const engine = await openSchemaEngine(handle.factory);
    try {
      return await fn(engine);
    } finally {
      engine.free();
    }
  } finally {
    await handle.close();
  }
}

// The demo account only where demoAllowed() says so, or when asked for with --demo.
async function runSeed() {
  const { client, handle } = createDb(process.env.DATABASE_URL);
  try {
    await seed(client, { demo: demoAllowed() || process.argv.includes("--demo") });
  } finally {
    await client.$disconnect();
    await handle.close();
  }
}

async function main() {
  const [command, name] = process.argv.slice(2);
  const target = describeTarget(parseDatabaseUrl(process.env.DATABASE_URL));
  switch (command) {
    case "migrate": {
      await withEngine(async (engine) => {
        const created = await createMigration(engine, name ?? "change");
        console.log(created ? `Created prisma/migrations/${created}` : "Schema and migrations agree; no new migration.");
        const applied = await applyMigrations(engine);
        console.log(`Applied ${applied.length} migration(s) to ${target}${applied.length ? `: ${applied.join(", ")}` : ""}`);
      });
      break;
    }
    case "deploy": {
      const applied = await withEngine((engine) => applyMigrations(engine));
      console.log(`Applied ${applied.length} migration(s) to ${target}${applied.length ? `: ${applied.join(", ")}` : ""}`);
      const { client, handle } = createDb(process.env.DATABASE_URL);
      try {
        const reevaluated = await reevaluateAfterEngineUpgrade(client);
        if (reevaluated)
          console.log(`Re-evaluated ${reevaluated.processed} saved scenarios with the current cost engine; ${reevaluated.changed} moved.`);
      } finally {
        await client.$disconnect();
        await handle.close();
      }
      break;
    }
    case "reset": {
      await withEngine(async (engine) => {
        await resetDatabase(engine);
        const applied = await applyMigrations(engine);
        console.log(`Reset ${target}; applied ${applied.length} migration(s)`);
      });
      await runSeed();
      console.log("Seeded.");
      break;
    }
    case "seed":
      await runSeed();
      console.log(`Seeded ${target}.`);
      break;
    case "check": {
      const sql = await withEngine((engine) => pendingSchemaChange(engine));
      if (sql) {
        console.error("Drift: prisma/schema.prisma differs from prisma/migrations. Run `npm run db:migrate -- <name>`.\n" + sql);
        process.exit(1);
      }
      console.log("Schema and migrations agree.");
      break;
    }
    default:
      console.error("usage: tsx scripts/bin/db.ts migrate [name] | deploy | reset | seed | check");
      process.exit(2);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

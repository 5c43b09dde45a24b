import { defineConfig } from "prisma/config";

// The Prisma CLI is only used for `generate` here: migrations are created and applied by
// scripts/bin/db.ts through the WebAssembly schema engine (the CLI's native engine cannot be
// downloaded on these machines). `prisma migrate deploy` still works wherever it can.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx scripts/bin/db.ts seed" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/breakeven" },
});

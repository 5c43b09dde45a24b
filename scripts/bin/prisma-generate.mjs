// Runs `prisma generate` offline. The CLI downloads a native schema-engine binary at start-up
// unless PRISMA_SCHEMA_ENGINE_BINARY names an existing executable; generate itself only needs
// WebAssembly, so any executable stops the download (see DESIGN.md, "Stack").
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const stub = process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? (existsSync("/bin/true") ? "/bin/true" : "/usr/bin/true");
const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);

// Bundles the worker threads' code into .build/, files the server's worker threads load by path:
// the memo renderer (lib/memo/render-worker.ts) and the re-pricing of a batch
// (lib/data/reprice-worker.ts). Run by `npm run build` before `next build`.
import { build } from "esbuild";

const common = { bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "warning" };

await build({
  ...common,
  entryPoints: ["lib/memo/render-worker.ts"],
  outfile: ".build/memo-worker.mjs",
  // Resolved from node_modules at run time, as the server resolves them.
  external: ["@react-pdf/renderer", "react", "react/jsx-runtime"],
  jsx: "automatic",
});
await build({ ...common, entryPoints: ["lib/data/reprice-worker.ts"], outfile: ".build/reprice-worker.mjs" });

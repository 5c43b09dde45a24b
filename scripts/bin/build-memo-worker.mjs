// Bundles the memo-rendering worker (lib/memo/render-worker.ts) into .build/memo-worker.mjs, a
// file the server's worker threads load by path. Run by `npm run build` before `next build`.
import { build } from "esbuild";

await build({
  entryPoints: ["lib/memo/render-worker.ts"],
  outfile: ".build/memo-worker.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Resolved from node_modules at run time, as the server resolves them.
  external: ["@react-pdf/renderer", "react", "react/jsx-runtime"],
  jsx: "automatic",
  logLevel: "warning",
});

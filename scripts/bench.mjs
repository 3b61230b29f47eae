// `npm run bench`: bundles the benchmark the way webpack bundles the add-in (one scope, imports
// hoisted, no module getters between files) so the figures measure the core, not the loader,
// then runs it with --expose-gc.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";

mkdirSync(".tmp", { recursive: true });
await build({
  entryPoints: ["bench/analysis.bench.ts"],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile: ".tmp/analysis.bench.mjs",
  logLevel: "warning",
});
const run = spawnSync(process.execPath, ["--expose-gc", ".tmp/analysis.bench.mjs"], { stdio: "inherit", env: process.env });
process.exit(run.status ?? 1);

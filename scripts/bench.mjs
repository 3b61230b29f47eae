// `npm run bench`: bundles each benchmark the way webpack bundles the add-in (one scope, imports
// hoisted, no module getters between files) so the figures measure the code, not the loader, then
// runs it with --expose-gc. The functions benchmark calls a production build of the add-in, made
// here into .tmp/bench-dist with an example ADDIN_URL.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const BENCHES = ["analysis", "schemes", "functions", "taskpane", "movement"];
const DIST = ".tmp/bench-dist";

mkdirSync(".tmp", { recursive: true });
// The build prints only its errors; say what the first minute or so is spent on.
console.log(`Building the add-in for the CIP.* functions benchmark (production, into ${DIST}) ...`);
const webpack = spawnSync(
  process.execPath,
  [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", DIST],
  {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ADDIN_URL: "https://cip.example.org/addin" },
  },
);
if (webpack.status !== 0) process.exit(webpack.status ?? 1);

for (const name of BENCHES) {
  await build({
    entryPoints: [`bench/${name}.bench.ts`],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: `.tmp/${name}.bench.mjs`,
    logLevel: "warning",
  });
  const run = spawnSync(process.execPath, ["--expose-gc", `.tmp/${name}.bench.mjs`], {
    stdio: "inherit",
    env: { ...process.env, BENCH_FUNCTIONS_DIST: DIST },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

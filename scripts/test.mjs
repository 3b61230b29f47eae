// `npm test`: everything CI checks, in the order that fails fastest. The production build uses an
// example host so that the manifest rewrite and the dist/ checks are exercised exactly as a real
// release would be; the tests then read that dist/ instead of building it again.
import { spawnSync } from "node:child_process";

const EXAMPLE_URL = "https://cip.example.org/addin";
const env = { ...process.env, ADDIN_URL: process.env.ADDIN_URL ?? EXAMPLE_URL, CIP_DIST: "dist" };
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

const steps = [
  ["Type check", npm, ["run", "--silent", "typecheck"]],
  ["Lint", npm, ["run", "--silent", "lint"]],
  [`Production build (ADDIN_URL=${env.ADDIN_URL})`, npm, ["run", "--silent", "build"]],
  ["Manifest validation", npm, ["run", "--silent", "validate"]],
  ["Tests", npx, ["vitest", "run", ...process.argv.slice(2)]],
];

for (const [name, command, args] of steps) {
  console.log(`\n=== ${name}`);
  const result = spawnSync(command, args, { stdio: "inherit", env, shell: process.platform === "win32" });
  if (result.status !== 0) {
    console.error(`\n${name} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

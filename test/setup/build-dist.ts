// Vitest globalSetup of the "build" project (test/build/**): provides the builds the tests read.
//
//   prodDist  a production build. `npm test` builds dist/ itself (ADDIN_URL=https://cip.example.org/addin)
//             and sets CIP_DIST=dist, which is used as it is; otherwise one is built here, once,
//             into a temporary folder with ADDIN_URL=https://cip.example.org/addin.
//   devDist   a development build (office.js copied from @microsoft/office-js) for the browser test,
//             always built here into a temporary folder.
//   addinUrl  the ADDIN_URL prodDist was built with.
// The temporary folders are removed afterwards.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    prodDist: string;
    devDist: string;
    addinUrl: string;
  }
}

export const EXAMPLE_ADDIN_URL = "https://cip.example.org/addin";
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WEBPACK_CLI = createRequire(join(ROOT, "package.json")).resolve("webpack-cli/bin/cli.js");

/** Runs the project's webpack config; resolves with the exit code and everything it printed. */
export function runWebpack(
  mode: "production" | "development",
  outputPath: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [WEBPACK_CLI, "--mode", mode, "--output-path", outputPath], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", fail);
    child.on("close", (code) => done({ code, output }));
  });
}

async function build(mode: "production" | "development", env: NodeJS.ProcessEnv): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `cip-${mode}-`));
  const { code, output } = await runWebpack(mode, dir, env);
  if (code !== 0) throw new Error(`The ${mode} build for the tests failed (exit ${code}):\n${output}`);
  return dir;
}

export default async function setup(project: TestProject): Promise<() => void> {
  const made: string[] = [];
  const given = process.env.CIP_DIST;
  const addinUrl = given ? (process.env.ADDIN_URL ?? EXAMPLE_ADDIN_URL) : EXAMPLE_ADDIN_URL;
  const prodEnv = { ...process.env, ADDIN_URL: addinUrl };
  const devEnv = { ...process.env };
  delete devEnv.ADDIN_URL;

  const cleanUp = () => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  };
  const builds = await Promise.allSettled([
    given ? Promise.resolve(resolve(ROOT, given)) : build("production", prodEnv).then((d) => (made.push(d), d)),
    build("development", devEnv).then((d) => (made.push(d), d)),
  ]);
  const failed = builds.find((b) => b.status === "rejected");
  if (failed) {
    cleanUp();
    throw failed.reason;
  }
  const [prodDist, devDist] = builds.map((b) => (b as PromiseFulfilledResult<string>).value);
  if (!existsSync(join(prodDist, "manifest.xml"))) {
    cleanUp();
    throw new Error(
      `CIP_DIST=${given} has no manifest.xml: build it first (ADDIN_URL=${addinUrl} npm run build) or unset CIP_DIST.`,
    );
  }
  project.provide("prodDist", prodDist);
  project.provide("devDist", devDist);
  project.provide("addinUrl", addinUrl);
  return cleanUp;
}

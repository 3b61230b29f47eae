/**
 * `npm run preview` (scripts/start.mjs --preview) as a user runs it: the real dev server, over plain
 * http (CIP_DEV_HTTP=1, so no certificate is made or installed) on a free loopback port
 * (CIP_DEV_PORT) and with its own record of the running server (CIP_DEV_STATE_FILE), so that it
 * never meets a developer's server on port 3000. It must print each note once, and a second
 * `npm run preview` or `npm start` while it serves must say where the preview is instead of
 * advising the command just run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./helpers";

const START = join(ROOT, "scripts", "start.mjs");
const SERVING = "Serving until Ctrl+C or npm stop.";
const dir = mkdtempSync(join(tmpdir(), "cip-dev-server-"));
const stateFile = join(dir, "dev-server.json");
let port = 0;
let server: ChildProcess | undefined;
let output = "";

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
      .once("error", fail)
      .listen(0, "localhost", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => done(port));
      });
  });
}

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, CIP_DEV_HTTP: "1", CIP_DEV_PORT: String(port), CIP_DEV_STATE_FILE: stateFile };
  delete e.CI; // with CI set, start.mjs only builds
  return e;
}

/** Runs start.mjs to its end; resolves with its exit code and everything it printed. */
function runStart(args: string[]): Promise<{ code: number | null; printed: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [START, ...args], { cwd: ROOT, env: env(), stdio: ["ignore", "pipe", "pipe"] });
    let printed = "";
    child.stdout.on("data", (chunk) => (printed += chunk));
    child.stderr.on("data", (chunk) => (printed += chunk));
    child.on("error", fail);
    child.on("close", (code) => done({ code, printed }));
  });
}

/** How many times `text` occurs in the output. */
const count = (text: string, where = output) => where.split(text).length - 1;

beforeAll(async () => {
  port = await freePort();
  const child = spawn(process.execPath, [START, "--preview"], { cwd: ROOT, env: env(), stdio: ["ignore", "pipe", "pipe"] });
  server = child;
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`npm run preview did not start within 4 minutes:\n${output}`)), 240_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      if (output.includes(SERVING)) {
        clearTimeout(timer);
        done();
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`npm run preview exited (${code}) before serving:\n${output}`));
    });
  });
}, 250_000);

afterAll(async () => {
  const child = server;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((done) => child.once("exit", done));
    child.kill("SIGTERM"); // start.mjs passes it on to the dev server it spawned, then exits
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe("npm run preview", () => {
  it("prints each note once: the http warning, 'wait until bundle finished', the preview's address", () => {
    expect(count("Serving over plain http"), output).toBe(1);
    expect(count("wait until bundle finished"), output).toBeLessThanOrEqual(1);
    expect(count("webpack compiled"), output).toBe(1);
    expect(count(`  http://localhost:${port}/preview.html\n`), output).toBe(1);
  });

  it("repeats no line", () => {
    // (the rule above and below the http warning aside)
    const lines = output.split("\n").filter((line) => line.trim() !== "" && !/^=+$/.test(line));
    const repeated = lines.filter((line, i) => lines.indexOf(line) !== i);
    expect(repeated, output).toEqual([]);
  });

  it("records the server it started", () => {
    expect(existsSync(stateFile)).toBe(true);
  });

  it("run again while it serves, says where the preview already is and advises no npm run preview", async () => {
    const { code, printed } = await runStart(["--preview"]);
    expect(code, printed).toBe(0);
    expect(printed).toContain(`http://localhost:${port}/preview.html`);
    expect(printed).toMatch(/already/);
    expect(printed).not.toMatch(/npm run preview/);
  }, 30_000);

  // npm start sideloads into Excel where it can (Windows, macOS); only where it cannot is it safe here.
  it.skipIf(process.platform === "win32" || process.platform === "darwin")(
    "npm start while it serves, also advises no npm run preview (its port is taken)",
    async () => {
      const { code, printed } = await runStart([]);
      expect(code, printed).toBe(0);
      expect(printed).toContain(`http://localhost:${port}/preview.html`);
      expect(printed).not.toMatch(/npm run preview/);
    },
    30_000,
  );
});

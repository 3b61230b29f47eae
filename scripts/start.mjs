#!/usr/bin/env node
// npm start / npm run start:web: serve the development build and, where Excel can be driven from
// here, sideload the add-in into it.
//
//   npm start                       Excel desktop (Windows, macOS)
//   npm run start:web -- --document <URL of a workbook in OneDrive/SharePoint>
//                                   Excel on the web, via office-addin-debugging (Windows, macOS)
//   npm run preview                 the browser preview only (preview.html): the real task pane
//                                   beside a stand-in workbook, for machines without Excel
//   Other arguments after -- are passed to `office-addin-debugging start`.
//
// What it does:
//   1. Chooses https or http for the dev server (scripts/devCerts.cjs; may ask to trust a CA).
//   2. Starts `webpack serve --mode development` on port 3000 in the foreground (Ctrl+C, or
//      `npm stop` from another terminal, ends it) and records its pid in .tmp/dev-server.json.
//   3. When the page answers: on Windows/macOS runs `office-addin-debugging start manifest.xml
//      desktop|web` (optional dependency: if it is missing, says how to install it). On Linux and
//      elsewhere it says plainly that Excel cannot be sideloaded from this machine and how to use
//      "Upload My Add-in" in Excel on the web instead, and where the browser preview is, then keeps
//      serving. With --preview it never sideloads: it prints the preview's address and serves.
//   If the dev server an earlier npm start or npm run preview started is still running, it starts no
//   other: it says where that one is (the preview's address, for npm run preview) and exits.
//   CIP_DEV_PORT serves the preview on another port than 3000 (npm run preview only: Excel follows
//   the manifest, which names 3000); CIP_DEV_HTTP=1 serves plain http (scripts/devCerts.cjs).
//   With CI set it neither serves nor sideloads: it runs the development build into dist/, prints
//   where the files are and exits 0 (with the build's exit code if the build fails).
import { spawn, spawnSync } from "node:child_process";
import { request as httpsRequest } from "node:https";
import { request as httpRequest } from "node:http";
import { createServer } from "node:net";
import { join } from "node:path";
import devCerts from "./devCerts.cjs";
import { canSideload, clearState, isOurServer, officeAddinDebugging, readState, ROOT, writeState } from "./dev-server-state.mjs";
import { previewAlreadyServedLines, previewLines, uploadLines, urlLines } from "./start-messages.mjs";

const { DEV_HOST, DEV_PORT, getDevServerTransport, isCI, reportTransport, servePort } = devCerts;
const WEBPACK_CLI = join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
const MANIFEST = join(ROOT, "manifest.xml");

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log("usage: node scripts/start.mjs [--web | --preview] [office-addin-debugging options, e.g. --document <url>]");
  process.exit(0);
}
const web = args.includes("--web");
const previewOnly = args.includes("--preview");
const passThrough = args.filter((a) => a !== "--web" && a !== "--preview");
const target = web ? "web" : "desktop";

const say = (text = "") => console.log(text);

/** Prints lines from scripts/start-messages.mjs. */
const sayAll = (lines) => lines.forEach((line) => say(line));

function portIsFree(port) {
  return new Promise((done) => {
    const probe = createServer()
      .once("error", () => done(false))
      .once("listening", () => probe.close(() => done(true)))
      .listen(port, DEV_HOST);
  });
}

/**
 * Resolves true once GET origin/taskpane.html answers 200 (our own certificate is not checked).
 * Until the server listens each try fails at once; once it listens, webpack-dev-middleware holds
 * the request until the first bundle is built, so the one request waits for it (a retry would
 * print the middleware's "wait until bundle finished" again).
 */
async function waitForPage(origin, child, timeoutMs = 180_000) {
  const url = new URL("/taskpane.html", origin);
  const get = url.protocol === "https:" ? httpsRequest : httpRequest;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    const ok = await new Promise((done) => {
      const req = get(url, { rejectUnauthorized: false, timeout: Math.max(1, deadline - Date.now()) }, (res) => {
        res.resume();
        done(res.statusCode === 200);
      });
      req.on("error", () => done(false));
      req.on("timeout", () => req.destroy());
      req.end();
    });
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

/**
 * Sideloads where it can, else says how to see the add-in. `offerHttp`: the certificate may be
 * untrusted and this process serves (so Ctrl+C frees the port for a plain-http preview).
 */
function sideload(origin, { offerHttp = false } = {}) {
  if (previewOnly) {
    say("");
    sayAll(previewLines(origin, { offerHttp }));
    return;
  }
  if (!canSideload()) {
    say("");
    say(`Excel cannot be sideloaded from ${process.platform}: there is no desktop Excel here, and`);
    say("office-addin-debugging sideloads only on Windows and macOS. Nothing was sideloaded.");
    sayAll(urlLines(origin, { preview: false }));
    say("");
    sayAll(previewLines(origin, { offerHttp }));
    say("");
    sayAll(uploadLines(origin));
    return;
  }
  if (origin.startsWith("http:")) {
    say("");
    say("Not sideloading: Excel loads add-ins only over https, and the dev server is on http (see above).");
    sayAll(urlLines(origin));
    return;
  }
  const cli = officeAddinDebugging();
  if (!cli) {
    say("");
    say("office-addin-debugging is not installed, so the add-in was not sideloaded. It is an optional");
    say("dependency (its native keytar module does not build everywhere). Install it with");
    say("  npm install --save-optional office-addin-debugging");
    say("and run npm start again, or sideload by hand:");
    sayAll(urlLines(origin));
    say("");
    sayAll(uploadLines(origin));
    return;
  }
  say(`\nSideloading into Excel (${target}) with office-addin-debugging...`);
  const result = spawnSync(
    cli[0],
    [...cli.slice(1), "start", MANIFEST, target, "--dev-server-port", String(DEV_PORT), ...passThrough],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
  if (result.status !== 0)
    say(`office-addin-debugging exited with ${result.status ?? result.signal}; the dev server keeps running.`);
  if (web && !passThrough.includes("--document")) {
    say("For Excel on the web, office-addin-debugging needs the workbook: npm run start:web -- --document <url>");
  }
  sayAll(urlLines(origin));
}

async function main() {
  if (isCI()) {
    say("CI is set: building the development add-in into dist/ without serving or sideloading.");
    const build = spawnSync(process.execPath, [WEBPACK_CLI, "--mode", "development"], { cwd: ROOT, stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
    say(`Built dist/ (development). Outside CI, npm start serves it on port ${DEV_PORT}; npm run dev-server only serves.`);
    say("The browser preview is dist/preview.html; it needs a web server (npm run preview outside CI).");
    return;
  }

  const running = readState();
  if (running && isOurServer(running.pid)) {
    if (previewOnly) {
      sayAll(previewAlreadyServedLines(running));
      return;
    }
    say(`The dev server started earlier (pid ${running.pid}) is still running at ${running.origin}.`);
    sideload(running.origin);
    say("\nIt keeps running in its own terminal; npm stop ends it.");
    return;
  }
  if (running) clearState();
  const port = servePort();
  if (Number.isNaN(port)) {
    console.error(`CIP_DEV_PORT=${process.env.CIP_DEV_PORT} is not a port number.`);
    process.exit(1);
  }
  if (port !== DEV_PORT && !previewOnly) {
    console.error(`CIP_DEV_PORT works for npm run preview only: Excel follows the manifest, whose URLs use port ${DEV_PORT}.`);
    process.exit(1);
  }
  if (!(await portIsFree(port))) {
    console.error(`Port ${port} on ${DEV_HOST} is in use by another program. The manifest's URLs use port ${DEV_PORT},`);
    console.error("so the dev server cannot move: stop that program (npm stop stops only servers npm start started).");
    if (previewOnly) console.error("The preview alone can use another port: CIP_DEV_PORT=3001 npm run preview.");
    process.exit(1);
  }

  const transport = await getDevServerTransport({ log: say });
  reportTransport(transport);

  const child = spawn(process.execPath, [WEBPACK_CLI, "serve", "--mode", "development"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, CIP_DEV_PROTOCOL: transport.protocol },
  });
  writeState({ pid: child.pid, starter: process.pid, origin: transport.origin, startedAt: new Date().toISOString() });

  let stopping = false;
  let failed = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null) child.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  child.on("exit", (code, signal) => {
    clearState(child.pid);
    if (!stopping && code !== 0) console.error(`The dev server stopped (${signal ?? `exit ${code}`}).`);
    if (failed) process.exit(1);
    process.exit(stopping || signal === "SIGTERM" ? 0 : (code ?? 1));
  });

  say(`Starting the dev server on ${transport.origin} ...`);
  if (!(await waitForPage(transport.origin, child))) {
    console.error(`The dev server did not serve ${transport.origin}/taskpane.html; see its output above.`);
    failed = true;
    stop("SIGTERM");
    return;
  }
  say(`\nThe dev server is up (pid ${child.pid}).`);
  sideload(transport.origin, { offerHttp: transport.protocol === "https" && !transport.trusted });
  say("\nServing until Ctrl+C or npm stop.");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

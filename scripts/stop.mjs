#!/usr/bin/env node
// npm stop: ends the dev server that npm start or npm run preview started (recorded in
// .tmp/dev-server.json; a server started some other way, e.g. npm run dev-server in a terminal, is
// left alone: Ctrl+C ends it),
// then, on Windows and macOS, runs `office-addin-debugging stop manifest.xml` when that optional
// tool is installed, which unregisters the sideloaded add-in.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { canSideload, clearState, isAlive, isOurServer, officeAddinDebugging, readState, ROOT } from "./dev-server-state.mjs";

const wait = (ms) => new Promise((r) => setTimeout(r, ms));

async function stopServer() {
  const state = readState();
  if (!state) {
    console.log("No dev server started by npm start or npm run preview is recorded; nothing to stop.");
    return;
  }
  if (!isOurServer(state.pid)) {
    console.log(`The recorded dev server (pid ${state.pid}) is no longer running.`);
    clearState();
    return;
  }
  console.log(`Stopping the dev server (pid ${state.pid}, ${state.origin}) ...`);
  if (process.platform === "win32") {
    spawnSync("taskkill", ["/pid", String(state.pid), "/T", "/F"], { stdio: "ignore" });
  } else {
    process.kill(state.pid, "SIGTERM");
  }
  for (let i = 0; i < 50 && isAlive(state.pid); i++) await wait(100);
  if (isAlive(state.pid)) {
    console.log("It did not stop within 5 seconds; killing it.");
    process.kill(state.pid, "SIGKILL");
  }
  clearState(state.pid);
  console.log("Stopped.");
}

function stopSideload() {
  if (!canSideload()) return; // nothing can have been sideloaded from this platform
  const cli = officeAddinDebugging();
  if (!cli) {
    console.log("office-addin-debugging is not installed, so there is no sideloaded add-in to unregister.");
    return;
  }
  const result = spawnSync(cli[0], [...cli.slice(1), "stop", join(ROOT, "manifest.xml")], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) console.log(`office-addin-debugging stop exited with ${result.status ?? result.signal}.`);
}

await stopServer();
stopSideload();

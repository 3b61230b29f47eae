// Shared by scripts/start.mjs and scripts/stop.mjs: where the running dev server is recorded, and how
// to find the optional office-addin-debugging tool.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// CIP_DEV_STATE_FILE moves the record, so that a test's server never meets a developer's.
export const STATE_FILE = process.env.CIP_DEV_STATE_FILE
  ? resolve(process.env.CIP_DEV_STATE_FILE)
  : join(ROOT, ".tmp", "dev-server.json");
const requireFromRoot = createRequire(join(ROOT, "package.json"));

/** @returns {{ pid: number, starter: number, origin: string, startedAt: string } | null} */
export function readState() {
  try {
    return JSON.parse(readFileSync(STATE_FILE, "utf8"));
  } catch {
    return null;
  }
}

export function writeState(state) {
  mkdirSync(dirname(STATE_FILE), { recursive: true });
  writeFileSync(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
}

/** Removes the record, but only if it still describes `pid` (another start may have replaced it). */
export function clearState(pid) {
  const state = readState();
  if (state && (pid === undefined || state.pid === pid)) rmSync(STATE_FILE, { force: true });
}

export function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

/**
 * Whether pid is still the webpack dev server we recorded (a pid can be reused after a reboot).
 * Checked on Linux and macOS; on Windows the pid alone is trusted.
 */
export function isOurServer(pid) {
  if (!isAlive(pid)) return false;
  let command = "";
  if (process.platform === "linux") {
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
    } catch {
      return false;
    }
  } else if (process.platform === "darwin") {
    command = spawnSync("ps", ["-o", "command=", "-p", String(pid)], { encoding: "utf8" }).stdout ?? "";
  } else {
    return true;
  }
  // webpack-cli renames its process to "webpack", so the command line may be just that.
  return /webpack/.test(command);
}

/** The office-addin-debugging command line, or null when the optional package is not installed. */
export function officeAddinDebugging() {
  try {
    const pkgPath = requireFromRoot.resolve("office-addin-debugging/package.json");
    const pkg = JSON.parse(readFileSync(pkgPath, "utf8"));
    const bin = typeof pkg.bin === "string" ? pkg.bin : pkg.bin?.["office-addin-debugging"];
    const cli = bin && join(dirname(pkgPath), bin);
    return cli && existsSync(cli) ? [process.execPath, cli] : null;
  } catch {
    return null;
  }
}

export const canSideload = () => process.platform === "win32" || process.platform === "darwin";

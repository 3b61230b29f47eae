#!/usr/bin/env node
/**
 * npm run validate: checks the add-in manifest offline.
 *
 *   node scripts/validate-manifest.mjs             manifest.xml, and dist/manifest.xml if it exists
 *   node scripts/validate-manifest.mjs FILE...     the given manifests
 *   node scripts/validate-manifest.mjs --online    also runs `office-addin-manifest validate`, which
 *                                                  sends the manifest to Microsoft's online service
 *
 * Each manifest gets two checks:
 *   1. XSD: scripts/office-manifest-schemas/validate.sh (a copy kept in this repository), which
 *      runs xmllint (Debian package libxml2-utils) against Microsoft's published schemas.
 *   2. Consistency: checkManifest from scripts/manifest-checks.mjs (resids, shared runtime,
 *      namespace, https, icon files and sizes). Icons are looked up in the assets/ folder next to
 *      the manifest, or the repository's assets/ when there is none.
 * Prints one line per valid file, or the problems; exits 1 if anything fails.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CHECKS, checkManifest } from "./manifest-checks.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// Microsoft's published manifest XSDs, patched so xmllint accepts them, with the script that runs
// xmllint over them: kept in the repository (scripts/office-manifest-schemas/NOTES.md says where
// they come from and what was patched) so that validation works offline on a fresh clone.
const VALIDATE_SH = join(ROOT, "scripts", "office-manifest-schemas", "validate.sh");

const args = process.argv.slice(2);
const online = args.includes("--online");
const unknown = args.filter((a) => a.startsWith("-") && a !== "--online");
if (unknown.length > 0) {
  console.error(`unknown option ${unknown.join(" ")}\nusage: node scripts/validate-manifest.mjs [--online] [manifest.xml ...]`);
  process.exit(2);
}
const named = args.filter((a) => !a.startsWith("-"));
const files = named.length > 0 ? named.map((f) => resolve(f)) : [join(ROOT, "manifest.xml"), join(ROOT, "dist", "manifest.xml")].filter((f, i) => i === 0 || existsSync(f));

/** How a file is named in the output: relative to the repository root when inside it. */
const label = (file) => {
  const rel = relative(ROOT, file);
  return rel && !rel.startsWith("..") ? rel : file;
};

function preflight() {
  if (!existsSync(VALIDATE_SH)) {
    return `cannot validate: the offline XSD validator is missing from scripts/office-manifest-schemas/ (restore it from git).`;
  }
  const probe = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  if (probe.error) {
    return `cannot validate: xmllint is not installed. Install it with your package manager (Debian/Ubuntu: apt-get install libxml2-utils), then run this again.`;
  }
  return null;
}

/** Runs the XSD validator; returns null when valid, or xmllint's messages. */
function xsd(file) {
  const run = spawnSync("bash", [VALIDATE_SH, relative(ROOT, file) || file], { cwd: ROOT, encoding: "utf8" });
  if (run.error) return [`could not run validate.sh: ${run.error.message}`];
  if (run.status === 0) return null;
  const lines = `${run.stdout}\n${run.stderr}`
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l && !/ fails to validate$/.test(l) && !/ validates$/.test(l));
  return lines.length > 0 ? lines : [`validate.sh exited with status ${run.status}`];
}

function assetsFor(file) {
  const beside = join(dirname(file), "assets");
  return existsSync(beside) ? beside : join(ROOT, "assets");
}

function onlineValidate(file) {
  const bin = join(ROOT, "node_modules", ".bin", "office-addin-manifest");
  const run = spawnSync(existsSync(bin) ? bin : "npx", existsSync(bin) ? ["validate", file] : ["office-addin-manifest", "validate", file], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const output = `${run.stdout ?? ""}${run.stderr ?? ""}`.trim();
  if (run.error) return { ok: false, startFailed: true, output: `could not run office-addin-manifest: ${run.error.message}` };
  const missing = /Cannot find module '([^']+)'/.exec(output);
  if (missing) {
    return {
      ok: false,
      startFailed: true,
      output: `office-addin-manifest could not start: the module "${missing[1]}" is not installed (one of its dependencies needs it without declaring it; add it as a devDependency).`,
    };
  }
  return { ok: run.status === 0 && !/not valid|error/i.test(output), output };
}

const problem = preflight();
if (problem) {
  console.error(problem);
  process.exit(1);
}

let failed = false;
for (const file of files) {
  const name = label(file);
  if (!existsSync(file)) {
    console.log(`${name}: not found`);
    failed = true;
    continue;
  }
  const xsdErrors = xsd(file);
  const problems = checkManifest(readFileSync(file, "utf8"), { assetsDir: assetsFor(file) });
  if (!xsdErrors && problems.length === 0) {
    console.log(`${name}: valid (XSD + ${CHECKS.length} consistency checks)`);
  } else {
    failed = true;
    console.log(`${name}: INVALID`);
    for (const line of xsdErrors ?? []) console.log(`  XSD: ${line}`);
    for (const p of problems) console.log(`  - ${p}`);
  }
  if (online) {
    console.log(`${name}: online validation with office-addin-manifest (sends the manifest to Microsoft's online service)...`);
    const result = onlineValidate(file);
    if (result.ok) {
      console.log(`${name}: valid according to the online service`);
    } else {
      failed = true;
      console.log(`${name}: online validation failed (the offline result above is separate):`);
      for (const line of result.output.split("\n")) console.log(`  ${line}`);
      if (!result.startFailed) console.log("  (office-addin-manifest validate needs network access to Microsoft's validation service)");
    }
  }
}
if (!online) console.log("(offline checks only; add --online to also ask Microsoft's validation service)");
process.exit(failed ? 1 : 0);

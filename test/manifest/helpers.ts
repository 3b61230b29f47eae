/**
 * Shared helpers for the manifest tests: paths, the checks module (plain JavaScript, loaded
 * through a typed dynamic import because the project does not compile .mjs files), mutations of
 * the real manifest and temporary copies of the icons.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const REPO_ROOT = resolve(fileURLToPath(new URL(".", import.meta.url)), "..", "..");
export const MANIFEST_PATH = join(REPO_ROOT, "manifest.xml");
export const ASSETS_DIR = join(REPO_ROOT, "assets");
export const VALIDATE_SH = resolve(REPO_ROOT, "scripts", "office-manifest-schemas", "validate.sh");
export const VALIDATE_SCRIPT = join(REPO_ROOT, "scripts", "validate-manifest.mjs");

export interface ManifestChecks {
  checkManifest(xmlText: string, options?: { assetsDir?: string }): string[];
  pngSize(buffer: Uint8Array): { width: number; height: number } | null;
  CHECKS: readonly string[];
}

const checksUrl = pathToFileURL(join(REPO_ROOT, "scripts", "manifest-checks.mjs")).href;
export const loadChecks = async (): Promise<ManifestChecks> => (await import(/* @vite-ignore */ checksUrl)) as ManifestChecks;

export const realManifest = (): string => readFileSync(MANIFEST_PATH, "utf8");

/**
 * The real manifest with `from` replaced by `to`. `from` must occur exactly once (or `count`
 * times), so a mutation can never silently do nothing after the manifest changes.
 */
export function mutate(from: string, to: string, count = 1): string {
  const text = realManifest();
  const found = text.split(from).length - 1;
  if (found !== count) throw new Error(`mutation source occurs ${found} times, expected ${count}: ${from}`);
  return text.split(from).join(to);
}

/** A fresh temporary directory under os.tmpdir(); remove it with removeTemp. */
export const makeTemp = (prefix: string): string => mkdtempSync(join(tmpdir(), `cip-manifest-${prefix}-`));
export const removeTemp = (dir: string): void => rmSync(dir, { recursive: true, force: true });

/** A copy of assets/ in a temporary directory, for tests that delete or replace icons. */
export function copyAssets(): string {
  const dir = join(makeTemp("assets"), "assets");
  mkdirSync(dir);
  for (const f of readdirSync(ASSETS_DIR)) copyFileSync(join(ASSETS_DIR, f), join(dir, f));
  return dir;
}

export function writeTemp(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

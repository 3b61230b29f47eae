/**
 * The icons: the PNGs committed in assets/ are exactly what scripts/make-icons.mjs renders from the
 * SVG drawings (so a drawing changed without re-rendering fails here), and the rendering is
 * byte-stable and carries no metadata.
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { ASSETS, ICONS, renderIcon, staleIcons } from "../../scripts/make-icons.mjs";

const SCRIPT = fileURLToPath(new URL("../../scripts/make-icons.mjs", import.meta.url));
const temp: string[] = [];
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

/** A copy of assets/' icon files (SVGs and PNGs) in a temporary folder. */
function copyOfIcons(): string {
  const dir = mkdtempSync(join(tmpdir(), "cip-icons-"));
  temp.push(dir);
  for (const name of readdirSync(ASSETS).filter((n) => /^icon.*\.(svg|png)$/.test(n))) {
    copyFileSync(join(ASSETS, name), join(dir, name));
  }
  return dir;
}

/** The chunk types of a PNG file, in order. */
function pngChunks(png: Buffer): string[] {
  const types: string[] = [];
  for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) types.push(png.toString("latin1", at + 4, at + 8));
  return types;
}

describe("the icons", () => {
  it("npm run icons -- --check passes: the committed PNGs are what the SVGs render to", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [SCRIPT, "--check"]);
    expect(stdout).toMatch(/5 icon PNGs in assets\/ are what their SVGs render to/);
  });

  it("the check names a PNG that is no longer what its SVG renders to, and only that one", async () => {
    const dir = copyOfIcons();
    const svg = readFileSync(join(dir, "icon-16.svg"), "utf8");
    writeFileSync(join(dir, "icon-16.svg"), svg.replace('fill="#FFB81C"', 'fill="#DA291C"'));
    expect((await staleIcons(dir)).map((i) => i.png)).toEqual(["icon-16.png"]);
  });

  it("the check names a missing PNG, and every PNG rendered from a changed icon.svg", async () => {
    const dir = copyOfIcons();
    rmSync(join(dir, "icon-32.png"));
    const svg = readFileSync(join(dir, "icon.svg"), "utf8");
    writeFileSync(join(dir, "icon.svg"), svg.replace('r="9.6"', 'r="9"'));
    expect((await staleIcons(dir)).map((i) => i.png)).toEqual(["icon-32.png", "icon-64.png", "icon-80.png", "icon-128.png"]);
  });

  it.each(ICONS)("$png: the size its name says, the same bytes every time, no metadata", async (icon) => {
    const png = await renderIcon(icon);
    expect(png.readUInt32BE(16)).toBe(icon.size); // IHDR width
    expect(png.readUInt32BE(20)).toBe(icon.size); // IHDR height
    expect((await renderIcon(icon)).equals(png)).toBe(true);
    expect(pngChunks(png)).toEqual(["IHDR", "IDAT", "IEND"]);
  });
});

#!/usr/bin/env node
/**
 * Renders the CIP Analyst icons from their SVG drawings into the PNGs the manifest names:
 *   assets/icon-16.svg  ->  assets/icon-16.png   (its own 16-pixel drawing: bars and target line)
 *   assets/icon-32.svg  ->  assets/icon-32.png   (its own 32-pixel drawing, pixel-placed pound sign)
 *   assets/icon.svg     ->  assets/icon-64.png, icon-80.png, icon-128.png
 *
 *   npm run icons                writes the PNGs (run it after changing a drawing; commit both)
 *   npm run icons -- --check     writes nothing; exits 1 naming every PNG that is not what its SVG
 *                                renders to (test/assets/icons.test.ts runs this check)
 *
 * The renderer is resvg in its WebAssembly build: WebAssembly's arithmetic is the same on every
 * processor, unlike the native builds', so the same SVG gives the same bytes on every machine, and
 * its PNG encoder writes no time or other metadata. The drawings have no text, so no fonts are
 * loaded (and none of the machine's could change the result).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { initWasm, Resvg } from "@resvg/resvg-wasm";

export const ASSETS = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");

/** Each PNG with the drawing it is rendered from. */
export const ICONS = [
  { png: "icon-16.png", svg: "icon-16.svg", size: 16 },
  { png: "icon-32.png", svg: "icon-32.svg", size: 32 },
  { png: "icon-64.png", svg: "icon.svg", size: 64 },
  { png: "icon-80.png", svg: "icon.svg", size: 80 },
  { png: "icon-128.png", svg: "icon.svg", size: 128 },
];

let ready;
/** Loads resvg's WebAssembly module, once. */
function loadResvg() {
  ready ??= initWasm(readFileSync(createRequire(import.meta.url).resolve("@resvg/resvg-wasm/index_bg.wasm")));
  return ready;
}

/** The PNG bytes of one icon, rendered from its SVG in `assetsDir`. */
export async function renderIcon({ svg, size }, assetsDir = ASSETS) {
  await loadResvg();
  const resvg = new Resvg(readFileSync(join(assetsDir, svg)), {
    fitTo: { mode: "width", value: size },
    font: { loadSystemFonts: false },
  });
  const image = resvg.render();
  try {
    if (image.width !== size || image.height !== size) {
      throw new Error(`${svg} renders to ${image.width} x ${image.height} px at ${size} px wide; its viewBox must be square.`);
    }
    return Buffer.from(image.asPng());
  } finally {
    image.free();
    resvg.free();
  }
}

/** The icons whose PNG in `assetsDir` is missing or differs from what its SVG renders to. */
export async function staleIcons(assetsDir = ASSETS) {
  const stale = [];
  for (const icon of ICONS) {
    const want = await renderIcon(icon, assetsDir);
    let have;
    try {
      have = readFileSync(join(assetsDir, icon.png));
    } catch {
      have = undefined;
    }
    if (!have || !have.equals(want)) stale.push(icon);
  }
  return stale;
}

async function main(args) {
  if (args.includes("--check")) {
    const stale = await staleIcons();
    if (stale.length === 0) {
      console.log(`The ${ICONS.length} icon PNGs in assets/ are what their SVGs render to.`);
      return 0;
    }
    for (const { png, svg } of stale) console.error(`assets/${png} is not what assets/${svg} renders to.`);
    console.error("Run npm run icons and commit the PNGs.");
    return 1;
  }
  for (const icon of ICONS) {
    writeFileSync(join(ASSETS, icon.png), await renderIcon(icon));
    console.log(`wrote assets/${icon.png} from assets/${icon.svg}`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}

#!/usr/bin/env node
/**
 * Draws the CIP Analyst icons and writes them to assets/:
 *   icon-16.png, icon-32.png, icon-64.png, icon-80.png, icon-128.png  (and icon.svg, the vector design)
 *
 * Pure Node (zlib only): a tiny shape rasteriser with 16x16 supersampling for anti-aliasing and a
 * PNG encoder. No Debian tool or npm package is needed, and the output is reproducible, so the
 * PNGs are committed and nobody has to run this to build. Run it after changing the design:
 *   node scripts/make-icons.mjs
 *
 * The design: an NHS-blue tile; three white bars rising left to right (savings delivered); a
 * warm-yellow dashed target line that only the last bar reaches; a yellow pound coin in the
 * empty upper-left corner. Small sizes are drawn on their own pixel grids, not scaled down:
 *   16 px: bars and a 1-pixel target line only (a pound sign cannot be read at that size);
 *   32 px: adds the coin with a hand-placed pixel pound sign; the target line is solid;
 *   64, 80, 128 px: the vector design on a 64-unit grid, bar edges snapped to whole pixels.
 */
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const ASSETS = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");

// NHS identity colours.
const NHS_BLUE = "#005EB8";
const NHS_BRIGHT_BLUE = "#0072CE";
const NHS_DARK_BLUE = "#003087";
const NHS_WARM_YELLOW = "#FFB81C";
const COIN_RIM = "#E09A00";
const WHITE = "#FFFFFF";

// ---------------------------------------------------------------------------------------------
// Shapes. Coordinates are in design units; `unit` pixels per unit is applied when drawing.
//   { kind: "rect", x0, y0, x1, y1, fill, snap }      snap: round edges to whole pixels
//   { kind: "rrect", x0, y0, x1, y1, r, fill }        fill may be { from, to } (vertical gradient)
//   { kind: "circle", cx, cy, r, fill }
//   { kind: "stroke", points: [[x, y], ...], width, fill }   round caps and joins

const rect = (x0, y0, x1, y1, fill, snap = true) => ({ kind: "rect", x0, y0, x1, y1, fill, snap });
const rrect = (x0, y0, x1, y1, r, fill) => ({ kind: "rrect", x0, y0, x1, y1, r, fill });
const circle = (cx, cy, r, fill) => ({ kind: "circle", cx, cy, r, fill });
const stroke = (points, width, fill) => ({ kind: "stroke", points, width, fill });

/** Points on a circular arc; angles in degrees, 0 = right, 90 = up (y grows downwards). */
function arc(cx, cy, r, fromDeg, toDeg, steps = 24) {
  const pts = [];
  for (let i = 0; i <= steps; i++) {
    const a = ((fromDeg + ((toDeg - fromDeg) * i) / steps) * Math.PI) / 180;
    pts.push([cx + r * Math.cos(a), cy - r * Math.sin(a)]);
  }
  return pts;
}

/** A vector pound sign of cap height h, centred on (cx, cy). */
function poundSign(cx, cy, h, fill) {
  const w = h * 0.14; // stroke width
  const s = (x, y) => [cx + (x - 0.42) * h, cy + (y - 0.5) * h]; // glyph box 0.84 x 1
  const bowlR = 0.24;
  const stemX = 0.3;
  const hook = arc(stemX + bowlR, 0.26, bowlR, 25, 180).map(([x, y]) => s(x, y));
  return [
    stroke([...hook, s(stemX, 0.8), s(0.12, 1)], w, fill), // hook, stem and foot
    stroke([s(0.12, 1), s(0.8, 1)], w, fill), // base
    stroke([s(0.08, 0.55), s(0.58, 0.55)], w, fill), // crossbar
  ];
}

/** Dashes along a horizontal line from x0 to x1 (the last dash is clipped at x1). */
function dashes(x0, x1, y0, y1, dash, gap, fill) {
  const out = [];
  for (let x = x0; x < x1; x += dash + gap) out.push(rect(x, y0, Math.min(x + dash, x1), y1, fill));
  return out;
}

/** 16 px: its own pixel grid, every edge on a pixel boundary. */
function design16() {
  return {
    grid: 16,
    shapes: [
      rrect(1, 1, 15, 15, 2.5, { from: NHS_BRIGHT_BLUE, to: NHS_BLUE }),
      rect(3, 3, 14, 4, NHS_WARM_YELLOW), // target line
      rect(3, 10, 5, 13, WHITE),
      rect(7, 7, 9, 13, WHITE),
      rect(11, 4, 13, 13, WHITE), // the bar that reaches the target
    ],
  };
}

/** A pound sign as pixels (6 x 7), for the 32 px coin. */
const POUND_PIXELS = [
  "..###.",
  ".#...#",
  ".#....",
  "####..",
  ".#....",
  ".#....",
  "######",
];

/** 32 px: its own pixel grid; the coin's pound sign is placed pixel by pixel. */
function design32() {
  const shapes = [
    rrect(1, 1, 31, 31, 5, { from: NHS_BRIGHT_BLUE, to: NHS_BLUE }),
    rect(15, 6, 28, 8, NHS_WARM_YELLOW), // target line (solid: dashes this small read as specks)
    rect(5, 21, 11, 27, WHITE),
    rect(13, 15, 19, 27, WHITE),
    rect(21, 8, 27, 27, WHITE),
    circle(9.5, 9.5, 6.5, COIN_RIM),
    circle(9.5, 9.5, 5.6, NHS_WARM_YELLOW),
  ];
  const left = 7; // 6 x 7 pixels on the coin centred at (9.5, 9.5): columns 7-12, rows 6-12
  const top = 6;
  POUND_PIXELS.forEach((row, y) => {
    [...row].forEach((c, x) => {
      if (c === "#") shapes.push(rect(left + x, top + y, left + x + 1, top + y + 1, NHS_DARK_BLUE));
    });
  });
  return { grid: 32, shapes };
}

/** 64, 80 and 128 px (and the SVG): the full vector design on a 64-unit grid. */
function designLarge() {
  return {
    grid: 64,
    shapes: [
      rrect(2, 2, 62, 62, 12, { from: NHS_BRIGHT_BLUE, to: NHS_BLUE }),
      ...dashes(26, 56, 13, 16, 6, 3, NHS_WARM_YELLOW),
      rect(10, 42, 22, 54, WHITE),
      rect(26, 31, 38, 54, WHITE),
      rect(42, 16, 54, 54, WHITE),
      circle(18, 18, 11, COIN_RIM),
      circle(18, 18, 9.6, NHS_WARM_YELLOW),
      ...poundSign(18.2, 18.2, 12, NHS_DARK_BLUE),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Rasteriser

function parseColour(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  const qx = ax + t * dx - px;
  const qy = ay + t * dy - py;
  return Math.sqrt(qx * qx + qy * qy);
}

/** Turns a design shape into a pixel-space tester with a bounding box and a colour function. */
function compile(shape, unit) {
  const k = unit;
  const colourAt = (() => {
    if (typeof shape.fill === "string") {
      const c = parseColour(shape.fill);
      return () => c;
    }
    const a = parseColour(shape.fill.from);
    const b = parseColour(shape.fill.to);
    const y0 = shape.y0 * k;
    const y1 = shape.y1 * k;
    return (_x, y) => {
      const t = Math.max(0, Math.min(1, (y - y0) / (y1 - y0)));
      return a.map((v, i) => v + (b[i] - v) * t);
    };
  })();
  switch (shape.kind) {
    case "rect": {
      const r = (v) => (shape.snap ? Math.round(v * k) : v * k);
      const [x0, y0, x1, y1] = [r(shape.x0), r(shape.y0), r(shape.x1), r(shape.y1)];
      return { box: [x0, y0, x1, y1], colourAt, inside: (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1 };
    }
    case "rrect": {
      const [x0, y0, x1, y1, rad] = [shape.x0 * k, shape.y0 * k, shape.x1 * k, shape.y1 * k, shape.r * k];
      return {
        box: [x0, y0, x1, y1],
        colourAt,
        inside: (x, y) => {
          if (x < x0 || x >= x1 || y < y0 || y >= y1) return false;
          const cx = Math.max(x0 + rad, Math.min(x1 - rad, x));
          const cy = Math.max(y0 + rad, Math.min(y1 - rad, y));
          return (x - cx) ** 2 + (y - cy) ** 2 <= rad * rad;
        },
      };
    }
    case "circle": {
      const [cx, cy, rad] = [shape.cx * k, shape.cy * k, shape.r * k];
      return {
        box: [cx - rad, cy - rad, cx + rad, cy + rad],
        colourAt,
        inside: (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= rad * rad,
      };
    }
    case "stroke": {
      const pts = shape.points.map(([x, y]) => [x * k, y * k]);
      const half = (shape.width * k) / 2;
      const xs = pts.map((p) => p[0]);
      const ys = pts.map((p) => p[1]);
      return {
        box: [Math.min(...xs) - half, Math.min(...ys) - half, Math.max(...xs) + half, Math.max(...ys) + half],
        colourAt,
        inside: (x, y) => {
          for (let i = 0; i + 1 < pts.length; i++) if (distToSegment(x, y, pts[i], pts[i + 1]) <= half) return true;
          return false;
        },
      };
    }
    default:
      throw new Error(`unknown shape kind ${shape.kind}`);
  }
}

const SUPERSAMPLE = 16;

/** Renders a design to RGBA bytes. Every shape is opaque; each sample takes the topmost shape. */
function render({ grid, shapes }, size) {
  const compiled = shapes.map((s) => compile(s, size / grid));
  const out = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const here = compiled.filter(({ box: [x0, y0, x1, y1] }) => x1 > px && x0 < px + 1 && y1 > py && y0 < py + 1);
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = px + (sx + 0.5) / n;
          const y = py + (sy + 0.5) / n;
          for (let i = here.length - 1; i >= 0; i--) {
            if (here[i].inside(x, y)) {
              const c = here[i].colourAt(x, y);
              r += c[0];
              g += c[1];
              b += c[2];
              a += 1;
              break;
            }
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        out[o] = Math.round(r / a);
        out[o + 1] = Math.round(g / a);
        out[o + 2] = Math.round(b / a);
        out[o + 3] = Math.round((255 * a) / (n * n));
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// PNG encoder (8-bit RGBA, no interlace)

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

function encodePng(rgba, size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------
// SVG of the large design (the vector source, for documents and the store listing)

function toSvg({ grid, shapes }) {
  const f = (n) => +n.toFixed(2);
  let gradients = 0;
  const defs = [];
  const body = shapes.map((s) => {
    let fill = s.fill;
    if (typeof fill !== "string") {
      const id = `g${++gradients}`;
      defs.push(
        `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${fill.from}"/><stop offset="1" stop-color="${fill.to}"/></linearGradient>`,
      );
      fill = `url(#${id})`;
    }
    switch (s.kind) {
      case "rect":
        return `<rect x="${f(s.x0)}" y="${f(s.y0)}" width="${f(s.x1 - s.x0)}" height="${f(s.y1 - s.y0)}" fill="${fill}"/>`;
      case "rrect":
        return `<rect x="${f(s.x0)}" y="${f(s.y0)}" width="${f(s.x1 - s.x0)}" height="${f(s.y1 - s.y0)}" rx="${f(s.r)}" fill="${fill}"/>`;
      case "circle":
        return `<circle cx="${f(s.cx)}" cy="${f(s.cy)}" r="${f(s.r)}" fill="${fill}"/>`;
      case "stroke":
        return `<polyline points="${s.points.map(([x, y]) => `${f(x)},${f(y)}`).join(" ")}" fill="none" stroke="${fill}" stroke-width="${f(s.width)}" stroke-linecap="round" stroke-linejoin="round"/>`;
      default:
        throw new Error(`unknown shape kind ${s.kind}`);
    }
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${grid}" height="${grid}" viewBox="0 0 ${grid} ${grid}">`,
    `<title>CIP Analyst</title>`,
    `<!-- Generated by scripts/make-icons.mjs: edit the design there, not here. -->`,
    `<defs>${defs.join("")}</defs>`,
    ...body,
    `</svg>`,
    "",
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------

const OUTPUTS = [
  [16, design16()],
  [32, design32()],
  [64, designLarge()],
  [80, designLarge()],
  [128, designLarge()],
];

mkdirSync(ASSETS, { recursive: true });
for (const [size, design] of OUTPUTS) {
  const file = join(ASSETS, `icon-${size}.png`);
  writeFileSync(file, encodePng(render(design, size), size));
  console.log(`wrote assets/icon-${size}.png`);
}
writeFileSync(join(ASSETS, "icon.svg"), toSvg(designLarge()));
console.log("wrote assets/icon.svg");

/**
 * `npm run bench`, part 2: the CIP.* functions through the built bundle (a production functions.js
 * with a fake CustomFunctions), one call over 1,048,576-row columns, and
 * the same work done by calling the core directly. Goals: ≤ 2 × the core; a scalar call ≤ 2 µs.
 * The bundle's folder comes in BENCH_FUNCTIONS_DIST (scripts/bench.mjs builds it).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ytdShortfall } from "../src/core/delivery";
import { deliveryFlags, flagText } from "../src/core/flags";
import { forecastDeliveryRatio } from "../src/core/forecast";
import { readCell } from "../src/core/readCell";
import { DEFAULT_SETTINGS } from "../src/core/settings";

type Fn = (...args: unknown[]) => unknown[][];
const ROWS = Number(process.env.BENCH_ROWS ?? 1_048_576);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/**
 * The built bundle, run as the page runs it, with CustomFunctions handed in. Not node:vm (the
 * tests' choice, for isolation): a vm context's global object answers every global lookup (Math,
 * Number, Array) through an interceptor, which makes the same code five times slower than in a
 * browser window and would measure node:vm, not the add-in.
 */
function loadBundle(dist: string): Map<string, Fn> {
  const fns = new Map<string, Fn>();
  const CustomFunctions = {
    associate: (id: string, fn: Fn) => fns.set(id, fn),
    Error: FakeError,
    ErrorCode: {
      divisionByZero: "#DIV/0!",
      notAvailable: "#N/A",
      invalidNumber: "#NUM!",
      invalidValue: "#VALUE!",
      nullReference: "#NULL!",
    },
  };
  new Function("CustomFunctions", readFileSync(join(dist, "functions.js"), "utf8"))(CustomFunctions);
  return fns;
}

/** Columns as Excel passes them: n×1 matrices of numbers, about 1% empty cells (""). */
function column(seed: number, scale: number): unknown[][] {
  const out: unknown[][] = new Array(ROWS);
  let x = seed;
  for (let i = 0; i < ROWS; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out[i] = [x % 100 === 0 ? "" : Math.round((x / 2147483648) * scale * 10) / 10];
  }
  return out;
}

function median(work: () => unknown): number {
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    gc();
    const start = process.hrtime.bigint();
    work();
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/** The core called directly, cell by cell, results as Excel cells: the floor for the adapters. */
function direct(columns: unknown[][][], compute: (...v: ReturnType<typeof readCell>[]) => unknown): unknown[][] {
  const out: unknown[][] = new Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    const a = readCell(columns[0][i][0]);
    const b = readCell(columns[1][i][0]);
    const c = columns.length > 2 ? readCell(columns[2][i][0]) : null;
    const v = compute(a, b, c);
    out[i] = [typeof v === "number" || typeof v === "string" ? v : v === null ? "" : v];
  }
  return out;
}

const fns = loadBundle(process.env.BENCH_FUNCTIONS_DIST ?? "dist");
const annual = column(7, 2000);
const plan = annual.map(([a]) => [typeof a === "number" ? Math.round(a * 5) / 10 : a]);
const actual = column(11, 1000);

console.log(`\nCIP.* functions through the built bundle — ${ROWS.toLocaleString("en-GB")}-row columns`);
const cases: [string, () => unknown, () => unknown][] = [
  ["CIP.SHORTFALL", () => fns.get("SHORTFALL")!(plan, actual), () => direct([plan, actual], ytdShortfall)],
  [
    "CIP.FORECAST",
    () => fns.get("FORECAST")!(annual, plan, actual, null, null),
    () => direct([annual, plan, actual], forecastDeliveryRatio),
  ],
  [
    "CIP.FLAGS",
    () => fns.get("FLAGS")!(annual, plan, actual, null),
    () =>
      direct([annual, plan, actual], (a, p, x) => {
        const f = deliveryFlags(a, p, x, null, DEFAULT_SETTINGS);
        return typeof f === "number" ? flagText(f) : f;
      }),
  ],
];
for (const [name, viaBundle, viaCore] of cases) {
  const bundle = median(viaBundle);
  const core = median(viaCore);
  const ratio = bundle / core;
  console.log(
    `${name.padEnd(14)}: ${bundle.toFixed(3)} s through the bundle, ${core.toFixed(3)} s calling the core = ${ratio.toFixed(2)} ×  [goal ≤ 2: ${ratio <= 2 ? "meets" : "MISSES"} goal]`,
  );
}

const CALLS = 1_000_000;
const shortfall = fns.get("SHORTFALL")!;
const [target, achieved] = [[[100]], [[30]]];
const scalar = median(() => {
  for (let i = 0; i < CALLS; i++) shortfall(target, achieved);
});
const perCall = (scalar / CALLS) * 1e6;
console.log(
  `scalar call    : ${perCall.toFixed(2)} µs per =CIP.SHORTFALL(B2, C2)  [goal ≤ 2 µs: ${perCall <= 2 ? "meets" : "MISSES"} goal]`,
);

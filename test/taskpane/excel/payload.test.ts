// The payload budgets: cellBytes and matrixBytes must never underestimate the JSON office.js sends
// (UTF-8 bytes), and rowsPerChunk must keep a chunk inside both budgets without ever being 0.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cellBytes,
  CHUNK_BYTES,
  CHUNK_CELLS,
  matrixBytes,
  READ_LIMIT_CELLS,
  REQUEST_LIMIT_BYTES,
  rowsPerChunk,
} from "../../../src/taskpane/excel/payload";

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), "utf8");

/** Text as trackers hold it: names, £ signs, quotes, backslashes, tabs and newlines. */
const trackerText = fc.string({
  unit: fc.constantFrom(..."abc XYZ019£€'\"\\\t\n\r/-().,".split("")),
  maxLength: 40,
});

describe("the budgets", () => {
  it("stay under Excel's limits", () => {
    expect(CHUNK_BYTES).toBeLessThan(REQUEST_LIMIT_BYTES);
    expect(CHUNK_CELLS).toBeLessThan(READ_LIMIT_CELLS);
  });
});

describe("cellBytes", () => {
  it.each<[unknown, number]>([
    ["", 3],
    ["abc", 6],
    ['a"b', 7],
    ["a\\b", 7],
    ["£", 6],
    [0, 2], // the comma after it counts
    [-12345, 7],
    [true, 5],
    [false, 6],
    [null, 5],
    [undefined, 5],
  ])("counts %j as %i bytes", (value, bytes) => {
    expect(cellBytes(value)).toBe(bytes);
  });

  it("is at least the UTF-8 JSON of text with quotes, backslashes, tabs, newlines and £ (plus its comma)", () => {
    fc.assert(
      fc.property(trackerText, (text) => {
        expect(cellBytes(text)).toBeGreaterThanOrEqual(jsonBytes(text) + 1);
      }),
    );
    expect(cellBytes("Annual plan £k")).toBeGreaterThanOrEqual(jsonBytes("Annual plan £k"));
    expect(cellBytes('He said "no" \\ £5\n')).toBeGreaterThanOrEqual(jsonBytes('He said "no" \\ £5\n'));
  });

  it("is at least the UTF-8 JSON of text in any script, emoji included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 20 }), (text) => {
        expect(cellBytes(text)).toBeGreaterThanOrEqual(jsonBytes(text));
      }),
    );
  });

  // BUG: JSON writes control characters other than \b \f \n \r \t as six-character \u00XX
  // escapes, but cellBytes counts one extra byte for each. cellBytes("\u0001") is 5; its JSON
  // "\u0001" (with quotes) is 8 bytes. Text pasted from other systems does hold such characters.
  it("is at least the JSON of text with any control character", () => {
    expect(cellBytes("\u0001")).toBeGreaterThanOrEqual(jsonBytes("\u0001"));
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
        (text) => {
          expect(cellBytes(text)).toBeGreaterThanOrEqual(jsonBytes(text));
        },
      ),
    );
  });

  it("is at least the JSON of integers, pence and doubles from 0.01 to 1e15 either sign", () => {
    const pence = fc.integer({ min: -1e12, max: 1e12 }).map((p) => p / 100);
    const mid = fc
      .tuple(fc.double({ min: 0.01, max: 1e15, noNaN: true }), fc.boolean())
      .map(([x, negative]) => (negative ? -x : x));
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), pence, mid), (x) => {
        expect(cellBytes(x)).toBeGreaterThanOrEqual(jsonBytes(x));
      }),
    );
    for (const x of [0.1 + 0.2, -0.1 - 0.2, 1 / 3, -1 / 3, 1e-7, 123456.78901234567, 1e21, 2 ** 53, -(2 ** 53), NaN, Infinity]) {
      expect(cellBytes(x)).toBeGreaterThanOrEqual(jsonBytes(x));
    }
  });

  // BUG: a double is counted as 22 bytes, but its JSON can be longer: small shares print without
  // an exponent down to 1e-6, so -1/7000 ("-0.00014285714285714287") is 23 bytes and 1/7e5
  // ("0.0000014285714285714286") 24; with an exponent, -Number.MAX_VALUE is 24.
  it("is at least the JSON of numbers of every size", () => {
    expect(cellBytes(-1 / 7000)).toBeGreaterThanOrEqual(jsonBytes(-1 / 7000));
    expect(cellBytes(1 / 7e5)).toBeGreaterThanOrEqual(jsonBytes(1 / 7e5));
    expect(cellBytes(-Number.MAX_VALUE)).toBeGreaterThanOrEqual(jsonBytes(-Number.MAX_VALUE));
    expect(cellBytes(-1e-300 / 3)).toBeGreaterThanOrEqual(jsonBytes(-1e-300 / 3));
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => {
        expect(cellBytes(x)).toBeGreaterThanOrEqual(jsonBytes(x));
      }),
    );
  });
});

describe("matrixBytes", () => {
  it("counts an empty matrix and a row of text", () => {
    expect(matrixBytes([])).toBe(2);
    expect(matrixBytes([[]])).toBe(5);
    expect(matrixBytes([["a", "b"]])).toBeGreaterThanOrEqual(jsonBytes([["a", "b"]]));
  });

  it("is at least the JSON of matrices of text, booleans and blanks", () => {
    const cell = fc.oneof(trackerText, fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 8 }), (m) => {
        expect(matrixBytes(m)).toBeGreaterThanOrEqual(jsonBytes(m));
      }),
    );
  });

  // BUG: cellBytes counts the comma after a text, boolean or blank cell (the "+3" and 5/6), but
  // not after an integer, so a row of small integers — the commonest tracker row — is estimated
  // at about half its size: [[1,2,3]] is 9 bytes of JSON, matrixBytes says 8; a 1,000-cell row of
  // single digits is 2,002 bytes, estimated at 1,005.
  it("is at least the JSON of matrices of integers", () => {
    expect(matrixBytes([[1, 2, 3]])).toBeGreaterThanOrEqual(jsonBytes([[1, 2, 3]]));
    // A sample tracker row, text and integers mixed: 196 estimated for 203 bytes.
    const row = ["Pennine Acute Hospitals NHS Trust", "RW6", "North of England", 27220, 11940, 10387, 25313, -8865, "Amber"];
    expect(matrixBytes([row, row])).toBeGreaterThanOrEqual(jsonBytes([row, row]));
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: -1000, max: 100000 }), { maxLength: 30 }), { maxLength: 10 }), (m) => {
        expect(matrixBytes(m)).toBeGreaterThanOrEqual(jsonBytes(m));
      }),
    );
  });

  it("is at least the JSON of a text-only tracker row", () => {
    const row = ["Pennine Acute Hospitals NHS Trust", "RW6", "North of England", "Back office", "Amber"];
    expect(matrixBytes([row, row])).toBeGreaterThanOrEqual(jsonBytes([row, row]));
  });
});

describe("rowsPerChunk", () => {
  it("is bounded by cells for narrow light rows and by bytes for heavy ones", () => {
    expect(rowsPerChunk(10, 1)).toBe(CHUNK_CELLS / 10);
    expect(rowsPerChunk(10, 1, 2)).toBe(CHUNK_CELLS / 20);
    expect(rowsPerChunk(10, 1024)).toBe(Math.floor(CHUNK_BYTES / 1024));
    expect(rowsPerChunk(16_384, 1)).toBe(Math.floor(CHUNK_CELLS / 16_384));
  });

  it("is never 0, even for a row larger than the byte budget or zero columns", () => {
    expect(rowsPerChunk(1, CHUNK_BYTES * 10)).toBe(1);
    expect(rowsPerChunk(0, 0)).toBeGreaterThanOrEqual(1);
    expect(rowsPerChunk(0, 0, 0)).toBeGreaterThanOrEqual(1);
    expect(rowsPerChunk(1, Infinity)).toBe(1);
  });

  it("keeps rows × columns × properties within CHUNK_CELLS and rows × bytesPerRow within CHUNK_BYTES", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 16_384 }),
        fc.double({ min: 1, max: CHUNK_BYTES, noNaN: true }),
        fc.integer({ min: 1, max: 2 }),
        (columns, bytesPerRow, properties) => {
          const rows = rowsPerChunk(columns, bytesPerRow, properties);
          expect(Number.isInteger(rows)).toBe(true);
          expect(rows).toBeGreaterThanOrEqual(1);
          expect(rows * columns * properties).toBeLessThanOrEqual(CHUNK_CELLS);
          expect(rows * bytesPerRow).toBeLessThanOrEqual(CHUNK_BYTES);
        },
      ),
    );
  });

  // BUG (minor): a NaN row size (0 / 0 from a caller) gives NaN rows, not at least 1:
  // Math.max(1, NaN) is NaN. A chunk loop `for (done < total) done += NaN` would never end.
  it("is a whole number ≥ 1 for a NaN row size", () => {
    expect(rowsPerChunk(10, NaN)).toBeGreaterThanOrEqual(1);
  });
});

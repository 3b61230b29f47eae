// Rectangles of cells: intersection, the parts of one rectangle outside another, A1 addresses and
// sheet-name prefixes as Excel writes them in formulas.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  a1,
  fitsSheet,
  intersect,
  sheetAddress,
  sheetPrefix,
  subtract,
  SHEET_COLUMNS,
  SHEET_ROWS,
  type Rect,
} from "../../../src/taskpane/geometry/rect";

const rect = (row: number, column: number, rows: number, columns: number): Rect => ({ row, column, rows, columns });
const cells = (r: Rect) => r.rows * r.columns;
const contains = (r: Rect, row: number, column: number) =>
  row >= r.row && row < r.row + r.rows && column >= r.column && column < r.column + r.columns;

/** Small rectangles on a small grid, so that overlaps of every shape are common. */
const arbRect = fc.record({
  row: fc.integer({ min: 0, max: 12 }),
  column: fc.integer({ min: 0, max: 12 }),
  rows: fc.integer({ min: 1, max: 8 }),
  columns: fc.integer({ min: 1, max: 8 }),
});

/** Parses "P1:AC73" or "P1" back into a Rect, for the round trip. */
function parseA1(address: string): Rect {
  const ref = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s);
    if (!m) throw new Error(`not an address: ${s}`);
    let column = 0;
    for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(m[2]) - 1, column: column - 1 };
  };
  const [first, last = first] = address.split(":");
  const a = ref(first);
  const b = ref(last);
  return { row: a.row, column: a.column, rows: b.row - a.row + 1, columns: b.column - a.column + 1 };
}

describe("fitsSheet", () => {
  it("accepts the whole sheet and a single cell, refuses empty, negative and overhanging rectangles", () => {
    expect(fitsSheet(rect(0, 0, SHEET_ROWS, SHEET_COLUMNS))).toBe(true);
    expect(fitsSheet(rect(SHEET_ROWS - 1, SHEET_COLUMNS - 1, 1, 1))).toBe(true);
    expect(fitsSheet(rect(0, 0, 0, 1))).toBe(false);
    expect(fitsSheet(rect(0, 0, 1, 0))).toBe(false);
    expect(fitsSheet(rect(-1, 0, 1, 1))).toBe(false);
    expect(fitsSheet(rect(0, -1, 1, 1))).toBe(false);
    expect(fitsSheet(rect(SHEET_ROWS - 1, 0, 2, 1))).toBe(false);
    expect(fitsSheet(rect(0, SHEET_COLUMNS - 1, 1, 2))).toBe(false);
  });
});

describe("intersect", () => {
  it("gives the shared cells, or null when the rectangles only touch or are apart", () => {
    expect(intersect(rect(0, 0, 10, 10), rect(5, 5, 10, 10))).toEqual(rect(5, 5, 5, 5));
    expect(intersect(rect(2, 3, 4, 4), rect(0, 0, 20, 20))).toEqual(rect(2, 3, 4, 4));
    // Edge to edge: rows 0-4 and 5-9 share nothing.
    expect(intersect(rect(0, 0, 5, 5), rect(5, 0, 5, 5))).toBeNull();
    expect(intersect(rect(0, 0, 5, 5), rect(0, 5, 5, 5))).toBeNull();
    expect(intersect(rect(0, 0, 1, 1), rect(100, 100, 1, 1))).toBeNull();
  });

  it("is symmetric and holds exactly the cells in both", () => {
    fc.assert(
      fc.property(arbRect, arbRect, (a, b) => {
        const ab = intersect(a, b);
        expect(intersect(b, a)).toEqual(ab);
        for (let row = 0; row < 22; row++)
          for (let column = 0; column < 22; column++) {
            const inBoth = contains(a, row, column) && contains(b, row, column);
            expect(ab !== null && contains(ab, row, column)).toBe(inBoth);
          }
      }),
    );
  });
});

describe("subtract", () => {
  it("of a disjoint rectangle or null is the rectangle itself", () => {
    const a = rect(3, 3, 4, 4);
    expect(subtract(a, null)).toEqual([a]);
    expect(subtract(a, rect(20, 20, 2, 2))).toEqual([a]);
  });

  it("of the whole of it (or more) is nothing", () => {
    expect(subtract(rect(3, 3, 4, 4), rect(3, 3, 4, 4))).toEqual([]);
    expect(subtract(rect(3, 3, 4, 4), rect(0, 0, 10, 10))).toEqual([]);
  });

  it("of a hole in the middle is a frame of four: above, below, left, right", () => {
    // A is rows 0-9, columns 0-9; B the 2×2 hole at rows 4-5, columns 4-5.
    expect(subtract(rect(0, 0, 10, 10), rect(4, 4, 2, 2))).toEqual([
      rect(0, 0, 4, 10),
      rect(6, 0, 4, 10),
      rect(4, 0, 2, 4),
      rect(4, 6, 2, 4),
    ]);
  });

  it("of a block that grew by a column is that column only (the re-run case)", () => {
    // The previous output P1:AB73 (columns 15-27), the new one P1:AC73: only AC1:AC73 is new.
    const before = rect(0, 15, 73, 13);
    const after = rect(0, 15, 73, 14);
    expect(subtract(after, before).map(a1)).toEqual(["AC1:AC73"]);
    // And one that shrank by ten rows leaves the ten rows below.
    expect(subtract(rect(0, 15, 83, 13), before).map(a1)).toEqual(["P74:AB83"]);
  });

  it("gives disjoint parts inside a and outside b that, with the intersection, cover a exactly", () => {
    fc.assert(
      fc.property(arbRect, arbRect, (a, b) => {
        const parts = subtract(a, b);
        const overlap = intersect(a, b);
        expect(parts.length).toBeLessThanOrEqual(4);
        for (const p of parts) {
          expect(p.rows).toBeGreaterThan(0);
          expect(p.columns).toBeGreaterThan(0);
          expect(intersect(p, a)).toEqual(p); // inside a
          expect(intersect(p, b)).toBeNull(); // outside b
        }
        for (let i = 0; i < parts.length; i++)
          for (let j = i + 1; j < parts.length; j++) expect(intersect(parts[i], parts[j])).toBeNull();
        // Cell counts: the parts and the overlap add up to a.
        const total = parts.reduce((sum, p) => sum + cells(p), 0) + (overlap ? cells(overlap) : 0);
        expect(total).toBe(cells(a));
        // And cell by cell: every cell of a is in exactly one part or in b.
        for (let row = a.row; row < a.row + a.rows; row++)
          for (let column = a.column; column < a.column + a.columns; column++) {
            const inParts = parts.filter((p) => contains(p, row, column)).length;
            expect(inParts + (contains(b, row, column) ? 1 : 0)).toBe(1);
          }
      }),
      { numRuns: 500 },
    );
  });
});

describe("a1", () => {
  it("writes one cell without a colon, and a block as first:last", () => {
    expect(a1(rect(0, 0, 1, 1))).toBe("A1");
    expect(a1(rect(0, 15, 73, 14))).toBe("P1:AC73");
    expect(a1(rect(4, 2, 1, 3))).toBe("C5:E5");
    expect(a1(rect(4, 2, 3, 1))).toBe("C5:C7");
    expect(a1(rect(0, 0, SHEET_ROWS, SHEET_COLUMNS))).toBe("A1:XFD1048576");
  });

  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [SHEET_COLUMNS - 1, "XFD"],
  ])("names column %i %s and round-trips", (column, letters) => {
    const r = rect(9, column, 1, 1);
    expect(a1(r)).toBe(`${letters}10`);
    expect(parseA1(a1(r))).toEqual(r);
  });

  it("round-trips every rectangle that fits the sheet", () => {
    const arbSheetRect = fc
      .record({
        row: fc.integer({ min: 0, max: SHEET_ROWS - 1 }),
        column: fc.integer({ min: 0, max: SHEET_COLUMNS - 1 }),
      })
      .chain(({ row, column }) =>
        fc.record({
          row: fc.constant(row),
          column: fc.constant(column),
          rows: fc.integer({ min: 1, max: SHEET_ROWS - row }),
          columns: fc.integer({ min: 1, max: SHEET_COLUMNS - column }),
        }),
      );
    fc.assert(
      fc.property(arbSheetRect, (r) => {
        expect(fitsSheet(r)).toBe(true);
        expect(parseA1(a1(r))).toEqual(r);
      }),
    );
  });
});

describe("sheetPrefix", () => {
  it("leaves plain words bare", () => {
    expect(sheetPrefix("Sheet1")).toBe("Sheet1!");
    expect(sheetPrefix("Tracker")).toBe("Tracker!");
    expect(sheetPrefix("CIP_2024")).toBe("CIP_2024!");
    // Four letters and a number is past column XFD: not a cell.
    expect(sheetPrefix("ABCD1")).toBe("ABCD1!");
  });

  it("quotes names with spaces, punctuation or a leading digit", () => {
    expect(sheetPrefix("Tracker data")).toBe("'Tracker data'!");
    expect(sheetPrefix("CIP Summary")).toBe("'CIP Summary'!");
    expect(sheetPrefix("Q2-2024")).toBe("'Q2-2024'!");
    expect(sheetPrefix("2024")).toBe("'2024'!");
    expect(sheetPrefix("£k plan")).toBe("'£k plan'!");
  });

  it("doubles apostrophes inside the quotes", () => {
    expect(sheetPrefix("St George's")).toBe("'St George''s'!");
    expect(sheetPrefix("'quoted'")).toBe("'''quoted'''!");
    expect(sheetPrefix("a''b")).toBe("'a''''b'!");
  });

  it("quotes names that read as an A1 cell reference", () => {
    expect(sheetPrefix("A1")).toBe("'A1'!");
    expect(sheetPrefix("ab12")).toBe("'ab12'!");
    expect(sheetPrefix("XFD1048576")).toBe("'XFD1048576'!");
    expect(sheetPrefix("Q3")).toBe("'Q3'!");
  });

  // BUG: a sheet named like an R1C1 reference ("R1C1", "R2C3", "RC", "R", "C") is left bare, but
  // Excel reads R1C1!A1 as a reference to cell R1C1 and writes such names quoted ('R1C1'!A1).
  // sheetPrefix's A1 test (/^[A-Za-z]{1,3}\d+$/) misses them, so formulas on a new sheet that point
  // at a tracker on a sheet named "R1C1" or "C" are wrong.
  it("quotes names that read as an R1C1 reference", () => {
    for (const name of ["R1C1", "R2C3", "RC", "R", "C", "r1c1"]) expect(sheetPrefix(name)).toBe(`'${name}'!`);
  });

  // BUG (less certain, as Apache POI and others emulate Excel): TRUE and FALSE are boolean literals
  // in a formula, and Excel quotes sheets with those names.
  it("quotes names that read as a boolean literal", () => {
    expect(sheetPrefix("TRUE")).toBe("'TRUE'!");
    expect(sheetPrefix("false")).toBe("'false'!");
  });

  it("always gives a prefix that unquotes to the name (property)", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 31 }), (name) => {
        const p = sheetPrefix(name);
        expect(p.endsWith("!")).toBe(true);
        const body = p.slice(0, -1);
        if (body.startsWith("'")) {
          expect(body.endsWith("'")).toBe(true);
          const inner = body.slice(1, -1);
          // No lone apostrophe inside: every one is doubled.
          expect(inner.replace(/''/g, "")).not.toContain("'");
          expect(inner.replace(/''/g, "'")).toBe(name);
        } else {
          expect(body).toBe(name);
          expect(body).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
        }
      }),
    );
  });

  it("prefixes an address", () => {
    expect(sheetAddress("Tracker data", rect(0, 15, 73, 14))).toBe("'Tracker data'!P1:AC73");
    expect(sheetAddress("Sheet1", rect(1, 3, 1, 1))).toBe("Sheet1!D2");
  });
});

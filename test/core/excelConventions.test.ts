import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { columnLetter, excelSerialDate, financialMonth, parseColumn } from "../../src/core/excelConventions";

describe("columnLetter", () => {
  it.each([
    [0, "A"],
    [1, "B"],
    [25, "Z"],
    [26, "AA"],
    [27, "AB"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("%i -> %s", (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });

  it("gives '' for something that is not a column index", () => {
    for (const index of [-1, 1.5, NaN, Infinity]) expect(columnLetter(index)).toBe("");
  });

  it("is the inverse of reading the letters as bijective base 26", () => {
    const decode = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (index) => {
        const letters = columnLetter(index);
        expect(letters).toMatch(/^[A-Z]+$/);
        expect(decode(letters)).toBe(index);
      }),
    );
  });
});

describe("excelSerialDate", () => {
  it.each([
    [1, 1900, 1, 1],
    [59, 1900, 2, 28],
    [60, 1900, 2, 29], // Excel's fake leap day
    [61, 1900, 3, 1],
    [367, 1901, 1, 1],
    [25569, 1970, 1, 1],
    [36526, 2000, 1, 1],
    [40634, 2011, 4, 1],
    [40969, 2012, 3, 1],
    [45351, 2024, 2, 29],
    [2958465, 9999, 12, 31],
  ])("%i is %i-%i-%i", (serial, year, month, day) => {
    expect(excelSerialDate(serial)).toEqual({ year, month, day });
  });

  it("is null for numbers that are not date serials", () => {
    for (const serial of [0, -1, 2958466, 40634.5, NaN, Infinity]) expect(excelSerialDate(serial)).toBe(null);
  });

  it("agrees with the UTC calendar for every serial after the fake leap day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const utc = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
        expect(excelSerialDate(serial)).toEqual({
          year: utc.getUTCFullYear(),
          month: utc.getUTCMonth() + 1,
          day: utc.getUTCDate(),
        });
      }),
    );
  });

  it("financialMonth makes April month 1 and March month 12", () => {
    expect([4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3].map(financialMonth)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});

describe("parseColumn", () => {
  it("splits a column as a formula names it into sheet prefix, letters and index (A = 1)", () => {
    expect(parseColumn("D")).toEqual({ prefix: "", letters: "D", index: 4 });
    expect(parseColumn("$ab")).toEqual({ prefix: "$", letters: "AB", index: 28 });
    expect(parseColumn("'Tracker data'!XFD")).toEqual({ prefix: "'Tracker data'!", letters: "XFD", index: 16384 });
  });

  it("is null for what is not a column", () => {
    for (const spec of ["", "D2", "ABCD", "'Sheet'!", "1"]) expect(parseColumn(spec)).toBeNull();
  });

  it("reads back what columnLetter writes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16383 }), (index) => {
        expect(parseColumn(columnLetter(index))?.index).toBe(index + 1);
      }),
    );
  });
});

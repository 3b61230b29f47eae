import { describe, expect, it } from "vitest";
import type { Num } from "../../src/core/problem";
import { readCell } from "../../src/core/readCell";
import { cipOfTurnover, nonRecurrentShare, unidentifiedShare } from "../../src/core/shares";

const NA = readCell("#N/A", "Turnover in row 4");
const TEXT = readCell("n/k", "Unidentified in row 4");
const tooLarge = (what: string) => ({
  kind: "invalidValue",
  error: "#NUM!",
  message: `${what} is too large to work out from these values.`,
});

describe("cipOfTurnover (annual plan / turnover)", () => {
  it.each([
    [20, 400, 0.05],
    [16, 400, 0.04],
    [12, 400, 0.03],
    [0, 400, 0],
  ])("plan %s of turnover %s → %s", (plan, turnover, expected) => {
    expect(cipOfTurnover(plan, turnover)).toBe(expected);
  });

  it("a zero turnover is #DIV/0!", () => {
    expect(cipOfTurnover(20, 0)).toEqual({
      kind: "divideByZero",
      error: "#DIV/0!",
      message: "CIP % of turnover needs a turnover above zero; the turnover is 0.",
    });
  });

  it("a negative turnover or plan is an invalid value, #NUM!", () => {
    expect(cipOfTurnover(20, -400)).toEqual({
      kind: "invalidValue",
      error: "#NUM!",
      message: "Turnover is negative (-400); it cannot be below zero.",
    });
    expect(cipOfTurnover(-20, 400)).toEqual({
      kind: "invalidValue",
      error: "#NUM!",
      message: "Annual plan is negative (-20); it cannot be below zero.",
    });
  });
});

describe("nonRecurrentShare (NR / (R + NR))", () => {
  it.each([
    [75, 25, 0.25],
    [30, 70, 0.7],
    [50, 50, 0.5],
    [100, 0, 0],
    [0, 10, 1],
  ])("recurrent %s, non-recurrent %s → %s", (r, nr, expected) => {
    expect(nonRecurrentShare(r, nr)).toBe(expected);
  });

  it("nothing recurrent or non-recurrent is #DIV/0!", () => {
    expect(nonRecurrentShare(0, 0)).toEqual({
      kind: "divideByZero",
      error: "#DIV/0!",
      message: "Non-recurrent share needs some recurrent or non-recurrent savings; both are 0.",
    });
  });

  it("negative savings are an invalid value, #NUM!", () => {
    expect(nonRecurrentShare(-5, 10)).toEqual({
      kind: "invalidValue",
      error: "#NUM!",
      message: "Recurrent savings is negative (-5); it cannot be below zero.",
    });
    expect(nonRecurrentShare(5, -10)).toEqual({
      kind: "invalidValue",
      error: "#NUM!",
      message: "Non-recurrent savings is negative (-10); it cannot be below zero.",
    });
  });
});

describe("unidentifiedShare (unidentified / annual plan)", () => {
  it.each([
    [200, 50, 0.25],
    [200, 20, 0.1],
    [200, 0, 0],
    [100, 120, 1.2],
  ])("plan %s, unidentified %s → %s", (plan, u, expected) => {
    expect(unidentifiedShare(plan, u)).toBe(expected);
  });

  it("a zero annual plan is #DIV/0!", () => {
    expect(unidentifiedShare(0, 5)).toEqual({
      kind: "divideByZero",
      error: "#DIV/0!",
      message: "Unidentified share needs an annual plan above zero; the annual plan is 0.",
    });
  });

  it("negative unidentified savings are an invalid value, #NUM!", () => {
    expect(unidentifiedShare(100, -5)).toEqual({
      kind: "invalidValue",
      error: "#NUM!",
      message: "Unidentified savings is negative (-5); it cannot be below zero.",
    });
  });
});

describe.each<[string, (a: Num, b: Num) => Num]>([
  ["cipOfTurnover", cipOfTurnover],
  ["nonRecurrentShare", nonRecurrentShare],
  ["unidentifiedShare", unidentifiedShare],
])("%s: blanks and problems", (_name, fn) => {
  it("either input blank → blank", () => {
    expect(fn(null, 10)).toBeNull();
    expect(fn(10, null)).toBeNull();
    expect(fn(null, null)).toBeNull();
  });
  it("#N/A stays #N/A", () => {
    expect(fn(NA, 10)).toBe(NA);
    expect(fn(10, NA)).toBe(NA);
  });
  it("text is #VALUE! naming the value", () => {
    expect(fn(10, TEXT)).toEqual({
      kind: "notANumber",
      error: "#VALUE!",
      message: 'Unidentified in row 4 is the text "n/k", not a number.',
    });
  });
  it("a problem wins over a blank", () => {
    expect(fn(null, NA)).toBe(NA);
  });
});

describe("extreme but finite inputs give a finite number or #NUM!", () => {
  it("a ratio beyond a double is #NUM!", () => {
    expect(cipOfTurnover(1, 5e-324)).toEqual(tooLarge("CIP % of turnover"));
    expect(unidentifiedShare(5e-324, 1)).toEqual(tooLarge("Unidentified share"));
  });

  it("a tiny share of a huge plan is a number", () => {
    expect(cipOfTurnover(5e-324, 1.7e308)).toBe(0);
    expect(unidentifiedShare(1.7e308, 1.7e308)).toBe(1);
    expect(nonRecurrentShare(1.7e308, 0)).toBe(0);
    expect(nonRecurrentShare(0, 1.7e308)).toBe(1);
  });

  it("recurrent + non-recurrent beyond a double gives the share or #NUM!, not 0", () => {
    const r = nonRecurrentShare(1.7e308, 1.7e308);
    if (typeof r === "number") expect(r).toBeCloseTo(0.5, 12);
    else expect(r).toEqual(tooLarge("Non-recurrent share"));
  });
});

import { describe, expect, it } from "vitest";
import type { Problem } from "../../src/core/problem";
import { readCell } from "../../src/core/readCell";
import { achievedRunRate, requiredRunRate, runRateRatio } from "../../src/core/runRate";

const NA = readCell("#N/A", "YTD actual in row 2");
const monthsMessage = (k: number) => `Months elapsed must be a whole number from 1 (April) to 12 (March); got ${k}.`;
// The required run rate also accepts k = 0, the year not begun; its message says so.
const monthsFromZeroMessage = (k: number) =>
  `Months elapsed must be a whole number from 0 (before April) to 12 (March); got ${k}.`;
const NO_MONTHS_LEFT = {
  kind: "divideByZero",
  error: "#DIV/0!",
  message: "The required run rate needs at least one month of the year still to come; all 12 have elapsed.",
};
const tooLarge = (what: string) => ({
  kind: "invalidValue",
  error: "#NUM!",
  message: `${what} is too large to work out from these values.`,
});

describe("requiredRunRate (max(annual − actual, 0) / (12 − k))", () => {
  it.each([
    [120, 30, 6, 15],
    [120, 60, 6, 10],
    [120, 100, 8, 5],
    [1200, 300, 4, 112.5],
    [120, 0, 1, 120 / 11],
    [120, 120, 6, 0],
    [120, -12, 6, 22],
    [120, 0, 0, 10],
    [120, 30, 0, 7.5],
    [120, 120, 11, 0],
  ])("annual %s, actual %s, k %s → %s", (annual, actual, k, expected) => {
    expect(requiredRunRate(annual, actual, k)).toBeCloseTo(expected, 12);
  });

  it("ahead of the annual plan nothing more is required: 0, not negative", () => {
    // annual 120, actual 132, k 6: max(120 − 132, 0) / 6 = 0 (was (120 − 132) / 6 = −2).
    expect(requiredRunRate(120, 132, 6)).toBe(0);
    expect(requiredRunRate(120, 132, 0)).toBe(0);
    expect(requiredRunRate(0, 5, 3)).toBe(0);
  });

  it("k = 0 (the year not begun) spreads the gap over all 12 months", () => {
    // annual 120, actual 0: 120 / 12 = 10 a month.
    expect(requiredRunRate(120, 0, 0)).toBe(10);
    expect(requiredRunRate(1200, 0, 0)).toBe(100);
    expect(requiredRunRate(null, 0, 0)).toBeNull();
    expect(requiredRunRate(120, null, 0)).toBeNull();
  });

  it("no months left (k = 12) with the plan not met is #DIV/0!", () => {
    expect(requiredRunRate(120, 100, 12)).toEqual(NO_MONTHS_LEFT);
    expect(requiredRunRate(120, 119.5, 12)).toEqual(NO_MONTHS_LEFT);
    expect(requiredRunRate(120, -5, 12)).toEqual(NO_MONTHS_LEFT);
  });

  it("no months left (k = 12) with the plan met or beaten is 0", () => {
    expect(requiredRunRate(120, 120, 12)).toBe(0);
    expect(requiredRunRate(120, 132, 12)).toBe(0);
    expect(requiredRunRate(0, 0, 12)).toBe(0);
  });

  it("a negative annual plan is an invalid value, #NUM!", () => {
    expect(requiredRunRate(-120, 30, 6)).toEqual({
      kind: "invalidValue",
      error: "#NUM!",
      message: "Annual plan is negative (-120); it cannot be below zero.",
    });
    // Also at k = 12, where the plan would otherwise be compared with the actual.
    expect(requiredRunRate(-120, 30, 12)).toMatchObject({ kind: "invalidValue", error: "#NUM!" });
  });
});

describe("achievedRunRate (actual / k)", () => {
  it.each([
    [30, 6, 5],
    [300, 4, 75],
    [100, 8, 12.5],
    [0, 3, 0],
    [-12, 6, -2],
  ])("actual %s, k %s → %s", (actual, k, expected) => {
    expect(achievedRunRate(actual, k)).toBe(expected);
  });
});

describe("runRateRatio (required / achieved)", () => {
  it.each([
    [120, 30, 6, 3],
    [120, 60, 6, 1],
    [120, 100, 8, 0.4],
    [1200, 300, 4, 1.5],
    [1200, 240, 4, 2],
  ])("annual %s, actual %s, k %s → %s", (annual, actual, k, expected) => {
    expect(runRateRatio(annual, actual, k)).toBeCloseTo(expected, 12);
  });

  it("ahead of the annual plan gives a ratio of 0 (nothing more needed), never negative", () => {
    // required max(120 − 132, 0) / 6 = 0 a month; achieved 132 / 6 = 22 a month: 0 / 22 = 0.
    expect(runRateRatio(120, 132, 6)).toBe(0);
    // Exactly on plan: required 0, achieved 120 / 8 = 15.
    expect(runRateRatio(120, 120, 8)).toBe(0);
  });

  it("k = 12 with the plan met or beaten is 0", () => {
    // required 0 (nothing left to deliver); achieved 132 / 12 = 11.
    expect(runRateRatio(120, 132, 12)).toBe(0);
    expect(runRateRatio(120, 120, 12)).toBe(0);
  });

  it("k = 0 is a problem: there is no achieved run rate before April", () => {
    // The required run rate alone is 10 at k = 0; the achieved one needs at least one month.
    expect(requiredRunRate(120, 0, 0)).toBe(10);
    expect(achievedRunRate(0, 0)).toEqual({ kind: "invalidValue", error: "#VALUE!", message: monthsMessage(0) });
    expect(runRateRatio(120, 0, 0)).toEqual({ kind: "invalidValue", error: "#VALUE!", message: monthsMessage(0) });
    expect(runRateRatio(120, 30, 0)).toEqual({ kind: "invalidValue", error: "#VALUE!", message: monthsMessage(0) });
  });

  it("nothing delivered yet is #DIV/0!", () => {
    expect(runRateRatio(120, 0, 6)).toEqual({
      kind: "divideByZero",
      error: "#DIV/0!",
      message: "Required vs achieved run rate cannot be worked out: nothing has been delivered to date.",
    });
  });

  it("negative delivery to date is a problem, not a small ratio that looks green", () => {
    expect(runRateRatio(120, -12, 6)).toEqual({
      kind: "invalidValue",
      error: "#VALUE!",
      message: "Required vs achieved run rate cannot be compared: delivery to date is negative.",
    });
  });

  it("k = 12 is #DIV/0! (no months left)", () => {
    expect(runRateRatio(120, 100, 12)).toEqual(NO_MONTHS_LEFT);
    // Also when nothing has been delivered: the months left are the first thing missing.
    expect(runRateRatio(120, 0, 12)).toEqual(NO_MONTHS_LEFT);
  });
});

describe("run rates: months elapsed, blanks and problems", () => {
  it.each([[13], [2.5], [-3], [-1], [0.5]])("months elapsed %s is invalid for every run-rate metric", (k) => {
    expect(requiredRunRate(120, 30, k)).toEqual({ kind: "invalidValue", error: "#VALUE!", message: monthsFromZeroMessage(k) });
    expect(achievedRunRate(30, k)).toEqual({ kind: "invalidValue", error: "#VALUE!", message: monthsMessage(k) });
    // The ratio reports whichever of its two run rates stops first; either message names the value.
    const ratio = runRateRatio(120, 30, k);
    expect(ratio).toMatchObject({ kind: "invalidValue", error: "#VALUE!" });
    expect([monthsMessage(k), monthsFromZeroMessage(k)]).toContain((ratio as Problem).message);
  });

  it("months elapsed 0 is valid for the required run rate only", () => {
    expect(requiredRunRate(120, 30, 0)).toBe(7.5);
    expect(achievedRunRate(30, 0)).toEqual({ kind: "invalidValue", error: "#VALUE!", message: monthsMessage(0) });
    expect(runRateRatio(120, 30, 0)).toEqual({ kind: "invalidValue", error: "#VALUE!", message: monthsMessage(0) });
  });

  it("blank annual plan → required and ratio blank, achieved still known", () => {
    expect(requiredRunRate(null, 30, 6)).toBeNull();
    expect(achievedRunRate(30, 6)).toBe(5);
    expect(runRateRatio(null, 30, 6)).toBeNull();
  });

  it("blank actual or months → required and ratio blank", () => {
    expect(requiredRunRate(120, null, 6)).toBeNull();
    expect(runRateRatio(120, null, 6)).toBeNull();
    expect(requiredRunRate(120, 30, null)).toBeNull();
    expect(runRateRatio(120, 30, null)).toBeNull();
  });

  it("blank actual → achieved run rate blank", () => {
    expect(achievedRunRate(null, 6)).toBeNull();
  });

  it("blank months elapsed → achieved run rate blank", () => {
    expect(achievedRunRate(30, null)).toBeNull();
  });

  it("#N/A stays #N/A", () => {
    expect(requiredRunRate(120, NA, 6)).toBe(NA);
    expect(achievedRunRate(NA, 6)).toBe(NA);
    expect(runRateRatio(120, NA, 6)).toBe(NA);
    expect(runRateRatio(NA, 30, 6)).toBe(NA);
  });
});

describe("extreme but finite inputs give a finite number or #NUM!", () => {
  it("the required run rate beyond a double", () => {
    expect(requiredRunRate(1.7e308, -1.7e308, 6)).toEqual(tooLarge("The required run rate"));
    expect(requiredRunRate(1.7e308, 0, 11)).toBe(1.7e308);
  });

  it("required vs achieved beyond a double", () => {
    expect(runRateRatio(1.7e308, 5e-324, 1)).toEqual(tooLarge("Required vs achieved run rate"));
  });

  it("a required run rate of #NUM! passes through the ratio", () => {
    expect(runRateRatio(1.7e308, -1.7e308, 6)).toEqual(tooLarge("The required run rate"));
  });

  it("the achieved run rate of the largest double is a number", () => {
    expect(achievedRunRate(1.7e308, 1)).toBe(1.7e308);
    expect(achievedRunRate(-1.7e308, 12)).toBe(-1.7e308 / 12);
  });
});

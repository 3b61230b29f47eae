import { describe, expect, it } from "vitest";
import { progressPct, ytdDeliveryPct, ytdShortfall, ytdShortfallPct, ytdVariance } from "../../src/core/delivery";
import type { Num } from "../../src/core/problem";
import { readCell } from "../../src/core/readCell";

const NA = readCell("#N/A", "YTD plan in row 7");
const tooLarge = (what: string) => ({
  kind: "invalidValue",
  error: "#NUM!",
  message: `${what} is too large to work out from these values.`,
});
const TEXT = readCell("tbc", "YTD actual in row 7");

type Fn = (plan: Num, actual: Num) => Num;
const ALL: [string, Fn][] = [
  ["ytdVariance", ytdVariance],
  ["ytdShortfall", ytdShortfall],
  ["ytdShortfallPct", ytdShortfallPct],
  ["ytdDeliveryPct", ytdDeliveryPct],
  ["progressPct", progressPct],
];

describe("ytdVariance (actual − plan; negative = under-delivery)", () => {
  it.each([
    [544, 465, -79],
    [100, 120, 20],
    [100, 100, 0],
    [100, -10, -110],
    [0, 5, 5],
    [1200.5, 1000.25, -200.25],
  ])("plan %s, actual %s → %s", (plan, actual, expected) => {
    expect(ytdVariance(plan, actual)).toBe(expected);
  });
});

describe("ytdShortfall (max(plan − actual, 0))", () => {
  it.each([
    [544, 465, 79],
    [100, 120, 0],
    [100, 100, 0],
    [100, -10, 110],
    [0, 0, 0],
  ])("plan %s, actual %s → %s", (plan, actual, expected) => {
    expect(ytdShortfall(plan, actual)).toBe(expected);
  });
});

describe("ytdShortfallPct (shortfall / plan)", () => {
  it.each([
    [200, 150, 0.25],
    [400, 100, 0.75],
    [100, 120, 0],
    [100, -10, 1.1],
    [80, 0, 1],
  ])("plan %s, actual %s → %s", (plan, actual, expected) => {
    expect(ytdShortfallPct(plan, actual)).toBeCloseTo(expected, 12);
  });

  it("a zero YTD plan is #DIV/0!, even when nothing is missing", () => {
    expect(ytdShortfallPct(0, 5)).toEqual({
      kind: "divideByZero",
      error: "#DIV/0!",
      message: "YTD shortfall % needs a YTD plan above zero; the YTD plan is 0.",
    });
    expect(ytdShortfallPct(0, 0)).toMatchObject({ kind: "divideByZero", error: "#DIV/0!" });
  });
});

describe("ytdDeliveryPct (actual / plan)", () => {
  it.each([
    [200, 150, 0.75],
    [100, 120, 1.2],
    [100, 95, 0.95],
    [100, -10, -0.1],
    [100, 0, 0],
  ])("plan %s, actual %s → %s", (plan, actual, expected) => {
    expect(ytdDeliveryPct(plan, actual)).toBe(expected);
  });

  it("a zero YTD plan is #DIV/0! naming the YTD plan", () => {
    expect(ytdDeliveryPct(0, 10)).toEqual({
      kind: "divideByZero",
      error: "#DIV/0!",
      message: "YTD delivery % needs a YTD plan above zero; the YTD plan is 0.",
    });
  });

  it("a YTD plan of -0 is also a zero denominator", () => {
    expect(ytdDeliveryPct(-0, 10)).toMatchObject({ kind: "divideByZero", error: "#DIV/0!" });
  });
});

describe("progressPct (actual / annual plan)", () => {
  it.each([
    [1000, 190, 0.19],
    [1000, 200, 0.2],
    [500, 500, 1],
    [500, -50, -0.1],
  ])("annual %s, actual %s → %s", (annual, actual, expected) => {
    expect(progressPct(annual, actual)).toBe(expected);
  });

  it("a zero annual plan is #DIV/0!", () => {
    expect(progressPct(0, 10)).toEqual({
      kind: "divideByZero",
      error: "#DIV/0!",
      message: "Progress against annual plan needs an annual plan above zero; the annual plan is 0.",
    });
  });

  it("a negative annual plan is an invalid value, #NUM!", () => {
    expect(progressPct(-1000, 10)).toEqual({
      kind: "invalidValue",
      error: "#NUM!",
      message: "Annual plan is negative (-1000); it cannot be below zero.",
    });
  });
});

describe.each(ALL)("%s: blanks and problems", (_name, fn) => {
  it("blank plan → blank", () => {
    expect(fn(null, 10)).toBeNull();
  });
  it("blank actual → blank", () => {
    expect(fn(100, null)).toBeNull();
  });
  it("both blank → blank", () => {
    expect(fn(null, null)).toBeNull();
  });
  it("#N/A in the plan stays that #N/A, with its message", () => {
    const r = fn(NA, 10);
    expect(r).toBe(NA);
    expect(r).toEqual({ kind: "excelError", error: "#N/A", message: "YTD plan in row 7 is the error #N/A." });
  });
  it("text in the actual is #VALUE! naming the value", () => {
    expect(fn(100, TEXT)).toEqual({
      kind: "notANumber",
      error: "#VALUE!",
      message: 'YTD actual in row 7 is the text "tbc", not a number.',
    });
  });
  it("a problem wins over a blank", () => {
    expect(fn(null, NA)).toBe(NA);
    expect(fn(NA, null)).toBe(NA);
  });
  it("a negative plan is an invalid-value problem (#NUM!), even with a blank actual", () => {
    const negative = {
      kind: "invalidValue",
      error: "#NUM!",
      message: expect.stringMatching(/^(YTD|Annual) plan is negative \(-5\); it cannot be below zero\.$/),
    };
    expect(fn(-5, 10)).toEqual(negative);
    expect(fn(-5, null)).toEqual(negative);
  });
  it("a negative actual is a legitimate reversal, not a problem", () => {
    expect(typeof fn(100, -10)).toBe("number");
  });
});

describe("negative YTD plan message", () => {
  it("names the YTD plan and its value, as #NUM!", () => {
    expect(ytdVariance(-5, 10)).toEqual({
      kind: "invalidValue",
      error: "#NUM!",
      message: "YTD plan is negative (-5); it cannot be below zero.",
    });
  });
});

// The largest double is about 1.8e308 and the smallest above zero 5e-324: a difference or a
// ratio of finite values can still go beyond a double, and must then be #NUM!, never Infinity.
describe("extreme but finite inputs give a finite number or #NUM!", () => {
  it.each<[string, Fn, Num, Num, string]>([
    ["ytdVariance", ytdVariance, 1.7e308, -1.7e308, "YTD variance"],
    ["ytdShortfall", ytdShortfall, 1.7e308, -1.7e308, "YTD shortfall"],
    ["ytdShortfallPct", ytdShortfallPct, 5e-324, -1, "YTD shortfall %"],
    ["ytdDeliveryPct", ytdDeliveryPct, 5e-324, 1, "YTD delivery %"],
    ["progressPct", progressPct, 5e-324, 1, "Progress against annual plan"],
  ])("%s(%s, %s) is #NUM!", (_name, fn, plan, actual, what) => {
    expect(fn(plan, actual)).toEqual(tooLarge(what));
  });

  it("a result near the limit that still fits is a number", () => {
    expect(ytdVariance(0, -1.7e308)).toBe(-1.7e308);
    expect(ytdShortfall(1.7e308, 0)).toBe(1.7e308);
    expect(ytdDeliveryPct(1e-300, 1e-300)).toBe(1);
    expect(progressPct(1.7e308, 5e-324)).toBe(0);
  });
});

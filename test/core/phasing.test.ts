import { describe, expect, it } from "vitest";
import { h2ShareOfAnnualPlan, sumMonths, ytdActualFromMonths, ytdPlanFromPhasing } from "../../src/core/phasing";
import type { Num } from "../../src/core/problem";
import { readCell } from "../../src/core/readCell";

// A back-loaded plan of 180: 60 in April-September, 120 in October-March.
const PLAN: Num[] = [10, 10, 10, 10, 10, 10, 20, 20, 20, 20, 20, 20];
const NA = readCell("#N/A", "Plan Jun in row 5");
const blanks = (n: number): Num[] => Array.from({ length: n }, () => null);
/** PLAN with month `month` (1-based) replaced. */
const withMonth = (month: number, value: Num): Num[] => PLAN.map((x, i) => (i === month - 1 ? value : x));
const tooLarge = (what: string) => ({
  kind: "invalidValue",
  error: "#NUM!",
  message: `${what} is too large to work out from these values.`,
});

describe("ytdPlanFromPhasing (Σ plan months 1..k)", () => {
  it.each([
    [1, 10],
    [3, 30],
    [6, 60],
    [7, 80],
    [12, 180],
  ])("k = %s → %s", (k, expected) => {
    expect(ytdPlanFromPhasing(PLAN, k)).toBe(expected);
  });

  it("is not annual × k / 12 for a back-loaded plan", () => {
    expect(ytdPlanFromPhasing(PLAN, 6)).toBe(60);
    expect(ytdPlanFromPhasing(PLAN, 6)).not.toBe((180 * 6) / 12);
  });

  it("blank months count as zero when any month holds a number", () => {
    const months: Num[] = [10, null, 10, null, 5, ...blanks(7)];
    expect(ytdPlanFromPhasing(months, 2)).toBe(10);
    expect(ytdPlanFromPhasing(months, 4)).toBe(20);
    expect(ytdPlanFromPhasing(months, 12)).toBe(25);
  });

  it("months to date all blank but later months phased → 0, not blank", () => {
    const months: Num[] = [...blanks(6), 30, 30, 30, 30, 30, 30];
    expect(ytdPlanFromPhasing(months, 6)).toBe(0);
  });

  it("an all-blank phasing → blank", () => {
    expect(ytdPlanFromPhasing(blanks(12), 6)).toBeNull();
    expect(ytdPlanFromPhasing([], 6)).toBeNull();
  });

  it("a month holding #N/A makes the YTD plan that #N/A", () => {
    const months: Num[] = [10, 10, NA, 10, 10, 10, ...blanks(6)];
    expect(ytdPlanFromPhasing(months, 6)).toBe(NA);
  });

  it("only the months summed can spoil the sum: #N/A in month 12 leaves the plan to month 3 known", () => {
    const months = withMonth(12, NA);
    expect(ytdPlanFromPhasing(months, 3)).toBe(30);
    expect(ytdPlanFromPhasing(months, 11)).toBe(160);
    expect(ytdPlanFromPhasing(months, 12)).toBe(NA);
  });

  it("a #N/A counts from the month it is in: month k is summed, month k + 1 is not", () => {
    const months = withMonth(4, NA);
    expect(ytdPlanFromPhasing(months, 3)).toBe(30);
    expect(ytdPlanFromPhasing(months, 4)).toBe(NA);
  });

  it("a negative plan in month 12 leaves the plan to month 3 known", () => {
    const months = withMonth(12, -20);
    expect(ytdPlanFromPhasing(months, 3)).toBe(30);
    expect(ytdPlanFromPhasing(months, 12)).toEqual({
      kind: "invalidValue",
      error: "#NUM!",
      message: "Plan for month 12 is negative (-20); it cannot be below zero.",
    });
  });

  it("blank months to date count as 0 when a later month holds a number, a later #N/A notwithstanding", () => {
    const months: Num[] = [...blanks(3), NA, ...blanks(7), 50];
    expect(ytdPlanFromPhasing(months, 3)).toBe(0);
  });

  it("text in a later month does not spoil the plan to date either", () => {
    const months = withMonth(10, readCell("tbc", "Plan Jan in row 5"));
    expect(ytdPlanFromPhasing(months, 6)).toBe(60);
  });

  it("a negative plan month is an invalid value, #NUM!, naming the month", () => {
    const months: Num[] = [10, 10, -5, 10, 10, 10, ...blanks(6)];
    expect(ytdPlanFromPhasing(months, 6)).toEqual({
      kind: "invalidValue",
      error: "#NUM!",
      message: "Plan for month 3 is negative (-5); it cannot be below zero.",
    });
  });

  it.each([[13], [2.5], [-1]])("months elapsed %s is invalid", (k) => {
    expect(ytdPlanFromPhasing(PLAN, k)).toEqual({
      kind: "invalidValue",
      error: "#VALUE!",
      message: `Months elapsed must be a whole number from 0 (before April) to 12 (March); got ${k}.`,
    });
  });

  it("months elapsed 0 (before April) sums no months: 0 when any month holds a number", () => {
    expect(ytdPlanFromPhasing(PLAN, 0)).toBe(0);
    expect(ytdPlanFromPhasing([...blanks(11), 50], 0)).toBe(0);
  });

  it("months elapsed 0 with an all-blank phasing → blank", () => {
    expect(ytdPlanFromPhasing(blanks(12), 0)).toBeNull();
    expect(ytdPlanFromPhasing([], 0)).toBeNull();
  });

  it("months elapsed 0: no month is summed, so a #N/A or a negative plan in April does not spoil it", () => {
    expect(ytdPlanFromPhasing(withMonth(1, NA), 0)).toBe(0);
    expect(ytdPlanFromPhasing(withMonth(1, -10), 0)).toBe(0);
    // ...but from k = 1 they do.
    expect(ytdPlanFromPhasing(withMonth(1, NA), 1)).toBe(NA);
    expect(ytdPlanFromPhasing(withMonth(1, -10), 1)).toMatchObject({ kind: "invalidValue", error: "#NUM!" });
  });

  it("a problem months elapsed passes through", () => {
    expect(ytdPlanFromPhasing(PLAN, NA)).toBe(NA);
  });

  it("blank months elapsed → blank (not 0)", () => {
    expect(ytdPlanFromPhasing(PLAN, null)).toBeNull();
  });

  it("blank months elapsed → blank YTD actual (not 0)", () => {
    expect(ytdActualFromMonths([5, 5, 5], null)).toBeNull();
  });

  it("months that add up beyond a double's range are #NUM!, not Infinity", () => {
    expect(ytdPlanFromPhasing([1.7e308, 1.7e308, ...blanks(10)], 2)).toMatchObject({
      kind: "invalidValue",
      error: "#NUM!",
    });
  });

  it("monthly actuals that add up beyond a double's range are #NUM!, not Infinity", () => {
    expect(ytdActualFromMonths([-1.7e308, -1.7e308, ...blanks(10)], 2)).toMatchObject({
      kind: "invalidValue",
      error: "#NUM!",
    });
  });
});

describe("ytdActualFromMonths (Σ actual months 1..k)", () => {
  it("sums the months to date", () => {
    expect(ytdActualFromMonths([8, 9, 7, 12, ...blanks(8)], 4)).toBe(36);
    expect(ytdActualFromMonths([8, 9, 7, 12, ...blanks(8)], 2)).toBe(17);
  });

  it("a negative month is a reversal, not a problem", () => {
    expect(ytdActualFromMonths([5, -2, 3, ...blanks(9)], 3)).toBe(6);
  });

  it("blank months count as zero; all blank is blank", () => {
    expect(ytdActualFromMonths([5, null, 3, ...blanks(9)], 3)).toBe(8);
    expect(ytdActualFromMonths(blanks(12), 3)).toBeNull();
  });

  it.each([[13], [2.5], [-1]])("months elapsed %s is invalid", (k) => {
    expect(ytdActualFromMonths([5, 5, 5], k)).toEqual({
      kind: "invalidValue",
      error: "#VALUE!",
      message: `Months elapsed must be a whole number from 0 (before April) to 12 (March); got ${k}.`,
    });
  });

  it("months elapsed 0 (before April) sums no months: 0 when any month holds a number, else blank", () => {
    expect(ytdActualFromMonths([8, 9, 7, 12, ...blanks(8)], 0)).toBe(0);
    expect(ytdActualFromMonths([-5, ...blanks(11)], 0)).toBe(0);
    expect(ytdActualFromMonths([NA, 9, ...blanks(10)], 0)).toBe(0);
    expect(ytdActualFromMonths(blanks(12), 0)).toBeNull();
  });

  it("only the months summed can spoil the sum: #N/A in month 12 leaves the actual to month 3 known", () => {
    const months: Num[] = [8, 9, 7, ...blanks(8), NA];
    expect(ytdActualFromMonths(months, 3)).toBe(24);
    expect(ytdActualFromMonths(months, 12)).toBe(NA);
  });

  it("a #N/A in a month to date makes the YTD actual that #N/A", () => {
    expect(ytdActualFromMonths([8, NA, 7, ...blanks(9)], 3)).toBe(NA);
  });
});

describe("h2Share (plan months 7-12 / annual plan)", () => {
  it("back-loaded plan: 120 of 180 in H2 → 2/3", () => {
    expect(h2ShareOfAnnualPlan(PLAN, 180)).toBeCloseTo(0.6666666667, 9);
  });

  it("65 of 100 in H2 → 0.65", () => {
    expect(h2ShareOfAnnualPlan([5, 5, 5, 5, 5, 10, 10, 10, 10, 10, 10, 15], 100)).toBe(0.65);
  });

  it("an even plan → 0.5", () => {
    expect(
      h2ShareOfAnnualPlan(
        Array.from({ length: 12 }, () => 10),
        120,
      ),
    ).toBe(0.5);
  });

  it("blank H2 months count as zero", () => {
    expect(h2ShareOfAnnualPlan([50, 50, ...blanks(10)], 100)).toBe(0);
  });

  it("an all-blank phasing → blank (not 0)", () => {
    expect(h2ShareOfAnnualPlan(blanks(12), 100)).toBeNull();
  });

  it("a blank annual plan → blank (not Infinity)", () => {
    expect(h2ShareOfAnnualPlan(PLAN, null)).toBeNull();
  });

  it("a zero annual plan is #DIV/0!", () => {
    expect(h2ShareOfAnnualPlan(PLAN, 0)).toEqual({
      kind: "divideByZero",
      error: "#DIV/0!",
      message: "H2 share needs an annual plan above zero; the annual plan is 0.",
    });
  });

  it("a negative annual plan is an invalid value, #NUM!; #N/A in a month stays #N/A", () => {
    expect(h2ShareOfAnnualPlan(PLAN, -180)).toEqual({
      kind: "invalidValue",
      error: "#NUM!",
      message: "Annual plan is negative (-180); it cannot be below zero.",
    });
    const months = [...PLAN];
    months[9] = NA;
    expect(h2ShareOfAnnualPlan(months, 180)).toBe(NA);
  });

  it("#N/A or a negative plan in month 12 makes the H2 share a problem", () => {
    expect(h2ShareOfAnnualPlan(withMonth(12, NA), 180)).toBe(NA);
    expect(h2ShareOfAnnualPlan(withMonth(12, -20), 180)).toEqual({
      kind: "invalidValue",
      error: "#NUM!",
      message: "Plan for month 12 is negative (-20); it cannot be below zero.",
    });
  });

  it("…and #N/A in month 7 too, the first month of H2", () => {
    expect(h2ShareOfAnnualPlan(withMonth(7, NA), 180)).toBe(NA);
  });

  it("a problem in months 1-6 does not spoil the H2 share", () => {
    expect(h2ShareOfAnnualPlan(withMonth(3, NA), 180)).toBeCloseTo(120 / 180, 12);
    expect(h2ShareOfAnnualPlan(withMonth(6, -10), 180)).toBeCloseTo(120 / 180, 12);
  });

  it("an H2 sum beyond a double's range is #NUM!, not Infinity", () => {
    expect(h2ShareOfAnnualPlan([...blanks(6), 1.7e308, 1.7e308, ...blanks(4)], 1)).toEqual(
      tooLarge("The sum of the plan months"),
    );
  });
});

describe("sumMonths", () => {
  it("sums an inclusive 1-based range", () => {
    expect(sumMonths(PLAN, 7, 12, "Plan")).toBe(120);
    expect(sumMonths(PLAN, 2, 3, "Plan")).toBe(20);
  });

  it("allows negatives only when asked", () => {
    expect(sumMonths([5, -2], 1, 2, "Actual", true)).toBe(3);
    expect(sumMonths([5, -2], 1, 2, "Plan")).toEqual({
      kind: "invalidValue",
      error: "#NUM!",
      message: "Plan for month 2 is negative (-2); it cannot be below zero.",
    });
  });
});

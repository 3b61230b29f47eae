import { describe, expect, it } from "vitest";
import {
  forecastByMethod,
  forecastDeliveryRatio,
  forecastRemainingPlan,
  forecastRunRate,
  forecastShortfall,
  forecastShortfallPct,
} from "../../src/core/forecast";
import type { Num } from "../../src/core/problem";
import { readCell } from "../../src/core/readCell";

const NA = readCell("#N/A", "Annual plan in row 3");
const monthsMessage = (k: number) => `Months elapsed must be a whole number from 1 (April) to 12 (March); got ${k}.`;
const tooLarge = (what: string) => ({
  kind: "invalidValue",
  error: "#NUM!",
  message: `${what} is too large to work out from these values.`,
});

describe("forecastRunRate (ytd_actual × 12 / k)", () => {
  it.each([
    [30, 6, 60],
    [10, 3, 40],
    [300, 4, 900],
    [75, 1, 900],
    [1100, 12, 1100],
    [-6, 6, -12],
    [0, 5, 0],
  ])("actual %s after %s months → %s", (actual, k, expected) => {
    expect(forecastRunRate(actual, k)).toBe(expected);
  });

  it.each([[0], [13], [2.5], [-1]])("months elapsed %s is invalid", (k) => {
    expect(forecastRunRate(30, k)).toEqual({ kind: "invalidValue", error: "#VALUE!", message: monthsMessage(k) });
  });

  it("an invalid months elapsed is a problem even when the actual is blank", () => {
    expect(forecastRunRate(null, 13)).toMatchObject({ kind: "invalidValue" });
  });

  it("blank actual or blank months → blank", () => {
    expect(forecastRunRate(null, 6)).toBeNull();
    expect(forecastRunRate(30, null)).toBeNull();
  });

  it("a problem in either input passes through", () => {
    expect(forecastRunRate(NA, 6)).toBe(NA);
    expect(forecastRunRate(30, NA)).toBe(NA);
  });
});

describe("forecastRemainingPlan (ytd_actual + annual − ytd_plan)", () => {
  it.each([
    [120, 40, 30, 110],
    [120, 40, 40, 120],
    [120, 40, 50, 130],
    [100, 100, 90, 90],
    [100, 0, 0, 100],
    [120, 40, -4, 76],
  ])("annual %s, ytd plan %s, actual %s → %s", (annual, plan, actual, expected) => {
    expect(forecastRemainingPlan(annual, plan, actual)).toBe(expected);
  });

  it("a YTD plan above the annual plan leaves nothing to come: the forecast is the actual", () => {
    // remaining = max(100 − 120, 0) = 0, so 90 + 0 = 90 (and 50 + 0 = 50), not 90 − 20 = 70.
    expect(forecastRemainingPlan(100, 120, 90)).toBe(90);
    expect(forecastRemainingPlan(100, 120, 50)).toBe(50);
    // Only by rounding above: phased months summing to 0.30000000000000004 of a plan of 0.3.
    expect(forecastRemainingPlan(0.3, 0.1 + 0.2, 0.25)).toBe(0.25);
  });

  it("negative plans are an invalid value, #NUM!", () => {
    expect(forecastRemainingPlan(-100, 40, 30)).toEqual({
      kind: "invalidValue",
      error: "#NUM!",
      message: "Annual plan is negative (-100); it cannot be below zero.",
    });
    expect(forecastRemainingPlan(100, -40, 30)).toEqual({
      kind: "invalidValue",
      error: "#NUM!",
      message: "YTD plan is negative (-40); it cannot be below zero.",
    });
  });
});

describe("forecastDeliveryRatio (ytd_actual + r × (annual − ytd_plan), r = actual / ytd plan)", () => {
  it.each([
    [120, 40, 30, 90],
    [120, 40, 40, 120],
    [120, 40, 60, 180],
    [1000, 400, 100, 250],
    [100, 100, 90, 90],
    [120, 40, -4, -12],
    [120, 40, 0, 0],
  ])("annual %s, ytd plan %s, actual %s → %s", (annual, plan, actual, expected) => {
    expect(forecastDeliveryRatio(annual, plan, actual)).toBe(expected);
  });

  it.each([
    [100, 0, 10, 110],
    [120, 0, 5, 125],
    [120, 0, 0, 120],
    [120, 0, -4, 116],
    [0, 0, 7, 7],
  ])(
    "a zero YTD plan takes r = 1, the remaining-plan forecast: annual %s, ytd plan %s, actual %s → %s",
    (annual, plan, actual, expected) => {
      expect(forecastDeliveryRatio(annual, plan, actual)).toBe(expected);
      expect(forecastDeliveryRatio(annual, plan, actual)).toBe(forecastRemainingPlan(annual, plan, actual));
    },
  );

  it("a YTD plan above the annual plan leaves nothing to come: the forecast is the actual", () => {
    // r = 90 / 120 = 0.75, remaining = max(100 − 120, 0) = 0: 90 + 0.75 × 0 = 90.
    expect(forecastDeliveryRatio(100, 120, 90)).toBe(90);
    // r = 50 / 120, remaining 0: 50, not 50 + (50 / 120) × (−20) ≈ 41.67.
    expect(forecastDeliveryRatio(100, 120, 50)).toBe(50);
  });

  it("negative plans are an invalid value, #NUM!", () => {
    expect(forecastDeliveryRatio(-100, 40, 30)).toEqual({
      kind: "invalidValue",
      error: "#NUM!",
      message: "Annual plan is negative (-100); it cannot be below zero.",
    });
    expect(forecastDeliveryRatio(100, -40, 30)).toEqual({
      kind: "invalidValue",
      error: "#NUM!",
      message: "YTD plan is negative (-40); it cannot be below zero.",
    });
  });
});

describe("forecastByMethod", () => {
  // annual 120, YTD plan 40, YTD actual 30, 3 months: the three methods disagree.
  it.each([
    ["runRate", 120],
    ["remainingPlan", 110],
    ["deliveryRatio", 90],
  ] as const)("%s → %s", (method, expected) => {
    expect(forecastByMethod(method, 120, 40, 30, 3)).toBe(expected);
  });

  it("plan-based methods with nothing planned to date or a YTD plan above the annual plan", () => {
    // annual 100, YTD plan 0, actual 10: both plan-based methods give 10 + 100 = 110.
    expect(forecastByMethod("remainingPlan", 100, 0, 10, 1)).toBe(110);
    expect(forecastByMethod("deliveryRatio", 100, 0, 10, 1)).toBe(110);
    // annual 100, YTD plan 120, actual 90: nothing still to come, both give 90.
    expect(forecastByMethod("remainingPlan", 100, 120, 90, 11)).toBe(90);
    expect(forecastByMethod("deliveryRatio", 100, 120, 90, 11)).toBe(90);
  });

  it("run rate does not need the plans", () => {
    expect(forecastByMethod("runRate", null, null, 30, 3)).toBe(120);
  });
});

const BLANK_CASES: [Num, Num, Num][] = [
  [null, 40, 30],
  [120, null, 30],
  [120, 40, null],
];

describe("forecast blanks", () => {
  it.each(BLANK_CASES)("forecastDeliveryRatio(%s, %s, %s) → blank", (a, p, x) => {
    expect(forecastDeliveryRatio(a, p, x)).toBeNull();
  });

  it.each(BLANK_CASES)("forecastRemainingPlan(%s, %s, %s) → blank", (a, p, x) => {
    expect(forecastRemainingPlan(a, p, x)).toBeNull();
  });

  it.each([
    [null, 50],
    [100, null],
  ])("forecastShortfall(%s, %s) → blank", (a, f) => {
    expect(forecastShortfall(a, f)).toBeNull();
  });

  it.each([
    [null, 10],
    [100, null],
  ])("forecastShortfallPct(%s, %s) → blank", (a, f) => {
    expect(forecastShortfallPct(a, f)).toBeNull();
  });
});

describe.each<[string, (annual: Num, plan: Num, actual: Num) => Num]>([
  ["forecastRemainingPlan", forecastRemainingPlan],
  ["forecastDeliveryRatio", forecastDeliveryRatio],
])("%s: problems", (_name, fn) => {
  it("#N/A stays #N/A", () => {
    expect(fn(NA, 40, 30)).toBe(NA);
    expect(fn(120, NA, 30)).toBe(NA);
    expect(fn(120, 40, NA)).toBe(NA);
  });

  it("a problem wins over a blank", () => {
    expect(fn(null, 40, NA)).toBe(NA);
  });
});

describe("forecastShortfall (max(annual − forecast, 0))", () => {
  it.each([
    [100, 92, 8],
    [100, 105, 0],
    [100, 100, 0],
    [100, -10, 110],
    [0, 0, 0],
  ])("annual %s, forecast %s → %s", (annual, forecast, expected) => {
    expect(forecastShortfall(annual, forecast)).toBe(expected);
  });

  it("problems pass through; negative annual is an invalid value, #NUM!", () => {
    expect(forecastShortfall(NA, 50)).toBe(NA);
    expect(forecastShortfall(50, NA)).toBe(NA);
    expect(forecastShortfall(-100, 50)).toEqual({
      kind: "invalidValue",
      error: "#NUM!",
      message: "Annual plan is negative (-100); it cannot be below zero.",
    });
  });
});

describe("forecastShortfallPct (shortfall / annual)", () => {
  it.each([
    [100, 92, 0.08],
    [200, 150, 0.25],
    [100, 95, 0.05],
    [100, 90, 0.1],
    [100, 105, 0],
    [100, -10, 1.1],
  ])("annual %s, forecast %s → %s", (annual, forecast, expected) => {
    expect(forecastShortfallPct(annual, forecast)).toBeCloseTo(expected, 12);
  });

  it("a zero annual plan is #DIV/0!", () => {
    expect(forecastShortfallPct(0, 10)).toEqual({
      kind: "divideByZero",
      error: "#DIV/0!",
      message: "Forecast shortfall % needs an annual plan above zero; the annual plan is 0.",
    });
  });

  it("problems pass through", () => {
    expect(forecastShortfallPct(100, NA)).toBe(NA);
    expect(forecastShortfallPct(NA, 10)).toBe(NA);
  });
});

describe("extreme but finite inputs give a finite number or #NUM!", () => {
  it("the run-rate forecast beyond a double", () => {
    expect(forecastRunRate(1.7e308, 1)).toEqual(tooLarge("The run-rate forecast"));
    expect(forecastRunRate(-1.7e308, 1)).toEqual(tooLarge("The run-rate forecast"));
    expect(forecastRunRate(1e307, 12)).toBe(1e307);
  });

  it("the remaining-plan forecast beyond a double", () => {
    expect(forecastRemainingPlan(1.7e308, 0, 1.7e308)).toEqual(tooLarge("The remaining-plan forecast"));
  });

  it("the delivery-ratio forecast beyond a double", () => {
    // actual / YTD plan = 1 / 5e-324 overflows; so does r × the plan still to come.
    expect(forecastDeliveryRatio(1.7e308, 5e-324, 1)).toEqual(tooLarge("The delivery-ratio forecast"));
    // Infinity × 0 would be NaN: with nothing still to come the ratio is never a number.
    const r = forecastDeliveryRatio(5e-324, 5e-324, 1);
    if (typeof r === "number") expect(r).toBe(1);
    else expect(r).toEqual(tooLarge("The delivery-ratio forecast"));
  });

  it("the forecast shortfall and its % beyond a double", () => {
    expect(forecastShortfall(1.7e308, -1.7e308)).toEqual(tooLarge("The forecast shortfall"));
    expect(forecastShortfallPct(5e-324, -1)).toEqual(tooLarge("Forecast shortfall %"));
  });

  it.each([
    ["runRate", 1.7e308, 0, 1.7e308, 1, "The run-rate forecast"],
    ["remainingPlan", 1.7e308, 0, 1.7e308, 1, "The remaining-plan forecast"],
    ["deliveryRatio", 1.7e308, 5e-324, 1, 1, "The delivery-ratio forecast"],
  ] as const)("forecastByMethod(%s) passes the #NUM! on", (method, annual, plan, actual, k, what) => {
    expect(forecastByMethod(method, annual, plan, actual, k)).toEqual(tooLarge(what));
  });
});

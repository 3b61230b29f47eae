import { describe, expect, it } from "vitest";
import { analyseTracker } from "../../../src/core/analyseTracker";
import { monthlyTotals } from "../../../src/core/history/monthlyTotals";
import { monthlyTrajectory, type TrajectoryInput } from "../../../src/core/history/trajectory";
import { MONTHS } from "../../../src/core/fields";
import { recogniseColumns } from "../../../src/core/recogniseColumns";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";

const plan = [10, 10, 10, 10, 10, 10, 20, 20, 20, 20, 20, 20]; // 180, back-loaded
const actual = [10, 8, 9, 12, 8, 7, NaN, NaN, NaN, NaN, NaN, NaN];
const input: TrajectoryInput = {
  planMonths: plan,
  actualMonths: actual,
  monthsElapsed: 6,
  forecast: 144,
  forecastBasis: "projected",
  forecastMethod: "deliveryRatio",
};

function trajectory(over: Partial<TrajectoryInput> = {}) {
  const result = monthlyTrajectory({ ...input, ...over });
  if (!("trajectory" in result)) throw new Error(result.reason);
  return result.trajectory;
}

describe("monthly trajectory", () => {
  it("gives each month's variance, the cumulative lines and the months behind plan", () => {
    const t = trajectory();
    expect(t.months.slice(0, 6).map((m) => m.variance)).toEqual([0, -2, -1, 2, -2, -3]);
    expect(t.months.map((m) => m.cumulativePlan).at(-1)).toBe(180);
    expect(t.months[5].cumulativeActual).toBe(54);
    expect(t.months[6].cumulativeActual).toBeNull();
    expect(t.monthsBehind).toEqual(["May", "Jun", "Jul", "Aug", "Sep"]);
    expect(t.chart.categories).toEqual([...MONTHS]);
    expect(t.chart.series.map((s) => s.name)).toEqual(["Plan (cumulative)", "Actual (cumulative)", "Forecast (cumulative)"]);
    expect(t.chart.series[2].values.slice(0, 5).every((v) => v === null)).toBe(true);
    expect(t.table[0]).toEqual([
      "Month",
      "Plan",
      "Actual",
      "Variance",
      "Cumulative plan",
      "Cumulative actual",
      "Cumulative forecast",
    ]);
    expect(t.table).toHaveLength(13);
  });

  it("spreads the forecast still to come as the plan is phased, ending at the forecast", () => {
    const t = trajectory();
    // 144 − 54 = 90 over six equal plan months of 20: 15 a month.
    expect(t.months.slice(5).map((m) => m.cumulativeForecast)).toEqual([54, 69, 84, 99, 114, 129, 144]);
  });

  it("spreads a run-rate forecast evenly, and a reported one as planned", () => {
    const uneven = [...plan.slice(0, 6), 10, 10, 10, 10, 10, 40];
    const runRate = trajectory({ planMonths: uneven, forecast: 108, forecastMethod: "runRate" });
    expect(runRate.months.slice(6).map((m) => m.cumulativeForecast)).toEqual([63, 72, 81, 90, 99, 108]);
    const reported = trajectory({ planMonths: uneven, forecast: 144, forecastMethod: "runRate", forecastBasis: "reported" });
    expect(reported.months.slice(6).map((m) => m.cumulativeForecast)).toEqual([64, 74, 84, 94, 104, 144]);
  });

  it("says why there is no trajectory without the month columns", () => {
    expect(monthlyTrajectory({ ...input, planMonths: [...plan.slice(0, 11), NaN] })).toEqual({
      reason: expect.stringContaining("twelve months"),
    });
    expect(monthlyTrajectory({ ...input, actualMonths: [10, NaN, ...actual.slice(2)] })).toEqual({
      reason: expect.stringContaining("April to Sep"),
    });
  });

  it("adds up the month columns of the data rows in the working unit, totals left out", () => {
    const header = [
      "Organisation",
      "Annual plan £k",
      ...MONTHS.map((m) => `${m} plan`),
      ...MONTHS.slice(0, 2).map((m) => `${m} actual`),
    ];
    const rows = [
      ["A", 120, ...new Array(12).fill(10), 9, 11],
      ["B", 24, ...new Array(12).fill(2), 2, "oops"],
      ["Total", 144, ...new Array(12).fill(12), 11, 11],
    ];
    const layout = recogniseColumns(header);
    const analysis = analyseTracker(rows, layout, { ...DEFAULT_SETTINGS, monthsElapsed: 2 });
    const totals = monthlyTotals(analysis, rows, layout);
    expect(totals.planMonths).toEqual(new Array(12).fill(12));
    expect(totals.actualMonths.slice(0, 2)).toEqual([11, 11]);
    expect(totals.actualMonths.slice(2).every(Number.isNaN)).toBe(true);
    expect(totals.cellsLeftOut).toBe(1);
  });
});

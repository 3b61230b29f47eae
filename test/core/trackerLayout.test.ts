import { describe, expect, it } from "vitest";
import { PLAN_MONTH_FIELDS, type Field } from "../../src/core/fields";
import { unitFactors, usesActualMonths, usesPlanMonths, workingUnit } from "../../src/core/trackerLayout";

describe("the working unit and unit factors", () => {
  it("work in the annual plan's unit, else the first money column's, else £", () => {
    expect(workingUnit({ columns: { annualPlan: 1, ytdPlan: 2 }, units: { annualPlan: "£m", ytdPlan: "£k" } })).toBe("£m");
    expect(workingUnit({ columns: { ytdPlan: 2, ytdActual: 3 }, units: { ytdPlan: "£k", ytdActual: "£m" } })).toBe("£k");
    expect(workingUnit({ columns: { ytdPlan: 2 } })).toBe("£");
  });

  it("give a factor for each mapped column in another unit, and none for the rest", () => {
    const layout = {
      columns: { annualPlan: 1, ytdPlan: 2, turnover: 3, planM1: 4 },
      units: { annualPlan: "£k", ytdPlan: "£k", turnover: "£m", planM1: "£", forecast: "£m" },
    } as const;
    expect(unitFactors(layout)).toEqual({ turnover: 1000, planM1: 0.001 });
  });
});

describe("which monthly columns are used", () => {
  const allPlanMonths = Object.fromEntries(PLAN_MONTH_FIELDS.map((f, i) => [f, i])) as Partial<Record<Field, number>>;

  it("uses the plan phasing only with all twelve months", () => {
    expect(usesPlanMonths(allPlanMonths)).toBe(true);
    expect(usesPlanMonths({ ...allPlanMonths, planM12: undefined })).toBe(false);
  });

  it("uses monthly actuals only with every month to date, whatever the columns hold", () => {
    expect(usesActualMonths({ actualM1: "D", actualM2: "E" }, 2)).toBe(true);
    expect(usesActualMonths({ actualM1: "D", actualM2: "E" }, 3)).toBe(false);
  });
});

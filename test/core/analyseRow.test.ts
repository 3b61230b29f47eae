import { describe, expect, it } from "vitest";
import { analyseRow, emptyRowInput, type RowInput, type RowResult } from "../../src/core/analyseRow";
import { flagNames } from "../../src/core/flags";
import { METRIC_NAMES, RAG_NAMES } from "../../src/core/metrics";
import { isProblem, type Num, type Problem } from "../../src/core/problem";
import { readCell } from "../../src/core/readCell";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";

const S4: Settings = { ...DEFAULT_SETTINGS, monthsElapsed: 4 };

// Row A, four months in: every column filled, a reported forecast.
const ROW_A: RowInput = {
  ...emptyRowInput(),
  annualPlan: 1200,
  ytdPlan: 400,
  ytdActual: 300,
  forecast: 1000,
  recurrent: 600,
  nonRecurrent: 200,
  unidentified: 150,
  turnover: 30000,
  surplusDeficit: -50,
};

// Row B: YTD plan and actual from monthly columns; a back-loaded plan (800 of 1200 in H2).
const ROW_B: RowInput = {
  ...emptyRowInput(),
  annualPlan: 1200,
  recurrent: 700,
  nonRecurrent: 300,
  unidentified: 0,
  turnover: 20000,
  surplusDeficit: 10,
  planMonths: [50, 50, 50, 50, 100, 100, 130, 130, 130, 130, 130, 150],
  actualMonths: [40, 40, 30, 40, null, null, null, null, null, null, null, null],
};

function expectNumbers(result: RowResult, expected: Partial<Record<keyof RowResult, number | null>>) {
  for (const [key, value] of Object.entries(expected)) {
    const actual = result[key as keyof RowResult];
    if (value === null) expect(actual, key).toBeNull();
    else expect(actual, key).toBeCloseTo(value, 9);
  }
}

describe("analyseRow: a complete worked row", () => {
  const r = analyseRow(ROW_A, S4, true);

  it("YTD metrics", () => {
    expectNumbers(r, {
      ytdPlanUsed: 400,
      ytdActualUsed: 300,
      variance: -100,
      shortfall: 100,
      shortfallPct: 0.25,
      deliveryPct: 0.75,
      progressPct: 0.25,
    });
  });

  it("forecasts by each method, and the reported forecast used for the shortfall", () => {
    expectNumbers(r, {
      forecastRunRate: 900,
      forecastRemainingPlan: 1100,
      forecastDeliveryRatio: 900,
      forecastUsed: 1000,
      forecastShortfall: 200,
      forecastShortfallPct: 0.1666666667,
    });
  });

  it("shares and run rates", () => {
    expectNumbers(r, {
      cipOfTurnover: 0.04,
      nonRecurrentShare: 0.25,
      unidentifiedShare: 0.125,
      h2Share: null,
      requiredRunRate: 112.5,
      achievedRunRate: 75,
      runRateRatio: 1.5,
    });
  });

  it("RAGs", () => {
    expect(r.deliveryRag).toBe("Red");
    expect(r.forecastRag).toBe("Red");
    expect(r.cipOfTurnoverRag).toBe("Green");
    expect(r.nonRecurrentRag).toBe("Green");
    expect(r.unidentifiedRag).toBe("Amber");
    expect(r.h2ShareRag).toBeNull();
    expect(r.runRateRag).toBe("Green");
  });

  it("flags", () => {
    expect(flagNames(r.flags)).toEqual(["BEHIND_PLAN", "DEFICIT"]);
  });

  it("has every metric, every RAG and the flags", () => {
    expect(Object.keys(r).sort()).toEqual([...METRIC_NAMES, ...RAG_NAMES, "flags"].sort());
  });
});

describe("analyseRow: YTD from the monthly columns", () => {
  const r = analyseRow(ROW_B, S4, false);

  it("YTD plan and actual are the sums of months 1..k", () => {
    expectNumbers(r, {
      ytdPlanUsed: 200,
      ytdActualUsed: 150,
      variance: -50,
      shortfall: 50,
      shortfallPct: 0.25,
      deliveryPct: 0.75,
      progressPct: 0.125,
    });
  });

  it("no forecast column: the delivery-ratio projection is used", () => {
    expectNumbers(r, {
      forecastRunRate: 450,
      forecastRemainingPlan: 1150,
      forecastDeliveryRatio: 900,
      forecastUsed: 900,
      forecastShortfall: 300,
      forecastShortfallPct: 0.25,
    });
  });

  it("H2 share, shares and run rates", () => {
    expectNumbers(r, {
      cipOfTurnover: 0.06,
      nonRecurrentShare: 0.3,
      unidentifiedShare: 0,
      h2Share: 0.6666666667,
      requiredRunRate: 131.25,
      achievedRunRate: 37.5,
      runRateRatio: 3.5,
    });
    expect(r.cipOfTurnoverRag).toBe("Red");
    expect(r.nonRecurrentRag).toBe("Amber");
    expect(r.unidentifiedRag).toBe("Green");
    expect(r.h2ShareRag).toBe("Red");
    expect(r.runRateRag).toBe("Red");
    expect(r.forecastRag).toBe("Red");
  });

  it("flags", () => {
    expect(flagNames(r.flags)).toEqual(["BEHIND_PLAN", "UNDER_FIFTH", "BACK_LOADED"]);
  });

  it("a YTD plan column wins over the phasing", () => {
    const both = analyseRow({ ...ROW_B, ytdPlan: 300, ytdActual: 240 }, S4, false);
    expect(both.ytdPlanUsed).toBe(300);
    expect(both.ytdActualUsed).toBe(240);
    expect(both.h2Share).toBeCloseTo(0.6666666667, 9);
  });

  it("months elapsed from the settings drives the sums", () => {
    const r6 = analyseRow(ROW_B, { ...S4, monthsElapsed: 6 }, false);
    expect(r6.ytdPlanUsed).toBe(400);
    expect(r6.ytdActualUsed).toBe(150);
  });
});

describe("analyseRow: which forecast the shortfall uses", () => {
  it.each([
    ["deliveryRatio", 900, 300, 0.25, "Red"],
    ["runRate", 900, 300, 0.25, "Red"],
    ["remainingPlan", 1100, 100, 0.0833333333, "Amber"],
  ] as const)("projected, method %s → forecast %s, shortfall %s (%s, %s)", (method, used, shortfall, pct, rag) => {
    const r = analyseRow(ROW_A, { ...S4, forecastBasis: "projected", forecastMethod: method }, true);
    expectNumbers(r, { forecastUsed: used, forecastShortfall: shortfall, forecastShortfallPct: pct });
    expect(r.forecastRag).toBe(rag);
  });

  it("reported basis but no forecast column → the projection", () => {
    const r = analyseRow(ROW_A, { ...S4, forecastMethod: "remainingPlan" }, false);
    expect(r.forecastUsed).toBe(1100);
  });

  it("reported basis with a forecast column → the reported forecast whatever the method", () => {
    const r = analyseRow(ROW_A, { ...S4, forecastMethod: "runRate" }, true);
    expect(r.forecastUsed).toBe(1000);
  });

  it("a blank reported forecast gives a blank forecast shortfall and RAG", () => {
    const r = analyseRow({ ...ROW_A, forecast: null }, S4, true);
    expect(r.forecastUsed).toBeNull();
    expect(r.forecastShortfall).toBeNull();
    expect(r.forecastShortfallPct).toBeNull();
    expect(r.forecastRag).toBeNull();
  });
});

describe("analyseRow: blanks", () => {
  it("an empty row has every metric and RAG blank and no flags", () => {
    const r = analyseRow(emptyRowInput(), S4, true);
    for (const m of METRIC_NAMES) expect(r[m], m).toBeNull();
    for (const g of RAG_NAMES) expect(r[g], g).toBeNull();
    expect(r.flags).toBe(0);
  });

  it("a blank turnover leaves only CIP % of turnover blank", () => {
    const r = analyseRow({ ...ROW_A, turnover: null }, S4, true);
    expect(r.cipOfTurnover).toBeNull();
    expect(r.cipOfTurnoverRag).toBeNull();
    expect({ ...r, cipOfTurnover: 0.04, cipOfTurnoverRag: "Green" }).toEqual(analyseRow(ROW_A, S4, true));
  });

  it("a blank annual plan blanks the forecasts that need it but not the run-rate forecast", () => {
    const r = analyseRow({ ...ROW_A, annualPlan: null }, { ...S4, forecastBasis: "projected" }, true);
    expect(r.forecastDeliveryRatio).toBeNull();
    expect(r.requiredRunRate).toBeNull();
    expect(r.runRateRatio).toBeNull();
    expect(r.forecastRunRate).toBe(900);
    expect(r.deliveryPct).toBe(0.75);
  });
});

describe("analyseRow: problems", () => {
  const NA = readCell("#N/A", "YTD plan in row 7") as Problem;

  it("#N/A in the YTD plan stays #N/A in everything built on it", () => {
    const r = analyseRow({ ...ROW_A, ytdPlan: NA }, S4, true);
    for (const m of [
      "ytdPlanUsed",
      "variance",
      "shortfall",
      "shortfallPct",
      "deliveryPct",
      "forecastRemainingPlan",
      "forecastDeliveryRatio",
    ] as const) {
      expect(r[m], m).toBe(NA);
    }
    expect(r.deliveryRag).toBe(NA);
    expect(NA.message).toBe("YTD plan in row 7 is the error #N/A.");
    // Metrics that do not need the YTD plan are unaffected.
    expect(r.progressPct).toBe(0.25);
    expect(r.forecastRunRate).toBe(900);
    expect(r.forecastShortfall).toBe(200);
    expect(flagNames(r.flags)).toEqual(["DEFICIT"]);
  });

  it("text in the YTD actual is #VALUE! naming the value", () => {
    const text = readCell("tbc", "YTD actual in row 7");
    const r = analyseRow({ ...ROW_A, ytdActual: text }, S4, true);
    expect(r.variance).toEqual({
      kind: "notANumber",
      error: "#VALUE!",
      message: 'YTD actual in row 7 is the text "tbc", not a number.',
    });
    expect(r.runRateRag).toBe(text);
  });

  it("#N/A in one plan month makes the phased YTD plan #N/A", () => {
    const months: Num[] = [...(ROW_B.planMonths as Num[])];
    months[1] = NA;
    const r = analyseRow({ ...ROW_B, planMonths: months }, S4, false);
    expect(r.ytdPlanUsed).toBe(NA);
    expect(r.deliveryPct).toBe(NA);
    // Only the months summed can spoil a sum: the second half (months 7-12) is still known.
    expect(r.h2Share).toBeCloseTo(800 / 1200, 12);
    expect(r.h2ShareRag).toBe("Red");
  });

  it("#N/A in a second-half month spoils the H2 share but not the plan to date", () => {
    const months: Num[] = [...(ROW_B.planMonths as Num[])];
    months[8] = NA;
    const r = analyseRow({ ...ROW_B, planMonths: months }, S4, false);
    expect(r.ytdPlanUsed).toBe(200);
    expect(r.deliveryPct).toBe(0.75);
    expect(r.h2Share).toBe(NA);
    expect(r.h2ShareRag).toBe(NA);
  });

  it.each([
    ["#N/A", NA],
    ["a negative plan", -150],
  ] as const)("%s in month 12 leaves the month-3 YTD plan known and makes the H2 share a problem", (_name, value) => {
    const months: Num[] = [...(ROW_B.planMonths as Num[])];
    months[11] = value;
    const r = analyseRow({ ...ROW_B, planMonths: months }, { ...S4, monthsElapsed: 3 }, false);
    expect(r.ytdPlanUsed).toBe(150);
    expect(r.ytdActualUsed).toBe(110);
    expect(r.deliveryPct).toBeCloseTo(110 / 150, 12);
    expect(isProblem(r.h2Share)).toBe(true);
    if (value === NA) expect(r.h2Share).toBe(NA);
    else {
      expect(r.h2Share).toEqual({
        kind: "invalidValue",
        error: "#NUM!",
        message: "Plan for month 12 is negative (-150); it cannot be below zero.",
      });
    }
    expect(r.h2ShareRag).toEqual(r.h2Share);
    expect(flagNames(r.flags)).not.toContain("BACK_LOADED");
  });

  it("a negative YTD plan is an invalid value, #NUM!", () => {
    const r = analyseRow({ ...ROW_A, ytdPlan: -400 }, S4, true);
    const negative = {
      kind: "invalidValue",
      error: "#NUM!",
      message: "YTD plan is negative (-400); it cannot be below zero.",
    };
    expect(r.variance).toEqual(negative);
    expect(r.deliveryPct).toEqual(negative);
    expect(r.deliveryRag).toEqual(negative);
    expect(r.forecastRemainingPlan).toEqual(negative);
    expect(r.forecastDeliveryRatio).toEqual(negative);
  });

  it("a negative YTD actual is a reversal, not a problem", () => {
    const r = analyseRow({ ...ROW_A, ytdActual: -20 }, S4, true);
    expectNumbers(r, {
      variance: -420,
      shortfall: 420,
      shortfallPct: 1.05,
      deliveryPct: -0.05,
      progressPct: -0.0166666667,
      forecastRunRate: -60,
      forecastRemainingPlan: 780,
      forecastDeliveryRatio: -60,
    });
    expect(r.deliveryRag).toBe("Red");
    expect(r.runRateRatio).toMatchObject({ kind: "invalidValue" });
    expect(flagNames(r.flags)).toEqual(["BEHIND_PLAN", "SEVERELY_BEHIND", "UNDER_FIFTH", "DEFICIT", "DISTRESS"]);
  });

  it("a YTD plan above the annual plan leaves nothing to come: the plan-based forecasts are the actual", () => {
    // annual 300, YTD plan 400, actual 240: remaining max(300 − 400, 0) = 0, so both forecasts are
    // 240 (delivery ratio 240 + 0.6 × 0); the forecast shortfall is 300 − 240 = 60, 20% → Red.
    const r = analyseRow({ ...ROW_A, annualPlan: 300, ytdActual: 240 }, { ...S4, forecastBasis: "projected" }, true);
    expectNumbers(r, {
      forecastRemainingPlan: 240,
      forecastDeliveryRatio: 240,
      forecastUsed: 240,
      forecastShortfall: 60,
      forecastShortfallPct: 0.2,
      forecastRunRate: 720,
      variance: -160,
    });
    expect(r.forecastRag).toBe("Red");
    const remaining = analyseRow(
      { ...ROW_A, annualPlan: 300, ytdActual: 240 },
      { ...S4, forecastBasis: "projected", forecastMethod: "remainingPlan" },
      true,
    );
    expect(remaining.forecastUsed).toBe(240);
  });

  it("a zero YTD plan takes the delivery ratio as 1: the remaining-plan forecast", () => {
    // annual 1200, YTD plan 0, actual 300: 300 + (1200 − 0) = 1500 by both plan-based methods.
    const r = analyseRow({ ...ROW_A, ytdPlan: 0 }, { ...S4, forecastBasis: "projected" }, true);
    expectNumbers(r, { forecastRemainingPlan: 1500, forecastDeliveryRatio: 1500, forecastUsed: 1500, forecastShortfall: 0 });
    expect(r.deliveryPct).toMatchObject({ kind: "divideByZero", error: "#DIV/0!" });
  });

  it("zero denominators are #DIV/0!, never 0, NaN or Infinity", () => {
    const r = analyseRow(
      { ...ROW_A, annualPlan: 0, ytdPlan: 0, ytdActual: 0, turnover: 0, recurrent: 0, nonRecurrent: 0 },
      S4,
      false,
    );
    for (const m of [
      "shortfallPct",
      "deliveryPct",
      "progressPct",
      "forecastShortfallPct",
      "cipOfTurnover",
      "nonRecurrentShare",
      "unidentifiedShare",
      "runRateRatio",
    ] as const) {
      expect(isProblem(r[m]) && (r[m] as Problem).error, m).toBe("#DIV/0!");
    }
    // The delivery-ratio forecast divides by nothing any more: with the YTD plan 0, r = 1 and the
    // forecast is 0 + (0 − 0) = 0; the required run rate is max(0 − 0, 0) / 8 = 0.
    expect(r.forecastDeliveryRatio).toBe(0);
    expect(r.forecastUsed).toBe(0);
    expect(r.requiredRunRate).toBe(0);
  });
});

describe("analyseRow: the composite distress flag", () => {
  const base: RowInput = { ...ROW_A, annualPlan: 1000, ytdPlan: 400, ytdActual: 150, surplusDeficit: -5 };

  it("under a fifth, severely behind and in deficit → DISTRESS", () => {
    expect(flagNames(analyseRow(base, S4, true).flags)).toContain("DISTRESS");
  });

  it.each([
    ["in surplus", { surplusDeficit: 5 }],
    ["a fifth made", { annualPlan: 700 }],
    ["not severely behind", { ytdPlan: 290 }],
  ])("%s → no DISTRESS", (_name, change) => {
    expect(flagNames(analyseRow({ ...base, ...change }, S4, true).flags)).not.toContain("DISTRESS");
  });
});

describe("analyseRow: reusing the result object", () => {
  it("gives the same result as a fresh object", () => {
    const out = analyseRow(ROW_A, S4, true);
    analyseRow(ROW_B, S4, false, out);
    expect(out).toEqual(analyseRow(ROW_B, S4, false));
  });
});

describe("analyseRow: values exactly on a cut-off in £m decimals", () => {
  it("a £1m plan with a £0.95m reported forecast (exactly 5% short) is green", () => {
    const r = analyseRow({ ...ROW_A, annualPlan: 1, forecast: 0.95 }, S4, true);
    expect(r.forecastRag).toBe("Green");
  });

  it("£0.3m phased as £0.1m in each of three months, all delivered, is not behind plan", () => {
    const r = analyseRow(
      { ...emptyRowInput(), annualPlan: 0.3, ytdActual: 0.3, planMonths: [0.1, 0.1, 0.1, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
      { ...S4, monthsElapsed: 6 },
      false,
    );
    expect(flagNames(r.flags)).not.toContain("BEHIND_PLAN");
  });

  it("…and its plan-based forecasts are the annual plan, not a problem", () => {
    const r = analyseRow(
      { ...emptyRowInput(), annualPlan: 0.3, ytdActual: 0.3, planMonths: [0.1, 0.1, 0.1, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
      { ...S4, monthsElapsed: 6 },
      false,
    );
    expect(r.forecastRemainingPlan).toBeCloseTo(0.3, 12);
    expect(r.forecastDeliveryRatio).toBeCloseTo(0.3, 12);
  });
});

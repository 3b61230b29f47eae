import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseTracker, type TrackerLayout } from "../../src/core/analyseTracker";
import { ALL_FIELDS } from "../../src/core/fields";
import { FLAGS, flagNames } from "../../src/core/flags";
import { METRIC_NAMES } from "../../src/core/metrics";
import { isProblem } from "../../src/core/problem";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";

const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });

// Trust, Region, Annual plan, YTD plan, YTD actual, Forecast, Surplus/(deficit)
const LAYOUT: TrackerLayout = {
  columns: { organisation: 0, group: 1, annualPlan: 2, ytdPlan: 3, ytdActual: 4, forecast: 5, surplusDeficit: 6 },
  units: { annualPlan: "£m", ytdPlan: "£m", ytdActual: "£m", forecast: "£m", surplusDeficit: "£m" },
};

const ROWS: unknown[][] = [
  ["North Staffs", "North", 24, 10, 4.8, 20, -3],
  ["Leeds", "North", 30, 12, 12.5, 30, 1],
  ["Newham", "London", 20, 10, 1.6, 12, -2],
  ["St George's", "London", 40, 16, 7.8, 35, 0.5],
];

describe("analyseTracker", () => {
  const a = analyseTracker(ROWS, LAYOUT, settings());

  it("returns one result per input row with each metric worked out", () => {
    expect(a.rowCount).toBe(4);
    expect(a.unit).toBe("£m");
    expect(a.metrics.variance.get(0)).toBeCloseTo(-5.2, 10);
    expect(a.metrics.shortfall.get(1)).toBe(0);
    expect(a.metrics.deliveryPct.get(2)).toBeCloseTo(0.16, 10);
    expect(a.metrics.progressPct.get(0)).toBeCloseTo(0.2, 10);
    // Reported forecast in use (the tracker has a forecast column): 24 − 20 = 4 short.
    expect(a.metrics.forecastUsed.get(0)).toBe(20);
    expect(a.metrics.forecastShortfall.get(0)).toBe(4);
    // Delivery-ratio projection: 4.8 + 0.48 × 14 = 11.52.
    expect(a.metrics.forecastDeliveryRatio.get(0)).toBeCloseTo(11.52, 10);
    expect(a.rag("deliveryRag", 1)).toBe("Green");
    expect(a.rag("deliveryRag", 3)).toBe("Red");
  });

  it("raises the distress flag only where all three tests hold", () => {
    // Newham: 1.6 < 0.2 × 20, 1.6 < 0.5 × 10, deficit.
    expect(flagNames(a.flags[2])).toEqual(["BEHIND_PLAN", "SEVERELY_BEHIND", "UNDER_FIFTH", "DEFICIT", "DISTRESS"]);
    // North Staffs made exactly 20% of its plan: not under a fifth, so not in distress.
    expect(a.flags[0] & FLAGS.UNDER_FIFTH).toBe(0);
    expect(a.flags[0] & FLAGS.DISTRESS).toBe(0);
  });

  it("rolls up totals and groups in order of first appearance", () => {
    const { total, groups } = a.rollup;
    expect(groups.map((g) => g.group)).toEqual(["North", "London"]);
    expect(total.organisations).toBe(4);
    expect(total.behindPlan).toBe(3);
    expect(total.behindPlanShare).toBeCloseTo(0.75, 10);
    expect(total.ytdPlan).toBeCloseTo(48, 10);
    expect(total.ytdActual).toBeCloseTo(26.7, 10);
    expect(total.shortfall).toBeCloseTo(5.2 + 8.4 + 8.2, 10);
    expect(total.deliveryPct).toBeCloseTo(26.7 / 48, 10);
    expect(total.flags.DEFICIT).toBe(2);
    expect(groups[0].deliveryPct).toBeCloseTo(17.3 / 22, 10);
    expect(groups[1].annualPlan).toBe(60);
  });

  it("lists the worst organisations by shortfall, largest first", () => {
    expect(a.worst.map((w) => [w.organisation, Number(w.shortfall.toFixed(6))])).toEqual([
      ["Newham", 8.4],
      ["St George's", 8.2],
      ["North Staffs", 5.2],
    ]);
  });

  it("writes headlines in the seed articles' style", () => {
    expect(a.headlines).toEqual([
      // Newham (1.6 of 20) and St George's (7.8 of 40); North Staffs made exactly a fifth (4.8 of 24).
      "3 of 4 organisations (75%) are behind plan to date; 2 have delivered less than a fifth of their annual plan; 1 meets all three distress tests.",
      // Net (Σ plan − Σ actual) and the sum of the shortfalls of those behind, both named.
      "Between them they planned £48m to date and delivered £26.7m, missing the plan by £21.3m (44%) net; those behind plan are £21.8m short between them (the sum of shortfalls), £500k of it offset by others ahead of plan.",
      "They forecast £97m against annual plans of £114m: all but 15% (£17m short).",
      "Delivery against plan to date by group: North 79%, London 36%.",
      // Σ actual / Σ annual plan: 26.7 / 114; North 17.3 / 54, London 9.4 / 60.
      "So far they have delivered 23% of their full-year plans; by group: North 32%, London 16%.",
      "2 are in deficit.",
      "Largest shortfalls to date: Newham £8.4m, St George's £8.2m, North Staffs £5.2m.",
    ]);
  });
});

describe("analyseTracker with awkward rows", () => {
  const rows: unknown[][] = [
    ["Alpha", "East", 100, 50, 40, "", ""],
    [],
    ["", "", "", "", "", "", ""],
    ["Beta", "East", "1,000", "n/a", 30, "", ""],
    ["Gamma", "West", -5, 10, 5, "", ""],
    ["Delta", "West", 80, 0, 0, "", ""],
    ["East total", "", 1180, 60, 75, "", ""],
    ["Epsilon", "", 10, "#N/A", 2, "", ""],
  ];
  const a = analyseTracker(rows, { columns: LAYOUT.columns }, settings(), { firstRowNumber: 5 });

  it("keeps every row, blank or not, and reports sheet row numbers", () => {
    expect(a.rowCount).toBe(rows.length);
    expect(a.rowKind(1)).toBe("blank");
    expect(a.rowKind(2)).toBe("blank");
    expect(a.metrics.shortfall.get(1)).toBeNull();
    expect(a.rowNumber(0)).toBe(5);
  });

  it("turns bad cells into problems where they matter and numbers elsewhere", () => {
    const badPlan = a.metrics.shortfall.get(3);
    expect(isProblem(badPlan) && badPlan.message).toBe('YTD plan in row 8 is the text "n/a", not a number.');
    expect(a.metrics.progressPct.get(3)).toBeCloseTo(0.03, 10);
    const negative = a.metrics.progressPct.get(4);
    expect(isProblem(negative) && negative.error).toBe("#NUM!");
    expect(isProblem(negative) && negative.message).toBe("Annual plan is negative (-5); it cannot be below zero.");
    const zero = a.metrics.deliveryPct.get(5);
    expect(isProblem(zero) && zero.error).toBe("#DIV/0!");
    expect(a.metrics.shortfall.get(5)).toBe(0);
    const na = a.metrics.variance.get(7);
    expect(isProblem(na) && na.error).toBe("#N/A");
  });

  it("counts and lists rows with problems instead of dropping them", () => {
    // Delta (row 5) has a zero plan to date: its delivery % is #DIV/0!, the right answer, not bad data.
    expect(a.problemRows).toEqual([3, 4, 7]);
    expect(a.problemsInRow(3).map((p) => p.message)).toContain('YTD plan in row 8 is the text "n/a", not a number.');
    expect(a.rollup.total.problemRows).toBe(3);
    // Beta is counted as an organisation; its annual plan still adds up; its YTD figures cannot.
    expect(a.rollup.total.organisations).toBe(5);
    expect(a.rollup.total.annualPlan).toBe(100 + 1000 + 80 + 10);
    expect(a.rollup.total.compared).toBe(3);
  });

  it("keeps total lines out of the roll-up and says so", () => {
    expect(a.totalRows).toEqual([6]);
    expect(a.rowKind(6)).toBe("total");
    expect(a.headlines).toContain('Row 11 ("East total") looks like a total line and is left out of the roll-up.');
    expect(a.headlines).toContain(
      '3 rows have problems, left out of the figures they affect (row 8: YTD plan in row 8 is the text "n/a", not a number; ' +
        "row 9: Annual plan is negative (-5); it cannot be below zero; row 12: YTD plan in row 12 is the error #N/A).",
    );
  });

  it("puts rows without a group under (no group)", () => {
    expect(a.rollup.groups.map((g) => g.group)).toEqual(["East", "West", "(no group)"]);
  });
});

describe("analyseTracker on rows that are not organisations", () => {
  const rows: unknown[][] = [
    ["North of England", "", "", "", "", "", ""],
    ["Total Care NHS Trust", "North", 100, 50, 40, "", ""],
    ["Leeds", "North", 100, 50, 60, "", ""],
    ["Total - North", "", 200, 100, 100, "", ""],
  ];
  const a = analyseTracker(rows, { columns: LAYOUT.columns }, settings());

  it("leaves a heading with no figures out of the roll-up and says so", () => {
    expect(a.rowKind(0)).toBe("label");
    expect(a.labelRows).toEqual([0]);
    expect(a.rollup.groups.map((g) => g.group)).toEqual(["North"]);
    expect(a.headlines).toContain('Row 2 ("North of England") has a name but no figures and is left out of the roll-up.');
  });

  it("tells a name that starts with Total from a total line", () => {
    expect(a.rowKind(1)).toBe("data");
    expect(a.rowKind(3)).toBe("total");
    expect(a.rollup.total.organisations).toBe(2);
  });
});

describe("analyseTracker units and phasing", () => {
  it("converts every money column into the annual plan's unit", () => {
    const a = analyseTracker(
      [["A", 1.2, 500, 450]],
      {
        columns: { organisation: 0, annualPlan: 1, ytdPlan: 2, ytdActual: 3 },
        units: { annualPlan: "£m", ytdPlan: "£k", ytdActual: "£k" },
      },
      settings(),
    );
    expect(a.unit).toBe("£m");
    expect(a.metrics.shortfall.get(0)).toBeCloseTo(0.05, 12);
    expect(a.metrics.progressPct.get(0)).toBeCloseTo(0.375, 12);
  });

  it("ignores an incomplete phasing rather than count missing months as nothing planned", () => {
    const columns: TrackerLayout["columns"] = { organisation: 0, annualPlan: 1, ytdActual: 2, planM1: 3, planM2: 4, planM3: 5 };
    const a = analyseTracker([["A", 30, 8, 1, 1, 1]], { columns }, settings({ monthsElapsed: 3 }));
    expect(a.metrics.h2Share.get(0)).toBeNull();
    expect(a.metrics.ytdPlanUsed.get(0)).toBeNull();
    expect(a.notes).toEqual([
      "The monthly plan columns do not cover all twelve months, so they are not used: the H2 share needs the full phasing.",
    ]);
    expect(a.headlines).toContain(a.notes[0]);
  });

  it("compares forecasts with annual plans only where a row has both", () => {
    const a = analyseTracker(
      [
        ["A", "", 10, 5, 200],
        ["B", 100, 10, 5, 90],
      ],
      { columns: { organisation: 0, annualPlan: 1, ytdPlan: 2, ytdActual: 3, forecast: 4 } },
      settings(),
    );
    expect(a.rollup.total.forecast).toBe(290);
    expect(a.headlines).toContain("They forecast £90 against annual plans of £100: all but 10% (£10 short).");
  });

  it("takes YTD plan from the phasing when there is no YTD plan column", () => {
    const months = [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4];
    const row = ["A", 30, 8, ...months];
    const columns: TrackerLayout["columns"] = { organisation: 0, annualPlan: 1, ytdActual: 2 };
    months.forEach((_, m) => ((columns as Record<string, number>)[`planM${m + 1}`] = 3 + m));
    const a = analyseTracker([row], { columns }, settings({ monthsElapsed: 6 }));
    expect(a.metrics.ytdPlanUsed.get(0)).toBe(9);
    expect(a.metrics.shortfall.get(0)).toBe(1);
    expect(a.metrics.h2Share.get(0)).toBeCloseTo(21 / 30, 12);
    expect(flagNames(a.flags[0])).toContain("BACK_LOADED");
  });

  it("uses the projection when the basis is 'projected'", () => {
    const a = analyseTracker(ROWS, LAYOUT, settings({ forecastBasis: "projected", forecastMethod: "runRate" }));
    expect(a.metrics.forecastUsed.get(0)).toBeCloseTo(9.6, 10);
    expect(a.headlines[2]).toMatch(/^Projected by run rate/);
  });
});

describe("headline counts like the HSJ article", () => {
  it("reproduces '49 of 72 organisations (68%)...' from rows built to match it", () => {
    const rows: unknown[][] = [];
    for (let i = 0; i < 72; i++) {
      const distress = i < 5;
      const underFifthOnly = i >= 5 && i < 7;
      const behind = i < 49;
      const actual = distress ? 3 : underFifthOnly ? 19 : behind ? 45 : 55;
      rows.push([`Trust ${i + 1}`, "All", 100, 50, actual, "", distress ? -1 : 1]);
    }
    const a = analyseTracker(rows, { columns: LAYOUT.columns }, settings());
    expect(a.headlines[0]).toBe(
      "49 of 72 organisations (68%) are behind plan to date; 7 have delivered less than a fifth of their annual plan; 5 meet all three distress tests.",
    );
  });
});

describe("analyseTracker on arbitrary sheets (property)", () => {
  const cell = fc.oneof(
    fc.double(),
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.constantFrom("", null, undefined, "  ", "#N/A", "#DIV/0!", "TRUE", "(1,234)", "£1,200", "12.5%", "n/a", "Total", "East"),
    fc.string(),
    fc.boolean(),
    fc.constant({ code: "#REF!" }),
  );
  const sheet = fc.array(fc.array(cell, { maxLength: 30 }), { maxLength: 40 });
  const layout = fc.dictionary(fc.constantFrom(...ALL_FIELDS), fc.integer({ min: 0, max: 29 })) as fc.Arbitrary<
    TrackerLayout["columns"]
  >;

  it("never throws, keeps every row and gives only finite numbers, blanks or problems", () => {
    fc.assert(
      fc.property(sheet, layout, fc.integer({ min: 1, max: 12 }), (rows, columns, k) => {
        const a = analyseTracker(rows, { columns }, settings({ monthsElapsed: k }));
        expect(a.rowCount).toBe(rows.length);
        for (let i = 0; i < rows.length; i++) {
          for (const name of METRIC_NAMES) {
            const v = a.metrics[name].get(i);
            if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
            else if (v !== null) expect(isProblem(v)).toBe(true);
          }
          const shortfall = a.metrics.shortfall.get(i);
          if (typeof shortfall === "number") expect(shortfall).toBeGreaterThanOrEqual(0);
        }
        const t = a.rollup.total;
        for (const x of [t.annualPlan, t.ytdPlan, t.ytdActual, t.shortfall, t.forecast]) expect(Number.isNaN(x)).toBe(false);
        expect(t.organisations + a.totalRows.length).toBeLessThanOrEqual(rows.length);
        expect(a.headlines.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from "vitest";
import { analyseTracker } from "../../../src/core/analyseTracker";
import { recogniseColumns } from "../../../src/core/recogniseColumns";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { schemeReport } from "../../../src/core/schemes/schemeReport";
import { DEFAULT_SCHEME_SETTINGS, resolveSchemeSettings } from "../../../src/core/schemes/schemeSettings";

const HEADER = [
  "Trust",
  "Scheme",
  "Division",
  "Category",
  "Stage",
  "Likelihood",
  "Risk",
  "Plan £k",
  "YTD plan £k",
  "YTD actual £k",
  "FYE £k",
  "Recurrent FYE £k",
  "Turnover £k",
  "Surplus/(deficit) £k",
];
const ROWS: unknown[][] = [
  ["Alpha", "E-rostering", "Surgery", "Workforce", "Implementation", "", "", 120, 60, 50, 200, 200, 500000, -3000],
  [
    "Alpha",
    "Theatre utilisation",
    "Surgery",
    "Clinical productivity",
    "Planning",
    "",
    "Red",
    100,
    40,
    10,
    100,
    100,
    500000,
    -3000,
  ],
  ["Alpha", "Vacancy slippage", "Medicine", "Workforce", "Delivered", "", "", 80, 80, 80, 80, 0, 500000, -3000],
  ["Alpha", "Unidentified", "", "", "Unidentified", "", "", 100, 0, 0, "", "", 500000, -3000],
  ["Beta", "Medicines switch", "Pharmacy", "Medicines", "Gate 3", "", "Amber", 50, 25, 25, 50, 50, 300000, 1000],
  ["Beta", "Medicines switch", "Pharmacy", "Medicines", "Idea", "80%", "", 40, 0, 0, 40, 40, 300000, 1000],
  ["", "Orphan scheme", "Estates", "Estates", "Idea", "150%", "", 10, 5, 5, 10, 10, "", ""],
];

function report(rows = ROWS, schemeSettings = DEFAULT_SCHEME_SETTINGS) {
  const mapping = recogniseColumns(HEADER, { financialYear: 2025 });
  const layout = { columns: mapping.columns, units: mapping.units };
  const settings = { ...DEFAULT_SETTINGS, monthsElapsed: 6 };
  const analysis = analyseTracker(rows, layout, settings);
  return schemeReport({ rows, header: HEADER, layout, analysis, settings, schemeSettings });
}

describe("scheme registers", () => {
  it("recognises every scheme column", () => {
    const { columns } = recogniseColumns(HEADER);
    expect(columns).toMatchObject({
      organisation: 0,
      scheme: 1,
      division: 2,
      category: 3,
      stage: 4,
      likelihood: 5,
      risk: 6,
      annualPlan: 7,
      fullYearEffect: 10,
      recurrentFullYearEffect: 11,
    });
  });

  it("weights the remaining plan by likelihood, else stage, else risk, and unidentified at 0", () => {
    const { schemes } = report();
    // E-rostering: 50 + (120 − 60) × 0.9
    expect(schemes.riskAdjustedAt(0)).toBeCloseTo(104);
    expect(schemes.basisAt(0)).toBe("stage");
    // Planning beats the red RAG: 10 + 60 × 0.5
    expect(schemes.riskAdjustedAt(1)).toBeCloseTo(40);
    expect(schemes.riskAdjustedAt(3)).toBe(0);
    expect(schemes.basisAt(3)).toBe("unidentified");
    // Unknown stage "Gate 3" falls back to the amber RAG: 25 + 25 × 0.6, and says why
    expect(schemes.riskAdjustedAt(4)).toBeCloseTo(40);
    expect(schemes.basisAt(4)).toBe("risk");
    expect(schemes.rowMessages.get(4)?.[0]).toMatch(/stage "Gate 3" is not one CIP Analyst knows .* Options › Stage words/);
    // Likelihood 80% beats the stage "Idea": 0 + 40 × 0.8
    expect(schemes.riskAdjustedAt(5)).toBeCloseTo(32);
    expect(schemes.basisAt(5)).toBe("likelihood");
  });

  it("gives a clear message per row for bad input, never a silent number", () => {
    const { schemes } = report();
    expect(schemes.rowMessages.get(5)).toEqual([
      expect.stringMatching(/"Medicines switch" appears twice in Beta \(rows 6 and 7\)/),
    ]);
    const orphan = schemes.rowMessages.get(6) ?? [];
    expect(orphan.join(" ")).toMatch(/has no organisation/);
    expect(orphan.join(" ")).toMatch(/Row 8: the likelihood is 150%; a likelihood is from 0% to 100%/);
    // The bad likelihood is not used: the stage is (5 + 5 × 0.25).
    expect(schemes.basisAt(6)).toBe("stage");
  });

  it("accepts the analyst's own stage words and rejects bad weights", () => {
    const own = resolveSchemeSettings({ stageWords: { "Gate 3": "businessCase" } });
    expect(own.ok).toBe(true);
    if (!own.ok) return;
    expect(report(ROWS, own.settings).schemes.riskAdjustedAt(4)).toBeCloseTo(25 + 25 * 0.7);
    const bad = resolveSchemeSettings({
      stageWeights: { planning: 1.5 },
      ragWeights: { purple: 0.1 },
      stageWords: { x: "later" },
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((p) => p.message)).toEqual([
      "The weight for Planning (PID) must be a share from 0% to 100%; got 1.5.",
      '"purple" is not one of green, amber, red, so it has no weight.',
      '"x" is mapped to "later", which is not a stage; use one of unidentified, idea, planning, businessCase, implementation, delivered.',
    ]);
  });

  it("rolls up by any dimension with identified, unidentified and risk-adjusted columns", () => {
    const r = report();
    expect(r.dimensions).toEqual(["organisation", "division", "category", "stage"]);
    const byOrg = r.rollup("organisation");
    expect(byOrg.groups.map((g) => [g.group, g.organisations, g.identified, g.unidentified])).toEqual([
      ["Alpha", 4, 300, 100],
      ["Beta", 2, 90, 0],
      ["(no organisation)", 1, 10, 0],
    ]);
    expect(byOrg.groups[0].riskAdjustedForecast).toBeCloseTo(104 + 40 + 80 + 0);
    const byStage = r.rollup("stage");
    expect(byStage.groups.map((g) => g.group)).toContain("(stage not known)");
  });

  it("bridges target to forecast gap, and carries the recurrent gap", () => {
    const alpha = report().bridges.organisations[0];
    expect(alpha.target).toBe(400);
    expect(alpha.identified).toBe(300);
    expect(alpha.unidentifiedGap).toBe(100);
    expect(alpha.riskAdjustedForecast).toBeCloseTo(224);
    expect(alpha.forecastGap).toBeCloseTo(176);
    expect(alpha.steps.map((s) => s.value)).toEqual([
      400,
      -100,
      300,
      expect.closeTo(-76),
      expect.closeTo(224),
      expect.closeTo(176),
    ]);
    // Recurrent FYE forecast: 200 × 0.9 + 100 × 0.5 + 0 × 1; vacancy slippage is non-recurrent.
    expect(alpha.recurrentFullYearEffectForecast).toBeCloseTo(230);
    expect(alpha.recurrentGapCarriedForward).toBeCloseTo(170);
    expect(alpha.nonRecurrentSchemes).toBe(1);
  });

  it("works out deficit and % of turnover on organisation totals, and names trusts", () => {
    const r = report();
    const org = r.organisationLevel.analysis;
    expect(org.metrics.cipOfTurnover.get(0)).toBeCloseTo(400 / 500000);
    expect(r.headlines[0]).toBe("2 of 7 schemes (29%) are behind plan to date, across 3 trusts.");
    expect(r.headlines.join(" ")).not.toMatch(/organisations/);
  });
});

describe("year-qualified columns", () => {
  const header = ["Trust", "Scheme", "Plan 2025/26 £k", "Plan 2026/27 £k", "FY27 FYE £k", "YTD actual £k"];
  it("analyses the financial year of the run and keeps the others as context", () => {
    const m = recogniseColumns(header, { financialYear: 2026 });
    expect(m.columns.annualPlan).toBe(3);
    expect(m.financialYearLabel).toBe("2026/27");
    expect(m.yearColumns).toEqual([
      { index: 2, field: "annualPlan", year: 2025, used: false },
      { index: 3, field: "annualPlan", year: 2026, used: true },
      { index: 4, field: "fullYearEffect", year: 2026, used: true },
    ]);
    expect(m.messages).toContain(
      'Column C "Plan 2025/26 £k" is the Annual plan for 2025/26, kept as context: the analysis uses 2026/27 (column D).',
    );
    expect(m.duplicates).toEqual([]);
    expect(recogniseColumns(header, { financialYear: 2025 }).columns.annualPlan).toBe(2);
  });

  it("reads 25/26, 2025-26, FY26 and FY 2025/26 as 2025/26", () => {
    for (const h of ["Plan 25/26", "Plan 2025-26", "Plan FY26", "Plan FY 2025/26"])
      expect(recogniseColumns([h, "Plan 2030/31"], { financialYear: 2025 }).columns.annualPlan).toBe(0);
  });
});

describe("a tracker for one year only", () => {
  it("uses its one dated plan whatever the year analysed, and says nothing about it", () => {
    const m = recogniseColumns(["Trust", "CIP plan 2011/12 £k", "YTD actual £k"], { financialYear: 2026 });
    expect(m.columns.annualPlan).toBe(1);
    expect(m.messages).toEqual([]);
    expect(m.yearColumns).toEqual([{ index: 1, field: "annualPlan", year: 2011, used: true }]);
  });

  it("says when none of several years is the one analysed, and which it used", () => {
    const m = recogniseColumns(["Trust", "Plan 2023/24", "Plan 2024/25"], { financialYear: 2026 });
    expect(m.columns.annualPlan).toBe(2);
    expect(m.messages[0]).toBe(
      "No Annual plan column is for 2026/27, the financial year analysed; column C (2024/25) is used. Change the financial year in Options if that is not the year you want.",
    );
  });
});

// The sample scheme register (assets/sample-scheme-register.json) read and analysed end to end.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyseTracker } from "../../../src/core/analyseTracker";
import { recogniseColumns } from "../../../src/core/recogniseColumns";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { schemeReport } from "../../../src/core/schemes/schemeReport";
import { DEFAULT_SCHEME_SETTINGS } from "../../../src/core/schemes/schemeSettings";

const sample = JSON.parse(readFileSync(join(__dirname, "../../../assets/sample-scheme-register.json"), "utf8")) as {
  header: string[];
  rows: unknown[][];
};

describe("the sample scheme register", () => {
  const mapping = recogniseColumns(sample.header, { financialYear: 2025 });
  const layout = { columns: mapping.columns, units: mapping.units };
  const settings = { ...DEFAULT_SETTINGS, monthsElapsed: 6 };
  const analysis = analyseTracker(sample.rows, layout, settings);
  const report = schemeReport({
    rows: sample.rows,
    header: sample.header,
    layout,
    analysis,
    settings,
    schemeSettings: DEFAULT_SCHEME_SETTINGS,
  });

  it("recognises every column, analysing 2025/26 and keeping 2026/27 as context", () => {
    expect(mapping.unmapped).toEqual([]);
    expect(mapping.duplicates).toEqual([]);
    expect(sample.header[mapping.columns.annualPlan as number]).toBe("Plan 2025/26 £k");
    expect(mapping.yearColumns.filter((c) => !c.used).map((c) => sample.header[c.index])).toEqual(["Plan 2026/27 £k"]);
    for (const f of [
      "scheme",
      "division",
      "category",
      "lead",
      "stage",
      "qia",
      "likelihood",
      "risk",
      "wte",
      "fullYearEffect",
      "recurrentFullYearEffect",
      "turnover",
      "surplusDeficit",
    ] as const)
      expect(mapping.columns[f], f).toBeDefined();
  });

  it("reads every scheme without a problem, in 6 trusts, and rolls up by four dimensions", () => {
    expect(report.schemes.schemeCount).toBeGreaterThanOrEqual(300);
    expect(report.schemes.organisations).toHaveLength(6);
    expect([...report.schemes.rowMessages.values()]).toEqual([]);
    expect(analysis.problemRows).toEqual([]);
    for (const d of ["organisation", "division", "category", "stage"] as const) {
      const r = report.rollup(d);
      expect(r.total.organisations).toBe(report.schemes.schemeCount);
      expect(r.groups.reduce((s, g) => s + g.riskAdjustedForecast, 0)).toBeCloseTo(r.total.riskAdjustedForecast, 6);
    }
    expect(
      report
        .rollup("stage")
        .groups.map((g) => g.group)
        .sort(),
    ).toEqual(
      ["Business case approved", "Delivered", "Idea / opportunity", "Implementation", "Planning (PID)", "Unidentified"].sort(),
    );
  });

  it("bridges each trust's target to its forecast gap, and the total is their sum", () => {
    const { total, organisations } = report.bridges;
    expect(total.target).toBe(organisations.reduce((s, b) => s + b.target, 0));
    expect(total.unidentifiedGap).toBeGreaterThan(0);
    expect(total.riskAdjustment).toBeGreaterThan(0);
    expect(total.target - total.unidentifiedGap - total.riskAdjustment).toBeCloseTo(total.riskAdjustedForecast, 6);
    expect(total.nonRecurrentSchemes).toBeGreaterThan(0);
    expect(report.headlines[0]).toMatch(/^\d+ of 364 schemes \(\d+%\) are behind plan to date, across 6 trusts\.$/);
  });
});

import { describe, it, expect } from "vitest";
import { recogniseColumns } from "../../src/core/recogniseColumns";

describe("overrides", () => {
  const header = ["Trust", "Plan", "Revised plan £k", "YTD actual £k", "Comments"];

  it("a field pointed at a column takes it, and recognition yields", () => {
    const mapping = recogniseColumns(header, { fields: { annualPlan: 2 } });
    expect(mapping.columns).toEqual({
      organisation: 0,
      annualPlan: 2,
      ytdActual: 3,
    });
    expect(mapping.duplicates).toEqual([
      {
        field: "annualPlan",
        indices: [1, 2],
        chosen: 2,
        message:
          'You chose column C "Revised plan £k" for Annual plan, so column B "Plan", which also looks like Annual plan, is not used.',
      },
    ]);
  });

  it("a column chosen for one field is no longer a candidate for another", () => {
    const mapping = recogniseColumns(header, { fields: { scheme: 0 } });
    expect(mapping.columns.scheme).toBe(0);
    expect(mapping.columns.organisation).toBeUndefined();
    const months = recogniseColumns(["Apr", "Comments"], {
      fields: { ytdPlan: 0, planM1: 1 },
    });
    expect(months.columns).toEqual({ ytdPlan: 0, planM1: 1 });
    expect(months.unmapped).toEqual([]);
  });

  it("null removes a field", () => {
    const mapping = recogniseColumns(header, { fields: { annualPlan: null } });
    expect(mapping.columns).toEqual({ organisation: 0, ytdActual: 3 });
    expect(mapping.unmapped.map((u) => u.index)).toEqual([1, 2, 4]);
    expect(mapping.messages).toContain('Column B "Plan" looks like Annual plan, which you chose not to use, so it is not used.');
  });

  it("may point a field at a column with no header", () => {
    const mapping = recogniseColumns(["Trust", ""], {
      fields: { annualPlan: 1 },
      units: { 1: "£m" },
    });
    expect(mapping.columns).toEqual({ organisation: 0, annualPlan: 1 });
    expect(mapping.units).toEqual({ annualPlan: "£m" });
    expect(mapping.emptyHeaders).toEqual([]);
  });

  it("turns bad choices into messages, not exceptions", () => {
    const overrides = {
      fields: {
        annualPlan: 9,
        ytdPlan: -1,
        ytdActual: 1.5,
        forecast: "D",
        foo: 1,
        turnover: 0,
        recurrent: 0,
        unidentified: 5,
      },
      units: { 7: "£k", x: "£m", 1: "£bn" },
      defaultUnit: "£bn",
    } as unknown as Parameters<typeof recogniseColumns>[1];
    const mapping = recogniseColumns(["Trust", "Plan", "Actual", "Forecast", "Gap", "CIP: Shortfall £k"], overrides);
    expect(mapping.columns).toEqual({
      ytdActual: 2,
      forecast: 3,
      turnover: 0,
      annualPlan: 1,
      unidentified: 4,
    });
    expect(mapping.messages.slice(0, 11)).toEqual([
      "Annual plan is set to column J, outside the header row (columns A to F), so the choice is ignored.",
      "YTD plan is set to -1, which is not a column number, so the choice is ignored.",
      "YTD actual is set to 1.5, which is not a column number, so the choice is ignored.",
      'Forecast is set to "D", which is not a column number, so the choice is ignored.',
      '"foo" is not a field CIP Analyst knows, so the column chosen for it is ignored.',
      'Recurrent is set to column A "Trust", which is already chosen for Turnover, so the choice is ignored.',
      'Unidentified is set to column F "CIP: Shortfall £k", which holds output from an earlier run of CIP Analyst, so the choice is ignored.',
      'The unit "£bn" set for column B "Plan" is not £, £k or £m, so it is ignored.',
      "A unit is set for column H, outside the header row (columns A to F), so it is ignored.",
      'A unit is set for column "x", which is not a column, so it is ignored.',
      'The default unit "£bn" is not £, £k or £m, so it is ignored.',
    ]);
  });

  it("survives overrides of any shape", () => {
    for (const overrides of [
      null,
      1,
      "x",
      [],
      { fields: [] },
      { fields: 3 },
      { units: "£k" },
      { fields: { annualPlan: {} } },
      { fields: Object.create(null) },
    ]) {
      expect(() => recogniseColumns(["Trust", "Plan"], overrides as never)).not.toThrow();
    }
    expect(recogniseColumns(["Plan"], { fields: 3 } as never).messages).toContain(
      "The column choices are not in a form CIP Analyst can read, so they are ignored.",
    );
  });
});

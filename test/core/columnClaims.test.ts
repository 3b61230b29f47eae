import { describe, it, expect } from "vitest";
import { columnLetter } from "../../src/core/excelConventions";
import { recogniseColumns } from "../../src/core/recogniseColumns";

describe("ambiguous headers", () => {
  it("'ICB' is the group when another column is plainly the organisation", () => {
    const mapping = recogniseColumns(["Trust", "ICB", "Annual plan"]);
    expect(mapping.columns).toEqual({
      organisation: 0,
      group: 1,
      annualPlan: 2,
    });
    expect(mapping.ambiguous).toEqual([
      {
        index: 1,
        header: "ICB",
        candidates: ["organisation", "group"],
        chosen: "group",
        message: 'Column B "ICB" could be Organisation or Group; it is taken as Group because column A "Trust" is Organisation.',
      },
    ]);
    expect(mapping.messages).toContain(mapping.ambiguous[0].message);
  });

  it("'ICB' is the organisation when another column is plainly the group", () => {
    const mapping = recogniseColumns(["Region", "ICB", "QIPP target £m"]);
    expect(mapping.columns).toEqual({
      group: 0,
      organisation: 1,
      annualPlan: 2,
    });
    expect(mapping.ambiguous[0].chosen).toBe("organisation");
    expect(mapping.ambiguous[0].message).toBe(
      'Column B "ICB" could be Organisation or Group; it is taken as Organisation because column A "Region" is Group.',
    );
  });

  it("chooses nothing when both fields are already plain elsewhere", () => {
    const mapping = recogniseColumns(["Trust", "Region", "ICB"]);
    expect(mapping.columns).toEqual({ organisation: 0, group: 1 });
    expect(mapping.ambiguous).toEqual([
      {
        index: 2,
        header: "ICB",
        candidates: ["organisation", "group"],
        chosen: null,
        message:
          'Column C "ICB" could be Organisation or Group, but column A "Trust" is Organisation and column B "Region" is Group, so it is not used.',
      },
    ]);
    expect(mapping.unmapped).toEqual([]);
  });

  it("chooses nothing when the row does not decide", () => {
    const mapping = recogniseColumns(["ICB", "ICB name", "Plan £k"]);
    expect(mapping.columns).toEqual({ annualPlan: 2 });
    expect(mapping.ambiguous.map((a) => [a.index, a.chosen])).toEqual([
      [0, null],
      [1, null],
    ]);
    expect(mapping.messages).toEqual([
      'Column A "ICB" could be Organisation or Group, and nothing else in the header row decides which, so it is not used; choose its field yourself to use it.',
      'Column B "ICB name" could be Organisation or Group, and nothing else in the header row decides which, so it is not used; choose its field yourself to use it.',
    ]);
  });

  it("takes the analyst's choices as context", () => {
    const chosen = recogniseColumns(["ICB", "Name"], {
      fields: { organisation: 1 },
    });
    expect(chosen.columns).toEqual({ organisation: 1, group: 0 });
    expect(chosen.ambiguous[0].message).toBe(
      'Column A "ICB" could be Organisation or Group; it is taken as Group because you chose column B "Name" for Organisation.',
    );

    const vetoed = recogniseColumns(["ICB"], { fields: { group: null } });
    expect(vetoed.columns).toEqual({ organisation: 0 });
    expect(vetoed.ambiguous[0].message).toBe(
      'Column A "ICB" could be Organisation or Group; it is taken as Organisation because you chose not to use Group.',
    );
  });
});

describe("duplicates", () => {
  it("a generic header loses to a specific one, wherever it is", () => {
    for (const header of [
      ["Plan", "Annual plan £k"],
      ["Annual plan £k", "Plan"],
    ]) {
      const mapping = recogniseColumns(header);
      const specific = header.indexOf("Annual plan £k");
      const generic = header.indexOf("Plan");
      expect(mapping.columns).toEqual({ annualPlan: specific });
      expect(mapping.duplicates).toEqual([
        {
          field: "annualPlan",
          indices: [0, 1],
          chosen: specific,
          message: `Columns A "${header[0]}" and B "${header[1]}" both look like Annual plan; column ${columnLetter(specific)} is used because its header is more specific.`,
        },
      ]);
      expect(mapping.unmapped).toEqual([]);
      expect(mapping.messages).toContain(mapping.duplicates[0].message);
      expect(generic).not.toBe(specific);
    }
  });

  it.each([
    ["Code", "Org code", "orgCode"],
    ["Name", "Trust", "organisation"],
    ["Actual", "YTD actual", "ytdActual"],
    ["Surplus", "Surplus/(deficit)", "surplusDeficit"],
    ["Deficit", "I&E", "surplusDeficit"],
    ["Target", "CIP target", "annualPlan"],
  ] as const)("generic %j loses to %j", (generic, specific, field) => {
    const mapping = recogniseColumns([generic, specific]);
    expect(mapping.columns).toEqual({ [field]: 1 });
    expect(mapping.duplicates).toHaveLength(1);
    expect(mapping.duplicates[0].chosen).toBe(1);
  });

  it("a header that is a field's word exactly beats one that only contains it", () => {
    const mapping = recogniseColumns(["Scheme ref", "Scheme name"]);
    expect(mapping.columns).toEqual({ scheme: 1 });
    expect(mapping.duplicates[0].message).toBe(
      'Columns A "Scheme ref" and B "Scheme name" both look like Scheme; column B is used because its header matches exactly.',
    );
  });

  it("equal claims go to the leftmost column, and the others are reported", () => {
    const mapping = recogniseColumns(["Trust", "Forecast £k", "YTD actual £k", "FOT £k", "Projected £k"]);
    expect(mapping.columns).toEqual({
      organisation: 0,
      forecast: 1,
      ytdActual: 2,
    });
    expect(mapping.duplicates).toEqual([
      {
        field: "forecast",
        indices: [1, 3, 4],
        chosen: 1,
        message:
          'Columns B "Forecast £k", D "FOT £k" and E "Projected £k" all look like Forecast; column B is used because it comes first.',
      },
    ]);
    expect(mapping.unmapped).toEqual([]);
  });

  it("two region-like columns: the first is the group", () => {
    const mapping = recogniseColumns(["SHA", "Cluster", "PCT"]);
    expect(mapping.columns).toEqual({ group: 0, organisation: 2 });
    expect(mapping.duplicates[0].message).toBe(
      'Columns A "SHA" and B "Cluster" both look like Group; column A is used because it comes first.',
    );
  });
});

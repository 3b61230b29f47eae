import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { ALL_FIELDS, HEADER_WORDS, MONTHS, PLAN_MONTH_FIELDS, type Field } from "../../src/core/fields";
import { recogniseColumns, type ColumnMapping } from "../../src/core/recogniseColumns";

const MONTH_NAMES = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];

describe("previous outputs", () => {
  it("never reads a 'CIP:' column as input, and lists it for replacement", () => {
    const mapping = recogniseColumns(["Trust", "Plan £k", "CIP: Shortfall £k", "cip:Delivery %", "  CIP : RAG"]);
    expect(mapping.columns).toEqual({ organisation: 0, annualPlan: 1 });
    expect(mapping.previousOutputs).toEqual([2, 3, 4]);
    expect(mapping.unmapped).toEqual([]);
    expect(mapping.ambiguous).toEqual([]);
    expect(mapping.messages).toEqual([
      'Columns C "CIP: Shortfall £k", D "cip:Delivery %" and E "CIP : RAG" hold output from an earlier run of CIP Analyst, so they are not read as input.',
    ]);
  });

  it("keeps headers that merely start with 'CIP' as inputs", () => {
    expect(recogniseColumns(["CIP target £k", "CIP: Plan"]).columns).toEqual({
      annualPlan: 0,
    });
    expect(recogniseColumns(["CIP: Plan"]).previousOutputs).toEqual([0]);
  });
});

describe("blank and odd headers", () => {
  it("lists blank headers and says so", () => {
    const mapping = recogniseColumns(["Trust", "", null, "Plan £k", undefined, "  ", NaN, "Actual £k"]);
    expect(mapping.emptyHeaders).toEqual([1, 2, 4, 5, 6]);
    expect(mapping.messages).toEqual(["Columns B, C and E to G have no header, so they are not used."]);
  });

  it("gives an empty mapping and the fields it expected when nothing is recognised", () => {
    for (const row of [[], [undefined, {}, NaN, "   "], ["Foo", "Bar", true, 0]]) {
      const mapping = recogniseColumns(row);
      expect(mapping.columns).toEqual({});
      expect(mapping.units).toEqual({});
      expect(mapping.hasFullPhasing).toBe(false);
      const [first] = mapping.messages;
      expect(first).toMatch(
        /^No column in the header row was recognised\. CIP Analyst looks for headers such as Organisation \("Trust", "Organisation"\), /,
      );
      for (const expected of ["Annual plan", "YTD plan", "YTD actual", "Forecast", "Surplus/(deficit)", '"M1" to "M12"'])
        expect(first).toContain(expected);
    }
    expect(recogniseColumns([undefined, {}, NaN, "   "]).emptyHeaders).toEqual([0, 1, 2, 3]);
    expect(recogniseColumns(["Foo", true]).unmapped).toEqual([
      { index: 0, header: "Foo" },
      { index: 1, header: "TRUE" },
    ]);
  });

  it("treats a row that is not an array as empty", () => {
    expect(recogniseColumns(undefined as never).columns).toEqual({});
    expect(recogniseColumns("Trust" as never).columns).toEqual({});
  });
});

describe("realistic header rows", () => {
  it("a trust CIP tracker", () => {
    const header = [
      "Trust",
      "Org code",
      "Region",
      "Annual plan £k",
      "YTD plan £k",
      "YTD actual £k",
      "Forecast outturn £k",
      "Recurrent",
      "Non-recurrent",
      "Unidentified",
      "Turnover £k",
      "Surplus/(deficit) £k",
      ...MONTH_NAMES,
    ];
    const mapping = recogniseColumns(header);
    expect(mapping.columns).toEqual({
      organisation: 0,
      orgCode: 1,
      group: 2,
      annualPlan: 3,
      ytdPlan: 4,
      ytdActual: 5,
      forecast: 6,
      recurrent: 7,
      nonRecurrent: 8,
      unidentified: 9,
      turnover: 10,
      surplusDeficit: 11,
      planM1: 12,
      planM2: 13,
      planM3: 14,
      planM4: 15,
      planM5: 16,
      planM6: 17,
      planM7: 18,
      planM8: 19,
      planM9: 20,
      planM10: 21,
      planM11: 22,
      planM12: 23,
    });
    expect(Object.values(mapping.units).every((u) => u === "£k")).toBe(true);
    expect(Object.keys(mapping.units)).toHaveLength(21);
    expect(mapping.hasFullPhasing).toBe(true);
    expect(mapping.unmapped).toEqual([]);
    expect(mapping.ambiguous).toEqual([]);
    expect(mapping.duplicates).toEqual([]);
    expect(mapping.messages).toEqual([
      "Columns H to J and M to X state no unit, so £k is assumed, the unit most amount columns state.",
    ]);
  });

  it("a trust CIP tracker after a run, with our output columns and the months as dates", () => {
    const serials = [40634, 40664, 40695, 40725, 40756, 40787, 40817, 40848, 40878, 40909, 40940, 40969];
    const header = [
      "Trust",
      "ICB",
      "CIP plan 2011/12 (£000)",
      "Plan to date (£000)",
      "Delivered to date (£000)",
      "FOT (£000)",
      "RAG",
      ...serials,
      "CIP: Shortfall £k",
      "CIP: RAG",
    ];
    const mapping = recogniseColumns(header);
    expect(mapping.columns).toMatchObject({
      organisation: 0,
      group: 1,
      annualPlan: 2,
      ytdPlan: 3,
      ytdActual: 4,
      forecast: 5,
      risk: 6,
      planM1: 7,
      planM12: 18,
    });
    expect(mapping.hasFullPhasing).toBe(true);
    expect(mapping.previousOutputs).toEqual([19, 20]);
    expect(mapping.ambiguous.map((a) => a.chosen)).toEqual(["group"]);
  });

  it("a PCT QIPP tracker", () => {
    const header = [
      "SHA",
      "PCT",
      "Cluster",
      "QIPP target (£m)",
      "Plan to date",
      "Savings to date",
      "Variance",
      "FOT",
      "Unidentified",
      "RAG",
      "Allocation £m",
      "Comments",
    ];
    const mapping = recogniseColumns(header);
    expect(mapping.columns).toEqual({
      group: 0,
      organisation: 1,
      annualPlan: 3,
      ytdPlan: 4,
      ytdActual: 5,
      forecast: 7,
      unidentified: 8,
      risk: 9,
      turnover: 10,
    });
    expect(mapping.units).toEqual({
      annualPlan: "£m",
      ytdPlan: "£m",
      ytdActual: "£m",
      forecast: "£m",
      unidentified: "£m",
      turnover: "£m",
    });
    expect(mapping.duplicates.map((d) => [d.field, d.indices, d.chosen])).toEqual([["group", [0, 2], 0]]);
    expect(mapping.unmapped.map((u) => u.header)).toEqual(["Variance", "Comments"]);
    expect(mapping.messages).toEqual([
      'Columns A "SHA" and C "Cluster" both look like Group; column A is used because it comes first.',
      'Column G "Variance" looks like a calculated measure (a variance, percentage, comparison or part of the year), not an input, so it is not used.',
      'Column L "Comments" was not recognised, so it is not used.',
      "Columns E, F, H and I state no unit, so £m is assumed, the unit most amount columns state.",
    ]);
  });

  it("an ICB QIPP tracker, where the ICB is the organisation", () => {
    const mapping = recogniseColumns([
      "Region",
      "ICB",
      "ICB code",
      "QIPP plan £m",
      "YTD plan £m",
      "YTD actual £m",
      "Forecast £m",
      "I&E £m",
    ]);
    expect(mapping.columns).toEqual({
      group: 0,
      organisation: 1,
      orgCode: 2,
      annualPlan: 3,
      ytdPlan: 4,
      ytdActual: 5,
      forecast: 6,
      surplusDeficit: 7,
    });
  });
});

describe("recogniseColumns properties", () => {
  const headerish = fc.oneof(
    fc.anything(),
    fc.constantFrom(...Object.values(HEADER_WORDS).flat(), ...MONTHS, "ICB", "CIP: RAG", "Plan £k", "", 40634, 60),
    fc.string(),
    fc.integer({ min: -10, max: 3_000_000 }),
  );
  const overrides = fc.oneof(
    fc.constant(undefined),
    fc.anything(),
    fc.record(
      {
        fields: fc.dictionary(
          fc.constantFrom(...ALL_FIELDS, "foo"),
          fc.oneof(fc.integer({ min: -2, max: 20 }), fc.constant(null), fc.anything()),
        ),
        units: fc.dictionary(
          fc.oneof(fc.nat(20).map(String), fc.string()),
          fc.oneof(fc.constantFrom("£", "£k", "£m"), fc.anything()),
        ),
        defaultUnit: fc.oneof(fc.constantFrom("£", "£k", "£m"), fc.anything()),
      },
      { requiredKeys: [] },
    ),
  );

  const check = (row: unknown[], mapping: ColumnMapping) => {
    const used = Object.values(mapping.columns) as number[];
    expect(new Set(used).size).toBe(used.length);
    for (const index of used) expect(Number.isInteger(index) && index >= 0 && index < row.length).toBe(true);
    for (const field of Object.keys(mapping.units)) expect(mapping.columns[field as Field]).toBeDefined();
    expect(mapping.hasFullPhasing).toBe(PLAN_MONTH_FIELDS.every((f) => mapping.columns[f] !== undefined));
    // Each column is in at most one of the lists.
    const listed = [
      ...mapping.unmapped.map((u) => u.index),
      ...mapping.ambiguous.map((a) => a.index),
      ...mapping.emptyHeaders,
      ...mapping.previousOutputs,
    ];
    expect(new Set(listed).size).toBe(listed.length);
    for (const index of mapping.previousOutputs) expect(used).not.toContain(index);
    for (const message of mapping.messages) expect(typeof message).toBe("string");
  };

  it("never throws and never maps two fields to one column", () => {
    fc.assert(
      fc.property(fc.array(headerish, { maxLength: 40 }), overrides, (row, o) => {
        const mapping = recogniseColumns(row, o as never);
        check(row, mapping);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on arrays of arbitrary values", () => {
    fc.assert(
      fc.property(fc.array(fc.anything()), (row) => {
        check(row, recogniseColumns(row));
      }),
    );
  });

  it("reports every column that a field lost", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...Object.values(HEADER_WORDS).flat(), ...MONTHS), { maxLength: 30 }), (row) => {
        const mapping = recogniseColumns(row);
        const mapped = new Set(Object.values(mapping.columns) as number[]);
        const accounted = new Set([
          ...mapped,
          ...mapping.duplicates.flatMap((d) => d.indices),
          ...mapping.ambiguous.map((a) => a.index),
          ...mapping.unmapped.map((u) => u.index),
        ]);
        expect(accounted.size).toBe(row.length);
        for (const d of mapping.duplicates) expect(mapping.columns[d.field]).toBe(d.chosen);
      }),
    );
  });
});

describe("column letters in messages", () => {
  it("name the sheet's columns when the header does not start in column A", () => {
    const header = ["Trust", "Annual plan £k", "YTD plan £k", "YTD actual £k", "Comments", ""];
    const fromD = recogniseColumns(header, { firstColumn: 3 });
    expect(fromD.messages).toContain('Column H "Comments" was not recognised, so it is not used.');
    expect(fromD.messages.some((m) => m.includes("Column I has no header"))).toBe(true);
    expect(fromD.columns).toEqual(recogniseColumns(header).columns);
    expect(recogniseColumns(header, { fields: { turnover: 9 }, firstColumn: 3 }).messages[0]).toContain(
      "outside the header row (columns D to I)",
    );
  });
});

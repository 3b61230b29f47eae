// The column mapping as the pane shows it, on the trust sample's header: one row per column with
// its sheet letter, field and unit; the analyst's choices; and the sentences for missing fields.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTUAL_MONTH_FIELDS, ALL_FIELDS, FIELD_LABELS, PLAN_MONTH_FIELDS, type Field } from "../../src/core/fields";
import { columnLetter } from "../../src/core/excelConventions";
import { recogniseColumns, type ColumnMapping } from "../../src/core/recogniseColumns";
import { chooseField, FIELD_CHOICES, mappingView, missingFields } from "../../src/taskpane/mappingView";

const sample = JSON.parse(readFileSync(join(__dirname, "../../assets/sample-trust-cip-tracker.json"), "utf8")) as {
  header: string[];
};
const header = sample.header;
const mapping = recogniseColumns(header);

const ACTUAL_MISSING = "YTD actual is missing: choose the column that holds savings delivered to date.";
const PLAN_MISSING = "YTD plan is missing: choose the column that holds the plan to date, or map all 12 monthly plan columns.";

describe("mappingView on the trust sample", () => {
  it("has one row per column, in order, with letters from the selection's first column", () => {
    for (const firstColumn of [0, 3, 26]) {
      const view = mappingView(header, firstColumn, mapping, {});
      expect(view.rows).toHaveLength(header.length);
      view.rows.forEach((row, i) => {
        expect(row.index).toBe(i);
        expect(row.letter).toBe(columnLetter(firstColumn + i));
        expect(row.header).toBe(header[i]);
      });
    }
    const atD = mappingView(header, 3, mapping, {});
    expect(atD.rows[0].letter).toBe("D");
    expect(atD.rows[5]).toMatchObject({ letter: "I", header: "Annual plan £k", field: "annualPlan", unit: "£k" });
    expect(atD.rows[header.length - 1].letter).toBe(columnLetter(3 + header.length - 1)); // "AJ"
  });

  it("reads every column as its field, with a unit on money columns only", () => {
    const view = mappingView(header, 0, mapping, {});
    const fields = view.rows.map((r) => r.field);
    expect(fields.slice(0, 15)).toEqual([
      "organisation",
      "orgCode",
      "group",
      "category",
      "scheme",
      "annualPlan",
      "ytdPlan",
      "ytdActual",
      "forecast",
      "recurrent",
      "nonRecurrent",
      "unidentified",
      "turnover",
      "surplusDeficit",
      "risk",
    ]);
    expect(fields.slice(15, 27)).toEqual([...PLAN_MONTH_FIELDS]);
    expect(fields.slice(27)).toEqual(ACTUAL_MONTH_FIELDS.slice(0, 6));
    for (const row of view.rows) {
      const text = ["organisation", "orgCode", "group", "category", "scheme", "risk"].includes(row.field as string);
      expect(row.unit).toBe(text ? "" : "£k");
      expect(row.chosen).toBe(false);
      expect(row.note).toBe("");
    }
    expect(view.missing).toEqual([]);
    expect(view.choices).toBe(FIELD_CHOICES);
  });

  it("offers every field once with its label", () => {
    expect(FIELD_CHOICES.map((c) => c.field)).toEqual([...ALL_FIELDS]);
    for (const c of FIELD_CHOICES) expect(c.label).toBe(FIELD_LABELS[c.field]);
  });

  it("notes columns with no header, earlier output and unrecognised headers, and lists them as not read", () => {
    const wider = [...header, "", "CIP: Flags", "Comments", null];
    const view = mappingView(wider, 0, recogniseColumns(wider), {});
    const tail = view.rows.slice(header.length);
    expect(tail.map((r) => [r.letter, r.header, r.field, r.note])).toEqual([
      ["AH", "", null, "No header: not read."],
      ["AI", "CIP: Flags", null, "Output of an earlier run: not read."],
      ["AJ", "Comments", null, "Not recognised: not read."],
      ["AK", "", null, "No header: not read."],
    ]);
    // Blank columns are not listed as "not read": there is nothing to name them by.
    expect(view.messages[view.messages.length - 1]).toBe("Not read: AI (CIP: Flags), AJ (Comments).");
  });

  it("says when the amount columns differ in unit, naming each unit's columns", () => {
    const mixed = ["Trust", "Annual plan £000", "YTD plan £000", "YTD actual £000", "Turnover £m", "Surplus £"];
    const view = mappingView(mixed, 1, recogniseColumns(mixed, { firstColumn: 1 }), {});
    expect(view.messages).toContain(
      "The amount columns are not all in one unit: £ in column G, £k in columns C to E and £m in column F. " +
        "Every amount is converted to £k before anything is worked out; check each column's unit.",
    );
    const same = ["Trust", "Annual plan £k", "YTD actual £k"];
    expect(mappingView(same, 0, recogniseColumns(same), {}).messages.join(" ")).not.toContain("not all in one unit");
  });

  it("shows the header of numbers and dates as text", () => {
    const view = mappingView(["Trust", 2024, true], 0, recogniseColumns(["Trust", 2024, true]), {});
    expect(view.rows.map((r) => r.header)).toEqual(["Trust", "2024", "true"]);
  });

  it("says what is missing when the tracker has neither YTD plan nor actual", () => {
    const bare = ["Trust", "Annual plan £k"];
    const view = mappingView(bare, 0, recogniseColumns(bare), {});
    expect(view.missing).toEqual([ACTUAL_MISSING, PLAN_MISSING]);
  });

  // Recognition is told the first column too (the controller does so), so its messages and the
  // rows name the same letters.
  it("names columns by the same sheet letters in its messages as in its rows", () => {
    const wider = [...header, "Comments"];
    const view = mappingView(wider, 3, recogniseColumns(wider, { firstColumn: 3 }), {});
    const comments = view.rows[view.rows.length - 1];
    expect(comments.letter).toBe("AK");
    const about = view.messages.filter((m) => m.includes('"Comments"') && m.startsWith("Column"));
    expect(about).toHaveLength(1);
    expect(about[0]).toContain(`Column ${comments.letter} `);
  });
});

describe("chooseField", () => {
  it("moves a field from one column to another and switches off what the new column was read as", () => {
    // The analyst says column 7 ("YTD actual £k") is the YTD plan.
    const overrides = chooseField({}, mapping, 7, "ytdPlan");
    expect(overrides).toEqual({ ytdPlan: 7, ytdActual: null });
    const remapped = recogniseColumns(header, { fields: overrides });
    expect(remapped.columns.ytdPlan).toBe(7);
    expect(remapped.columns.ytdActual).toBeUndefined();
    const view = mappingView(header, 0, remapped, overrides);
    expect(view.rows[7]).toMatchObject({ field: "ytdPlan", chosen: true, unit: "£k" });
    // The old YTD plan column is no longer read as anything; no column feeds two fields.
    expect(view.rows[6].field).toBeNull();
    const fields = view.rows.map((r) => r.field).filter((f) => f !== null);
    expect(new Set(fields).size).toBe(fields.length);
    // The monthly actuals still give a YTD actual, and the phasing a YTD plan.
    expect(view.missing).toEqual([]);
  });

  it("ignores a column when given null, keeping the other overrides", () => {
    const overrides = chooseField({ forecast: null }, mapping, 5, null);
    expect(overrides).toEqual({ forecast: null, annualPlan: null });
    const view = mappingView(header, 0, recogniseColumns(header, { fields: overrides }), overrides);
    expect(view.rows[5].field).toBeNull();
    expect(view.rows[8].field).toBeNull();
  });

  it("does not switch off a column's field when it is chosen again for the same column", () => {
    expect(chooseField({}, mapping, 6, "ytdPlan")).toEqual({ ytdPlan: 6 });
  });

  it("does not change the overrides it was given", () => {
    const before = { forecast: null };
    chooseField(before, mapping, 7, "ytdPlan");
    expect(before).toEqual({ forecast: null });
  });

  it("always leaves each column feeding at most one field, and the chosen field at the chosen column (property)", () => {
    const step = fc.tuple(
      fc.integer({ min: 0, max: header.length - 1 }),
      fc.option(fc.constantFrom(...ALL_FIELDS), { nil: null }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
        let overrides: Partial<Record<Field, number | null>> = {};
        let current: ColumnMapping = mapping;
        for (const [index, field] of steps) {
          overrides = chooseField(overrides, current, index, field);
          current = recogniseColumns(header, { fields: overrides });
          if (field !== null) expect(current.columns[field]).toBe(index);
          else expect(Object.values(current.columns)).not.toContain(index);
        }
        const indices = Object.values(current.columns);
        expect(new Set(indices).size).toBe(indices.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe("missingFields", () => {
  const full = Object.fromEntries(PLAN_MONTH_FIELDS.map((f, i) => [f, 10 + i]));

  it("needs a YTD actual, or monthly actuals", () => {
    expect(missingFields({ ytdPlan: 1 })).toEqual([ACTUAL_MISSING]);
    expect(missingFields({ ytdPlan: 1, ytdActual: 2 })).toEqual([]);
    expect(missingFields({ ytdPlan: 1, actualM1: 2 })).toEqual([]);
    expect(missingFields({ ytdPlan: 1, actualM12: 2 })).toEqual([]);
  });

  it("needs a YTD plan, or all 12 plan months", () => {
    expect(missingFields({ ytdActual: 2 })).toEqual([PLAN_MISSING]);
    expect(missingFields({ ytdActual: 2, ...full })).toEqual([]);
    const eleven = { ...full };
    delete eleven.planM12;
    expect(missingFields({ ytdActual: 2, ...eleven })).toEqual([PLAN_MISSING]);
  });

  it("says both, actual first, when neither is there", () => {
    expect(missingFields({})).toEqual([ACTUAL_MISSING, PLAN_MISSING]);
    expect(missingFields({ organisation: 0, annualPlan: 1 })).toEqual([ACTUAL_MISSING, PLAN_MISSING]);
  });

  it("takes column 0 as mapped", () => {
    expect(missingFields({ ytdPlan: 0, ytdActual: 0 })).toEqual([]);
  });
});

describe("a column the analyst chose to ignore", () => {
  it("counts as chosen, so it can be reset", () => {
    const recognised = recogniseColumns(header);
    const turnover = recognised.columns.turnover as number;
    const overrides = chooseField({}, recognised, turnover, null);
    const view = mappingView(header, 0, recogniseColumns(header, { fields: overrides }), overrides, recognised);
    expect(view.rows[turnover]).toMatchObject({ field: null, chosen: true });
  });
});

// The output block cell by cell, for the trust sample (with a few bad, total, blank and heading
// rows added) in each output mode: values equal the core's, formulas are where each mode puts
// them, and formats, conditional rules and leading columns line up.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseTracker, type TrackerAnalysis } from "../../../src/core/analyseTracker";
import { flagText } from "../../../src/core/flags";
import { isProblem } from "../../../src/core/problem";
import { recogniseColumns } from "../../../src/core/recogniseColumns";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { liveFormulaFor } from "../../../src/taskpane/output/liveFormulas";
import { OUTPUT_COLUMNS, OUTPUT_PREFIX, type OutputColumnId } from "../../../src/taskpane/output/outputColumns";
import {
  DEFAULT_MONEY_FORMAT,
  DISTRESS_FLAG,
  literalText,
  numCell,
  planOutput,
  SHARE_FORMAT,
  TEXT_FORMAT,
  type OutputCell,
  type OutputPlan,
} from "../../../src/taskpane/output/outputPlan";
import { formulaLayout, portableFormulaFor } from "../../../src/taskpane/output/portableFormulas";
import type { OutputMode } from "../../../src/taskpane/options";

const sample = JSON.parse(readFileSync(join(__dirname, "../../../assets/sample-trust-cip-tracker.json"), "utf8")) as {
  header: string[];
  rows: unknown[][];
  monthsElapsed: number;
};
const mapping = recogniseColumns(sample.header);
const col = (field: keyof typeof mapping.columns) => mapping.columns[field] as number;

// The 72 trusts, then rows an analyst's tracker also has (0-based rows 72 to 78).
const first = sample.rows[0];
const variant = (name: string, changes: Record<number, unknown>) => {
  const row = [...first];
  row[0] = name;
  for (const [i, v] of Object.entries(changes)) row[Number(i)] = v;
  return row;
};
const BAD_DEFICIT = 72;
const BAD_PLAN = 73;
const ZERO_PLAN = 74;
const NEGATIVE_ANNUAL = 75;
const TOTAL = 76;
const BLANK = 77;
const HEADING = 78;
const rows: unknown[][] = [
  ...sample.rows,
  variant("Bad deficit Trust", { [col("surplusDeficit")]: "n/a" }),
  variant("Bad plan Trust", { [col("ytdPlan")]: "oops" }),
  variant("Zero plan Trust", { [col("ytdPlan")]: 0, [col("ytdActual")]: 0 }),
  variant("Negative plan Trust", { [col("annualPlan")]: -5 }),
  variant("Total", {}),
  first.map(() => null),
  first.map((_, i) => (i === 0 ? "North of England" : null)),
];
const FIRST_ROW = 2;
const analysis = analyseTracker(rows, mapping, { ...DEFAULT_SETTINGS, monthsElapsed: sample.monthsElapsed });
const layout = formulaLayout(mapping, { firstRow: FIRST_ROW, lastRow: FIRST_ROW + rows.length - 1 });
const plan = (mode: OutputMode, moneyFormat = "#,##0", extra: Partial<Parameters<typeof planOutput>[0]> = {}) =>
  planOutput({ analysis, mode, layout, moneyFormat, ...extra });

const ids = (p: OutputPlan) => p.columns.map((c) => c.id);
const at = (p: OutputPlan, id: OutputColumnId) => ids(p).indexOf(id);
const all = (p: OutputPlan) => p.rows(0, p.rowCount);

/** What the core says a values-mode cell holds, worked out independently of outputPlan. */
function coreCell(a: TrackerAnalysis, id: OutputColumnId, row: number): OutputCell {
  const column = OUTPUT_COLUMNS.find((c) => c.id === id)!;
  if (column.metric) {
    const v = a.metrics[column.metric].get(row);
    return v === null ? "" : isProblem(v) ? v.error : v;
  }
  if (column.rag) {
    const v = a.rag(column.rag, row);
    return v === null ? "" : isProblem(v) ? v.error : v;
  }
  if (id === "flags") return a.rowKind(row) === "data" || a.rowKind(row) === "total" ? flagText(a.flags[row]) : "";
  // Notes: a total line says so; a data row with a problem cell says what the problems are.
  if (a.rowKind(row) === "total") return "Total line: left out of the summary.";
  return a.problemsInRow(row).length > 0 && a.rowKind(row) === "data"
    ? a
        .problemsInRow(row)
        .map((p) => p.message)
        .join(" ")
    : "";
}

describe("the analysis the plans are made from", () => {
  it("has the rows the tests rely on", () => {
    expect(analysis.rowCount).toBe(79);
    expect(analysis.problemRows).toEqual([BAD_DEFICIT, BAD_PLAN, NEGATIVE_ANNUAL]);
    expect(analysis.totalRows).toEqual([TOTAL]);
    expect(analysis.rowKind(BLANK)).toBe("blank");
    expect(analysis.rowKind(HEADING)).toBe("label");
  });
});

describe("planOutput columns, header and formats", () => {
  const p = plan("values");

  it("writes every output column for the sample, in order, each header starting 'CIP: '", () => {
    expect(ids(p)).toEqual(OUTPUT_COLUMNS.map((c) => c.id));
    expect(p.header).toEqual(OUTPUT_COLUMNS.map((c) => c.header));
    for (const h of p.header) expect(h.startsWith(OUTPUT_PREFIX)).toBe(true);
    expect(p.rowCount).toBe(rows.length);
    expect(p.mode).toBe("values");
  });

  it("formats money like the tracker, shares as 0.0%, words as General", () => {
    expect(p.numberFormats).toEqual(
      p.columns.map((c) => (c.kind === "money" ? "#,##0" : c.kind === "share" ? SHARE_FORMAT : TEXT_FORMAT)),
    );
    expect(p.numberFormats[at(p, "variance")]).toBe("#,##0");
    expect(p.numberFormats[at(p, "forecast")]).toBe("#,##0");
    expect(p.numberFormats[at(p, "deliveryPct")]).toBe("0.0%");
    expect(p.numberFormats[at(p, "deliveryRag")]).toBe("General");
    expect(p.numberFormats[at(p, "notes")]).toBe("General");
    for (const unknown of ["", "General"]) {
      const q = plan("values", unknown);
      expect(q.numberFormats[at(q, "shortfall")]).toBe(DEFAULT_MONEY_FORMAT);
      expect(DEFAULT_MONEY_FORMAT).toBe("#,##0.0");
    }
    expect(plan("values", "£#,##0.00;[Red]-£#,##0.00").numberFormats[0]).toBe("£#,##0.00;[Red]-£#,##0.00");
  });

  it("puts the RAG rule on the RAG columns and the distress rule on Flags", () => {
    expect(p.conditional).toEqual([
      { column: at(p, "deliveryRag"), rule: "rag" },
      { column: at(p, "forecastRag"), rule: "rag" },
      { column: at(p, "flags"), rule: "distress" },
    ]);
    expect(DISTRESS_FLAG).toBe("DISTRESS");
  });

  it("writes only the columns a smaller tracker's fields allow", () => {
    const small = [
      ["Trust", "YTD plan", "YTD actual"],
      ["A", 100, 90],
      ["B", 100, 110],
    ];
    const m = recogniseColumns(small[0]);
    const a = analyseTracker(small.slice(1), m, DEFAULT_SETTINGS);
    const q = planOutput({ analysis: a, mode: "values", layout: formulaLayout(m, { firstRow: 2, lastRow: 3 }), moneyFormat: "" });
    expect(ids(q)).toEqual(["variance", "shortfall", "shortfallPct", "deliveryPct", "deliveryRag", "flags", "notes"]);
    expect(q.rows(0, 2)).toEqual([
      [-10, 10, 0.1, 0.9, "Amber", "BEHIND_PLAN", ""],
      [10, 0, 0, 1.1, "Green", "", ""],
    ]);
    expect(q.conditional).toEqual([
      { column: 4, rule: "rag" },
      { column: 5, rule: "distress" },
    ]);
  });
});

describe("values mode", () => {
  const p = plan("values");
  const cells = all(p);

  it("gives Pennine Acute's row as worked out by hand", () => {
    // Annual plan 27,220, YTD plan 11,940, YTD actual 10,387, forecast 25,313, recurrent 17,571,
    // non-recurrent 6,765, unidentified 2,884, turnover 575,900, deficit −8,865 (£k).
    const row = cells[0];
    const cell = (id: OutputColumnId) => row[at(p, id)];
    expect(cell("variance")).toBe(-1553);
    expect(cell("shortfall")).toBe(1553);
    expect(cell("shortfallPct")).toBeCloseTo(1553 / 11940, 12);
    expect(cell("deliveryPct")).toBeCloseTo(10387 / 11940, 12);
    expect(cell("progressPct")).toBeCloseTo(10387 / 27220, 12);
    expect(cell("forecast")).toBe(25313);
    expect(cell("forecastShortfallPct")).toBeCloseTo((27220 - 25313) / 27220, 12);
    expect(cell("deliveryRag")).toBe("Amber"); // 87% is below 95%, not below 80%
    expect(cell("forecastRag")).toBe("Amber"); // 7% is above 5%, not above 10%
    expect(cell("flags")).toBe("BEHIND_PLAN, DEFICIT");
    expect(cell("cipOfTurnover")).toBeCloseTo(27220 / 575900, 12);
    expect(cell("nonRecurrentShare")).toBeCloseTo(6765 / (17571 + 6765), 12);
    expect(cell("unidentifiedShare")).toBeCloseTo(2884 / 27220, 12);
    expect(cell("notes")).toBe("");
  });

  it("equals the core's results in every cell of every row", () => {
    for (let r = 0; r < p.rowCount; r++)
      p.columns.forEach((c, i) => {
        if (c.id === "notes" && r === BAD_DEFICIT) return; // the bug below
        expect(cells[r][i], `row ${r} ${c.id}`).toEqual(coreCell(analysis, c.id, r));
      });
  });

  it("writes only numbers, words and blanks: no formulas, no NaN, no objects", () => {
    for (const row of cells)
      for (const cell of row) {
        if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
        else {
          expect(typeof cell).toBe("string");
          expect(cell.startsWith("=")).toBe(false);
        }
      }
  });

  it("shows a bad cell's error where it matters and explains it in the notes", () => {
    const row = cells[BAD_PLAN];
    expect(row[at(p, "variance")]).toBe("#VALUE!");
    expect(row[at(p, "deliveryPct")]).toBe("#VALUE!");
    expect(row[at(p, "deliveryRag")]).toBe("#VALUE!");
    expect(row[at(p, "progressPct")]).toBeTypeOf("number"); // needs no YTD plan
    expect(row[at(p, "notes")]).toBe(`YTD plan in row ${BAD_PLAN + FIRST_ROW} is the text "oops", not a number.`);
    const negative = cells[NEGATIVE_ANNUAL];
    expect(negative[at(p, "progressPct")]).toBe("#NUM!");
    expect(negative[at(p, "forecastRag")]).toBe("#NUM!");
    expect(negative[at(p, "notes")]).toBe("Annual plan is negative (-5); it cannot be below zero.");
  });

  it("shows #DIV/0! for a zero plan to date and says why", () => {
    const row = cells[ZERO_PLAN];
    expect(row[at(p, "shortfallPct")]).toBe("#DIV/0!");
    expect(row[at(p, "deliveryRag")]).toBe("#DIV/0!");
    expect(row[at(p, "notes")]).toContain("YTD delivery % needs a YTD plan above zero");
  });

  it("marks a total line in the notes and keeps its flags; leaves blank and heading rows blank", () => {
    expect(cells[TOTAL][at(p, "notes")]).toBe("Total line: left out of the summary.");
    expect(cells[TOTAL][at(p, "flags")]).toBe("BEHIND_PLAN, DEFICIT");
    expect(cells[BLANK].every((c) => c === "")).toBe(true);
    expect(cells[HEADING].every((c) => c === "")).toBe(true);
  });

  it("writes no note for the 72 clean trusts", () => {
    for (let r = 0; r < 72; r++) expect(cells[r][at(p, "notes")]).toBe("");
  });

  // BUG: a row whose only problem is a cell no output metric reads (here Surplus/(deficit) "n/a",
  // which feeds only the DEFICIT flag) is in analysis.problemRows and the pane's problem list, and
  // the pane says "see the list below and the Notes column", but its note is "": noteFor only
  // looks for a problem among the metrics, not among the row's input problems.
  // Reproduction: the sample's first row with Surplus/(deficit) set to "n/a".
  it("writes a note for every row in problemRows", () => {
    for (const r of analysis.problemRows) expect(cells[r][at(p, "notes")], `row ${r}`).not.toBe("");
    expect(cells[BAD_DEFICIT][at(p, "notes")]).toBe(
      `Surplus/(deficit) in row ${BAD_DEFICIT + FIRST_ROW} is the text "n/a", not a number.`,
    );
  });
});

describe("numCell", () => {
  it("turns a blank into '', a number into itself and a problem into its error", () => {
    expect(numCell(null)).toBe("");
    expect(numCell(0)).toBe(0);
    expect(numCell(-2.5)).toBe(-2.5);
    expect(numCell({ kind: "divideByZero", error: "#DIV/0!", message: "x" })).toBe("#DIV/0!");
  });
});

describe("live mode", () => {
  const p = plan("live");
  const cells = all(p);
  const settings = analysis.settings;

  it("writes each live formula once, in row 0, leaving the spill area blank", () => {
    p.columns.forEach((c, i) => {
      const formula = liveFormulaFor(c, layout, settings, true);
      if (formula === null) return;
      expect(cells[0][i]).toBe(formula);
      expect(formula.startsWith("=")).toBe(true);
      for (let r = 1; r < p.rowCount; r++) expect(cells[r][i], `row ${r} ${c.id}`).toBe("");
    });
  });

  it("spills over exactly the tracker's data rows", () => {
    expect(cells[0][at(p, "shortfall")]).toContain(`G${FIRST_ROW}:G${FIRST_ROW + rows.length - 1}`);
  });

  it("falls back to a formula per row for Flags, which has no live formula, and to values for Notes", () => {
    const flags = OUTPUT_COLUMNS.find((c) => c.id === "flags")!;
    expect(liveFormulaFor(flags, layout, settings, true)).toBeNull();
    const perRow = portableFormulaFor(flags, layout, settings, true)!;
    for (let r = 0; r < p.rowCount; r++) expect(cells[r][at(p, "flags")]).toBe(perRow(FIRST_ROW + r));
    const values = all(plan("values"));
    for (let r = 0; r < p.rowCount; r++) expect(cells[r][at(p, "notes")]).toBe(values[r][at(p, "notes")]);
  });

  it("has live formulas for every column but Flags and Notes on the sample", () => {
    const withLive = p.columns.filter((c) => liveFormulaFor(c, layout, settings, true) !== null).map((c) => c.id);
    expect(withLive).toEqual(OUTPUT_COLUMNS.map((c) => c.id).filter((id) => id !== "flags" && id !== "notes"));
  });
});

describe("portable mode", () => {
  const p = plan("portable");
  const cells = all(p);

  it("writes a formula in every row of every column but Notes, each for its own sheet row", () => {
    p.columns.forEach((c, i) => {
      if (c.id === "notes") return;
      const formulaAt = portableFormulaFor(c, layout, analysis.settings, true)!;
      for (let r = 0; r < p.rowCount; r++) {
        const cell = cells[r][i];
        expect(typeof cell === "string" && cell.startsWith("="), `row ${r} ${c.id}`).toBe(true);
        expect(cell).toBe(formulaAt(FIRST_ROW + r));
      }
    });
  });

  it("refers to the row's own cells, not to whole columns", () => {
    const progress = at(p, "progressPct");
    expect(cells[0][progress]).toContain("F2");
    expect(cells[10][progress]).toContain("F12");
    expect(cells[10][progress]).not.toContain("F2)");
    expect(cells[10][progress]).not.toMatch(/F\d+:F\d+/);
  });

  it("keeps the notes as values", () => {
    const values = all(plan("values"));
    for (let r = 0; r < p.rowCount; r++) expect(cells[r][at(p, "notes")]).toBe(values[r][at(p, "notes")]);
  });
});

describe("leading columns", () => {
  const leading = [
    { header: "Trust", cell: (r: number) => analysis.organisation(r) },
    { header: "Row", cell: (r: number) => r + FIRST_ROW },
  ];

  it.each<OutputMode>(["values", "live", "portable"])("shift every result column right in %s mode", (mode) => {
    const p = plan(mode, "#,##0", { leading });
    const bare = plan(mode);
    expect(p.columns).toEqual(bare.columns);
    expect(p.header).toEqual(["Trust", "Row", ...bare.header]);
    expect(p.numberFormats).toEqual(["General", "General", ...bare.numberFormats]);
    expect(p.conditional).toEqual(bare.conditional.map((c) => ({ ...c, column: c.column + 2 })));
    const withLeading = p.rows(0, 5);
    const without = bare.rows(0, 5);
    withLeading.forEach((row, r) => {
      expect(row).toEqual([analysis.organisation(r), r + FIRST_ROW, ...without[r]]);
    });
    expect(withLeading[0][0]).toBe("Pennine Acute Hospitals NHS Trust");
  });
});

describe("rows(from, to)", () => {
  it("gives chunks that concatenate to the whole block, in every mode (property)", () => {
    const plans = { values: plan("values"), live: plan("live"), portable: plan("portable") };
    const whole = { values: all(plans.values), live: all(plans.live), portable: all(plans.portable) };
    fc.assert(
      fc.property(
        fc.constantFrom<OutputMode>("values", "live", "portable"),
        fc.uniqueArray(fc.integer({ min: 1, max: rows.length - 1 }), { maxLength: 8 }),
        (mode, cuts) => {
          const bounds = [0, ...[...cuts].sort((a, b) => a - b), rows.length];
          const chunks: OutputCell[][] = [];
          for (let i = 0; i + 1 < bounds.length; i++) chunks.push(...plans[mode].rows(bounds[i], bounds[i + 1]));
          expect(chunks).toEqual(whole[mode]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("gives one array per row, each as wide as the header, and nothing for an empty range", () => {
    const p = plan("values");
    expect(p.rows(3, 3)).toEqual([]);
    expect(p.rows(5, 2)).toEqual([]);
    const some = p.rows(10, 20);
    expect(some).toHaveLength(10);
    for (const row of some) expect(row).toHaveLength(p.header.length);
    expect(some[0]).toEqual(all(p)[10]);
  });
});

describe("literalText", () => {
  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ["+44 20", "'+44 20"],
    ["-Leeds", "'-Leeds"],
    ["@risk", "'@risk"],
    ["#N/A", "'#N/A"],
    ["00123", "'00123"],
    [".5", "'.5"],
    ["'quoted", "''quoted"],
    ["Leeds Teaching Hospitals", "Leeds Teaching Hospitals"],
    ["North of England", "North of England"],
  ])("keeps %j as text: %j", (text, cell) => {
    expect(literalText(text)).toBe(cell);
  });
});

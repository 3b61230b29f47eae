// The portable formulas against an independent spreadsheet engine: every output column's formula,
// for every row, evaluated by HyperFormula, must give what the core gives (the values mode writes
// the core's results), on the sample trackers and on a small tracker of awkward rows.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HyperFormula, type RawCellContent } from "hyperformula";
import { describe, expect, it } from "vitest";
import { analyseTracker, type TrackerAnalysis, type TrackerLayout } from "../../../src/core/analyseTracker";
import { ACTUAL_MONTH_FIELDS, MONEY_FIELDS, PLAN_MONTH_FIELDS, type Field, type NumericField } from "../../../src/core/fields";
import { flagText } from "../../../src/core/flags";
import { isProblem, type Num, type Problem } from "../../../src/core/problem";
import type { Rag } from "../../../src/core/rag";
import { columnLetter } from "../../../src/core/excelConventions";
import { recogniseColumns } from "../../../src/core/recogniseColumns";
import { DEFAULT_SETTINGS, type Settings } from "../../../src/core/settings";
import type { Unit } from "../../../src/core/units";
import { OUTPUT_COLUMNS, outputColumnsFor, type OutputColumn } from "../../../src/taskpane/output/outputColumns";
import { formulaLayout, portableFormulaFor, type FormulaLayout } from "../../../src/taskpane/output/portableFormulas";

interface Sample {
  monthsElapsed: number;
  header: unknown[];
  rows: unknown[][];
}

const load = (name: string): Sample => JSON.parse(readFileSync(join(__dirname, "../../../assets", name), "utf8"));

/** A tracker cell as the sheet holds it: "" is an empty cell, "#N/A" an error cell. */
const sheetCell = (v: unknown) => (v === "" || v === undefined ? null : v === "#N/A" ? "=NA()" : v === "#DIV/0!" ? "=1/0" : v);

type Expected = Num | Rag | string;

function expected(a: TrackerAnalysis, column: OutputColumn, row: number): Expected {
  if (column.metric !== undefined) return a.metrics[column.metric].get(row);
  if (column.rag !== undefined) return a.rag(column.rag, row);
  return flagText(a.flags[row]);
}

function same(got: unknown, want: Expected): boolean {
  if (want === null) return got === "" || got === null;
  if (isProblem(want))
    return typeof got === "object" && got !== null && (got as { value?: unknown }).value === (want as Problem).error;
  if (typeof want === "number") {
    return typeof got === "number" && Math.abs(got - want) <= 1e-9 * Math.max(Math.abs(want), Math.abs(got), 1e-300);
  }
  return got === want;
}

const show = (v: unknown) => (isProblem(v) ? v.error : typeof v === "object" && v !== null ? (v as { value: unknown }).value : v);

interface Case {
  header: readonly unknown[];
  rows: readonly (readonly unknown[])[];
  tracker: TrackerLayout;
  settings: Settings;
  /** Write the output on a second sheet, its formulas reading the tracker's sheet by name. */
  otherSheet?: boolean;
}

/**
 * Puts the tracker in row 1 onwards, every output column's formula beside it (or on a second
 * sheet), and returns every mismatch with the core as "row column: got ≠ want" for a readable failure.
 */
function mismatches({ header, rows, tracker, settings, otherSheet }: Case): {
  bad: string[];
  checked: number;
  maxLength: number;
} {
  const analysis = analyseTracker(rows, tracker, settings, { checkedPathOnly: false });
  const hasForecastColumn = tracker.columns.forecast !== undefined;
  const layout: FormulaLayout = formulaLayout(tracker, {
    firstRow: 2,
    lastRow: rows.length + 1,
    sheet: otherSheet ? "Tracker data" : undefined,
  });
  const columns = outputColumnsFor(tracker.columns).filter((c) => c.id !== "notes");
  const formulas = columns.map((c) => portableFormulaFor(c, layout, settings, hasForecastColumn)!);
  const width = header.length;
  const data = [header.map(sheetCell), ...rows.map((r) => Array.from({ length: width }, (_, i) => sheetCell(r[i])))];
  const out = [columns.map((c) => c.header), ...rows.map((_, i) => formulas.map((f) => f(i + 2)))];
  let maxLength = 0;
  for (const line of out.slice(1)) for (const f of line) maxLength = Math.max(maxLength, f.length);
  const sheets: Record<string, RawCellContent[][]> = otherSheet
    ? { "Tracker data": data as RawCellContent[][], Output: out }
    : { "Tracker data": data.map((line, r) => [...line, ...out[r]]) as RawCellContent[][] };
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
  const sheet = hf.getSheetId(otherSheet ? "Output" : "Tracker data")!;
  const offset = otherSheet ? 0 : width;
  const bad: string[] = [];
  let checked = 0;
  for (let r = 0; r < rows.length; r++) {
    columns.forEach((c, j) => {
      const got = hf.getCellValue({ sheet, row: r + 1, col: offset + j });
      const want = expected(analysis, c, r);
      checked++;
      if (!same(got, want))
        bad.push(`row ${r + 2} ${c.id}: ${JSON.stringify(show(got))} ≠ ${JSON.stringify(show(want))}  ${out[r + 1][j]}`);
    });
  }
  hf.destroy();
  return { bad, checked, maxLength };
}

describe.each(["sample-trust-cip-tracker.json", "sample-pct-qipp-tracker.json"])("portable formulas on %s", (name) => {
  const sample = load(name);
  const tracker = recogniseColumns(sample.header);
  const base = { ...DEFAULT_SETTINGS, monthsElapsed: sample.monthsElapsed };

  it.each([
    ["the defaults", base],
    ["the reported forecast ignored: run rate", { ...base, forecastBasis: "projected", forecastMethod: "runRate" }],
    ["remaining plan", { ...base, forecastBasis: "projected", forecastMethod: "remainingPlan" }],
    ["delivery ratio", { ...base, forecastBasis: "projected", forecastMethod: "deliveryRatio" }],
  ] as [string, Settings][])("match the core for every row and column with %s", (_, settings) => {
    const { bad, checked } = mismatches({ header: sample.header, rows: sample.rows, tracker, settings });
    expect(bad).toEqual([]);
    expect(checked).toBe(sample.rows.length * (OUTPUT_COLUMNS.length - 1));
  });

  it("match the core with the output on another sheet", () => {
    expect(mismatches({ header: sample.header, rows: sample.rows, tracker, settings: base, otherSheet: true }).bad).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// A hand-made tracker: plans in £m, actuals in £k, twelve plan months (£m) and twelve actual
// months (£k), one awkward row each.

const MONEY: Field[] = [...MONEY_FIELDS];
const FIELDS: Field[] = ["organisation", "group", ...MONEY, ...PLAN_MONTH_FIELDS, ...ACTUAL_MONTH_FIELDS];
const HEADER = FIELDS.map(String);
const UNITS: Partial<Record<NumericField, Unit>> = {
  annualPlan: "£m",
  ytdPlan: "£m",
  ytdActual: "£k",
  forecast: "£m",
  recurrent: "£m",
  nonRecurrent: "£m",
  unidentified: "£k",
  turnover: "£m",
  surplusDeficit: "£k",
  ...Object.fromEntries(PLAN_MONTH_FIELDS.map((f) => [f, "£m"])),
  ...Object.fromEntries(ACTUAL_MONTH_FIELDS.map((f) => [f, "£k"])),
};

const even = (total: number) => Array.from({ length: 12 }, () => total / 12);
const backLoaded = [1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 3, 3];
const actuals = (perMonth: number) => Array.from({ length: 12 }, () => perMonth);

/** [name, annual, ytdPlan, ytdActual(£k), forecast, rec, nonRec, unidentified(£k), turnover, surplus(£k), plan months, actual months(£k)] */
type EdgeRow = [string, ...unknown[]];
const edge = (
  name: string,
  money: readonly unknown[],
  planMonths: readonly unknown[] = backLoaded,
  actualMonths: readonly unknown[] = actuals(500),
): EdgeRow => [name, "North", ...money, ...planMonths, ...actualMonths];

const EDGE_ROWS: EdgeRow[] = [
  edge("On plan", [24, 6, 6000, 24, 20, 4, 500, 400, 100]),
  edge("Behind, in deficit, distress", [24, 6, 2000, 12, 5, 10, 8000, 400, -3000]),
  edge("Zero YTD plan", [24, 0, 1000, 20, 10, 10, 0, 400, 0]),
  edge("Zero YTD plan, nothing delivered", [24, 0, 0, 20, 10, 10, 0, 400, 0]),
  edge("Blank actual", [24, 6, "", 20, 10, 10, 0, 400, 0]),
  edge("Negative actual", [24, 6, -500, 20, 10, 10, 0, 400, -1]),
  edge("Negative plan", [24, -6, 3000, 20, 10, 10, 0, 400, -1]),
  edge("Negative annual plan", [-24, 6, 3000, 20, 10, 10, 0, 400, -1]),
  edge("Zero annual plan", [0, 0, 0, 0, 0, 0, 0, 400, 0]),
  edge("YTD plan above annual", [10, 12, 6000, 9, 1, 0, 0, 0, 5]),
  edge("Blank YTD plan: from the phasing", [24, "", 5000, 20, 10, 10, 0, 400, 0]),
  edge("Blank YTD plan, blank phasing", [24, "", 5000, 20, 10, 10, 0, 400, 0], Array(12).fill("")),
  edge(
    "Blank YTD plan, phasing only after the months to date",
    [24, "", 5000, 20, 10, 10, 0, 400, 0],
    [...Array(6).fill(""), ...Array(6).fill(4)],
  ),
  edge("Blank YTD plan, negative month", [24, "", 5000, 20, 10, 10, 0, 400, 0], [2, -1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]),
  edge("Blank YTD plan, error in a late month", [24, "", 5000, 20, 10, 10, 0, 400, 0], [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, "#N/A"]),
  edge("Blank actual: from the months", [24, 6, "", 20, 10, 10, 0, 400, 0], backLoaded, [
    400,
    500,
    -100,
    600,
    700,
    800,
    ...Array(6).fill(""),
  ]),
  edge("Blank actual, blank months", [24, 6, "", 20, 10, 10, 0, 400, 0], backLoaded, Array(12).fill("")),
  edge("Blank actual, error in month 2", [24, 6, "", 20, 10, 10, 0, 400, 0], backLoaded, [1, "#N/A", ...Array(10).fill(1)]),
  edge("Exactly 95% delivered", [24, 20, 19000, 22.8, 10, 10, 0, 400, 0], even(24)),
  edge("Exactly 80% delivered", [24, 20, 16000, 21.6, 10, 10, 0, 400, 0], even(24)),
  edge("Exactly 5% forecast short", [100, 50, 47500, 95, 10, 10, 0, 2000, 0], even(100)),
  edge("Exactly 10% forecast short", [100, 50, 45000, 90, 10, 10, 0, 2000, 0], even(100)),
  edge("Exactly half of plan to date", [100, 50, 25000, 90, 10, 10, 0, 2000, -1], even(100)),
  edge("Exactly a fifth of the annual plan", [24, 6, 4800, 24, 10, 10, 0, 400, -1]),
  edge("Blank forecast", [24, 6, 5000, "", 10, 10, 0, 400, 0]),
  edge("Zero turnover, no savings split", [24, 6, 5000, 24, 0, 0, 0, 0, 0]),
  edge("Negative recurrent and unidentified", [24, 6, 5000, 24, -1, 2, -5, 400, 0]),
  edge("Error in actual", [24, 6, "#N/A", 24, 10, 10, 0, 400, 0]),
  edge("Error in plan and actual", [24, "#DIV/0!", "#N/A", 24, 10, 10, 0, 400, 0]),
  edge("Blank plan, error actual", [24, "", "#N/A", 24, 10, 10, 0, 400, 0], Array(12).fill("")),
  edge("Negative plan, error actual", [24, -1, "#N/A", 24, 10, 10, 0, 400, 0]),
  edge("Blank annual, negative plan to date", ["", -1, 3000, 24, 10, 10, 0, 400, 0]),
  edge(
    "Heavily back-loaded",
    [24, 3, 3000, 24, 1, 20, 8000, 400, 0],
    [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5],
  ),
  ["Section heading", "", ...Array(FIELDS.length - 2).fill("")],
  ["", "", ...Array(FIELDS.length - 2).fill("")],
  ["Total", "", 100, 50, 40000, 90, 10, 10, 0, 2000, -1, ...even(100), ...actuals(1000)],
];

function edgeCase(fields: readonly Field[], settings: Settings, otherSheet = false): Case {
  const keep = FIELDS.map((f, i) => [f, i] as const).filter(([f]) => fields.includes(f));
  const columns = Object.fromEntries(keep.map(([f], j) => [f, j])) as Partial<Record<Field, number>>;
  const units = Object.fromEntries(keep.flatMap(([f]) => (f in UNITS ? [[f, UNITS[f as NumericField]]] : [])));
  return {
    header: keep.map(([f]) => HEADER[FIELDS.indexOf(f)]),
    rows: EDGE_ROWS.map((row) => keep.map(([, i]) => row[i])),
    tracker: { columns, units },
    settings,
    otherSheet,
  };
}

const without = (...drop: Field[]) => FIELDS.filter((f) => !drop.includes(f));
const STRICT: Settings = {
  ...DEFAULT_SETTINGS,
  deliveryRag: { greenAt: 0.9, amberAt: 0.9 },
  forecastShortfallRag: { greenAt: 0.2, amberAt: 0.2 },
  severelyBehindBelow: 0.6,
  underFifthBelow: 0.3,
  highNonRecurrentAbove: 0.3,
  highUnidentifiedAbove: 0.1,
  backLoadedAbove: 0.7,
};

describe("portable formulas on awkward rows", () => {
  const layouts: [string, Field[]][] = [
    ["every column", FIELDS],
    ["phasing and no YTD plan column", without("ytdPlan")],
    ["no phasing", without(...PLAN_MONTH_FIELDS)],
    ["monthly actuals and no YTD actual column", without("ytdActual")],
    ["no forecast column", without("forecast")],
    ["only the plan and actual", ["organisation", "annualPlan", "ytdPlan", "ytdActual"]],
  ];
  const variants: [string, Partial<Settings>][] = [
    ["defaults", {}],
    ["projected by delivery ratio", { forecastBasis: "projected", forecastMethod: "deliveryRatio" }],
    ["projected by run rate", { forecastBasis: "projected", forecastMethod: "runRate" }],
    ["projected by remaining plan", { forecastBasis: "projected", forecastMethod: "remainingPlan" }],
    ["reported, run rate otherwise", { forecastMethod: "runRate" }],
    ["non-default thresholds", STRICT],
  ];
  const months = [1, 6, 12];
  const cases = layouts.flatMap(([layout, fields]) =>
    variants.flatMap(([variant, change]) =>
      months.map(
        (k) => [`${layout}, ${variant}, month ${k}`, fields, { ...DEFAULT_SETTINGS, ...change, monthsElapsed: k }] as const,
      ),
    ),
  );

  it.each(cases)("match the core: %s", (_, fields, settings) => {
    const { bad, maxLength } = mismatches(edgeCase(fields, settings));
    expect(bad).toEqual([]);
    // Excel's limit on a formula's length.
    expect(maxLength).toBeLessThan(8192);
  });

  it("match the core with the output on another sheet", () => {
    expect(mismatches(edgeCase(FIELDS, DEFAULT_SETTINGS, true)).bad).toEqual([]);
  });
});

describe("the formulas as written", () => {
  const tracker: TrackerLayout = {
    columns: { organisation: 0, annualPlan: 1, ytdPlan: 2, ytdActual: 3, surplusDeficit: 4 },
    units: { annualPlan: "£m", ytdPlan: "£m", ytdActual: "£k", surplusDeficit: "£m" },
  };
  const layout = formulaLayout(tracker, { firstRow: 2, lastRow: 73 });
  const formula = (id: string, settings = DEFAULT_SETTINGS) =>
    portableFormulaFor(
      OUTPUT_COLUMNS.find((c) => c.id === id)!,
      layout,
      settings,
      false,
    );

  it("read the row's cells, in the working unit", () => {
    expect(layout.columns.ytdActual).toBe("D");
    expect(layout.factors).toEqual({ ytdActual: 0.001 });
    expect(formula("variance")!(7)).toBe('=IF(OR(IF(C7<0,SQRT(-1),C7=""),D7=""),"",(D7*0.001)-C7)');
    expect(formula("deliveryPct")!(2)).toBe('=IF(OR(IF(C2<0,SQRT(-1),C2=""),D2=""),"",(D2*0.001)/C2)');
  });

  it("apply each factor to its own cell, in a denominator too", () => {
    // The usual layout: plans in £000, turnover in £m. C2/J2*1000 would be a million times too big.
    const mixed = formulaLayout(
      { columns: { organisation: 0, annualPlan: 2, turnover: 9 }, units: { annualPlan: "£k", turnover: "£m" } },
      { firstRow: 2, lastRow: 9 },
    );
    const cipOfTurnover = portableFormulaFor(
      OUTPUT_COLUMNS.find((c) => c.id === "cipOfTurnover")!,
      mixed,
      DEFAULT_SETTINGS,
      false,
    );
    expect(cipOfTurnover!(2)).toBe('=IF(OR(IF(J2<0,SQRT(-1),J2=""),IF(C2<0,SQRT(-1),C2="")),"",C2/(J2*1000))');
  });

  it("bake the RAG cut-offs in, with the core's tolerance", () => {
    expect(formula("deliveryRag")!(2)).toBe(
      '=IF(IF(OR(IF(C2<0,SQRT(-1),C2=""),D2=""),"",(D2*0.001)/C2)="","",' +
        'CHOOSE(MATCH(IF(OR(IF(C2<0,SQRT(-1),C2=""),D2=""),"",(D2*0.001)/C2),{-1e+308,0.7999999990000001,0.949999999},1),"Red","Amber","Green"))',
    );
  });

  it("write the flags as flagText does", () => {
    const flags = formula("flags")!(2);
    expect(
      flags.startsWith(
        '=MID(IFERROR(IF(AND(ISNUMBER(C2),ISNUMBER(D2),C2>=0,(D2*0.001)<C2-1e-9*MAX(C2,1)),", BEHIND_PLAN",""),"")&',
      ),
    ).toBe(true);
    expect(flags).toContain('", DISTRESS"');
    expect(flags).not.toContain("HIGH_NON_RECURRENT");
  });

  it("leave the notes to the values", () => {
    expect(formula("notes")).toBeNull();
  });

  it("are fast enough for a million rows", () => {
    const all = OUTPUT_COLUMNS.map((c) => portableFormulaFor(c, layout, DEFAULT_SETTINGS, false)).filter((f) => f !== null);
    const start = performance.now();
    let length = 0;
    for (let row = 2; row < 100_002; row++) for (const f of all) length += f!(row).length;
    expect(length).toBeGreaterThan(0);
    // 100,000 rows: a tenth of a full sheet, in well under a second.
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it("name columns as Excel does", () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
  });
});

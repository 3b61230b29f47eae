// The formulas the task pane writes for a tracker, evaluated by HyperFormula beside the tracker,
// against what the core gives (which is what the values mode writes), cell by cell.
import { HyperFormula, type RawCellContent } from "hyperformula";
import { analyseTracker, type TrackerAnalysis } from "../../src/core/analyseTracker";
import { flagText } from "../../src/core/flags";
import { isProblem, type Num } from "../../src/core/problem";
import type { Rag } from "../../src/core/rag";
import { liveFormulaFor } from "../../src/taskpane/output/liveFormulas";
import { outputColumnsFor, type OutputColumn } from "../../src/taskpane/output/outputColumns";
import { formulaLayout, portableFormulaFor } from "../../src/taskpane/output/portableFormulas";
import { close, shown } from "./formulaEngine";
import { analyseSchemes, type SchemeAnalysis } from "../../src/core/schemes/schemeRegister";
import { DEFAULT_SCHEME_SETTINGS } from "../../src/core/schemes/schemeSettings";
import { RISK_BASIS_LABELS } from "../../src/core/schemes/riskAdjust";
import { schemeCellSource, withSchemeColumns } from "../../src/taskpane/output/schemeColumns";
import { sheetCell, type GeneratedTracker } from "./generatedTrackers";

export type FormulaMode = "portable" | "live";

/** The scheme register's columns (schemeColumns.ts), for checks of those alone. */
export const schemeColumnsOnly = (c: OutputColumn): boolean => c.id === "riskAdjusted" || c.id === "riskBasis";

/** A core result as the values mode writes it: blank "", an error its code. */
function valueOf(a: TrackerAnalysis, column: OutputColumn, row: number, schemes?: SchemeAnalysis): unknown {
  let v: Num | Rag | string;
  if (column.id === "riskAdjusted") v = schemes!.riskAdjustedAt(row);
  else if (column.id === "riskBasis") v = RISK_BASIS_LABELS[schemes!.basisAt(row) ?? "none"];
  else if (column.metric !== undefined) v = a.metrics[column.metric].get(row);
  else if (column.rag !== undefined) v = a.rag(column.rag, row);
  else v = flagText(a.flags[row]);
  if (v === null) return "";
  return isProblem(v) ? v.error : v;
}

/**
 * Every output cell (notes aside) whose formula shows something else than the core's result, as
 * "row column: got ≠ want  formula". Live mode: the one spilling formula in the first data row,
 * the flags' portable formula row by row (as outputPlan.ts writes them).
 */
export function formulaMismatches(
  { rows, header, tracker, settings }: GeneratedTracker,
  mode: FormulaMode,
  only: (column: OutputColumn) => boolean = () => true,
): string[] {
  const analysis = analyseTracker(rows, tracker, settings, { checkedPathOnly: false });
  const hasForecastColumn = tracker.columns.forecast !== undefined;
  const layout = formulaLayout(tracker, { firstRow: 2, lastRow: rows.length + 1 });
  // A scheme register's columns too (schemeColumns.ts), its weights the core's defaults.
  const schemes =
    tracker.columns.scheme === undefined ? undefined : analyseSchemes(rows, tracker, analysis, DEFAULT_SCHEME_SETTINGS, header);
  const columns = withSchemeColumns(outputColumnsFor(tracker.columns), schemes).filter((c) => c.id !== "notes" && only(c));
  const cells: RawCellContent[][] = rows.map(() => columns.map(() => null));
  const written: string[] = [];
  columns.forEach((column, j) => {
    const scheme = schemeCellSource(column, schemes, mode, layout, settings);
    if (scheme !== null) {
      rows.forEach((_, r) => (cells[r][j] = scheme(r) as RawCellContent));
      written[j] = String(scheme(0));
      return;
    }
    const live = mode === "live" ? liveFormulaFor(column, layout, settings, hasForecastColumn) : null;
    if (live !== null) {
      cells[0][j] = live;
      written[j] = live;
      return;
    }
    const at = portableFormulaFor(column, layout, settings, hasForecastColumn)!;
    rows.forEach((_, r) => (cells[r][j] = at(r + 2)));
    written[j] = at(2);
  });
  const width = header.length;
  const sheet = [
    [...header, ...columns.map((c) => c.header)],
    ...rows.map((row, r) => [...Array.from({ length: width }, (_, i) => sheetCell(row[i])), ...cells[r]]),
  ] as RawCellContent[][];
  const hf = HyperFormula.buildFromSheets({ Tracker: sheet }, { licenseKey: "gpl-v3", useArrayArithmetic: true });
  const bad: string[] = [];
  try {
    for (let r = 0; r < rows.length; r++) {
      columns.forEach((column, j) => {
        const got = shown(hf.getCellValue({ sheet: 0, row: r + 1, col: width + j }));
        const want = valueOf(analysis, column, r, schemes);
        if (!close(got, want)) bad.push(`row ${r + 2} ${column.id}: ${String(got)} ≠ ${String(want)}  ${written[j]}`);
      });
    }
  } finally {
    hf.destroy();
  }
  return bad;
}

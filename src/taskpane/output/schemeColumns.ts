// The output columns of a scheme register (docs/scheme-registers.md): "CIP: Risk-adjusted forecast"
// and "CIP: Risk basis", written before the notes when rows are schemes, and the scheme's own
// problems (a stage not known, a likelihood out of range, no organisation, a name twice) added to
// its notes.
//
// The risk-adjusted forecast is YTD actual + max(annual plan − YTD plan, 0) × weight. In the formula
// modes the amounts are plain Excel over the row's cells (the same parts as the portable formulas,
// so blanks, units and the plan or actual added up from the months follow the core), and the weight
// is the number the add-in read for the row. The weight cannot be a formula: it comes from the
// stage, likelihood or risk RAG text by the core's word lists (e.g. "Gateway 2 - PID",
// "BC approved", "H"/"Med", the analyst's own stage words) and by which basis comes first, which no
// plain Excel 2010 formula can read alike; so a reviewer sees the weight in the formula, and a
// changed stage needs another Analyse. Live mode writes the same formulas: CIP.RISKADJUST reads
// stage words too, but not the analyst's own, nor the rule that a scheme named "TBI" is unidentified.
// A row with no weight (no basis the add-in could read) gets the values mode's cell, its reason in
// the notes. The basis column is words, the same in every mode.
import type { SchemeAnalysis } from "../../core/schemes/schemeRegister";
import { RISK_BASIS_LABELS } from "../../core/schemes/riskAdjust";
import type { OutputMode } from "../options";
import { OUTPUT_PREFIX, type OutputColumn } from "./outputColumns";
import { rowAmountFormulas, type FormulaLayout } from "./portableFormulas";
import type { Settings } from "../../core/settings";
import type { Num } from "../../core/problem";
import { formatPercent } from "../../core/format";

/** A cell as written (outputPlan.ts's OutputCell; not imported, which would make a cycle). */
type OutputCell = number | string;
const numCell = (v: Num): OutputCell => (v === null ? "" : typeof v === "number" ? v : v.error);

export const SCHEME_OUTPUT_COLUMNS: readonly OutputColumn[] = [
  { id: "riskAdjusted", header: OUTPUT_PREFIX + "Risk-adjusted forecast", kind: "money", needs: ["scheme", "annualPlan"] },
  { id: "riskBasis", header: OUTPUT_PREFIX + "Risk basis", kind: "text", needs: ["scheme", "annualPlan"] },
];

/** The columns with a scheme register's before the notes (the notes stay last). */
export function withSchemeColumns(columns: readonly OutputColumn[], schemes: SchemeAnalysis | undefined): OutputColumn[] {
  if (!schemes?.isSchemeRegister) return [...columns];
  const mapped = schemes.layout.columns;
  const extra = SCHEME_OUTPUT_COLUMNS.filter((c) => c.needs.every((f) => mapped[f] !== undefined));
  const notes = columns.findIndex((c) => c.id === "notes");
  const at = notes < 0 ? columns.length : notes;
  return [...columns.slice(0, at), ...extra, ...columns.slice(at)];
}

/** Where a scheme column's cells come from in this mode; null for any other column. */
export function schemeCellSource(
  column: OutputColumn,
  schemes: SchemeAnalysis | undefined,
  mode: OutputMode,
  layout: FormulaLayout,
  settings: Settings,
): ((row: number) => OutputCell) | null {
  if (!schemes) return null;
  if (column.id === "riskBasis") {
    return (row) => {
      const basis = schemes.basisAt(row);
      return basis === null ? "" : RISK_BASIS_LABELS[basis];
    };
  }
  if (column.id !== "riskAdjusted") return null;
  const value = (row: number) => numCell(schemes.riskAdjustedAt(row));
  if (mode === "values") return value;
  const f = rowAmountFormulas(layout, settings);
  const counted = (x: string) => `IF(ISNUMBER(${x}),${x},0)`;
  const delivered = counted(f.actual);
  const remaining = `MAX(${f.annual}-${counted(f.plan)},0)`;
  return (row) => {
    const weight = schemes.weight[row];
    // No weight: the values mode's cell (blank or the error its note explains).
    if (schemes.rowOrganisation[row] < 0 || weight !== weight) return value(row);
    const formula = `=IF(${f.annualIsNumber},${delivered}+${remaining}*${weight},"")`;
    return f.at(formula, layout.firstRow + row);
  };
}

/** A row's notes with its scheme problems after the tracker's own. */
export function schemeNotes(note: string, schemes: SchemeAnalysis | undefined, row: number): string {
  if (!schemes) return note;
  const more = [...(schemes.rowMessages.get(row) ?? [])];
  // The recurrent position, scheme by scheme (cip-domain.md): one-off savings close this year's gap
  // and carry the same gap into next year.
  if (schemes.nonRecurrentAgainstTarget[row] === 1) {
    more.push(
      `${formatPercent(schemes.nonRecurrentShare[row])} of this scheme's savings are non-recurrent against a recurrent target: ` +
        "that part of the gap returns next year.",
    );
  }
  if (more.length === 0) return note;
  return [note, ...more].filter((t) => t !== "").join(" ");
}

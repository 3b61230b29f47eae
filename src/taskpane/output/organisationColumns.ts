// A scheme register's organisation-level cells (docs/scheme-registers.md, "In the task pane"). CIP %
// of turnover, DEFICIT and DISTRESS belong to an organisation: a scheme's plan over its trust's
// turnover means nothing, and a trust in deficit is one trust in deficit, not 80 schemes. So on a
// scheme row these cells are its organisation's, from the core's organisation-level analysis
// (schemeReport's organisationLevel: the organisation's totals analysed as a trust tracker); the
// scheme's own flags (behind plan, under a fifth...) stay its own. A scheme with no organisation
// has none of them; rows that are no scheme (total lines, headings) keep the tracker's cells.
//
// In the formula modes CIP % of turnover is a value and DEFICIT and DISTRESS are constants in the
// row's Flags formula: an organisation's turnover and surplus are given once or repeated on its
// rows, and DISTRESS needs its totals to date, which no Excel 2010 formula of one row can read alike
// (a changed plan or surplus needs another Analyse, as the risk-adjusted forecast's weight does).
import type { TrackerAnalysis } from "../../core/analyseTracker";
import { FLAGS, flagText } from "../../core/flags";
import type { Num } from "../../core/problem";
import { NO_ORGANISATION, type SchemeAnalysis } from "../../core/schemes/schemeRegister";
import type { OutputMode } from "../options";
import type { OutputColumn } from "./outputColumns";
import { portableFlagsFormula, portableFormulaFor, type FormulaLayout } from "./portableFormulas";

/** A cell as written (outputPlan.ts's OutputCell; not imported, which would make a cycle). */
type OutputCell = number | string;
const numCell = (v: Num): OutputCell => (v === null ? "" : typeof v === "number" ? v : v.error);

/** The flags that are an organisation's. */
export const ORGANISATION_FLAGS = FLAGS.DEFICIT | FLAGS.DISTRESS;

export interface OrganisationCells {
  /** The rows' own analysis. */
  readonly analysis: TrackerAnalysis;
  readonly schemes: SchemeAnalysis;
  /** The organisation-level analysis: row k is organisation k of `schemes.organisations`. */
  readonly organisations: TrackerAnalysis;
  readonly mode: OutputMode;
  readonly layout: FormulaLayout;
}

const NOT_A_SCHEME = -1;
const NO_ORG = -2;

/** Where an organisation-level column's cells come from on a scheme register; null for any other column or tracker. */
export function organisationCellSource(column: OutputColumn, input: OrganisationCells): ((row: number) => OutputCell) | null {
  const { analysis: a, schemes, organisations: o } = input;
  if (!schemes.isSchemeRegister || (column.id !== "cipOfTurnover" && column.id !== "flags")) return null;
  const orgOf = (row: number): number => {
    const org = schemes.rowOrganisation[row];
    return org < 0 ? NOT_A_SCHEME : schemes.organisations[org] === NO_ORGANISATION ? NO_ORG : org;
  };
  if (column.id === "cipOfTurnover") {
    const own = a.metrics.cipOfTurnover;
    const of = o.metrics.cipOfTurnover;
    return (row) => {
      const org = orgOf(row);
      return org >= 0 ? numCell(of.get(org)) : org === NO_ORG ? "" : numCell(own.get(row));
    };
  }
  /** The organisation's flags of a scheme row (none without an organisation). */
  const fixedOf = (org: number): number => (org >= 0 ? o.flags[org] & ORGANISATION_FLAGS : 0);
  if (input.mode === "values") {
    return (row) => {
      const kind = a.rowKind(row);
      if (kind !== "data" && kind !== "total") return "";
      const org = orgOf(row);
      return flagText(org === NOT_A_SCHEME ? a.flags[row] : (a.flags[row] & ~ORGANISATION_FLAGS) | fixedOf(org));
    };
  }
  // Live mode writes the Flags column's portable formula too (liveFormulas.ts): one per row.
  const s = a.settings;
  const tracker = portableFormulaFor(column, input.layout, s, false) as (sheetRow: number) => string;
  // One formula per combination of the organisation's flags, built once.
  const byFlags = new Map<number, (sheetRow: number) => string>();
  const formulaFor = (flags: number) => {
    let f = byFlags.get(flags);
    if (f === undefined) byFlags.set(flags, (f = portableFlagsFormula(input.layout, s, { flags, mask: ORGANISATION_FLAGS })));
    return f;
  };
  return (row) => {
    const org = orgOf(row);
    const sheetRow = input.layout.firstRow + row;
    return org === NOT_A_SCHEME ? tracker(sheetRow) : formulaFor(fixedOf(org))(sheetRow);
  };
}

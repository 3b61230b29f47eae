// What the output block holds, cell by cell, for each output mode: pure, so that the gateway only
// moves cells and the same plan can be checked in tests without Excel. Rows are produced a chunk
// at a time, so a million-row block never exists as one array.
import type { TrackerAnalysis } from "../../core/analyseTracker";
import { flagText, type FlagName } from "../../core/flags";
import { isProblem, type Num, type Problem } from "../../core/problem";
import type { Rag } from "../../core/rag";
import type { OutputMode } from "../options";
import { liveFormulaFor, type FormulaLayout } from "./liveFormulas";
import { FORECAST_MOVEMENT_HEADER, FORECAST_MOVEMENT_NEEDS, outputColumnsFor, type OutputColumn } from "./outputColumns";
import { portableFormulaFor } from "./portableFormulas";
import type { SchemeAnalysis } from "../../core/schemes/schemeRegister";
import { schemeCellSource, schemeNotes, withSchemeColumns } from "./schemeColumns";
import { organisationCellSource } from "./organisationColumns";

export const SHARE_FORMAT = "0.0%";
export const TEXT_FORMAT = "General";
/** For money when the tracker's own money column is General: thousands separated, one decimal. */
export const DEFAULT_MONEY_FORMAT = "#,##0.0";

/** A cell as written: a number, text (a formula when it starts "="), or "" for a blank. */
export type OutputCell = number | string;

export type ConditionalRule = "rag" | "distress";

export interface OutputPlan {
  /** The result columns, after any leading columns. */
  readonly columns: readonly OutputColumn[];
  readonly header: readonly string[];
  readonly numberFormats: readonly string[];
  readonly rowCount: number;
  readonly mode: OutputMode;
  /** Which columns get conditional formats. */
  readonly conditional: readonly { readonly column: number; readonly rule: ConditionalRule }[];
  /** The cells of data rows [from, to), one array per row. */
  rows(from: number, to: number): OutputCell[][];
}

export interface OutputPlanInput {
  readonly analysis: TrackerAnalysis;
  readonly mode: OutputMode;
  readonly layout: FormulaLayout;
  /** The number format of the tracker's money columns (its annual plan or YTD plan), "" when unknown. */
  readonly moneyFormat: string;
  /**
   * Columns written before the results, e.g. the organisation's name when the block goes on a sheet
   * of its own and would otherwise not say whose row is whose.
   */
  readonly leading?: readonly LeadingColumn[];
  /** A scheme register's reading of the same rows: its columns and row problems are added. */
  readonly schemes?: SchemeAnalysis;
  /** Each row's forecast movement since the last run (NaN blank): written last, as values in every mode. */
  readonly forecastMovement?: (row: number) => number;
  /** Its organisation-level analysis (schemeReport's organisationLevel): a scheme row's organisation's cells. */
  readonly organisationLevel?: TrackerAnalysis;
}

export interface LeadingColumn {
  readonly header: string;
  readonly cell: (row: number) => OutputCell;
}

type CellSource = (row: number) => OutputCell;

export function planOutput(input: OutputPlanInput): OutputPlan {
  const { analysis, mode } = input;
  const columns = withSchemeColumns(outputColumnsFor(analysis.columns), input.schemes);
  const money = input.moneyFormat && input.moneyFormat !== "General" ? input.moneyFormat : DEFAULT_MONEY_FORMAT;
  const hasForecastColumn = analysis.columns.forecast !== undefined;
  const leading = input.leading ?? [];
  const movement = movementColumn(input);
  const sources = [
    ...leading.map((l) => l.cell),
    ...columns.map((c) => cellSource(c, input, hasForecastColumn)),
    ...movement.map((m) => m.cell),
  ];
  const at = leading.length;
  return {
    columns,
    header: [...leading.map((l) => l.header), ...columns.map((c) => c.header), ...movement.map((m) => m.header)],
    numberFormats: [
      ...leading.map(() => TEXT_FORMAT),
      ...columns.map((c) => (c.kind === "money" ? money : c.kind === "share" ? SHARE_FORMAT : TEXT_FORMAT)),
      ...movement.map(() => money),
    ],
    rowCount: analysis.rowCount,
    mode,
    conditional: columns.flatMap((c, i): { column: number; rule: ConditionalRule }[] =>
      c.kind === "rag" ? [{ column: at + i, rule: "rag" }] : c.kind === "flags" ? [{ column: at + i, rule: "distress" }] : [],
    ),
    rows(from, to) {
      const out: OutputCell[][] = [];
      for (let r = from; r < to; r++) {
        const row = new Array<OutputCell>(sources.length);
        for (let c = 0; c < sources.length; c++) row[c] = sources[c](r);
        out.push(row);
      }
      return out;
    },
  };
}

/** The forecast movement column, when there is a forecast and the run knows its movement. */
function movementColumn(input: OutputPlanInput): LeadingColumn[] {
  const movement = input.forecastMovement;
  if (!movement || !FORECAST_MOVEMENT_NEEDS.every((f) => input.analysis.columns[f] !== undefined)) return [];
  return [{ header: FORECAST_MOVEMENT_HEADER, cell: (row) => finiteOrBlank(movement(row)) }];
}

/**
 * Where one column's cells come from. Formula modes fall back a step when a column has no formula
 * of that kind: live → portable → values (the notes are always values: they explain this run).
 */
function cellSource(column: OutputColumn, input: OutputPlanInput, hasForecastColumn: boolean): CellSource {
  const { analysis, mode, layout } = input;
  const s = analysis.settings;
  const scheme = schemeCellSource(column, input.schemes, mode, layout, s);
  if (scheme !== null) return scheme;
  const { schemes, organisationLevel: organisations } = input;
  const ofOrganisation =
    schemes && organisations && organisationCellSource(column, { analysis, schemes, organisations, mode, layout });
  if (ofOrganisation) return ofOrganisation;
  if (mode === "live") {
    const formula = liveFormulaFor(column, layout, s, hasForecastColumn);
    if (formula !== null) return (row) => (row === 0 ? formula : "");
  }
  if (mode === "live" || mode === "portable") {
    const formulaAt = portableFormulaFor(column, layout, s, hasForecastColumn);
    if (formulaAt !== null) return (row) => formulaAt(layout.firstRow + row);
  }
  return valueSource(column, analysis, input.schemes);
}

function valueSource(column: OutputColumn, a: TrackerAnalysis, schemes?: SchemeAnalysis): CellSource {
  if (column.metric !== undefined) {
    const metric = a.metrics[column.metric];
    return (row) => numCell(metric.get(row));
  }
  if (column.rag !== undefined) {
    const name = column.rag;
    return (row) => ragCell(a.rag(name, row));
  }
  if (column.kind === "flags")
    return (row) => (a.rowKind(row) === "data" || a.rowKind(row) === "total" ? flagText(a.flags[row]) : "");
  const problemRows = new Set(a.problemRows);
  return (row) => schemeNotes(noteFor(a, row, problemRows), schemes, row);
}

/**
 * Text copied from the workbook, as a cell that shows exactly that text. Excel reads what the add-in
 * writes as if it were typed: "=..." would become a formula (a way to smuggle one in through a
 * trust's name), "00123" a number and "#N/A" an error; a leading apostrophe keeps it text.
 */
export function literalText(text: string): OutputCell {
  return /^[=+\-@'#]/.test(text) || /^\s*[+-]?(\d|\.\d)/.test(text) ? `'${text}` : text;
}

export function numCell(value: Num): OutputCell {
  if (value === null) return "";
  if (typeof value === "number") return value;
  return value.error;
}

function finiteOrBlank(value: number): OutputCell {
  return Number.isFinite(value) ? value : "";
}

function ragCell(value: Rag | null | Problem): OutputCell {
  if (value === null) return "";
  return isProblem(value) ? value.error : value;
}

// Row kinds and problems are known per row already; only rows with something to say pay for words.
function noteFor(a: TrackerAnalysis, row: number, problemRows: ReadonlySet<number>): string {
  const kind = a.rowKind(row);
  if (kind === "total") return "Total line: left out of the summary.";
  if (kind !== "data") return "";
  // A bad cell no result reads (a surplus typed as text) still makes the row a problem row.
  if (!problemRows.has(row) && !hasProblemCell(a, row)) return "";
  return a
    .problemsInRow(row)
    .map((p) => p.message)
    .join(" ");
}

function hasProblemCell(a: TrackerAnalysis, row: number): boolean {
  for (const name of Object.keys(a.metrics) as (keyof TrackerAnalysis["metrics"])[]) {
    if (isProblem(a.metrics[name].get(row))) return true;
  }
  return false;
}

/** The flag the Flags column's conditional format highlights. */
export const DISTRESS_FLAG: FlagName = "DISTRESS";

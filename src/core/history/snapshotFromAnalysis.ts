/**
 * The snapshot source of an analysed tracker: the analysis's own results (forecast in use, YTD
 * plan and actual used, RAGs, groups) and, read from the rows in the working unit as the analysis
 * reads them, the annual plan and the unidentified amount. The scheme and further dimensions
 * (category, risk, ... from the scheme register work) are given by the caller as row functions,
 * so this file needs nothing of how they are recognised.
 */
import type { TrackerAnalysis, TrackerLayout } from "../analyseTracker";
import type { MoneyField } from "../fields";
import { RAG_NAMES } from "../metrics";
import { isProblem } from "../problem";
import { RAG_BY_CODE } from "../rag";
import { RowReader, SLOT } from "../rowReader";
import type { AmountName, RunInfo, SnapshotSource } from "./snapshot";

export interface AnalysisSnapshotOptions {
  /** When the run was made and over what range; the rest of RunInfo comes from the analysis. */
  readonly runAt: string;
  readonly trackerAddress: string;
  /** The sheet row of the first data row, as given to analyseTracker. Default 2. */
  readonly firstRowNumber?: number;
  /** The row's scheme, when the tracker is a scheme register. */
  readonly scheme?: (row: number) => string;
  /** Dimensions beyond "Group" ("Category", "Risk", ...), each a row's value. */
  readonly dimensions?: Readonly<Record<string, (row: number) => string>>;
}

export function snapshotSourceOf(
  analysis: TrackerAnalysis,
  rows: readonly (readonly unknown[])[],
  layout: TrackerLayout,
  options: AnalysisSnapshotOptions,
): SnapshotSource {
  const { settings, metrics } = analysis;
  const reader = new RowReader(layout, options.firstRowNumber ?? 2, settings.monthsElapsed);
  const orgColumn = layout.columns.organisation;
  const cellAmount = (field: MoneyField, row: number): number => {
    const value = reader.cellValue(rows[row] ?? [], SLOT[field], row);
    return typeof value === "number" && !isProblem(value) ? value : NaN;
  };
  const info: RunInfo = {
    runAt: options.runAt,
    monthsElapsed: settings.monthsElapsed,
    forecastBasis: settings.forecastBasis,
    forecastMethod: settings.forecastMethod,
    unit: analysis.unit,
    trackerAddress: options.trackerAddress,
  };
  const byAmount: Record<AmountName, (row: number) => number> = {
    forecast: (row) => metrics.forecastUsed.numberOrNaN(row),
    ytdPlan: (row) => metrics.ytdPlanUsed.numberOrNaN(row),
    ytdActual: (row) => metrics.ytdActualUsed.numberOrNaN(row),
    unidentified: (row) => cellAmount("unidentified", row),
    annualPlan: (row) => cellAmount("annualPlan", row),
  };
  return {
    info,
    rowCount: analysis.rowCount,
    isData: (row) => analysis.rowKind(row) === "data",
    // The cell itself: analysis.organisation names an unnamed row by its position, which is no key.
    organisation: (row) => {
      const cell = orgColumn === undefined ? "" : rows[row]?.[orgColumn];
      return typeof cell === "string" ? cell : typeof cell === "number" ? String(cell) : "";
    },
    scheme: options.scheme,
    dimensions: { Group: (row) => analysis.group(row), ...(options.dimensions ?? {}) },
    amount: (name, row) => byAmount[name](row),
    rags: RAG_NAMES,
    ragCode: (name, row) => {
      const rag = analysis.rag(name, row);
      return typeof rag === "string" ? RAG_BY_CODE.indexOf(rag) : 0;
    },
    sheetRow: (row) => analysis.rowNumber(row),
  };
}

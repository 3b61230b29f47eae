// What an analysis of a tracker gives, apart from the function that works it out (analyseTracker.ts),
// so that what reads an analysis (headlines.ts) need not import what makes one.
import type { MetricColumn } from "./metricColumn";
import type { MetricName, RagName } from "./metrics";
import type { Num, Problem } from "./problem";
import type { Rag } from "./rag";
import type { Rollup } from "./rollup";
import type { TrackerLayout } from "./trackerLayout";
import type { Settings } from "./settings";
import type { Unit } from "./units";

/**
 * data: an organisation or scheme; blank: nothing in it; total: a total or subtotal line;
 * label: a name with no figures at all, such as a section heading ("North of England").
 */
export type RowKind = "data" | "blank" | "total" | "label";

export interface WorstEntry {
  readonly row: number;
  readonly organisation: string;
  readonly group: string;
  readonly shortfall: number;
  readonly shortfallPct: Num;
  readonly deliveryPct: Num;
  readonly flags: number;
}

export interface TrackerAnalysis {
  readonly rowCount: number;
  /** The unit every money result is in: the annual plan's unit (or the first money column's). */
  readonly unit: Unit;
  readonly settings: Settings;
  /** The columns the analysis read, as given. */
  readonly columns: TrackerLayout["columns"];
  readonly metrics: Readonly<Record<MetricName, MetricColumn>>;
  readonly flags: Uint16Array;
  readonly rollup: Rollup;
  readonly worst: readonly WorstEntry[];
  readonly headlines: readonly string[];
  /**
   * Rows (0-based) whose data has a problem — a bad cell, a negative plan, inconsistent columns —
   * in order. A #DIV/0! alone (a ratio that does not exist) does not put a row here.
   */
  readonly problemRows: readonly number[];
  /** Rows that look like a total or subtotal line and are kept out of the roll-up. */
  readonly totalRows: readonly number[];
  /** Rows with a name but no figures (section headings), kept out of the roll-up. */
  readonly labelRows: readonly number[];
  /** How the columns were used, where the analyst should know (e.g. an incomplete phasing ignored). */
  readonly notes: readonly string[];
  rag(name: RagName, row: number): Rag | null | Problem;
  rowKind(row: number): RowKind;
  /** The sheet row number of a 0-based row. */
  rowNumber(row: number): number;
  organisation(row: number): string;
  group(row: number): string;
  /** Every distinct problem in a row: bad input cells first, then metrics that could not be worked out. */
  problemsInRow(row: number): Problem[];
}

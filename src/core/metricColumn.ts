import type { Num, Problem } from "./problem";
import { CELL_BLANK, type RowReader } from "./rowReader";

/**
 * The metrics that need storing, for every row, row by row: a row's numbers sit side by side in
 * one Float64Array, so writing a row touches one place in memory rather than one per metric (forty
 * separate columns made the processor's prefetching give up). NaN marks a cell that holds no
 * number — a blank, or a problem, which is then in `problems` (rare) — so there is no status array
 * to write: a million rows cost 8 bytes a metric. Every row is written in full, NaN included, by
 * the analysis: a new table reads 0 everywhere, not blank.
 */
export class ResultTable {
  readonly values: Float64Array;
  readonly problems = new Map<number, Problem>();

  constructor(
    readonly rows: number,
    readonly width: number,
  ) {
    this.values = new Float64Array(rows * width);
  }

  /** Marks row `row` blank in every stored metric: for a row the analysis has nothing to work out for. */
  blankRow(row: number): void {
    this.values.fill(NaN, row * this.width, (row + 1) * this.width);
  }
}

/** One metric for every row, read (and, by the analysis, written) by row. */
export abstract class MetricColumn {
  constructor(readonly length: number) {}

  abstract get(row: number): Num;

  /** Stores the metric of the row the analysis is on (`row`). */
  abstract set(row: number, value: Num): void;

  /** The number at `row`, or NaN when it holds a blank or a problem. */
  numberOrNaN(row: number): number {
    const value = this.get(row);
    return typeof value === "number" ? value : NaN;
  }
}

/** A metric kept in a ResultTable, at column `offset`. */
export class StoredColumn extends MetricColumn {
  constructor(
    private readonly table: ResultTable,
    readonly offset: number,
  ) {
    super(table.rows);
  }

  set(row: number, value: Num): void {
    const at = row * this.table.width + this.offset;
    if (typeof value === "number") {
      this.table.values[at] = value;
      return;
    }
    this.table.values[at] = NaN;
    if (value !== null) this.table.problems.set(at, value);
  }

  numberOrNaN(row: number): number {
    return this.table.values[row * this.table.width + this.offset];
  }

  get(row: number): Num {
    const at = row * this.table.width + this.offset;
    const value = this.table.values[at];
    return value === value ? value : (this.table.problems.get(at) ?? null);
  }
}

/**
 * A metric that in almost every row is an input cell exactly as read — YTD plan used is the YTD
 * plan cell, the reported forecast used is the forecast cell — so it is not stored a second time
 * (8 MB a million rows): `get` reads the cell again, as the analysis read it. Only where the cell
 * is blank can the metric differ (a YTD plan added up from the phasing); those rows keep their
 * value here. Reading the cells again means the rows must not change after the analysis, as with
 * organisation names.
 */
export class InputColumn extends MetricColumn {
  /** The values that are not the cell's: rows whose cell is blank and whose metric is not. */
  private readonly computed = new Map<number, Num>();

  constructor(
    private readonly rows: readonly (readonly unknown[])[],
    private readonly reader: RowReader,
    /** The reader slot whose cell this metric copies. */
    readonly slot: number,
  ) {
    super(rows.length);
  }

  /** Keeps `value` only when it is not what the cell says: the cell (the reader is still on `row`) is blank and the value is not. */
  set(row: number, value: Num): void {
    if (value !== null && this.reader.kinds[this.slot] === CELL_BLANK) this.computed.set(row, value);
  }

  get(row: number): Num {
    const value = this.computed.get(row);
    return value !== undefined ? value : this.reader.cellValue(this.rows[row] ?? [], this.slot, row);
  }
}

import type { Num, Problem } from "./problem";

// Blank is 0 so that a new table starts all blank.
export const STATUS_BLANK = 0;
export const STATUS_NUMBER = 1;
export const STATUS_PROBLEM = 2;

/**
 * Every metric for every row, stored row by row: a row's numbers sit side by side in one
 * Float64Array, whether each is a number, a blank or a problem in one Uint8Array, and the problems
 * themselves (rare) in a map. A million rows cost 9 bytes a metric, and writing a row touches two
 * places in memory rather than two per metric (forty separate columns made the processor's
 * prefetching give up).
 */
export class ResultTable {
  readonly values: Float64Array;
  readonly status: Uint8Array;
  readonly problems = new Map<number, Problem>();

  constructor(
    readonly rows: number,
    readonly width: number,
  ) {
    this.values = new Float64Array(rows * width);
    this.status = new Uint8Array(rows * width);
  }
}

/** One metric of a ResultTable, read and written by row. */
export class MetricColumn {
  constructor(
    private readonly table: ResultTable,
    private readonly offset: number,
  ) {}

  get length(): number {
    return this.table.rows;
  }

  set(row: number, value: Num): void {
    if (typeof value === "number") this.setNumber(row, value);
    else if (value !== null) {
      const at = row * this.table.width + this.offset;
      this.table.status[at] = STATUS_PROBLEM;
      this.table.problems.set(at, value);
    }
  }

  /** Stores a number known to be finite. */
  setNumber(row: number, value: number): void {
    const at = row * this.table.width + this.offset;
    this.table.values[at] = value;
    this.table.status[at] = STATUS_NUMBER;
  }

  /** The number at `row`, or NaN when it holds a blank or a problem. */
  numberOrNaN(row: number): number {
    const at = row * this.table.width + this.offset;
    return this.table.status[at] === STATUS_NUMBER ? this.table.values[at] : NaN;
  }

  get(row: number): Num {
    const at = row * this.table.width + this.offset;
    const s = this.table.status[at];
    if (s === STATUS_NUMBER) return this.table.values[at];
    return s === STATUS_BLANK ? null : (this.table.problems.get(at) as Problem);
  }
}

import type { Num, Problem } from "./problem";

/**
 * One metric for every row, stored so that a million rows cost 9 bytes each: the number in a
 * Float64Array, whether it is a number, a blank or a problem in a Uint8Array, and the problems
 * themselves (rare) in a map by row.
 */
export class MetricColumn {
  readonly values: Float64Array;
  readonly status: Uint8Array;
  readonly problems = new Map<number, Problem>();

  constructor(readonly length: number) {
    this.values = new Float64Array(length);
    this.status = new Uint8Array(length);
  }

  set(row: number, value: Num): void {
    if (typeof value === "number") this.setNumber(row, value);
    else if (value !== null) {
      this.status[row] = STATUS_PROBLEM;
      this.problems.set(row, value);
    }
  }

  /** Stores a number known to be finite: the fast path for clean rows. */
  setNumber(row: number, value: number): void {
    this.values[row] = value;
    this.status[row] = STATUS_NUMBER;
  }

  /** The number at `row`, or NaN when it holds a blank or a problem. */
  numberOrNaN(row: number): number {
    return this.status[row] === STATUS_NUMBER ? this.values[row] : NaN;
  }

  get(row: number): Num {
    const s = this.status[row];
    if (s === STATUS_NUMBER) return this.values[row];
    return s === STATUS_BLANK ? null : (this.problems.get(row) as Problem);
  }
}

// Blank is 0 so that a new column starts all blank.
export const STATUS_BLANK = 0;
export const STATUS_NUMBER = 1;
export const STATUS_PROBLEM = 2;

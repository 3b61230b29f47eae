import { cleanRowMetrics } from "./cleanRows";
import { METRIC_NAMES } from "./metrics";
import type { Num, Problem } from "./problem";
import { BLOCK_ROWS, RowBlock } from "./rowBlock";
import type { RowReader } from "./rowReader";
import type { Settings } from "./settings";

const WIDTH = METRIC_NAMES.length;

/**
 * Every metric of every row, in as little memory as a million rows allow.
 *
 * A clean row (the fast path's: cleanRows.ts) keeps nothing: its metrics are a pure function of
 * its cells, so reading one works the row out again, with the same code on the same cells, and so
 * to the same bit. The last row worked out is kept, so reading a row's metrics one after another
 * costs one working-out. Twenty doubles a row for a million rows would be 160 MB, which a task
 * pane inside Excel should not hold, and which set off a full garbage collection of the
 * workbook's values on every analysis.
 *
 * Any other row (the checked path's: a bad cell, a zero plan, a blank plan) has its metrics
 * stored as the checked path gave them: NaN for a blank or a problem, the problem itself kept
 * aside (rare). Reading the cells again means the rows must not change after the analysis, as
 * with organisation names.
 */
export class MetricStore {
  /** 1 where the row is clean. */
  readonly clean: Uint8Array;
  /** Where each checked row's metrics start in `values`, or -1 (a clean row, or one with nothing in it). */
  private readonly place: Int32Array;
  private values = new Float64Array(64 * WIDTH);
  private count = 0;
  private readonly problems = new Map<number, Problem>();
  private readonly block: RowBlock;
  /** The row whose metrics `block` holds, or -1. */
  private blockRow = -1;

  constructor(
    private readonly rows: readonly (readonly unknown[])[],
    private readonly reader: RowReader,
    private readonly settings: Settings,
    private readonly reported: boolean,
  ) {
    this.clean = new Uint8Array(rows.length);
    this.place = new Int32Array(rows.length).fill(-1);
    this.block = new RowBlock(reader);
  }

  /** Metric `m` (METRIC_NAMES order) of `row`. */
  get(row: number, m: number): Num {
    if (this.clean[row] === 1) {
      if (this.blockRow !== row) {
        this.block.read(this.rows, row, 1);
        cleanRowMetrics(this.block, this.reader, this.settings, this.reported, true);
        this.blockRow = row;
      }
      const value = this.block.metrics[m * BLOCK_ROWS];
      return value === value ? value : null;
    }
    const start = this.place[row];
    if (start < 0) return null;
    const value = this.values[start + m];
    return value === value ? value : (this.problems.get(start + m) ?? null);
  }

  /** Makes room for a checked row's metrics, all blank until set; returns where they start. */
  open(row: number): number {
    const start = this.count * WIDTH;
    if (start + WIDTH > this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values.fill(NaN, start, start + WIDTH);
    this.place[row] = start;
    this.count++;
    return start;
  }

  /** Stores metric `m` of the checked row whose metrics start at `start` (see open). */
  set(start: number, m: number, value: Num): void {
    if (typeof value === "number") {
      this.values[start + m] = value;
      return;
    }
    this.values[start + m] = NaN;
    if (value !== null) this.problems.set(start + m, value);
  }
}

/** One metric for every row. */
export class MetricColumn {
  constructor(
    private readonly store: MetricStore,
    private readonly metric: number,
    readonly length: number,
  ) {}

  get(row: number): Num {
    return this.store.get(row, this.metric);
  }

  /** The number at `row`, or NaN when it holds a blank or a problem. */
  numberOrNaN(row: number): number {
    const value = this.get(row);
    return typeof value === "number" ? value : NaN;
  }
}

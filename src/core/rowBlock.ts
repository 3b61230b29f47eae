import { METRIC_NAMES } from "./metrics";
import { SLOT_COUNT, type RowReader } from "./rowReader";

/**
 * Rows per block. The analysis reads a block of rows, then works out each step for the whole
 * block in its own short loop (cleanRows.ts): loops that small stay fully optimised, where one
 * function doing everything for one row at a time ran out of the compiler's inlining budget and
 * boxed its numbers. A block's inputs and metrics (about 60 columns of 8 bytes a row) stay in the
 * processor's cache at this size.
 */
export const BLOCK_ROWS = 512;

/** What a row of the block holds, as bits of `state`: a number in some numeric cell, a cell that is a problem. */
export const HAS_NUMBER = 1;
export const HAS_PROBLEM = 2;

/** What a hole in the rows (a missing row array) is read as. */
export const EMPTY_ROW: readonly unknown[] = [];

/**
 * Up to BLOCK_ROWS rows' numeric cells, column by column: slot `s` of the block's row `j` is at
 * `s * BLOCK_ROWS + j`, in the working unit, NaN where the cell is blank, not read, or a problem
 * (the row's state then says so, and the checked path reads the row again for the message).
 * The same conversions as RowReader.read: a finite number as it is, text through the reader.
 */
export class RowBlock {
  readonly inputs = new Float64Array(SLOT_COUNT * BLOCK_ROWS).fill(NaN);
  /** HAS_NUMBER | HAS_PROBLEM for each row. */
  readonly state = new Uint8Array(BLOCK_ROWS);
  /** The rows' metrics, column by column in METRIC_NAMES order; NaN where a row is not clean. */
  readonly metrics = new Float64Array(METRIC_NAMES.length * BLOCK_ROWS);
  /** Σ plan months 7-12 by the phasing's blank rule; NaN when there is none, -1 when a month is negative. */
  readonly secondHalf = new Float64Array(BLOCK_ROWS);
  /** 1 where the row is clean: analysed by cleanRows.ts, its metrics in `metrics`. */
  readonly clean = new Uint8Array(BLOCK_ROWS);
  /** The index of the block's first row in the tracker, and how many rows it has. */
  start = 0;
  length = 0;

  /** For each slot the reader reads, in order: its column, its unit factor and where its block column starts. */
  private readonly columnOf: Int32Array;
  private readonly factorOf: Float64Array;
  private readonly startOf: Int32Array;

  constructor(private readonly reader: RowReader) {
    const slots = Array.from(reader.mappedSlots);
    this.columnOf = Int32Array.from(slots, (s) => reader.columns[s]);
    this.factorOf = Float64Array.from(slots, (s) => reader.factors[s]);
    this.startOf = Int32Array.from(slots, (s) => s * BLOCK_ROWS);
  }

  /** Reads rows start .. start + length − 1 (length ≤ BLOCK_ROWS). */
  read(rows: readonly (readonly unknown[])[], start: number, length: number): void {
    this.start = start;
    this.length = length;
    const { inputs, state, columnOf, factorOf, startOf } = this;
    const slots = this.reader.mappedSlots;
    for (let j = 0; j < length; j++) {
      const row = rows[start + j] ?? EMPTY_ROW;
      let bits = 0;
      for (let m = 0; m < columnOf.length; m++) {
        const value = row[columnOf[m]];
        const at = startOf[m] + j;
        // The common case, a finite number, is decided without a call.
        if (typeof value === "number") {
          const x = value * factorOf[m];
          if (x - x === 0) {
            inputs[at] = x;
            bits |= HAS_NUMBER;
            continue;
          }
        }
        if (value === "" || value === null || value === undefined) inputs[at] = NaN;
        else bits |= this.readOther(row, slots[m], start + j, at);
      }
      state[j] = bits;
    }
  }

  /** Text, booleans, errors, non-finite numbers: as the reader converts them. */
  private readOther(row: readonly unknown[], slot: number, index: number, at: number): number {
    const cell = this.reader.cellValue(row, slot, index);
    if (typeof cell === "number") {
      this.inputs[at] = cell;
      return HAS_NUMBER;
    }
    this.inputs[at] = NaN;
    return cell === null ? 0 : HAS_PROBLEM;
  }
}

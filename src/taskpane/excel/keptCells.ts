// What an undo puts back over a rectangle, kept compactly: only the cells it must write, per column
// in typed arrays (a tag per row, numbers as float64, text as indices into one table of distinct
// strings) and number formats as runs. A cell not kept is written back as null, which Excel leaves
// as it is. A million-row block kept whole costs a few bytes a cell; one a re-run writes back
// unchanged costs nothing. Pure: the gateway fills it from what it reads.
import { literalText } from "../output/outputPlan";

const NOT_KEPT = 0;
const NUMBER = 1;
const TEXT = 2;
/** A formula, or an error literal: written as read. */
const RAW = 3;
const TRUE = 4;
const FALSE = 5;
const EMPTY = 6;

class KeptColumn {
  tags: Uint8Array | null = null;
  numbers: Float64Array | null = null;
  strings: Uint32Array | null = null;
  /** Number formats kept, as runs of rows: first row, end row (exclusive), index in the table. */
  readonly runs: number[] = [];
}

export class KeptCells {
  private readonly cells: KeptColumn[];
  private readonly table: string[] = [];
  private readonly index = new Map<string, number>();
  /** Rows with anything kept, so that writing back skips the rest. */
  private rowsKept: Uint8Array | null = null;

  constructor(
    readonly rows: number,
    readonly columns: number,
  ) {
    this.cells = Array.from({ length: columns }, () => new KeptColumn());
  }

  /** Keeps a cell as `formulas` and `valueTypes` read it; text is written back as text. */
  keepContent(row: number, column: number, value: unknown, type: string): void {
    const col = this.cells[column];
    const tags = (col.tags ??= new Uint8Array(this.rows));
    this.markRow(row);
    if (typeof value === "number") {
      tags[row] = NUMBER;
      (col.numbers ??= new Float64Array(this.rows))[row] = value;
    } else if (typeof value === "boolean") tags[row] = value ? TRUE : FALSE;
    else if (value === "" || typeof value !== "string") tags[row] = EMPTY;
    else {
      tags[row] = type === "String" && !value.startsWith("=") ? TEXT : RAW;
      (col.strings ??= new Uint32Array(this.rows))[row] = this.intern(value);
    }
  }

  /** Keeps a cell's number format; for each column, calls come in row order. */
  keepFormat(row: number, column: number, format: string): void {
    const runs = this.cells[column].runs;
    this.markRow(row);
    const id = this.intern(format);
    const n = runs.length;
    if (n > 0 && runs[n - 1] === id && runs[n - 2] === row) runs[n - 2] = row + 1;
    else runs.push(row, row + 1, id);
  }

  /** The first row at or after `from` with anything kept, or `rows`. */
  nextKeptRow(from: number): number {
    const kept = this.rowsKept;
    if (!kept) return this.rows;
    let r = from;
    while (r < this.rows && kept[r] === 0) r++;
    return r;
  }

  isKept(row: number): boolean {
    return this.rowsKept !== null && this.rowsKept[row] === 1;
  }

  /** Row `row` as Range.formulas is written: the kept cells, null for the rest. */
  contents(row: number): unknown[] {
    return this.cells.map((col) => {
      const tag = col.tags ? col.tags[row] : NOT_KEPT;
      switch (tag) {
        case NUMBER:
          return col.numbers![row];
        case TEXT:
          return literalText(this.table[col.strings![row]]);
        case RAW:
          return this.table[col.strings![row]];
        case TRUE:
          return true;
        case FALSE:
          return false;
        case EMPTY:
          return "";
        default:
          return null;
      }
    });
  }

  /** Row `row`'s kept number formats, null where none is kept. */
  formats(row: number): (string | null)[] {
    return this.cells.map(({ runs }) => {
      // The last run starting at or before the row (runs are [first, end, format], by first row).
      let lo = 0;
      let hi = runs.length / 3 - 1;
      if (hi < 0 || runs[0] > row) return null;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (runs[mid * 3] <= row) lo = mid;
        else hi = mid - 1;
      }
      return row < runs[lo * 3 + 1] ? this.table[runs[lo * 3 + 2]] : null;
    });
  }

  /** Whether any cell's contents are kept at all. */
  get hasContents(): boolean {
    return this.cells.some((c) => c.tags !== null);
  }

  /** Whether any number format is kept at all. */
  get hasFormats(): boolean {
    return this.cells.some((c) => c.runs.length > 0);
  }

  private markRow(row: number): void {
    (this.rowsKept ??= new Uint8Array(this.rows))[row] = 1;
  }

  private intern(text: string): number {
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.table.length;
      this.table.push(text);
      this.index.set(text, id);
    }
    return id;
  }
}

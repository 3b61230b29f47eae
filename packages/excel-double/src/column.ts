/** One column of cells, stored in lazily allocated blocks so that a full-height sheet fits in memory. */
import { MAX_ROWS } from "./address";

export const EMPTY = 0;
export const NUMBER = 1;
export const STRING = 2;
export const BOOLEAN = 3;
export const ERROR = 4;
export const FORMULA = 5;

export const ERROR_LITERALS = new Set(["#N/A", "#DIV/0!", "#VALUE!", "#NUM!", "#REF!", "#NAME?", "#NULL!"]);

const BLOCK_BITS = 16;
const BLOCK = 1 << BLOCK_BITS;
const MASK = BLOCK - 1;
const BLOCKS = MAX_ROWS / BLOCK;

/** Text Excel turns into a number when it is typed: digits with an optional sign, point and exponent. */
export const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Counts every change to any cell's contents, so that what depends on them (spills) knows when to look again. */
export const cellEdits = { count: 0 };

export class Column {
  kinds: (Uint8Array | undefined)[] = new Array(BLOCKS);
  nums: (Float64Array | undefined)[] = new Array(BLOCKS);
  strs: (string[] | undefined)[] = new Array(BLOCKS);
  styles: (Uint32Array | undefined)[] = new Array(BLOCKS);

  kind(row: number): number {
    const k = this.kinds[row >>> BLOCK_BITS];
    return k ? k[row & MASK] : EMPTY;
  }
  num(row: number): number {
    return this.nums[row >>> BLOCK_BITS]![row & MASK];
  }
  str(row: number): string {
    return this.strs[row >>> BLOCK_BITS]![row & MASK];
  }
  style(row: number): number {
    const s = this.styles[row >>> BLOCK_BITS];
    return s ? s[row & MASK] : 0;
  }
  setStyle(row: number, id: number): void {
    const b = row >>> BLOCK_BITS;
    let s = this.styles[b];
    if (!s) {
      if (id === 0) return;
      s = this.styles[b] = new Uint32Array(BLOCK);
    }
    s[row & MASK] = id;
  }
  set(row: number, kind: number, num: number, str: string | undefined): void {
    const b = row >>> BLOCK_BITS;
    const i = row & MASK;
    cellEdits.count++;
    let k = this.kinds[b];
    if (!k) {
      if (kind === EMPTY) return;
      k = this.kinds[b] = new Uint8Array(BLOCK);
    }
    k[i] = kind;
    if (kind === NUMBER || kind === BOOLEAN) {
      (this.nums[b] ??= new Float64Array(BLOCK))[i] = num;
    } else if (kind !== EMPTY) {
      (this.strs[b] ??= new Array<string>(BLOCK))[i] = str!;
    }
  }
  /** First and last non-empty row (values, or styles too), or undefined. */
  extent(withStyles: boolean): [number, number] | undefined {
    let first = -1;
    let last = -1;
    for (let b = 0; b < BLOCKS; b++) {
      const k = this.kinds[b];
      const s = withStyles ? this.styles[b] : undefined;
      if (!k && !s) continue;
      for (let i = 0; i < BLOCK; i++) {
        if ((k && k[i] !== EMPTY) || (s && s[i] !== 0)) {
          const r = (b << BLOCK_BITS) + i;
          if (first < 0) first = r;
          last = r;
        }
      }
    }
    return first < 0 ? undefined : [first, last];
  }
  /** Calls `f` with each row of this kind and its text (formulas, strings, errors), top to bottom. */
  forEachOfKind(kind: number, f: (row: number, str: string) => void): void {
    for (let b = 0; b < BLOCKS; b++) {
      const k = this.kinds[b];
      if (!k) continue;
      for (let i = 0; i < BLOCK; i++) if (k[i] === kind) f((b << BLOCK_BITS) + i, this.strs[b]![i]);
    }
  }
  anyValue(from: number, to: number): boolean {
    for (let r = Math.max(0, from); r <= Math.min(MAX_ROWS - 1, to);) {
      const b = r >>> BLOCK_BITS;
      const k = this.kinds[b];
      const end = Math.min(to, ((b + 1) << BLOCK_BITS) - 1);
      if (k) for (let x = r; x <= end; x++) if (k[x & MASK] !== EMPTY) return true;
      r = end + 1;
    }
    return false;
  }
}

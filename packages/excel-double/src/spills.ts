/**
 * Dynamic-array spills, as Excel computes them: a formula whose `evaluate` result is a 2-D array of
 * more than one cell fills the cells below and to the right of it (its anchor) when they are all
 * empty; when any of them holds something (a value, a formula, another spill), the anchor reads
 * #SPILL! and the cells stay as they are. Spilled cells hold no formula of their own. Worked out per
 * sheet from its formula cells, again after any cell changes.
 */
import { intersect, MAX_COLUMNS, MAX_ROWS, type Rect } from "./address";
import { FORMULA } from "./column";
import type { SheetModel } from "./sheet";

export const SPILL_ERROR = "#SPILL!";
/** What an empty array result reads as. */
export const CALC_ERROR = "#CALC!";

export interface Spill {
  readonly row: number;
  readonly column: number;
  /** The area the result fills, anchor included. */
  readonly rect: Rect;
  readonly result: readonly (readonly unknown[])[];
  /** False when something is in the way: the anchor reads #SPILL!, the area keeps its cells. */
  readonly spilling: boolean;
}

/** A formula's result as Excel keeps it: a scalar, or an array of at least two cells that spills. */
export function arrayResult(v: unknown): { scalar: unknown } | { array: unknown[][] } {
  if (!Array.isArray(v)) return { scalar: v };
  const rows = v.map((row) => (Array.isArray(row) ? row : [row]));
  const columns = Math.max(0, ...rows.map((r) => r.length));
  if (rows.length === 0 || columns === 0) return { scalar: CALC_ERROR };
  if (rows.length === 1 && columns === 1) return { scalar: rows[0][0] };
  // A ragged array is padded with #N/A, as Excel pads arrays of unequal rows.
  return { array: rows.map((r) => (r.length === columns ? r : [...r, ...new Array(columns - r.length).fill("#N/A")])) };
}

export class SheetSpills {
  private readonly anchors = new Map<number, Spill>();
  private readonly byColumn = new Map<number, Spill[]>();
  readonly active: Spill[] = [];

  add(spill: Spill): void {
    this.anchors.set(key(spill.row, spill.column), spill);
    if (!spill.spilling) return;
    this.active.push(spill);
    for (let c = spill.rect.column; c < spill.rect.column + spill.rect.columns; c++) {
      const list = this.byColumn.get(c);
      if (list) list.push(spill);
      else this.byColumn.set(c, [spill]);
    }
  }
  /** The spill a formula cell anchors, if its result is an array. */
  anchoredAt(row: number, column: number): Spill | undefined {
    return this.anchors.get(key(row, column));
  }
  /** The active spill that fills this cell (the anchor included), if any. */
  covering(row: number, column: number): Spill | undefined {
    return this.byColumn.get(column)?.find((s) => row >= s.rect.row && row < s.rect.row + s.rect.rows);
  }
  /** A spilled (not anchor) cell's value, or undefined when no spill fills it. */
  spilledValue(row: number, column: number): { value: unknown } | undefined {
    const s = this.covering(row, column);
    if (!s || (s.row === row && s.column === column)) return undefined;
    const v = s.result[row - s.rect.row][column - s.rect.column];
    return { value: v ?? "" };
  }
}

const key = (row: number, column: number) => row * MAX_COLUMNS + column;

/**
 * Every formula cell's result, and which spill: anchors in reading order (row by row), an earlier
 * anchor's spill keeping its cells against a later one that would overlap it.
 */
export function findSpills(sheet: SheetModel, evaluate: (formula: string, row: number, column: number) => unknown): SheetSpills {
  const found: { row: number; column: number; array: unknown[][] }[] = [];
  sheet.columns.forEach((col, column) => {
    col?.forEachOfKind(FORMULA, (row, formula) => {
      const result = arrayResult(evaluate(formula, row, column));
      if ("array" in result) found.push({ row, column, array: result.array });
    });
  });
  found.sort((a, b) => a.row - b.row || a.column - b.column);
  const spills = new SheetSpills();
  for (const { row, column, array } of found) {
    const rect = { row, column, rows: array.length, columns: array[0].length };
    const fits = row + rect.rows <= MAX_ROWS && column + rect.columns <= MAX_COLUMNS;
    const spilling = fits && !blocked(sheet, rect) && !spills.active.some((s) => intersect(s.rect, rect));
    spills.add({ row, column, rect, result: array, spilling });
  }
  return spills;
}

/** True when a cell of the area other than its anchor (top-left) holds a value or formula. */
function blocked(sheet: SheetModel, rect: Rect): boolean {
  for (let c = rect.column; c < rect.column + rect.columns; c++) {
    const from = c === rect.column ? rect.row + 1 : rect.row;
    if (from < rect.row + rect.rows && sheet.columnHasValue(c, from, rect.row + rect.rows - 1)) return true;
  }
  return false;
}

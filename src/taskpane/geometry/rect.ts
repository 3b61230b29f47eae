// Rectangles of cells by 0-based sheet row and column, and their A1 addresses: enough geometry to say
// which cells a new output block would take that the previous block did not. Pure: no Excel here.
import { columnLetter } from "../../core/excelConventions";

export interface Rect {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;

export function fitsSheet(r: Rect): boolean {
  return (
    r.row >= 0 &&
    r.column >= 0 &&
    r.rows > 0 &&
    r.columns > 0 &&
    r.row + r.rows <= SHEET_ROWS &&
    r.column + r.columns <= SHEET_COLUMNS
  );
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const endRow = Math.min(a.row + a.rows, b.row + b.rows);
  const endColumn = Math.min(a.column + a.columns, b.column + b.columns);
  return endRow > row && endColumn > column ? { row, column, rows: endRow - row, columns: endColumn - column } : null;
}

/** The parts of `a` outside `b`: at most four rectangles (above, below, left, right). */
export function subtract(a: Rect, b: Rect | null): Rect[] {
  const overlap = b === null ? null : intersect(a, b);
  if (overlap === null) return [a];
  const parts: Rect[] = [];
  const aEnd = a.row + a.rows;
  const oEnd = overlap.row + overlap.rows;
  if (overlap.row > a.row) parts.push({ row: a.row, column: a.column, rows: overlap.row - a.row, columns: a.columns });
  if (aEnd > oEnd) parts.push({ row: oEnd, column: a.column, rows: aEnd - oEnd, columns: a.columns });
  if (overlap.column > a.column) {
    parts.push({ row: overlap.row, column: a.column, rows: overlap.rows, columns: overlap.column - a.column });
  }
  const aRight = a.column + a.columns;
  const oRight = overlap.column + overlap.columns;
  if (aRight > oRight) parts.push({ row: overlap.row, column: oRight, rows: overlap.rows, columns: aRight - oRight });
  return parts;
}

/** "P1:AC73" (or "P1" for one cell). */
export function a1(r: Rect): string {
  const first = `${columnLetter(r.column)}${r.row + 1}`;
  if (r.rows === 1 && r.columns === 1) return first;
  return `${first}:${columnLetter(r.column + r.columns - 1)}${r.row + r.rows}`;
}

/** A sheet name as a formula or address prefix: quoted when it is not a plain word. */
export function sheetPrefix(sheet: string): string {
  // Unquoted only when Excel could not read the name as anything else: a cell (A1, R1C1, R, C) or a boolean.
  const plain =
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) &&
    !/^[A-Za-z]{1,3}\d+$/.test(sheet) &&
    !/^[Rr]\d*([Cc]\d*)?$/.test(sheet) &&
    !/^[Cc]\d*$/.test(sheet) &&
    !/^(true|false)$/i.test(sheet);
  return plain ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

export function sheetAddress(sheet: string, r: Rect): string {
  return sheetPrefix(sheet) + a1(r);
}

/** A1 addresses and rectangles, as Excel spells them. */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** Zero-based, inclusive of the first cell, `rows` × `columns` cells. */
export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export function columnLetters(column: number): string {
  let n = column + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
  return n - 1;
}

// Excel leaves a sheet name unquoted only when it could not be read as anything else.
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name);
  const looksLikeCell = /^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^[Rr][0-9]*[Cc]?[0-9]*$/.test(name);
  return plain && !looksLikeCell ? name : `'${name.replace(/'/g, "''")}'`;
}

export function cellName(row: number, column: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(column)}${d}${row + 1}`;
}

export function rectA1(rect: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (rect.rows === MAX_ROWS && rect.columns !== MAX_COLUMNS) {
    return `${d}${columnLetters(rect.column)}:${d}${columnLetters(rect.column + rect.columns - 1)}`;
  }
  if (rect.columns === MAX_COLUMNS && rect.rows !== MAX_ROWS) {
    return `${d}${rect.row + 1}:${d}${rect.row + rect.rows}`;
  }
  const first = cellName(rect.row, rect.column, absolute);
  if (rect.rows === 1 && rect.columns === 1) return first;
  return `${first}:${cellName(rect.row + rect.rows - 1, rect.column + rect.columns - 1, absolute)}`;
}

export function qualifiedAddress(sheet: string, rect: Rect, absolute = false): string {
  return `${quoteSheet(sheet)}!${rectA1(rect, absolute)}`;
}

export interface ParsedAddress {
  sheet?: string;
  rect: Rect;
}

type Corner = { row?: number; column?: number };

function parseCorner(text: string): Corner | undefined {
  const m = /^\$?([A-Za-z]{1,3})?\$?([0-9]{1,7})?$/.exec(text);
  if (!m || (!m[1] && !m[2])) return undefined;
  return {
    column: m[1] ? columnIndex(m[1]) : undefined,
    row: m[2] ? Number(m[2]) - 1 : undefined,
  };
}

/** Undefined when the text is not an A1 reference (Excel answers InvalidArgument). */
export function parseAddress(address: string): ParsedAddress | undefined {
  let text = address.trim();
  if (text.startsWith("=")) text = text.slice(1);
  let sheet: string | undefined;
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    sheet = text.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    text = text.slice(bang + 1);
  }
  const parts = text.split(":");
  if (parts.length > 2 || parts.some((p) => p === "")) return undefined;
  const a = parseCorner(parts[0]);
  const b = parts.length === 2 ? parseCorner(parts[1]) : a;
  if (!a || !b) return undefined;
  // "A:C" (whole columns) and "2:5" (whole rows) need both ends of the same kind.
  const wholeColumns = a.row === undefined && b.row === undefined;
  const wholeRows = a.column === undefined && b.column === undefined;
  if ((a.row === undefined) !== (b.row === undefined) || (a.column === undefined) !== (b.column === undefined)) {
    return undefined;
  }
  if (parts.length === 1 && (wholeColumns || wholeRows)) return undefined;
  const r0 = wholeColumns ? 0 : Math.min(a.row!, b.row!);
  const r1 = wholeColumns ? MAX_ROWS - 1 : Math.max(a.row!, b.row!);
  const c0 = wholeRows ? 0 : Math.min(a.column!, b.column!);
  const c1 = wholeRows ? MAX_COLUMNS - 1 : Math.max(a.column!, b.column!);
  const rect = { row: r0, column: c0, rows: r1 - r0 + 1, columns: c1 - c0 + 1 };
  if (!rectInSheet(rect)) return undefined;
  return { sheet, rect };
}

export function rectInSheet(r: Rect): boolean {
  return (
    Number.isInteger(r.row) &&
    Number.isInteger(r.column) &&
    Number.isInteger(r.rows) &&
    Number.isInteger(r.columns) &&
    r.row >= 0 &&
    r.column >= 0 &&
    r.rows >= 1 &&
    r.columns >= 1 &&
    r.row + r.rows <= MAX_ROWS &&
    r.column + r.columns <= MAX_COLUMNS
  );
}

export function intersect(a: Rect, b: Rect): Rect | undefined {
  const r0 = Math.max(a.row, b.row);
  const c0 = Math.max(a.column, b.column);
  const r1 = Math.min(a.row + a.rows, b.row + b.rows);
  const c1 = Math.min(a.column + a.columns, b.column + b.columns);
  return r1 > r0 && c1 > c0 ? { row: r0, column: c0, rows: r1 - r0, columns: c1 - c0 } : undefined;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.column + inner.columns <= outer.column + outer.columns
  );
}

// Excel refuses a request or a response over 5 MB (Excel on the web) and any read of more than
// 5,000,000 cells, so big trackers move in chunks of rows. These are the budgets and the arithmetic;
// the gateway does the moving.

export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
export const READ_LIMIT_CELLS = 5_000_000;

/**
 * What one chunk may carry. Well under the limits: the estimate below counts the JSON of the
 * cells only, and Excel adds its own envelope (addresses, property names, escaping).
 */
export const CHUNK_BYTES = 3 * 1024 * 1024;
export const CHUNK_CELLS = 2_000_000;

/** JSON length of one cell value as office.js sends it, near enough (UTF-16 text counted as bytes per char, plus quotes). */
export function cellBytes(value: unknown): number {
  switch (typeof value) {
    // Each count includes the comma after the value.
    case "number":
      // A double prints as up to 17 significant digits with sign, point and exponent (24 at most); integers are short.
      return Number.isInteger(value) && Math.abs(value) < 1e15 ? String(value).length + 1 : 25;
    case "string":
      return value.length + 3 + escapes(value);
    case "boolean":
      return value ? 5 : 6;
    default:
      return 5;
  }
}

function escapes(text: string): number {
  let extra = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 92 || c === 8 || c === 9 || c === 10 || c === 12 || c === 13) extra += 1;
    else if (c < 32)
      extra += 5; // written \u00XX
    else if (c > 127) extra += 2; // multi-byte UTF-8, e.g. "£"
  }
  return extra;
}

/** Estimated JSON bytes of a 2-D array. */
export function matrixBytes(matrix: readonly (readonly unknown[])[]): number {
  let total = 2;
  for (const row of matrix) {
    total += 3;
    for (const value of row) total += cellBytes(value);
  }
  return total;
}

/**
 * Rows per chunk for `columns` columns when a row is expected to take `bytesPerRow` bytes, for
 * `properties` cell properties moved at once (values and valueTypes count twice towards cells).
 */
export function rowsPerChunk(columns: number, bytesPerRow: number, properties = 1): number {
  const byCells = Math.floor(CHUNK_CELLS / Math.max(1, columns * properties));
  // An unknown row size (NaN) is taken as the largest, never as no limit.
  const byBytes = Number.isFinite(bytesPerRow) ? Math.floor(CHUNK_BYTES / Math.max(1, bytesPerRow)) : 1;
  return Math.max(1, Math.min(byCells, byBytes));
}

// Reading a block of cells in chunks that stay inside Excel's limits (5 MB a response, 5,000,000
// cells a read). Excel cannot say how long a cell's text is without sending it, so a chunk is sized
// from the bytes the rows read so far measured, starting small and growing at most fourfold; a
// chunk Excel still refuses as too large (long comments that start further down) is read again in
// halves, down to a single row split by columns. Called inside the gateway's Excel.run.
import type { Rect } from "../geometry/rect";
import { CHUNK_BYTES, matrixBytes, rowsPerChunk } from "./payload";

export interface ReadControl {
  progress(done: number, total: number): void;
  /** Throws when the analyst cancelled. */
  checkCancelled(): void;
}

/** What a cell is assumed to take before any row was measured: generous, so the first chunk is small. */
const FIRST_GUESS_CELL_BYTES = 1024;
/** Head-room on the measured size of a row: later rows may hold longer text. */
const ROW_SIZE_MARGIN = 1.5;
/** A chunk is at most this many times the one before, so a surprise costs little. */
const MAX_GROWTH = 4;
/** getCellProperties({hidden}) costs about this much a cell in the response. */
const HIDDEN_CELL_BYTES = 20;

type Cells = { values: unknown[][]; types: string[][] };

/** The data rows of `rect` below its header row, as the core reads them (an empty cell is null). */
export async function readRows(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  rect: Rect,
  control: ReadControl,
): Promise<unknown[][]> {
  const total = rect.rows - 1;
  const rows: unknown[][] = [];
  let bytesPerRow = rect.columns * FIRST_GUESS_CELL_BYTES;
  let chunk = rowsPerChunk(rect.columns, bytesPerRow, 2);
  control.progress(0, total);
  for (let done = 0; done < total;) {
    control.checkCancelled();
    const count = Math.min(chunk, total - done);
    const part: Rect = { row: rect.row + 1 + done, column: rect.column, rows: count, columns: rect.columns };
    const cells = await readBlock(context, sheet, part);
    const measured = (matrixBytes(cells.values) + matrixBytes(cells.types)) / count;
    bytesPerRow = Math.max(bytesPerRow / 2, measured * ROW_SIZE_MARGIN);
    for (const row of cellsOf(cells.values, cells.types)) rows.push(row);
    done += count;
    control.progress(done, total);
    chunk = Math.min(count * MAX_GROWTH, rowsPerChunk(rect.columns, bytesPerRow, 2));
  }
  return rows;
}

/** One block's values and types in one sync, or in halves when Excel refuses the response as too large. */
async function readBlock(context: Excel.RequestContext, sheet: Excel.Worksheet, r: Rect): Promise<Cells> {
  const range = sheet.getRangeByIndexes(r.row, r.column, r.rows, r.columns);
  range.load("values,valueTypes");
  try {
    // One sync per chunk is the point: each chunk must be its own request to stay under Excel's limits.

    await context.sync();
  } catch (error) {
    if (!tooLarge(error) || (r.rows === 1 && r.columns === 1)) throw error;
    return r.rows > 1 ? readInHalves(context, sheet, r, "rows") : readInHalves(context, sheet, r, "columns");
  }
  const cells = { values: range.values, types: range.valueTypes as string[][] };
  range.untrack();
  return cells;
}

async function readInHalves(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  r: Rect,
  by: "rows" | "columns",
): Promise<Cells> {
  const half = Math.ceil(r[by] / 2);
  const first: Rect = { ...r, [by]: half };
  const second: Rect =
    by === "rows"
      ? { ...r, row: r.row + half, rows: r.rows - half }
      : { ...r, column: r.column + half, columns: r.columns - half };
  const a = await readBlock(context, sheet, first);
  const b = await readBlock(context, sheet, second);
  if (by === "rows") return { values: [...a.values, ...b.values], types: [...a.types, ...b.types] };
  return { values: a.values.map((row, i) => [...row, ...b.values[i]]), types: a.types.map((row, i) => [...row, ...b.types[i]]) };
}

function tooLarge(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RangeExceedsLimit";
}

/**
 * How many of the data rows below `rect`'s header are hidden, by hand or by a filter, when the data
 * range's `rowHidden` read null (some are, some are not): counted row by row through one column the
 * analyst can see, since a cell reads as hidden when its row or its column is.
 */
export async function countHiddenRows(context: Excel.RequestContext, sheet: Excel.Worksheet, rect: Rect): Promise<number> {
  const total = rect.rows - 1;
  const columns = Array.from({ length: Math.min(rect.columns, 256) }, (_, c) =>
    sheet.getRangeByIndexes(rect.row, rect.column + c, 1, 1).load("columnHidden"),
  );
  await context.sync();
  const visible = columns.findIndex((c) => c.columnHidden === false);
  const column = rect.column + Math.max(0, visible);
  const perChunk = Math.max(1, Math.floor(CHUNK_BYTES / HIDDEN_CELL_BYTES));
  let hidden = 0;
  for (let done = 0; done < total; done += perChunk) {
    const count = Math.min(perChunk, total - done);
    const cells = sheet.getRangeByIndexes(rect.row + 1 + done, column, count, 1).getCellProperties({ hidden: true });
    // One sync per chunk keeps each response under Excel's limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    // A ClientResult is filled by the sync alone; the rule knows only proxy objects' load().
    // eslint-disable-next-line office-addins/load-object-before-read
    for (const [cell] of cells.value) if (cell.hidden) hidden++;
  }
  return hidden;
}

/** Values as the core reads them: an empty cell is null (never "" or 0), an error stays its text. */
export function cellsOf(values: unknown[][], types: readonly (readonly string[])[]): unknown[][] {
  const out: unknown[][] = new Array(values.length);
  for (let r = 0; r < values.length; r++) {
    const v = values[r];
    const t = types[r];
    const row = new Array(v.length);
    for (let c = 0; c < v.length; c++) row[c] = t[c] === "Empty" ? null : v[c];
    out[r] = row;
  }
  return out;
}

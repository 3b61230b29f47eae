// Reading and writing back what a rectangle of cells holds (contents with their types, number
// formats), in chunks of rows under Excel's request and read limits: what a re-run checks its
// previous block against, and what an undo puts back. Called inside the gateway's Excel.run.
import type { Rect } from "../geometry/rect";
import { literalText } from "../output/outputPlan";
import { CHUNK_BYTES, matrixBytes, rowsPerChunk } from "./payload";

export interface BlockCells {
  /** What `formulas` reads (a formula, or the constant), row by row; empty when only formats were read. */
  readonly formulas: unknown[][];
  /** Excel's value types, to write text back as text. */
  readonly types: string[][];
  readonly numberFormats: string[][];
}

/** A first guess of a cell's JSON size per property read; later chunks are sized from what came back. */
const FIRST_GUESS_BYTES = 40;

export async function readBlockCells(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  rect: Rect,
  contents: boolean,
): Promise<BlockCells> {
  const out: BlockCells = { formulas: [], types: [], numberFormats: [] };
  const properties = contents ? 3 : 1;
  let chunk = rowsPerChunk(rect.columns, rect.columns * FIRST_GUESS_BYTES * properties, properties);
  for (let done = 0; done < rect.rows;) {
    const count = Math.min(chunk, rect.rows - done);
    const range = sheet.getRangeByIndexes(rect.row + done, rect.column, count, rect.columns);
    if (contents) range.load("formulas,valueTypes,numberFormat");
    else range.load("numberFormat");
    // Each chunk is its own request, to stay under Excel's response limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    let bytes = matrixBytes(range.numberFormat);
    if (contents) {
      out.formulas.push(...range.formulas);
      out.types.push(...(range.valueTypes as string[][]));
      bytes += matrixBytes(range.formulas) + matrixBytes(range.valueTypes);
    }
    out.numberFormats.push(...(range.numberFormat as string[][]));
    done += count;
    chunk = rowsPerChunk(rect.columns, (bytes / count) * 1.2, properties);
  }
  return out;
}

/** Writes `cells` back over `rect` (its top-left part when `cells` is smaller), contents when read, in chunks. */
export async function writeBlockCells(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  rect: Rect,
  cells: BlockCells,
): Promise<void> {
  const contents = cells.formulas.length > 0;
  const rows = cells.numberFormats.length;
  for (let done = 0; done < rows;) {
    let count = rows - done;
    let bytes = Infinity;
    let formulas: unknown[][] = [];
    let formats: string[][] = [];
    while (bytes > CHUNK_BYTES) {
      formats = cells.numberFormats.slice(done, done + count);
      formulas = contents ? cells.formulas.slice(done, done + count).map((row, i) => asWritten(row, cells.types[done + i])) : [];
      bytes = matrixBytes(formats) + matrixBytes(formulas);
      if (bytes > CHUNK_BYTES && count > 1) count = Math.max(1, Math.floor((count * CHUNK_BYTES) / bytes / 1.2));
      else break;
    }
    const range = sheet.getRangeByIndexes(rect.row + done, rect.column, count, rect.columns);
    range.numberFormat = formats;
    if (contents) range.formulas = formulas;
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    done += count;
  }
}

/** A cell as read, in the form that writes it back the same: text stays text. */
function asWritten(row: readonly unknown[], types: readonly string[]): unknown[] {
  return row.map((v, c) => (typeof v === "string" && types[c] === "String" && !v.startsWith("=") ? literalText(v) : v));
}

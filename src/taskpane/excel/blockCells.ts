// Reading a rectangle of cells (contents with their types, number formats) chunk by chunk under
// Excel's request and read limits, handing each chunk on as it arrives and keeping none of it; and
// writing back what an undo kept (keptCells.ts). What a re-run checks its previous block against,
// and what an undo puts back. Called inside the gateway's Excel.run.
import type { Rect } from "../geometry/rect";
import type { KeptCells } from "./keptCells";
import { CHUNK_BYTES, matrixBytes, rowsPerChunk } from "./payload";

/** Rows [firstRow, firstRow + formats.length) of a block, as read. */
export interface ReadChunk {
  readonly firstRow: number;
  /**
   * What `formulas` reads (a formula, or the constant), row by row; empty when only formats were
   * read. A cell that one of the block's own formulas spills into reads "": Excel gives its value
   * there, but what the add-in wrote into it was nothing, and nothing is what an undo puts back.
   */
  readonly formulas: unknown[][];
  /** Excel's value types ("Empty" where a block's formula spills), to write text back as text. */
  readonly types: string[][];
  readonly formats: string[][];
}

export interface ReadOptions {
  readonly contents: boolean;
  /** Block rows to read, [from, to); the whole block when left out. */
  readonly from?: number;
  readonly to?: number;
  /**
   * Where the formulas of the block's first data row spill (ExcelApi 1.12, which every Excel with
   * dynamic arrays has): the live columns' anchors. Without dynamic arrays nothing spills.
   */
  readonly spills?: boolean;
}

/** A first guess of a cell's JSON size per property read; later chunks are sized from what came back. */
const FIRST_GUESS_BYTES = 40;
/** Rows nothing is kept in that a write-back still crosses (as nulls) rather than start a new request. */
const GAP_ROWS = 32;

export async function readBlock(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  rect: Rect,
  options: ReadOptions,
  visit: (chunk: ReadChunk) => void,
): Promise<void> {
  const { contents } = options;
  const to = options.to ?? rect.rows;
  const properties = contents ? 3 : 1;
  const anchors = contents && options.spills && rect.rows > 1 ? spillLookups(sheet, rect) : [];
  let spills: Rect[] | null = null;
  let chunk = rowsPerChunk(rect.columns, rect.columns * FIRST_GUESS_BYTES * properties, properties);
  for (let done = options.from ?? 0; done < to;) {
    const count = Math.min(chunk, to - done);
    const range = sheet.getRangeByIndexes(rect.row + done, rect.column, count, rect.columns);
    if (contents) range.load("formulas,valueTypes,numberFormat");
    else range.load("numberFormat");
    // Each chunk is its own request, to stay under Excel's response limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    spills ??= spillAreas(anchors, rect);
    const formats = range.numberFormat as string[][];
    let bytes = matrixBytes(formats);
    let formulas: unknown[][] = [];
    let types: string[][] = [];
    if (contents) {
      formulas = range.formulas;
      types = range.valueTypes as string[][];
      bytes += matrixBytes(formulas) + matrixBytes(types);
      for (const spill of spills) emptySpilled(spill, done, formulas, types);
    }
    range.untrack();
    visit({ firstRow: done, formulas, types, formats });
    done += count;
    chunk = rowsPerChunk(rect.columns, (bytes / count) * 1.2, properties);
  }
}

/** Asks, with the first chunk, where each cell of the block's first data row spills (most spill nowhere). */
function spillLookups(sheet: Excel.Worksheet, rect: Rect): Excel.Range[] {
  return Array.from({ length: rect.columns }, (_, c) => {
    const spill = sheet.getRangeByIndexes(rect.row + 1, rect.column + c, 1, 1).getSpillingToRangeOrNullObject();
    spill.load("rowIndex,columnIndex,rowCount,columnCount");
    return spill;
  });
}

/** The spilled cells of the block's own anchors, in block coordinates and within the block (anchors excluded). */
function spillAreas(anchors: readonly Excel.Range[], block: Rect): Rect[] {
  return anchors.flatMap((s) => {
    if (s.isNullObject) return [];
    const row = Math.max(s.rowIndex - block.row, 0);
    const column = s.columnIndex - block.column;
    const rows = Math.min(s.rowIndex - block.row + s.rowCount, block.rows) - row;
    const columns = Math.min(column + s.columnCount, block.columns) - column;
    return rows > 0 && columns > 0 && column >= 0 ? [{ row, column, rows, columns }] : [];
  });
}

function emptySpilled(spill: Rect, firstRow: number, formulas: unknown[][], types: string[][]): void {
  const from = Math.max(spill.row, firstRow);
  const to = Math.min(spill.row + spill.rows, firstRow + formulas.length);
  for (let r = from; r < to; r++) {
    for (let c = spill.column; c < spill.column + spill.columns; c++) {
      if (r === spill.row && c === spill.column) continue; // the anchor: its formula is the add-in's
      formulas[r - firstRow][c] = "";
      types[r - firstRow][c] = "Empty";
    }
  }
}

/** Writes the kept cells back over `rect`, contents and number formats, skipping rows where nothing is kept. */
export async function writeKept(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  rect: Rect,
  kept: KeptCells,
): Promise<void> {
  const contents = kept.hasContents;
  const formats = kept.hasFormats;
  for (let first = kept.nextKeptRow(0); first < kept.rows;) {
    const cells: unknown[][] = [];
    const numberFormats: (string | null)[][] = [];
    let bytes = 0;
    let end = first;
    while (end < kept.rows && bytes < CHUNK_BYTES) {
      if (!kept.isKept(end)) {
        const next = kept.nextKeptRow(end);
        if (next >= kept.rows || next - end > GAP_ROWS) break;
      }
      const row = contents ? kept.contents(end) : [];
      const format = formats ? kept.formats(end) : [];
      bytes += matrixBytes([row]) + matrixBytes([format]);
      cells.push(row);
      numberFormats.push(format);
      end++;
    }
    const range = sheet.getRangeByIndexes(rect.row + first, rect.column, end - first, rect.columns);
    // null leaves a cell (or its format) as it is: only what was kept is written.
    if (formats) range.numberFormat = numberFormats as string[][];
    if (contents) range.formulas = cells;
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    range.untrack();
    first = kept.nextKeptRow(end);
  }
}

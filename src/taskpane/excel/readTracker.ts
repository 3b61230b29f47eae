// Reading the tracker the analyst selected: which block of cells it is, then its cells in chunks
// that stay inside Excel's request limits. Called by the gateway inside its Excel.run.
import { matrixBytes, rowsPerChunk } from "./payload";
import { intersect, sheetAddress, type Rect } from "../geometry/rect";

/** The tracker as read: its header row, its data rows and where it sits. */
export interface TrackerRange {
  readonly sheetName: string;
  readonly sheetId: string;
  /** The block, header row included, in sheet coordinates. */
  readonly rect: Rect;
  readonly address: string;
  readonly header: readonly unknown[];
  /** Data rows as Excel holds them: numbers, text, booleans, error text ("#N/A"), null for empty. */
  readonly rows: readonly (readonly unknown[])[];
  /** Number format of each column in the first data row ("" when there is none). */
  readonly numberFormats: readonly string[];
}

export type Refusal = { readonly ok: false; readonly message: string; readonly detail: string };
export type ReadOutcome = { readonly ok: true; readonly tracker: TrackerRange } | Refusal;

export interface ReadControl {
  progress(done: number, total: number): void;
  /** Throws when the analyst cancelled. */
  checkCancelled(): void;
}

const refuse = (message: string, detail: string): Refusal => ({ ok: false, message, detail });

const SELECT_ONE = "Select the tracker including its header row, or click any one cell inside it.";

/** Rows read in the first chunk, before the size of a row is known. */
const FIRST_CHUNK_ROWS = 500;
/** Head-room on the measured size of a row: later rows may hold longer text. */
const ROW_SIZE_MARGIN = 1.5;

export async function locateTracker(
  context: Excel.RequestContext,
): Promise<{ ok: true; sheetName: string; sheetId: string; rect: Rect } | Refusal> {
  const workbook = context.workbook;
  const areas = workbook.getSelectedRanges();
  areas.load("areaCount");
  const sheet = workbook.worksheets.getActiveWorksheet();
  sheet.load("name,id");
  await context.sync();
  if (areas.areaCount > 1) {
    return refuse(`The selection has ${areas.areaCount} separate areas; CIP Analyst reads one block of cells.`, SELECT_ONE);
  }

  const selected = workbook.getSelectedRange();
  selected.load("rowIndex,columnIndex,rowCount,columnCount");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  if (used.isNullObject)
    return refuse(`Sheet ${sheet.name} is empty.`, "Open the sheet that holds your tracker, then select it.");

  let rect: Rect | null;
  if (selected.rowCount === 1 && selected.columnCount === 1) {
    rect = await blockAroundCell(context, selected);
    if (rect === null) {
      return refuse("The selected cell is empty and has nothing around it.", SELECT_ONE);
    }
  } else {
    // A whole-column selection (A:F) is a million rows; the tracker is the part that holds something.
    rect = intersect(rectOf(selected), rectOf(used));
    if (rect === null) return refuse("The selected cells are empty.", SELECT_ONE);
  }
  return { ok: true, sheetName: sheet.name, sheetId: sheet.id, rect };
}

/** The table a cell is in, else its current region (Ctrl+Shift+* in Excel); null for a lone empty cell. */
async function blockAroundCell(context: Excel.RequestContext, cell: Excel.Range): Promise<Rect | null> {
  const tables = cell.getTables(false);
  const tableCount = tables.getCount();
  const region = cell.getSurroundingRegion();
  region.load("rowIndex,columnIndex,rowCount,columnCount");
  cell.load("valueTypes");
  await context.sync();
  // A ClientResult is filled by the sync alone; the rule knows only proxy objects' load().
  // eslint-disable-next-line office-addins/load-object-before-read
  if (tableCount.value > 0) {
    const range = tables.getFirst().getRange();
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    return rectOf(range);
  }
  if (region.rowCount === 1 && region.columnCount === 1 && cell.valueTypes[0][0] === "Empty") return null;
  return rectOf(region);
}

export async function checkMerged(context: Excel.RequestContext, sheetName: string, rect: Rect): Promise<Refusal | null> {
  const range = context.workbook.worksheets.getItem(sheetName).getRangeByIndexes(rect.row, rect.column, rect.rows, rect.columns);
  const merged = range.getMergedAreasOrNullObject();
  merged.load("address,areaCount");
  await context.sync();
  if (merged.isNullObject) return null;
  return refuse(
    `The tracker has merged cells (${merged.address}); their values cannot be read one per row and column.`,
    "Unmerge them (Home > Merge & Center > Unmerge Cells), or select only the header row and the rows below it.",
  );
}

export async function readCells(
  context: Excel.RequestContext,
  located: { sheetName: string; sheetId: string; rect: Rect },
  control: ReadControl,
): Promise<ReadOutcome> {
  const { sheetName, rect } = located;
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const headerRange = sheet.getRangeByIndexes(rect.row, rect.column, 1, rect.columns);
  headerRange.load("values,valueTypes");
  const firstData = rect.rows > 1 ? sheet.getRangeByIndexes(rect.row + 1, rect.column, 1, rect.columns) : null;
  firstData?.load("numberFormat");
  await context.sync();
  const header = cellsOf(headerRange.values, headerRange.valueTypes)[0];
  const numberFormats = firstData ? firstData.numberFormat[0].map((f) => (typeof f === "string" ? f : "")) : header.map(() => "");

  const total = rect.rows - 1;
  const rows: unknown[][] = [];
  let chunk = Math.min(FIRST_CHUNK_ROWS, rowsPerChunk(rect.columns, 1, 2));
  let bytesPerRow = 0;
  control.progress(0, total);
  for (let done = 0; done < total;) {
    control.checkCancelled();
    const count = Math.min(chunk, total - done);
    const range = sheet.getRangeByIndexes(rect.row + 1 + done, rect.column, count, rect.columns);
    range.load("values,valueTypes");
    // One sync per chunk is the point: each chunk must be its own request to stay under Excel's limits.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    const values = range.values;
    const types = range.valueTypes;
    // Size the next chunk on what this one really took, so text-heavy trackers get smaller chunks.
    bytesPerRow = Math.max(bytesPerRow, ((matrixBytes(values) + matrixBytes(types)) / count) * ROW_SIZE_MARGIN);
    for (const row of cellsOf(values, types)) rows.push(row);
    range.untrack();
    done += count;
    control.progress(done, total);
    chunk = rowsPerChunk(rect.columns, bytesPerRow, 2);
  }
  return {
    ok: true,
    tracker: {
      sheetName,
      sheetId: located.sheetId,
      rect,
      address: sheetAddress(sheetName, rect),
      header,
      rows,
      numberFormats,
    },
  };
}

/** Values as the core reads them: an empty cell is null (never "" or 0), an error stays its text. */
function cellsOf(values: unknown[][], types: Excel.RangeValueType[][] | string[][]): unknown[][] {
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

function rectOf(range: Excel.Range): Rect {
  return { row: range.rowIndex, column: range.columnIndex, rows: range.rowCount, columns: range.columnCount };
}

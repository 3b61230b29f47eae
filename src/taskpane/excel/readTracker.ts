// Reading the tracker the analyst selected: which block of cells it is, then its cells in chunks
// that stay inside Excel's request limits (readCells.ts); and reading it again at Analyse, from where
// it was found, so that the run works on the tracker as it is then. Called by the gateway inside
// its Excel.run.
import { columnLetter } from "../../core/excelConventions";
import { intersect, sheetAddress, type Rect } from "../geometry/rect";
import { OUTPUT_PREFIX } from "../output/outputColumns";
import { cellsOf, countHiddenRows, readRows, type ReadControl } from "./readCells";

export type { ReadControl } from "./readCells";

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
  /**
   * How it was found, which is how Analyse finds it again: "block" (the table or block of filled
   * cells around one selected cell, which grows and shrinks with its rows) or "selection" (the
   * very cells selected). Absent: "selection".
   */
  readonly found?: Found;
  /** Data rows hidden by hand or by a filter (they are read and analysed all the same). */
  readonly hiddenRows?: number;
}

export type Found = "block" | "selection";

/** Where a tracker is, before its cells are read. */
export interface Located {
  readonly sheetName: string;
  readonly sheetId: string;
  readonly rect: Rect;
  readonly found: Found;
}

export type Refusal = { readonly ok: false; readonly message: string; readonly detail: string };
export type ReadOutcome = { readonly ok: true; readonly tracker: TrackerRange } | Refusal;

const refuse = (message: string, detail: string): Refusal => ({ ok: false, message, detail });

const SELECT_ONE = "Select the tracker including its header row, or click any one cell inside it.";
const AGAIN = "Select the tracker and press Use selection again.";

export async function locateTracker(context: Excel.RequestContext): Promise<({ ok: true } & Located) | Refusal> {
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
  const found: Found = selected.rowCount === 1 && selected.columnCount === 1 ? "block" : "selection";
  if (found === "block") {
    rect = await blockAroundCell(context, selected);
    if (rect === null) {
      return refuse("The selected cell is empty and has nothing around it.", SELECT_ONE);
    }
  } else {
    // A whole-column selection (A:F) is a million rows; the tracker is the part that holds something.
    rect = intersect(rectOf(selected), rectOf(used));
    if (rect === null) return refuse("The selected cells are empty.", SELECT_ONE);
  }
  return { ok: true, sheetName: sheet.name, sheetId: sheet.id, rect, found };
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
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const merged = sheet.getRangeByIndexes(rect.row, rect.column, rect.rows, rect.columns).getMergedAreasOrNullObject();
  merged.load("address");
  try {
    await context.sync();
  } catch {
    // Microsoft's reference: the call fails when the range has more than 512 merged areas.
    const some = await someMerged(context, sheet, rect);
    return refuse(
      `The tracker has more merged cells than Excel can list (over 512 areas${some}); their values cannot be read one per row and column.`,
      UNMERGE,
    );
  }
  if (merged.isNullObject) return null;
  return refuse(`The tracker has merged cells (${merged.address}); their values cannot be read one per row and column.`, UNMERGE);
}

const UNMERGE = "Unmerge them (Home > Merge & Center > Unmerge Cells), or select only the header row and the rows below it.";

/** ", the first in Tracker!A3:B3, ..." from the first rows of the tracker, or "" when even that fails. */
async function someMerged(context: Excel.RequestContext, sheet: Excel.Worksheet, rect: Rect): Promise<string> {
  for (let rows = Math.min(rect.rows, 256); rows >= 1; rows = Math.floor(rows / 4)) {
    const merged = sheet.getRangeByIndexes(rect.row, rect.column, rows, rect.columns).getMergedAreasOrNullObject();
    merged.load("address");
    try {
      // Fewer rows each time, until Excel can list them.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      return merged.isNullObject ? "" : `, among them ${merged.address.split(",").slice(0, 3).join(", ")}`;
    } catch {
      // Still too many: try fewer rows.
    }
  }
  return "";
}

export async function readCells(
  context: Excel.RequestContext,
  located: Located,
  control: ReadControl,
  checkHeader: (header: unknown[]) => Refusal | null = () => null,
): Promise<ReadOutcome> {
  const { sheetName, rect } = located;
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const headerRange = sheet.getRangeByIndexes(rect.row, rect.column, 1, rect.columns);
  headerRange.load("values,valueTypes");
  const data = rect.rows > 1 ? sheet.getRangeByIndexes(rect.row + 1, rect.column, rect.rows - 1, rect.columns) : null;
  data?.load("rowHidden");
  const firstData = rect.rows > 1 ? sheet.getRangeByIndexes(rect.row + 1, rect.column, 1, rect.columns) : null;
  firstData?.load("numberFormat");
  await context.sync();
  const header = cellsOf(headerRange.values, headerRange.valueTypes)[0];
  const refused = checkHeader(header);
  if (refused) return refused;
  const numberFormats = firstData ? firstData.numberFormat[0].map((f) => (typeof f === "string" ? f : "")) : header.map(() => "");
  const rows = await readRows(context, sheet, rect, control);
  // rowHidden reads true or false when every data row agrees; only a mix is counted row by row.
  const hidden = data?.rowHidden ?? null;
  const hiddenRows =
    data === null || hidden === false ? 0 : hidden === true ? rect.rows - 1 : await countHiddenRows(context, sheet, rect);
  const tracker: TrackerRange = {
    sheetName,
    sheetId: located.sheetId,
    rect,
    address: sheetAddress(sheetName, rect),
    header,
    rows,
    numberFormats,
    found: located.found,
    hiddenRows,
  };
  return { ok: true, tracker };
}

/**
 * The tracker read at Use selection, read again where it was found: over the same cells when they
 * were selected, or the table or block around its header's first cell, which follows rows added or
 * removed at its end. Refused when its sheet is gone or its header row is not the one read before
 * (rows inserted above it, a column renamed, added or removed): the analyst's column choices were
 * made for that header.
 */
export async function rereadTracker(
  context: Excel.RequestContext,
  previous: TrackerRange,
  control: ReadControl,
  /** A check whose loads are queued already: its refusal, known after the first sync, comes first. */
  first: () => Refusal | null = () => null,
): Promise<ReadOutcome> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(previous.sheetId);
  sheet.load("name");
  await context.sync();
  const refused = first();
  if (refused) return refused;
  if (sheet.isNullObject) return refuse(`The tracker's sheet ${previous.sheetName} is no longer in the workbook.`, AGAIN);
  const old = previous.rect;
  let rect = old;
  let added: string | null = null;
  if (previous.found === "block") {
    const around = await blockAroundCell(context, sheet.getCell(old.row, old.column));
    if (around !== null && around.row === old.row && around.column === old.column && around.columns >= old.columns) {
      rect = { ...old, rows: around.rows };
      if (around.columns > old.columns) {
        const right = { ...around, column: old.column + old.columns, columns: around.columns - old.columns, rows: 1 };
        added = addedColumn(await headerCells(context, sheet, right), right.column);
      }
    }
  }
  const located: Located = { sheetName: sheet.name, sheetId: previous.sheetId, rect, found: previous.found ?? "selection" };
  // The header is compared before any row is read: a changed tracker costs one small read.
  return readCells(context, located, control, (header) => {
    const change = headerChange(previous.header, header, old.column) ?? added;
    if (change === null) return null;
    return refuse(
      "The tracker's header row changed since Use selection, so its columns may no longer be the ones chosen.",
      `${change}. Select the tracker and press Use selection again to check how its columns are read.`,
    );
  });
}

async function headerCells(context: Excel.RequestContext, sheet: Excel.Worksheet, r: Rect): Promise<unknown[]> {
  const range = sheet.getRangeByIndexes(r.row, r.column, 1, r.columns);
  range.load("values,valueTypes");
  await context.sync();
  return cellsOf(range.values, range.valueTypes)[0];
}

/** e.g. 'Column H was "YTD actual £k", now "Actual to date"', or null when the header is the same. */
function headerChange(before: readonly unknown[], now: readonly unknown[], firstColumn: number): string | null {
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  for (let c = 0; c < before.length; c++) {
    if (text(before[c]) !== text(now[c])) {
      return `Column ${columnLetter(firstColumn + c)} was "${text(before[c])}", now "${text(now[c])}"`;
    }
  }
  return null;
}

/** A column the analyst added right of the tracker (an earlier run's "CIP: " columns do not count). */
function addedColumn(extra: readonly unknown[], firstColumn: number): string | null {
  const at = extra.findIndex((v) => typeof v === "string" && v.trim() !== "" && !v.startsWith(OUTPUT_PREFIX));
  return at < 0 ? null : `Column ${columnLetter(firstColumn + at)} "${String(extra[at])}" was added`;
}

function rectOf(range: Excel.Range): Rect {
  return { row: range.rowIndex, column: range.columnIndex, rows: range.rowCount, columns: range.columnCount };
}

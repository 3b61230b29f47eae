// Where an output block goes, and every check before anything is written: the block fits the
// sheet, the sheet is not protected, the cells it needs are empty or this tracker's own previous
// block (found by its workbook name). Nothing here changes the workbook. Called by writeOutput.
import type { OutputPlan } from "../output/outputPlan";
import type { Destination } from "../options";
import type { OutputRecord, WorkbookState } from "../workbookState";
import { a1, fitsSheet, sheetAddress, sheetPrefix, subtract, SHEET_COLUMNS, type Rect } from "../geometry/rect";
import type { TrackerRange } from "./readTracker";

export const OUTPUT_SHEET = "CIP Output";
const NAME_PREFIX = "CIPAnalyst_Output_";
/** Occupied cells are named one by one when the part they are in is this small; a few are named. */
const NAMED_CELLS_MAX = 20_000;
const NAMED_CELLS_SHOWN = 5;

export interface WriteJob {
  readonly source: TrackerRange;
  readonly plan: OutputPlan;
  readonly destination: Destination;
  readonly state: WorkbookState;
}

/** Why the block cannot be written; `offerNewSheet` when a sheet of its own would do. */
export interface Refused {
  readonly ok: false;
  readonly message: string;
  readonly detail: string;
  readonly offerNewSheet: boolean;
}

/** Where the block goes, once every check has passed. */
export interface Target {
  readonly sheetName: string;
  readonly sheetExists: boolean;
  readonly rect: Rect;
  /** The previous block of this tracker, when it is still there and still ours. */
  readonly previous: { readonly record: OutputRecord; readonly sheetName: string; readonly rect: Rect } | null;
  readonly name: string;
  /** Column widths before the run, so an undo can put them back after the header's autofit. */
  readonly widths: readonly number[];
}

/**
 * Earlier blocks that could be this tracker's: same source sheet and destination. Which one it is
 * is decided by where its workbook name points now (findPrevious), because names move with rows and
 * columns the analyst inserts, and the coordinates recorded at the last run do not.
 */
function candidateRecords(state: WorkbookState, source: TrackerRange, destination: Destination): OutputRecord[] {
  return state.outputs.filter((r) => r.sourceSheetId === source.sheetId && r.destination === destination);
}

/** Where the block will go, or why it cannot be written; nothing is changed either way. */
export async function prepare(context: Excel.RequestContext, job: WriteJob): Promise<Target | Refused> {
  const { source, plan, destination } = job;
  const besideColumn = destination === "beside" ? await firstColumnBeside(context, source) : 0;
  const previous = await findPrevious(context, job, besideColumn);
  const sheetName =
    destination === "beside" ? source.sheetName : (previous?.sheetName ?? (await freeSheetName(context, OUTPUT_SHEET)));
  const size = { rows: plan.rowCount + 1, columns: plan.header.length };
  const rect: Rect =
    destination === "beside" ? { row: source.rect.row, column: besideColumn, ...size } : { row: 0, column: 0, ...size };
  const refuse = (message: string, detail: string, offerNewSheet = destination === "beside") => ({
    ok: false as const,
    message,
    detail,
    offerNewSheet,
  });
  if (!fitsSheet(rect)) {
    const short = rect.column + rect.columns - SHEET_COLUMNS;
    return refuse(
      `There is no room beside the tracker: the output needs ${rect.columns} columns and the sheet ends ${short} columns too soon.`,
      "Write it on a new sheet instead.",
    );
  }

  const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
  sheet.load("name");
  sheet.protection.load("protected");
  await context.sync();
  const sheetExists = !sheet.isNullObject;
  if (sheetExists && sheet.protection.protected) {
    return refuse(
      `Sheet ${sheetName} is protected, so CIP Analyst cannot write its results there. Nothing was changed.`,
      "Unprotect it (Review > Unprotect Sheet) and run again, or write the results on a new sheet.",
    );
  }
  const previousHere = previous && previous.sheetName === sheetName ? previous.rect : null;
  if (sheetExists) {
    const foreign = await occupied(context, sheet, subtract(rect, previousHere));
    if (foreign.length > 0) {
      return refuse(
        `CIP Analyst needs ${sheetAddress(sheetName, rect)} for its results, but ${foreign.join(", ")} already ${foreign.length > 1 ? "hold" : "holds"} other data. Nothing was changed.`,
        "Move that data, or write the results on a new sheet instead.",
      );
    }
  }
  const name = previous?.record.name ?? nextName(job.state);
  return { sheetName, sheetExists, rect, previous, name, widths: sheetExists ? await columnWidths(context, sheet, rect) : [] };
}

/**
 * The last block this tracker's run wrote, if its name still points at cells that hold its header:
 * beside the data, the block that starts right of the tracker's header row; on a sheet of its own,
 * the block of the tracker recorded at this header row and first column.
 */
async function findPrevious(context: Excel.RequestContext, job: WriteJob, besideColumn: number): Promise<Target["previous"]> {
  const { source } = job;
  const candidates = candidateRecords(job.state, source, job.destination);
  if (candidates.length === 0) return null;
  const names = candidates.map((record) => {
    const named = context.workbook.names.getItemOrNullObject(record.name);
    named.load("name");
    return named;
  });
  await context.sync();
  const found = candidates.flatMap((record, i) => {
    if (names[i].isNullObject) return [];
    const range = names[i].getRangeOrNullObject();
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    range.worksheet.load("name");
    return [{ record, range }];
  });
  if (found.length === 0) return null;
  await context.sync();
  const match = found.find(({ record, range }) =>
    range.isNullObject
      ? false
      : job.destination === "beside"
        ? range.worksheet.name === source.sheetName && range.rowIndex === source.rect.row && range.columnIndex === besideColumn
        : record.sourceHeaderRow === source.rect.row && record.sourceFirstColumn === source.rect.column,
  );
  if (!match) return null;
  const { record, range } = match;
  const header = range.getRow(0);
  header.load("values");
  await context.sync();
  const [cells] = header.values;
  const ours = cells.length === record.header.length && cells.every((v, i) => v === record.header[i]);
  if (!ours) return null;
  return {
    record,
    sheetName: range.worksheet.name,
    rect: { row: range.rowIndex, column: range.columnIndex, rows: range.rowCount, columns: range.columnCount },
  };
}

/**
 * The first column of a block beside the tracker: right next to it, or one column further when the
 * tracker is an Excel table, because Excel (AutoCorrect's "include new rows and columns in table",
 * which also applies to add-ins' writes) would otherwise take the block into the analyst's table.
 */
async function firstColumnBeside(context: Excel.RequestContext, source: TrackerRange): Promise<number> {
  const { row, column, columns } = source.rect;
  const lastHeader = context.workbook.worksheets.getItem(source.sheetName).getCell(row, column + columns - 1);
  const tables = lastHeader.getTables(false).getCount();
  await context.sync();
  // A ClientResult is filled by the sync alone; the rule knows only proxy objects' load().
  // eslint-disable-next-line office-addins/load-object-before-read
  return column + columns + (tables.value > 0 ? 1 : 0);
}

/** Where the parts of `rects` hold a value or formula: the first few such cells, or the range when it is big. */
async function occupied(context: Excel.RequestContext, sheet: Excel.Worksheet, rects: readonly Rect[]): Promise<string[]> {
  const used = rects.map((r) => {
    const u = sheet.getRangeByIndexes(r.row, r.column, r.rows, r.columns).getUsedRangeOrNullObject(true);
    u.load("address,rowIndex,columnIndex,cellCount");
    return u;
  });
  await context.sync();
  const found = used.filter((u) => !u.isNullObject);
  const small = found.filter((u) => u.cellCount <= NAMED_CELLS_MAX);
  for (const u of small) u.load("valueTypes");
  if (small.length > 0) await context.sync();
  const prefix = sheetPrefix(sheet.name);
  return found.flatMap((u) => {
    if (u.cellCount > NAMED_CELLS_MAX) return [u.address];
    const cells: string[] = [];
    u.valueTypes.forEach((row, r) =>
      row.forEach((type, c) => {
        if (type !== "Empty") cells.push(prefix + a1({ row: u.rowIndex + r, column: u.columnIndex + c, rows: 1, columns: 1 }));
      }),
    );
    return cells.length > NAMED_CELLS_SHOWN
      ? [...cells.slice(0, NAMED_CELLS_SHOWN), `${cells.length - NAMED_CELLS_SHOWN} more cells`]
      : cells;
  });
}

async function columnWidths(context: Excel.RequestContext, sheet: Excel.Worksheet, rect: Rect): Promise<number[]> {
  const formats = Array.from({ length: rect.columns }, (_, c) => {
    const format = sheet.getRangeByIndexes(rect.row, rect.column + c, 1, 1).format;
    format.load("columnWidth");
    return format;
  });
  await context.sync();
  return formats.map((f) => f.columnWidth);
}

async function freeSheetName(context: Excel.RequestContext, base: string): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} ${n}`.toLowerCase())) return `${base} ${n}`;
}

function nextName(state: WorkbookState): string {
  const used = state.outputs.map((r) => Number(r.name.slice(NAME_PREFIX.length))).filter(Number.isInteger);
  return NAME_PREFIX + (Math.max(0, ...used) + 1);
}

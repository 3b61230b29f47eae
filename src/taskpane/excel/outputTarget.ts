// Where an output block goes, and every check before anything is written: the block fits the
// sheet; neither the sheet it goes on, the sheet of the block it replaces nor (for a new sheet) the
// workbook's structure is protected; the cells it needs are empty or this tracker's own previous
// block (found by its workbook name, wherever it went), and that block still holds exactly what the
// add-in wrote (its fingerprint). Then what an undo needs is read. Nothing here changes the
// workbook. Called by writeOutput.
import type { OutputPlan } from "../output/outputPlan";
import type { Destination } from "../options";
import type { OutputRecord, WorkbookState } from "../workbookState";
import { a1, fitsSheet, sheetAddress, sheetPrefix, subtract, SHEET_COLUMNS, type Rect } from "../geometry/rect";
import type { KeptCells } from "./keptCells";
import { checkPrevious } from "./previousBlock";
import { readBackup, type OutputBackup, type Touched } from "./outputUndo";
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
  /**
   * Whether Excel can say where a formula spills (ExcelApi 1.12): every Excel with dynamic arrays
   * can, and without them the live columns do not spill. Taken as yes when not said.
   */
  readonly spillRanges?: boolean;
}

/** Why the block cannot be written; `offerNewSheet` when a sheet of its own would do. */
export interface Refused {
  readonly ok: false;
  readonly message: string;
  readonly detail: string;
  readonly offerNewSheet: boolean;
}

/** Where the block goes, once every check has passed, and what an undo needs to put back. */
export interface Target extends Touched {
  readonly name: string;
  /** The previous block's record, when the run replaces one. */
  readonly previousRecord: OutputRecord | null;
  /** Recorded names of this tracker that no longer mark a block of ours: the write deletes them. */
  readonly staleNames: readonly string[];
  readonly backup: OutputBackup;
}

interface Found {
  readonly record: OutputRecord;
  readonly sheetName: string;
  readonly rect: Rect;
}

type Refusal = Omit<Refused, "ok" | "offerNewSheet">;

/** Where the block will go, or why it cannot be written; nothing is changed either way. */
export async function prepare(context: Excel.RequestContext, job: WriteJob): Promise<Target | Refused> {
  const { source, plan, destination } = job;
  const besideColumn = await firstColumnBeside(context, source);
  const { previous, stale } = await findPrevious(context, job, besideColumn);
  const onOwnSheet = previous?.record.destination === "newSheet" ? previous.sheetName : null;
  const sheetName = destination === "beside" ? source.sheetName : (onOwnSheet ?? (await freeSheetName(context, OUTPUT_SHEET)));
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
  const previousSheet = previous ? context.workbook.worksheets.getItem(previous.sheetName) : null;
  previousSheet?.protection.load("protected");
  context.workbook.protection.load("protected");
  const names = context.workbook.names;
  names.load("items/name");
  await context.sync();
  const sheetExists = !sheet.isNullObject;
  const protection = protectionRefusal(
    sheetExists && sheet.protection.protected,
    sheetName,
    context.workbook.protection.protected,
  );
  if (protection) return refuse(protection.message, protection.detail, sheetExists);
  if (previous && previousSheet?.protection.protected) {
    return refuse(
      `Sheet ${previous.sheetName} is protected, so CIP Analyst cannot remove its previous output ${sheetAddress(previous.sheetName, previous.rect)} there. Nothing was changed.`,
      "Unprotect it (Review > Unprotect Sheet) and run again.",
      false,
    );
  }
  let cells: KeptCells | null = null;
  if (previous) {
    const checked = await checkPrevious(context, previous, { sheetName, rect, plan }, job.spillRanges !== false);
    if ("message" in checked) return refuse(checked.message, checked.detail, false);
    cells = checked;
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
  const name =
    previous?.record.name ??
    freeName(
      job.state,
      names.items.map((n) => n.name),
    );
  const touched: Touched = {
    sheetName,
    sheetExists,
    rect,
    previous:
      previous && cells ? { name: previous.record.name, sheetName: previous.sheetName, rect: previous.rect, cells } : null,
  };
  const backup = await readBackup(context, touched);
  return { ...touched, name, previousRecord: previous?.record ?? null, staleNames: stale, backup };
}

/** A protected output sheet, or a protected workbook structure when the sheet must be added. */
function protectionRefusal(sheetProtected: boolean, sheetName: string, structureProtected: boolean): Refusal | null {
  if (sheetProtected) {
    return {
      message: `Sheet ${sheetName} is protected, so CIP Analyst cannot write its results there. Nothing was changed.`,
      detail: "Unprotect it (Review > Unprotect Sheet) and run again, or write the results on a new sheet.",
    };
  }
  if (structureProtected) {
    return {
      message: `The workbook's structure is protected, so CIP Analyst cannot add the sheet ${sheetName} for its results. Nothing was changed.`,
      detail: "Unprotect it (Review > Protect Workbook) and run again, or write the results beside the tracker.",
    };
  }
  return null;
}

function someOf(cells: string[]): string[] {
  return cells.length > NAMED_CELLS_SHOWN
    ? [...cells.slice(0, NAMED_CELLS_SHOWN), `${cells.length - NAMED_CELLS_SHOWN} more cells`]
    : cells;
}

/**
 * The last block this tracker's run wrote, wherever it went, if its name still points at cells that
 * hold its header: beside the data, the block that starts right of the tracker's header row; on a
 * sheet of its own, the block of the tracker recorded at this header row and first column. Names
 * recorded for this tracker that no longer mark such a block are stale.
 */
async function findPrevious(
  context: Excel.RequestContext,
  job: WriteJob,
  besideColumn: number,
): Promise<{ previous: Found | null; stale: string[] }> {
  const { source } = job;
  const candidates = job.state.outputs.filter((r) => r.sourceSheetId === source.sheetId);
  if (candidates.length === 0) return { previous: null, stale: [] };
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
  if (found.length === 0) return { previous: null, stale: [] };
  await context.sync();
  const mine = found.filter(({ record, range }) =>
    range.isNullObject
      ? false
      : record.destination === "beside"
        ? range.worksheet.name === source.sheetName && range.rowIndex === source.rect.row && range.columnIndex === besideColumn
        : record.sourceHeaderRow === source.rect.row && record.sourceFirstColumn === source.rect.column,
  );
  // The current destination's block first, should an older version have left one in each place.
  mine.sort((a, b) => Number(b.record.destination === job.destination) - Number(a.record.destination === job.destination));
  const headers = mine.map(({ range }) => {
    const header = range.getRow(0);
    header.load("values");
    return header;
  });
  if (mine.length > 0) await context.sync();
  const ours = mine.findIndex(({ record }, i) => {
    const [cells] = headers[i].values;
    return cells.length === record.header.length && cells.every((v, j) => v === record.header[j]);
  });
  const stale = mine.filter((_, i) => i !== ours).map(({ record }) => record.name);
  if (ours < 0) return { previous: null, stale };
  const { record, range } = mine[ours];
  const rect = { row: range.rowIndex, column: range.columnIndex, rows: range.rowCount, columns: range.columnCount };
  return { previous: { record, sheetName: range.worksheet.name, rect }, stale };
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
  // Formulas, not values: a formula that shows "" (or is not calculated yet) is the analyst's all the same.
  for (const u of small) u.load("formulas");
  if (small.length > 0) await context.sync();
  const prefix = sheetPrefix(sheet.name);
  return found.flatMap((u) => {
    if (u.cellCount > NAMED_CELLS_MAX) return [u.address];
    const cells: string[] = [];
    u.formulas.forEach((row, r) =>
      row.forEach((formula, c) => {
        if (formula !== "") cells.push(prefix + a1({ row: u.rowIndex + r, column: u.columnIndex + c, rows: 1, columns: 1 }));
      }),
    );
    return someOf(cells);
  });
}

async function freeSheetName(context: Excel.RequestContext, base: string): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} ${n}`.toLowerCase())) return `${base} ${n}`;
}

/** The first CIPAnalyst_Output_n that neither the workbook's names nor the saved records use. */
function freeName(state: WorkbookState, workbookNames: readonly string[]): string {
  const taken = new Set([...workbookNames, ...state.outputs.map((r) => r.name)].map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) if (!taken.has(`${NAME_PREFIX}${n}`.toLowerCase())) return NAME_PREFIX + n;
}

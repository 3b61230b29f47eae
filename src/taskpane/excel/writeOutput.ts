// Writing the output block. Office.js changes clear Excel's undo history, so nothing is written
// until every check has passed: the cells it needs are empty or its own previous block, the sheet is
// not protected, the block fits the sheet. A failure or a cancel part-way clears what this run
// wrote, so the analyst never finds half a block. Called by the gateway inside its Excel.run.
import type { OutputPlan } from "../output/outputPlan";
import { DISTRESS_FLAG } from "../output/outputPlan";
import type { Destination } from "../options";
import type { OutputRecord, WorkbookState } from "../workbookState";
import { describeOfficeError } from "./officeErrors";
import { matrixBytes, CHUNK_BYTES, rowsPerChunk } from "./payload";
import { a1, fitsSheet, sheetAddress, sheetPrefix, subtract, SHEET_COLUMNS, type Rect } from "../geometry/rect";
import type { TrackerRange } from "./readTracker";

export const OUTPUT_SHEET = "CIP Output";
const NAME_PREFIX = "CIPAnalyst_Output_";
/** Freezing more header rows than this would take most of a laptop screen. */
const MAX_FROZEN_ROWS = 10;
/** Occupied cells are named one by one when the part they are in is this small; a few are named. */
const NAMED_CELLS_MAX = 20_000;
const NAMED_CELLS_SHOWN = 5;

// Excel's own Good / Neutral / Bad cell styles, which analysts already read as green, amber, red.
export const RAG_STYLES = {
  Green: { fill: "#C6EFCE", font: "#006100" },
  Amber: { fill: "#FFEB9C", font: "#9C5700" },
  Red: { fill: "#FFC7CE", font: "#9C0006" },
} as const;
export const HEADER_STYLE = { fill: "#DDEBF7", font: "#1F3864" } as const;

export interface WriteJob {
  readonly source: TrackerRange;
  readonly plan: OutputPlan;
  readonly destination: Destination;
  readonly state: WorkbookState;
}

export type WriteOutcome =
  | { readonly ok: true; readonly record: OutputRecord; readonly sheetName: string; readonly address: string }
  | {
      readonly ok: false;
      readonly message: string;
      readonly detail: string;
      readonly offerNewSheet: boolean;
      /** The record of a previous block that this failed run cleared, to forget. */
      readonly cleared?: string;
    };

export interface WriteControl {
  progress(done: number, total: number): void;
  checkCancelled(): void;
}

interface Target {
  readonly sheetName: string;
  readonly sheetExists: boolean;
  readonly rect: Rect;
  /** The previous block of this tracker, when it is still there and still ours. */
  readonly previous: { readonly record: OutputRecord; readonly sheetName: string; readonly rect: Rect } | null;
  readonly name: string;
  /** Column widths before the run, so an undo can put them back after the header's autofit. */
  readonly widths: readonly number[];
}

export class Cancelled extends Error {
  constructor() {
    super("Cancelled.");
  }
}

/**
 * Earlier blocks that could be this tracker's: same source sheet and destination. Which one it is
 * is decided by where its workbook name points now (findPrevious), because names move with rows and
 * columns the analyst inserts, and the coordinates recorded at the last run do not.
 */
function candidateRecords(state: WorkbookState, source: TrackerRange, destination: Destination): OutputRecord[] {
  return state.outputs.filter((r) => r.sourceSheetId === source.sheetId && r.destination === destination);
}

export async function writeOutput(context: Excel.RequestContext, job: WriteJob, control: WriteControl): Promise<WriteOutcome> {
  const target = await prepare(context, job);
  if ("message" in target) return target;
  try {
    await write(context, job, target, control);
  } catch (error) {
    const cancelled = error instanceof Cancelled;
    const undone = await undo(context, target);
    const lost = target.previous ? " The previous output of this tracker was removed as well; run again to write it." : "";
    return {
      ok: false,
      message: cancelled
        ? "Cancelled: nothing was left half-written."
        : `The output could not be written. ${describeOfficeError(error)}`,
      detail: undone
        ? cancelled
          ? ""
          : `What had been written was cleared again.${lost}`
        : `Clearing ${sheetAddress(target.sheetName, target.rect)} failed too: clear it by hand before running again.`,
      offerNewSheet: false,
      cleared: target.previous?.record.name,
    };
  }
  const record: OutputRecord = {
    name: target.name,
    sourceSheetId: job.source.sheetId,
    sourceHeaderRow: job.source.rect.row,
    sourceFirstColumn: job.source.rect.column,
    destination: job.destination,
    header: job.plan.header,
  };
  return { ok: true, record, sheetName: target.sheetName, address: sheetAddress(target.sheetName, target.rect) };
}

// ---------------------------------------------------------------------------------------------
// Checks, before anything is written

async function prepare(context: Excel.RequestContext, job: WriteJob): Promise<Target | (WriteOutcome & { ok: false })> {
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

// ---------------------------------------------------------------------------------------------
// Writing

async function write(context: Excel.RequestContext, job: WriteJob, target: Target, control: WriteControl): Promise<void> {
  const { plan } = job;
  const workbook = context.workbook;
  const sheet = target.sheetExists ? workbook.worksheets.getItem(target.sheetName) : workbook.worksheets.add(target.sheetName);
  const { rect } = target;
  const previous = target.previous;
  if (previous) {
    const oldSheet = workbook.worksheets.getItem(previous.sheetName);
    // The old block's own formats and rules go; then whatever of it the new block does not cover.
    oldSheet
      .getRangeByIndexes(previous.rect.row, previous.rect.column, previous.rect.rows, previous.rect.columns)
      .conditionalFormats.clearAll();
    const outside = previous.sheetName === target.sheetName ? subtract(previous.rect, rect) : [previous.rect];
    for (const r of outside) oldSheet.getRangeByIndexes(r.row, r.column, r.rows, r.columns).clear("All");
  }

  const header = sheet.getRangeByIndexes(rect.row, rect.column, 1, rect.columns);
  header.values = [plan.header.slice()];
  header.numberFormat = [plan.header.map(() => "General")];
  header.format.font.bold = true;
  header.format.font.color = HEADER_STYLE.font;
  header.format.fill.color = HEADER_STYLE.fill;

  await writeRows(context, sheet, job, rect, control);

  for (const { column, rule } of plan.conditional) {
    if (plan.rowCount === 0) break;
    const cells = sheet.getRangeByIndexes(rect.row + 1, rect.column + column, plan.rowCount, 1);
    if (rule === "rag") {
      for (const [text, style] of Object.entries(RAG_STYLES)) addTextRule(cells, text, style.fill, style.font, false);
    } else {
      addTextRule(cells, DISTRESS_FLAG, RAG_STYLES.Red.fill, RAG_STYLES.Red.font, true);
    }
  }

  const block = sheet.getRangeByIndexes(rect.row, rect.column, rect.rows, rect.columns);
  if (previous) workbook.names.getItem(previous.record.name).delete();
  workbook.names.add(target.name, block, "CIP Analyst output block: a re-run replaces exactly these cells.");
  header.format.autofitColumns();
  await freezeHeader(context, sheet, rect.row);
  if (plan.mode !== "values") context.application.calculate("Recalculate");
  await context.sync();
}

async function writeRows(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  job: WriteJob,
  rect: Rect,
  control: WriteControl,
) {
  const { plan } = job;
  const total = plan.rowCount;
  const formats = plan.numberFormats;
  let chunk = rowsPerChunk(rect.columns, 40);
  control.progress(0, total);
  for (let done = 0; done < total;) {
    control.checkCancelled();
    let count = Math.min(chunk, total - done);
    let cells = plan.rows(done, done + count);
    let formatRows = repeatRow(formats, count);
    let bytes = matrixBytes(cells) + matrixBytes(formatRows);
    while (bytes > CHUNK_BYTES && count > 1) {
      count = Math.max(1, Math.floor((count * CHUNK_BYTES) / bytes / 1.2));
      cells = cells.slice(0, count);
      formatRows = formatRows.slice(0, count);
      bytes = matrixBytes(cells) + matrixBytes(formatRows);
    }
    const range = sheet.getRangeByIndexes(rect.row + 1 + done, rect.column, count, rect.columns);
    // Every written cell would otherwise recalculate its dependants at each chunk.
    context.application.suspendApiCalculationUntilNextSync();
    range.numberFormat = formatRows;
    if (plan.mode === "values") range.values = cells;
    else range.formulas = cells;
    // One sync per chunk is the point: each chunk must be its own request to stay under Excel's limits.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    range.untrack();
    done += count;
    control.progress(done, total);
    chunk = rowsPerChunk(rect.columns, (bytes / count) * 1.2);
  }
}

function repeatRow(row: readonly string[], count: number): string[][] {
  const out: string[][] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = row as string[];
  return out;
}

function addTextRule(cells: Excel.Range, text: string, fill: string, font: string, bold: boolean): void {
  const rule = cells.conditionalFormats.add("ContainsText");
  rule.textComparison.rule = { operator: "Contains", text };
  rule.textComparison.format.fill.color = fill;
  rule.textComparison.format.font.color = font;
  if (bold) rule.textComparison.format.font.bold = true;
}

/** Freezes the rows down to the header, unless the analyst froze panes of their own. */
async function freezeHeader(context: Excel.RequestContext, sheet: Excel.Worksheet, headerRow: number): Promise<void> {
  if (headerRow + 1 > MAX_FROZEN_ROWS) return;
  const frozen = sheet.freezePanes.getLocationOrNullObject();
  frozen.load("address");
  await context.sync();
  if (frozen.isNullObject) sheet.freezePanes.freezeRows(headerRow + 1);
}

/** Clears what this run may have written: every cell in its block was empty or its own before. */
async function undo(context: Excel.RequestContext, target: Target): Promise<boolean> {
  try {
    const sheet = context.workbook.worksheets.getItemOrNullObject(target.sheetName);
    await context.sync();
    if (!sheet.isNullObject && !target.sheetExists) {
      sheet.delete();
    } else if (!sheet.isNullObject) {
      const block = sheet.getRangeByIndexes(target.rect.row, target.rect.column, target.rect.rows, target.rect.columns);
      block.conditionalFormats.clearAll();
      block.clear("All");
      target.widths.forEach((width, c) => {
        sheet.getRangeByIndexes(target.rect.row, target.rect.column + c, 1, 1).format.columnWidth = width;
      });
    }
    const name = context.workbook.names.getItemOrNullObject(target.name);
    await context.sync();
    if (!name.isNullObject) name.delete();
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

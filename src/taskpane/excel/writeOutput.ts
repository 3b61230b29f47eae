// Writing the output block. Office.js changes clear Excel's undo history, so nothing is written
// until every check of outputTarget.ts has passed (the cells it needs are empty or its own previous
// block, the sheet is not protected, the block fits the sheet). A failure or a cancel part-way
// clears what this run wrote, so the analyst never finds half a block. Called by the gateway inside
// its Excel.run.
import { sheetAddress, subtract, type Rect } from "../geometry/rect";
import { DISTRESS_FLAG } from "../output/outputPlan";
import type { OutputRecord } from "../workbookState";
import { describeOfficeError } from "./officeErrors";
import { prepare, type Refused, type Target, type WriteJob } from "./outputTarget";
import { matrixBytes, CHUNK_BYTES, rowsPerChunk } from "./payload";

/** Freezing more header rows than this would take most of a laptop screen. */
const MAX_FROZEN_ROWS = 10;

// Excel's own Good / Neutral / Bad cell styles, which analysts already read as green, amber, red.
export const RAG_STYLES = {
  Green: { fill: "#C6EFCE", font: "#006100" },
  Amber: { fill: "#FFEB9C", font: "#9C5700" },
  Red: { fill: "#FFC7CE", font: "#9C0006" },
} as const;
export const HEADER_STYLE = { fill: "#DDEBF7", font: "#1F3864" } as const;

export type WriteOutcome =
  | { readonly ok: true; readonly record: OutputRecord; readonly sheetName: string; readonly address: string }
  | (Refused & {
      /** The record of a previous block that this failed run cleared, to forget. */
      readonly cleared?: string;
    });

export interface WriteControl {
  progress(done: number, total: number): void;
  checkCancelled(): void;
}

export class Cancelled extends Error {
  constructor() {
    super("Cancelled.");
  }
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

// Writing the output block. Office.js changes clear Excel's undo history, so nothing is written
// until every check of outputTarget.ts has passed (the cells it needs are empty or its own previous
// block, proved unchanged; no sheet it touches is protected; the block fits the sheet) and what an
// undo needs has been read. The new block is written whole before anything of the previous block
// outside it is removed, in the last request. A failure or a cancel part-way puts back what was
// there (outputUndo.ts), so the analyst finds the workbook as before the run: never half a block,
// and a previous block kept. Called by the gateway inside its Excel.run.
import { sheetAddress, subtract, type Rect } from "../geometry/rect";
import { FingerprintBuilder, type BlockFingerprint } from "../output/fingerprint";
import { DISTRESS_FLAG } from "../output/outputPlan";
import type { OutputRecord } from "../workbookState";
import { describeOfficeError } from "./officeErrors";
import { prepare, type Refused, type Target, type WriteJob } from "./outputTarget";
import { addTextRule, restore } from "./outputUndo";
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
      /** The record of a previous block that this failed run could not put back, to forget. */
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
  let fingerprint: BlockFingerprint;
  try {
    fingerprint = await write(context, job, target, control);
  } catch (error) {
    const cancelled = error instanceof Cancelled;
    const undone = await undo(context, target);
    const previous = target.previous ? sheetAddress(target.previous.sheetName, target.previous.rect) : "";
    const kept = previous ? ` The previous output ${previous} is as it was.` : "";
    const lost = previous
      ? ` The previous output ${previous} may be damaged too and is no longer recorded as CIP Analyst's: check it, clear it by hand and run again.`
      : "";
    return {
      ok: false,
      message: cancelled
        ? "Cancelled: nothing was left half-written."
        : `The output could not be written. ${describeOfficeError(error)}`,
      detail: undone
        ? cancelled
          ? kept.trim()
          : `What had been written was cleared again.${kept}`
        : `Putting ${sheetAddress(target.sheetName, target.rect)} back failed too: clear it by hand before running again.${lost}`,
      offerNewSheet: false,
      // Only when the undo failed is the previous block possibly gone: then the workbook must stop counting on it.
      cleared: undone ? undefined : target.previous?.name,
    };
  }
  const record: OutputRecord = {
    name: target.name,
    sourceSheetId: job.source.sheetId,
    sourceHeaderRow: job.source.rect.row,
    sourceFirstColumn: job.source.rect.column,
    destination: job.destination,
    header: job.plan.header,
    fingerprint,
    widthsBefore: widthsBefore(target),
  };
  return { ok: true, record, sheetName: target.sheetName, address: sheetAddress(target.sheetName, target.rect) };
}

// ---------------------------------------------------------------------------------------------
// Writing

async function write(
  context: Excel.RequestContext,
  job: WriteJob,
  target: Target,
  control: WriteControl,
): Promise<BlockFingerprint> {
  const { plan } = job;
  const workbook = context.workbook;
  const sheet = target.sheetExists ? workbook.worksheets.getItem(target.sheetName) : workbook.worksheets.add(target.sheetName);
  const { rect } = target;
  const print = new FingerprintBuilder(rect.rows, rect.columns);

  const header = sheet.getRangeByIndexes(rect.row, rect.column, 1, rect.columns);
  header.values = [plan.header.slice()];
  header.numberFormat = [plan.header.map(() => "General")];
  header.format.font.bold = true;
  header.format.font.color = HEADER_STYLE.font;
  header.format.fill.color = HEADER_STYLE.fill;
  print.add(0, [plan.header]);

  await writeRows(context, sheet, job, rect, control, print);
  control.checkCancelled();

  // The new block is whole: only now does the previous block's remainder go, in this last request.
  removePrevious(context, target);
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
  if (target.previous) workbook.names.getItem(target.previous.name).delete();
  // Names recorded for this tracker that mark no block of ours any more: ours to delete.
  for (const stale of target.staleNames) if (stale !== target.name) workbook.names.getItem(stale).delete();
  workbook.names.add(target.name, block, "CIP Analyst output block: a re-run replaces exactly these cells.");
  header.format.autofitColumns();
  // Freezes the rows down to the header, unless the analyst froze panes of their own.
  if (!target.backup.frozen && rect.row + 1 <= MAX_FROZEN_ROWS) sheet.freezePanes.freezeRows(rect.row + 1);
  if (plan.mode !== "values") context.application.calculate("Recalculate");
  await context.sync();
  return print.finish();
}

/** The widths of the block's columns before the add-in first wrote there: a re-run's come from the previous record. */
function widthsBefore(target: Target): number[] {
  const { previous, previousRecord, rect } = target;
  const earlier = previous && previous.sheetName === target.sheetName ? previousRecord?.widthsBefore : undefined;
  return Array.from({ length: rect.columns }, (_, c) => {
    const at = rect.column + c - (previous?.rect.column ?? 0);
    return earlier && at >= 0 && at < earlier.length ? earlier[at] : (target.backup.widths[c] ?? 0);
  });
}

/** The previous block's cells the new one does not cover, back to plain cells, and its own rules. */
function removePrevious(context: Excel.RequestContext, target: Target): void {
  const previous = target.previous;
  if (!previous) return;
  const sheet = context.workbook.worksheets.getItem(previous.sheetName);
  for (const rule of target.backup.ownRules) rule.rule.delete();
  const outside = previous.sheetName === target.sheetName ? subtract(previous.rect, target.rect) : [previous.rect];
  for (const r of outside) {
    const range = sheet.getRangeByIndexes(r.row, r.column, r.rows, r.columns);
    range.clear("Contents");
    // One format for every cell: Excel applies a single value to the whole range.
    range.numberFormat = "General" as unknown as string[][];
    if (r.row === previous.rect.row) {
      // A navigation property, not a loaded value: the rule cannot tell them apart.
      // eslint-disable-next-line office-addins/load-object-before-read
      const header = sheet.getRangeByIndexes(r.row, r.column, 1, r.columns).format;
      header.fill.clear();
      header.font.bold = false;
      header.font.color = "#000000";
    }
  }
  // Columns the block leaves altogether get back the widths they had before its first run.
  const widths = target.previousRecord?.widthsBefore ?? [];
  widths.forEach((width, c) => {
    const column = previous.rect.column + c;
    const covered =
      previous.sheetName === target.sheetName &&
      column >= target.rect.column &&
      column < target.rect.column + target.rect.columns;
    if (!covered && c < previous.rect.columns)
      sheet.getRangeByIndexes(previous.rect.row, column, 1, 1).format.columnWidth = width;
  });
}

async function writeRows(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  job: WriteJob,
  rect: Rect,
  control: WriteControl,
  print: FingerprintBuilder,
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
    print.add(1 + done, cells);
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

/** Puts back what this run changed; false when even that failed. */
async function undo(context: Excel.RequestContext, target: Target): Promise<boolean> {
  try {
    await restore(context, target, target.backup, target.name);
    return true;
  } catch {
    return false;
  }
}

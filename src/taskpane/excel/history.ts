// The run history in the workbook (core/history: what it holds, historyChunks.ts: why a very hidden
// sheet, one text cell per part). Read at Analyse, before anything is written; written once the
// output and the summary are, as the run's last write.
//
// Writing follows the summary sheet's rule: the new history is built whole on a very hidden sheet
// of its own, a batch of parts per request (historyChunks.chunkBatches, each well under Excel's
// 5 MB), and only then, in one last sync, does the old history sheet go and the new one take its
// name. A failure on the way deletes the half-built sheet: the workbook keeps the previous history,
// whole. Should Excel apply only part of the swap's request, the old history is still there under
// HISTORY_PREVIOUS (renamed first, deleted last) and is put back. A history that could not be read (damaged, foreign, newer) is never deleted: the swap
// renames it "CIPAnalyst_History_damaged" (very hidden as it was, or as the analyst left it), and
// the run's status says so. Called by the gateway inside its Excel.run.
import { joinHistory, chunkBatches, chunkHistory } from "../../core/history/historyChunks";
import { EMPTY_HISTORY, parseHistory, serialiseHistory, type History } from "../../core/history/historyFormat";

import { HISTORY_SHEET } from "../historyPlan";
import { freeName } from "./writeSummary";

export { HISTORY_SHEET };
/** Where a new history is built; a leftover of a run that could not clean up is deleted first. */
export const HISTORY_BUILDING = "CIPAnalyst_History_new";
/** The previous history while the new one takes its name: a swap cut short is undone from it. */
export const HISTORY_PREVIOUS = "CIPAnalyst_History_previous";
/** What an unreadable history is renamed to, so no one's data is lost. */
export const HISTORY_DAMAGED = "CIPAnalyst_History_damaged";
/**
 * Parts read per request: a part is at most 32,766 characters, at most 3 bytes each in the
 * response (JSON.stringify leaves no control character to escape), so 32 parts stay under 3.2 MB.
 */
export const PARTS_PER_READ = 32;
/** More parts than any history CIP Analyst writes (a few MB): a header claiming more is damaged. */
const MAX_PARTS = 1024;

export interface StoredHistory {
  readonly history: History;
  /** "" or why the stored history is not used (damaged, foreign, newer). */
  readonly note: string;
  /** An unreadable history sheet is there: the write keeps it under another name. */
  readonly keepOld: boolean;
}

export interface HistoryRefusal {
  readonly message: string;
  readonly detail: string;
}

export type HistoryRead = ({ readonly ok: true } & StoredHistory) | ({ readonly ok: false } & HistoryRefusal);

/** The stored history, or why it cannot be kept up to date (found before anything is written). */
export async function readHistory(context: Excel.RequestContext): Promise<HistoryRead> {
  const structure = context.workbook.protection;
  structure.load("protected");
  const main = context.workbook.worksheets.getItemOrNullObject(HISTORY_SHEET);
  // A write cut short and not undone leaves the history set aside; the next write puts it back.
  const setAside = context.workbook.worksheets.getItemOrNullObject(HISTORY_PREVIOUS);
  await context.sync();
  const sheet = main.isNullObject ? setAside : main;
  if (structure.protected) {
    return {
      ok: false,
      message: "The workbook's structure is protected, so CIP Analyst cannot keep its run history. Nothing was changed.",
      detail: "Unprotect the structure (Review > Protect Workbook), then press Analyse again.",
    };
  }
  if (sheet.isNullObject) return { ok: true, history: EMPTY_HISTORY, note: "", keepOld: false };
  const header = sheet.getRange("A1").load("values");
  await context.sync();
  const cells: unknown[] = [header.values[0][0]];
  const parts = partCount(cells[0]);
  for (let from = 1; from <= parts; from += PARTS_PER_READ) {
    const count = Math.min(PARTS_PER_READ, parts + 1 - from);
    const range = sheet.getRangeByIndexes(from, 0, count, 1).load("values");
    // A sync per batch is the point: each response must stay under Excel's 5 MB.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const row of range.values) cells.push(row[0]);
  }
  const joined = joinHistory(cells);
  const parsed = joined.ok ? parseHistory(joined.text) : joined;
  if (parsed.ok) return { ok: true, history: parsed.history, note: "", keepOld: false };
  const kept = `The sheet is kept, very hidden, as ${HISTORY_DAMAGED} for anyone who needs what it held.`;
  return { ok: true, history: EMPTY_HISTORY, note: `${parsed.message} ${kept}`, keepOld: true };
}

/** The number of parts the header announces, 0 when it is not a header (joinHistory says why). */
function partCount(header: unknown): number {
  if (typeof header !== "string") return 0;
  const count = Number(header.split("|")[1]);
  return Number.isInteger(count) && count > 0 && count <= MAX_PARTS ? count : 0;
}

export interface HistoryWriteStats {
  readonly parts: number;
  readonly batches: number;
}

/** Replaces the stored history with `history`; throws, with the previous history untouched, on failure. */
export async function writeHistory(
  context: Excel.RequestContext,
  history: History,
  keepOld: boolean,
): Promise<HistoryWriteStats> {
  const cells = chunkHistory(serialiseHistory(history));
  const sheets = context.workbook.worksheets;
  await restore(context);
  const old = sheets.getItemOrNullObject(HISTORY_SHEET);
  sheets.load("items/name");
  await context.sync();
  const sheet = sheets.add(HISTORY_BUILDING);
  sheet.visibility = "VeryHidden";
  const batches = chunkBatches(cells);
  try {
    for (const [start, end] of batches) {
      const range = sheet.getRangeByIndexes(start, 0, end - start, 1);
      range.numberFormat = cells.slice(start, end).map(() => ["@"]);
      range.values = cells.slice(start, end).map((cell) => [cell]);
      // One request per batch, each under Excel's 5 MB.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    }
    // The swap, in one request, in an order that leaves the old history findable after any part of it.
    if (!old.isNullObject) {
      const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      old.name = keepOld ? freeName(HISTORY_DAMAGED, taken) : HISTORY_PREVIOUS;
    }
    sheet.name = HISTORY_SHEET;
    if (!old.isNullObject && !keepOld) old.delete();
    await context.sync();
  } catch (error) {
    try {
      await restore(context);
    } catch {
      // The next write restores it first; the error that stopped this one is the one reported.
    }
    throw error;
  }
  return { parts: cells.length, batches: batches.length };
}

/**
 * Undoes what a write cut short left: a half-built history is deleted, and a previous history still
 * set aside takes its name back (whatever holds the name then is the unfinished new one).
 */
async function restore(context: Excel.RequestContext): Promise<void> {
  const sheets = context.workbook.worksheets;
  const building = sheets.getItemOrNullObject(HISTORY_BUILDING);
  const previous = sheets.getItemOrNullObject(HISTORY_PREVIOUS);
  const current = sheets.getItemOrNullObject(HISTORY_SHEET);
  await context.sync();
  if (building.isNullObject && previous.isNullObject) return;
  if (!building.isNullObject) building.delete();
  if (!previous.isNullObject) {
    if (!current.isNullObject) current.delete();
    previous.name = HISTORY_SHEET;
  }
  await context.sync();
}

// The run history as stored in a workbook double, read back the way the pane reads it.
import type { WorkbookDouble } from "../../packages/excel-double";
import { joinHistory } from "../../src/core/history/historyChunks";
import { parseHistory, type History } from "../../src/core/history/historyFormat";
import { HISTORY_SHEET } from "../../src/taskpane/excel/history";

/** The history's cells down column A, header first; [] when there is no history sheet. */
export function historyCells(book: WorkbookDouble, sheet = HISTORY_SHEET): unknown[] {
  if (!book.sheetNames().includes(sheet)) return [];
  const header = book.values(`'${sheet}'!A1`)[0][0];
  const parts = typeof header === "string" ? Number(header.split("|")[1]) || 0 : 0;
  return book.values(`'${sheet}'!A1:A${parts + 1}`).map((r) => r[0]);
}

/** The stored history; throws when it is missing or cannot be read. */
export function storedHistory(book: WorkbookDouble, sheet = HISTORY_SHEET): History {
  const joined = joinHistory(historyCells(book, sheet));
  if (!joined.ok) throw new Error(joined.message);
  const parsed = parseHistory(joined.text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.history;
}

/** Sheets as the analyst sees them: the history sheets (very hidden, growing by a run each time) left out. */
export function withoutHistory<T extends { sheets: { name: string }[] }>(snapshot: T): T {
  return { ...snapshot, sheets: snapshot.sheets.filter((s) => !s.name.startsWith(HISTORY_SHEET)) };
}

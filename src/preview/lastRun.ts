// `?runs=2`: the sample opens with last month's run already in the workbook's history, so the first
// Analyse in the preview shows movement since the last run. Last month is the sample as it stood a
// month earlier (months elapsed one less, September's plan and actual not yet in the year to date)
// with a few forecasts changed since, stored the way the pane stores its history.
import type { WorkbookDouble } from "../../packages/excel-double";
import { analyseTracker } from "../core/analyseTracker";
import { chunkHistory } from "../core/history/historyChunks";
import { appendRun, EMPTY_HISTORY, serialiseHistory } from "../core/history/historyFormat";
import { buildSnapshot } from "../core/history/snapshot";
import { snapshotSourceOf } from "../core/history/snapshotFromAnalysis";
import { recogniseColumns } from "../core/recogniseColumns";
import { DEFAULT_SETTINGS } from "../core/settings";
import { HISTORY_SHEET } from "../taskpane/historyPlan";
import { trackerAddress, type PreviewWorkbook } from "./workbooks";

const DAY = 24 * 60 * 60 * 1000;

export async function seedLastRun(book: WorkbookDouble, workbook: PreviewWorkbook): Promise<void> {
  const header = workbook.header.map((h) => String(h ?? ""));
  const at = (name: string) => header.indexOf(name);
  const [ytdPlan, ytdActual, forecast, planSep, actualSep] = [
    at("YTD plan £k"),
    at("YTD actual £k"),
    at("Forecast outturn £k"),
    at("Sep"),
    at("Actual Sep"),
  ];
  if ([ytdPlan, ytdActual, forecast, planSep, actualSep].some((i) => i < 0)) return;
  const now = book.values(`${trackerAddress(workbook)}`);
  const rows = now.slice(1).map((row, i) => {
    const last = [...row];
    last[ytdPlan] = (row[ytdPlan] as number) - (row[planSep] as number);
    last[ytdActual] = (row[ytdActual] as number) - (row[actualSep] as number);
    // Forecasts revised since: some down since last month, a few up.
    last[forecast] = (row[forecast] as number) + (i % 12 === 0 ? 300 : i % 9 === 0 ? -150 : 0);
    last[actualSep] = null;
    return last;
  });
  const mapping = recogniseColumns(header);
  const settings = { ...DEFAULT_SETTINGS, monthsElapsed: 5 };
  const analysis = analyseTracker(rows, mapping, settings);
  const snapshot = buildSnapshot(
    snapshotSourceOf(analysis, rows, mapping, {
      runAt: new Date(Date.now() - 30 * DAY).toISOString(),
      trackerAddress: trackerAddress(workbook),
    }),
  );
  // As the pane stores it (excel/history.ts), in one request: the sample's history is a few kB.
  const cells = chunkHistory(serialiseHistory(appendRun(EMPTY_HISTORY, snapshot)));
  await book.run(async (context) => {
    const sheet = context.workbook.worksheets.add(HISTORY_SHEET);
    sheet.visibility = "VeryHidden";
    const range = sheet.getRangeByIndexes(0, 0, cells.length, 1);
    range.numberFormat = cells.map(() => ["@"]);
    range.values = cells.map((cell) => [cell]);
    await context.sync();
  });
  book.resetStats();
}

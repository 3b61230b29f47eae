// `?runs=2`: the sample opens with last month's run already in the workbook's history, so the first
// Analyse in the preview shows movement since the last run. Last month is the sample as it stood a
// month earlier (months elapsed one less, September's plan and actual not yet in the year to date)
// with a few forecasts changed since, written the way the pane writes its history.
import type { WorkbookDouble } from "../../packages/excel-double";
import { analyseTracker } from "../core/analyseTracker";
import { appendRun, EMPTY_HISTORY } from "../core/history/historyFormat";
import { buildSnapshot } from "../core/history/snapshot";
import { snapshotSourceOf } from "../core/history/snapshotFromAnalysis";
import { recogniseColumns } from "../core/recogniseColumns";
import { DEFAULT_SETTINGS } from "../core/settings";
import { writeHistory } from "../taskpane/excel/history";
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
  await book.run((context) => writeHistory(context, appendRun(EMPTY_HISTORY, snapshot), false));
  book.resetStats();
}

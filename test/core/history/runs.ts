// Runs of a small tracker through the real analysis into snapshots, for the history tests.
import { analyseTracker } from "../../../src/core/analyseTracker";
import { buildSnapshot, type RunSnapshot } from "../../../src/core/history/snapshot";
import { snapshotSourceOf } from "../../../src/core/history/snapshotFromAnalysis";
import { recogniseColumns } from "../../../src/core/recogniseColumns";
import { DEFAULT_SETTINGS, type Settings } from "../../../src/core/settings";

export const HEADER = [
  "Organisation",
  "Group",
  "Annual plan £k",
  "YTD plan £k",
  "YTD actual £k",
  "Forecast £k",
  "Unidentified £k",
];

/** [name, group, annual, ytd plan, ytd actual, forecast, unidentified] */
export type Row = [string, string, number, number, number, number | "", number | ""];

export function run(rows: readonly Row[], runAt: string, settings: Partial<Settings> = {}, header = HEADER): RunSnapshot {
  const layout = recogniseColumns(header);
  const all = { ...DEFAULT_SETTINGS, ...settings };
  const analysis = analyseTracker(rows, layout, all);
  return buildSnapshot(snapshotSourceOf(analysis, rows, layout, { runAt, trackerAddress: "Tracker!A1:G9" }));
}

export const SEPTEMBER: Row[] = [
  ["Acute trust", "North", 1000, 500, 450, 900, 100],
  ["Community trust", "North", 400, 200, 200, 400, 0],
  ["Mental health trust", "South", 600, 300, 150, 300, 200],
  ["Ambulance trust", "South", 200, 100, 100, 200, ""],
];

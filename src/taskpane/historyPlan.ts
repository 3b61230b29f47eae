// What the run history adds to one Analyse: this run's snapshot, the history with it appended,
// the movement since the last run (a headline, the "CIP: Forecast movement" column, the summary's
// section) and the monthly trajectory. Pure, like analysePlan.ts, which calls it.
import type { TrackerAnalysis, TrackerLayout } from "../core/analyseTracker";
import { appendRun, type History } from "../core/history/historyFormat";
import { monthlyTotals } from "../core/history/monthlyTotals";
import { computeMovement, forecastMovementByRow, type Movement } from "../core/history/movement";
import { movementHeadline } from "../core/history/movementHeadline";
import { buildSnapshot, type RunSnapshot } from "../core/history/snapshot";
import { snapshotSourceOf } from "../core/history/snapshotFromAnalysis";
import { monthlyTrajectory, type Trajectory } from "../core/history/trajectory";

/** The very hidden sheet the run history is kept on (excel/history.ts reads and writes it). */
export const HISTORY_SHEET = "CIPAnalyst_History";

export interface HistoryInput {
  readonly analysis: TrackerAnalysis;
  readonly rows: readonly (readonly unknown[])[];
  readonly layout: TrackerLayout;
  /** The sheet row of the first data row. */
  readonly firstRowNumber: number;
  readonly trackerAddress: string;
  /** When the run was made, ISO 8601. */
  readonly runAt: string;
  /** The history as stored before this run (empty for a first run or a history that could not be used). */
  readonly history: History;
  /** The row's scheme, when the tracker is a scheme register (the scheme register work gives it). */
  readonly scheme?: (row: number) => string;
  /** Dimensions beyond "Group", each a row's value. */
  readonly dimensions?: Readonly<Record<string, (row: number) => string>>;
}

export interface HistoryPlan {
  readonly snapshot: RunSnapshot;
  /** The history to store once the run has written everything else. */
  readonly history: History;
  readonly movement: Movement;
  readonly headline: string;
  /** Forecast movement per tracker row, NaN for blank (a new row, a blank forecast, the first run). */
  readonly forecastMovement: Float64Array;
  /** The monthly trajectory, or why there is none. */
  readonly trajectory: Trajectory | null;
  readonly trajectoryReason: string;
}

export function planHistory(input: HistoryInput): HistoryPlan {
  const { analysis, rows, layout } = input;
  const snapshot = buildSnapshot(
    snapshotSourceOf(analysis, rows, layout, {
      runAt: input.runAt,
      trackerAddress: input.trackerAddress,
      firstRowNumber: input.firstRowNumber,
      scheme: input.scheme,
      dimensions: input.dimensions,
    }),
  );
  const runs = input.history.runs;
  const movement = computeMovement(runs.length > 0 ? runs[runs.length - 1] : null, snapshot);
  const totals = monthlyTotals(analysis, rows, layout, input.firstRowNumber);
  const trajectory = monthlyTrajectory({
    planMonths: totals.planMonths,
    actualMonths: totals.actualMonths,
    monthsElapsed: analysis.settings.monthsElapsed,
    forecast: snapshot.totals.forecast,
    forecastBasis: analysis.settings.forecastBasis,
    forecastMethod: analysis.settings.forecastMethod,
  });
  return {
    snapshot,
    history: appendRun(input.history, snapshot),
    movement,
    headline: movementHeadline(movement),
    forecastMovement: forecastMovementByRow(movement, snapshot.detail, analysis.rowCount),
    trajectory: "trajectory" in trajectory ? trajectory.trajectory : null,
    trajectoryReason: "reason" in trajectory ? trajectory.reason : "",
  };
}

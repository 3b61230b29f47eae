/**
 * Σ plan and Σ actual of each month over a tracker's data rows (totals and headings left out),
 * in the working unit, read as the analysis reads the month columns: the input of the trajectory.
 */
import type { TrackerAnalysis, TrackerLayout } from "../analyseTracker";
import { isProblem } from "../problem";
import { ACTUAL_MONTH_SLOT, PLAN_MONTH_SLOT, RowReader } from "../rowReader";

export interface MonthlyTotals {
  /** NaN for a month the analysis does not use (its column missing, or the phasing incomplete). */
  readonly planMonths: number[];
  readonly actualMonths: number[];
  /** Cells with a problem (text, an error) that were left out of the sums. */
  readonly cellsLeftOut: number;
}

export function monthlyTotals(
  analysis: TrackerAnalysis,
  rows: readonly (readonly unknown[])[],
  layout: TrackerLayout,
  firstRowNumber = 2,
): MonthlyTotals {
  const reader = new RowReader(layout, firstRowNumber, analysis.settings.monthsElapsed);
  const sum = (first: number) => {
    const used = Array.from({ length: 12 }, (_, m) => reader.columns[first + m] >= 0);
    return { used, totals: used.map((u) => (u ? 0 : NaN)) };
  };
  const plan = sum(PLAN_MONTH_SLOT);
  const actual = sum(ACTUAL_MONTH_SLOT);
  let cellsLeftOut = 0;
  for (let row = 0; row < analysis.rowCount; row++) {
    if (analysis.rowKind(row) !== "data") continue;
    for (const [first, side] of [
      [PLAN_MONTH_SLOT, plan],
      [ACTUAL_MONTH_SLOT, actual],
    ] as const) {
      for (let m = 0; m < 12; m++) {
        if (!side.used[m]) continue;
        const value = reader.cellValue(rows[row] ?? [], first + m, row);
        if (typeof value === "number") side.totals[m] += value;
        else if (isProblem(value)) cellsLeftOut++;
      }
    }
  }
  return { planMonths: plan.totals, actualMonths: actual.totals, cellsLeftOut };
}

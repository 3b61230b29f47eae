// "Monthly trajectory" on the summary sheet: cumulative plan, actual and forecast by month (the
// first four columns, which the line chart draws), each month's plan, actual and variance, and the
// months behind plan (core/history/trajectory.ts works them out). Pure.
import type { Trajectory } from "../../core/history/trajectory";
import type { Unit } from "../../core/units";
import { heading, lines, numberOrBlank, table, type SummaryPart } from "./summaryParts";

export const TRAJECTORY_HEADING = "Monthly trajectory";
export const TRAJECTORY_CHART_TITLE = "Cumulative plan, actual and forecast by month";

export interface TrajectorySection {
  readonly parts: SummaryPart[];
  /** The index in `parts` of the table the chart draws from (its first four columns); null without one. */
  readonly chartTable: number | null;
}

export function trajectorySection(trajectory: Trajectory | null, reason: string, unit: Unit, money: string): TrajectorySection {
  if (!trajectory) return { parts: [heading(TRAJECTORY_HEADING), lines([reason])], chartTable: null };
  const u = ` (${unit})`;
  const behind = trajectory.monthsBehind;
  const months = trajectory.months;
  return {
    parts: [
      heading(TRAJECTORY_HEADING),
      lines([
        behind.length === 0
          ? "Cumulative actual has kept up with cumulative plan in every month to date."
          : `Behind plan (cumulative) at the end of ${behind.length === 1 ? "1 month" : `${behind.length} months`}: ${behind.join(", ")}.`,
      ]),
      table(
        [
          [
            "Month",
            `Plan, cumulative${u}`,
            `Actual, cumulative${u}`,
            `Forecast, cumulative${u}`,
            `Plan${u}`,
            `Actual${u}`,
            `Variance${u}`,
            "Behind plan",
          ],
          ...months.map((m, i) => [
            m.month,
            m.cumulativePlan,
            numberOrBlank(m.cumulativeActual),
            // Where the forecast line starts (the chart's series): the last month reported on.
            numberOrBlank(trajectory.chart.series[2].values[i]),
            m.plan,
            numberOrBlank(m.actual),
            numberOrBlank(m.variance),
            m.behind ? "yes" : "",
          ]),
        ],
        ["General", money, money, money, money, money, money, "General"],
      ),
    ],
    chartTable: 2,
  };
}

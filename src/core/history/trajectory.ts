/**
 * The year month by month, where the tracker has monthly plan and actual columns: each month's
 * variance, cumulative plan against cumulative actual and forecast, and the months behind plan,
 * shaped for a line chart and a table.
 *
 * How the forecast is spread over the months to come (it must reach the run's forecast total by
 * March, and it starts from the actual to date):
 * - delivery ratio, remaining plan, and a reported forecast: the rest of the forecast follows the
 *   plan's phasing of the months to come (the delivery ratio misses every remaining month at the
 *   same rate, remaining plan delivers each as planned, and a reported forecast is assumed to be
 *   phased as planned), so a back-loaded plan gives a back-loaded forecast;
 * - run rate: the same amount each month, as the method assumes; likewise when no plan is phased
 *   into the months to come.
 */
import { MONTHS } from "../fields";
import type { ForecastBasis, ForecastMethod } from "../settings";

export interface TrajectoryInput {
  /** Σ plan for each month, April first; NaN where no month column. */
  readonly planMonths: readonly number[];
  /** Σ actual for each month, April first; NaN where no month column or not reported. */
  readonly actualMonths: readonly number[];
  readonly monthsElapsed: number;
  /** The run's forecast total (the forecast in use). */
  readonly forecast: number;
  readonly forecastBasis: ForecastBasis;
  readonly forecastMethod: ForecastMethod;
}

export interface TrajectoryMonth {
  readonly month: (typeof MONTHS)[number];
  readonly plan: number;
  /** null after the months elapsed. */
  readonly actual: number | null;
  /** actual − plan (negative: behind); null after the months elapsed. */
  readonly variance: number | null;
  readonly cumulativePlan: number;
  readonly cumulativeActual: number | null;
  /** The actual to date, then the forecast spread over the months to come. */
  readonly cumulativeForecast: number;
  /** Cumulative actual below cumulative plan at the end of this month. */
  readonly behind: boolean;
}

export interface Trajectory {
  readonly months: readonly TrajectoryMonth[];
  /** The months (to date) whose cumulative actual is below cumulative plan: "Jun", "Jul", ... */
  readonly monthsBehind: readonly string[];
  /** A line chart: one category per month, three series (a null is a gap in the line). */
  readonly chart: {
    readonly categories: readonly string[];
    readonly series: readonly { readonly name: string; readonly values: readonly (number | null)[] }[];
  };
  /** The same as a table: a header row, then a row per month. */
  readonly table: readonly (readonly (string | number | null)[])[];
  /** How the forecast was spread, for the notes on method. */
  readonly forecastSpread: string;
}

/** The trajectory, or a reason there is none (no monthly columns). */
export function monthlyTrajectory(input: TrajectoryInput): { trajectory: Trajectory } | { reason: string } {
  const k = input.monthsElapsed;
  if (input.planMonths.length !== 12 || input.planMonths.some((v) => !Number.isFinite(v)))
    return { reason: "The monthly trajectory needs a plan column for each of the twelve months." };
  if (input.actualMonths.length !== 12 || input.actualMonths.slice(0, k).some((v) => !Number.isFinite(v)))
    return { reason: `The monthly trajectory needs an actual column for each month to date (April to ${MONTHS[k - 1]}).` };
  const plan = input.planMonths;
  const actualToDate = input.actualMonths.slice(0, k).reduce((s, v) => s + v, 0);
  const rest = spread(input, actualToDate);
  const months: TrajectoryMonth[] = [];
  let cumulativePlan = 0;
  let cumulativeActual = 0;
  let cumulativeForecast = 0;
  for (let m = 0; m < 12; m++) {
    cumulativePlan += plan[m];
    const reported = m < k;
    const actual = reported ? input.actualMonths[m] : null;
    if (actual !== null) cumulativeActual += actual;
    cumulativeForecast += actual ?? rest.perMonth[m];
    months.push({
      month: MONTHS[m],
      plan: plan[m],
      actual,
      variance: actual === null ? null : actual - plan[m],
      cumulativePlan,
      cumulativeActual: reported ? cumulativeActual : null,
      cumulativeForecast: m === 11 && k < 12 ? input.forecast : cumulativeForecast,
      behind: reported && cumulativeActual < cumulativePlan - 1e-9,
    });
  }
  const monthsBehind = months.filter((m) => m.behind).map((m) => m.month);
  return {
    trajectory: {
      months,
      monthsBehind,
      chart: {
        categories: [...MONTHS],
        series: [
          { name: "Plan (cumulative)", values: months.map((m) => m.cumulativePlan) },
          { name: "Actual (cumulative)", values: months.map((m) => m.cumulativeActual) },
          // The forecast line starts where the actuals end, so the two join.
          { name: "Forecast (cumulative)", values: months.map((m, i) => (i >= k - 1 ? m.cumulativeForecast : null)) },
        ],
      },
      table: [
        ["Month", "Plan", "Actual", "Variance", "Cumulative plan", "Cumulative actual", "Cumulative forecast"],
        ...months.map((m) => [m.month, m.plan, m.actual, m.variance, m.cumulativePlan, m.cumulativeActual, m.cumulativeForecast]),
      ],
      forecastSpread: rest.how,
    },
  };
}

/** The forecast still to come, spread over months k+1..12. */
function spread(input: TrajectoryInput, actualToDate: number): { perMonth: number[]; how: string } {
  const k = input.monthsElapsed;
  const remaining = input.forecast - actualToDate;
  const perMonth = new Array<number>(12).fill(0);
  const left = 12 - k;
  if (left === 0) return { perMonth, how: "The year is over: the forecast is the actual." };
  const planToCome = input.planMonths.slice(k).reduce((s, v) => s + v, 0);
  const byPlan = input.forecastMethod !== "runRate" || input.forecastBasis === "reported";
  if (byPlan && planToCome > 0) {
    for (let m = k; m < 12; m++) perMonth[m] = (remaining * input.planMonths[m]) / planToCome;
    return { perMonth, how: "The forecast still to come is spread over the remaining months as the plan is phased." };
  }
  for (let m = k; m < 12; m++) perMonth[m] = remaining / left;
  return {
    perMonth,
    how: byPlan
      ? "No plan is phased into the remaining months, so the forecast still to come is spread evenly over them."
      : "The run-rate forecast delivers the same each month, so the forecast still to come is spread evenly.",
  };
}

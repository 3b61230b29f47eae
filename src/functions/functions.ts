// The CIP.* worksheet functions. custom-functions-metadata-plugin reads the JSDoc below to write
// functions.json and registers each function with CustomFunctions.associate; ids are the upper-case
// names and must never change once released (workbooks store them). Each function is a thin
// adapter: arguments through `spill`, arithmetic in the core. Nothing here runs at load time.
import { ytdDeliveryPct, ytdShortfall, ytdVariance } from "../core/delivery";
import { forecastByMethod } from "../core/forecast";
import { checkMonthsElapsed } from "../core/monthsElapsed";
import { isProblem } from "../core/problem";
import { readForecastMethod } from "./forecastMethod";
import { scalarArgument, spill } from "./spill";

/**
 * Year-to-date shortfall: how much of the plan to date was not delivered, max(plan − actual, 0).
 * @customfunction SHORTFALL
 * @param ytdPlan Year-to-date plan: one cell or a column.
 * @param ytdActual Year-to-date actual: one cell or a column the same size as the plan.
 * @returns The shortfall for each row (never negative).
 */
export function shortfall(ytdPlan: any[][], ytdActual: any[][]): any[][] {
  return spill([ytdPlan, ytdActual], ["YTD plan", "YTD actual"], ytdShortfall);
}

/**
 * Year-to-date variance: actual − plan. Negative means under-delivery (the NHS sign convention).
 * @customfunction VARIANCE
 * @param ytdPlan Year-to-date plan: one cell or a column.
 * @param ytdActual Year-to-date actual: one cell or a column the same size as the plan.
 * @returns The variance for each row.
 */
export function variance(ytdPlan: any[][], ytdActual: any[][]): any[][] {
  return spill([ytdPlan, ytdActual], ["YTD plan", "YTD actual"], ytdVariance);
}

/**
 * Year-to-date delivery: actual as a share of plan (format the cells as %). #DIV/0! when the plan to date is 0.
 * @customfunction DELIVERY
 * @param ytdPlan Year-to-date plan: one cell or a column.
 * @param ytdActual Year-to-date actual: one cell or a column the same size as the plan.
 * @returns Delivery as a fraction (0.85 is 85%).
 */
export function delivery(ytdPlan: any[][], ytdActual: any[][]): any[][] {
  return spill([ytdPlan, ytdActual], ["YTD plan", "YTD actual"], ytdDeliveryPct);
}

/**
 * Year-end forecast from the position to date. The default method assumes the rest of the plan is missed at the rate the year so far was missed.
 * @customfunction FORECAST
 * @param annualPlan Annual plan: one cell or a column.
 * @param ytdPlan Year-to-date plan: one cell or a column.
 * @param ytdActual Year-to-date actual: one cell or a column.
 * @param monthsElapsed Months of the financial year elapsed, 1 (April) to 12 (March).
 * @param [method] "delivery ratio" (default), "run rate" or "remaining plan".
 * @returns The forecast outturn for each row.
 */
export function forecast(annualPlan: any[][], ytdPlan: any[][], ytdActual: any[][], monthsElapsed: any, method?: any): any[][] {
  const ranges = [annualPlan, ytdPlan, ytdActual];
  const labels = ["Annual plan", "YTD plan", "YTD actual"];
  // A bad months-elapsed or method is wrong for every row, whichever method would have used it.
  const k = checkMonthsElapsed(scalarArgument(monthsElapsed, "Months elapsed"));
  if (isProblem(k)) return spill(ranges, labels, () => k);
  const chosen = readForecastMethod(method);
  if (typeof chosen !== "string") return spill(ranges, labels, () => chosen);
  return spill(ranges, labels, (a, p, x) => forecastByMethod(chosen, a, p, x, k));
}

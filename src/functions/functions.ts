// The CIP.* worksheet functions. custom-functions-metadata-plugin reads the JSDoc below to write
// functions.json and registers each function with CustomFunctions.associate; ids are the upper-case
// names, and names, argument order and results are a contract: workbooks store them. Each function
// is a thin adapter: arguments through `spill` (params.ts says how each is read, coerce.ts what
// each shape Excel hands a cell over in means), arithmetic in the core. Only top-level function
// declarations are seen by the plugin. Nothing here runs at load time.
import { ytdDeliveryPct, ytdShortfall, ytdShortfallPct, ytdVariance } from "../core/delivery";
import { deliveryFlags, flagText } from "../core/flags";
import { forecastByMethod } from "../core/forecast";
import { checkMonthsElapsed } from "../core/monthsElapsed";
import { h2ShareOfPhasing, ytdPlanFromPhasing } from "../core/phasing";
import { invalidValue, isProblem, type Num, type Problem } from "../core/problem";
import { ragBetween } from "../core/rag";
import { requiredRunRate } from "../core/runRate";
import { DEFAULT_SETTINGS, type ForecastMethod } from "../core/settings";
import { nonRecurrentShare } from "../core/shares";
import { toExcelValue } from "./excelValue";
import { amount, method as methodParam, optional, optionalNonZero } from "./params";
import { phasing, phasingRows } from "./phasing";
import { spill, type CellResult } from "./spill";
import { summaryTable } from "./summary";
import { basisParam, readWeights, riskAdjustCell } from "./riskAdjust";
import { rollupTable } from "./rollup";

/**
 * Shortfall against a target: how much was not delivered, max(target − achieved, 0). Never negative.
 * @customfunction SHORTFALL
 * @helpurl {ADDIN_URL}/functions.html#cip-shortfall
 * @param target The plan or target (£, £k or £m, the same unit as achieved): a cell or a range. Negative gives #NUM!.
 * @param achieved What was delivered, in the same unit: a cell or a range the same size as target.
 * @returns The shortfall in the same unit, one per cell.
 */
export function shortfall(target: any[][], achieved: any[][]): any[][] {
  return spill([target, achieved], [amount("Target"), amount("Achieved")], ytdShortfall);
}

/**
 * Shortfall as a share of the target: max(target − achieved, 0) / target. #DIV/0! when the target is 0.
 * @customfunction SHORTFALLPCT
 * @helpurl {ADDIN_URL}/functions.html#cip-shortfallpct
 * @param target The plan or target: a cell or a range. Negative gives #NUM!.
 * @param achieved What was delivered, in the same unit: a cell or a range the same size as target.
 * @returns The shortfall as a fraction (0.145 is 14.5%).
 */
export function shortfallPct(target: any[][], achieved: any[][]): any[][] {
  return spill([target, achieved], [amount("Target"), amount("Achieved")], ytdShortfallPct);
}

/**
 * Variance against plan: actual − plan. Negative means under-delivery (the NHS sign convention).
 * @customfunction VARIANCE
 * @helpurl {ADDIN_URL}/functions.html#cip-variance
 * @param plan The plan (£, £k or £m): a cell or a range. Negative gives #NUM!.
 * @param actual The actual, in the same unit: a cell or a range the same size as plan. May be negative (a reversal).
 * @returns The variance in the same unit, one per cell.
 */
export function variance(plan: any[][], actual: any[][]): any[][] {
  return spill([plan, actual], [amount("Plan"), amount("Actual")], ytdVariance);
}

/**
 * Delivery against a target: achieved / target. #DIV/0! when the target is 0.
 * @customfunction DELIVERY
 * @helpurl {ADDIN_URL}/functions.html#cip-delivery
 * @param achieved What was delivered: a cell or a range.
 * @param target The plan or target, in the same unit: a cell or a range the same size as achieved. Negative gives #NUM!.
 * @returns Delivery as a fraction (0.85 is 85%).
 */
export function delivery(achieved: any[][], target: any[][]): any[][] {
  return spill([achieved, target], [amount("Achieved"), amount("Target")], (a: Num, t: Num) => ytdDeliveryPct(t, a));
}

/**
 * Year-end forecast from the position to date. "ratio" (default): the rest of the plan missed at the rate so far; "plan": the rest delivered in full; "runrate": actual × 12 / months elapsed.
 * @customfunction FORECAST
 * @helpurl {ADDIN_URL}/functions.html#cip-forecast
 * @param annual_plan The plan for the whole year: a cell or a range. Negative gives #NUM!.
 * @param ytd_plan The plan to date, in the same unit: a cell or a range.
 * @param ytd_actual Savings delivered to date, in the same unit: a cell or a range.
 * @param [method] "ratio" (default, also when empty), "plan" or "runrate", in any case.
 * @param [months_elapsed] Months of the financial year elapsed, 1 (April) to 12 (March). Needed for "runrate"; empty or 0 is not given.
 * @returns The forecast outturn in the same unit, one per cell.
 */
export function forecast(
  annual_plan: any[][],
  ytd_plan: any[][],
  ytd_actual: any[][],
  method?: any[][],
  months_elapsed?: any[][],
): any[][] {
  return spill(
    [annual_plan, ytd_plan, ytd_actual, method ?? null, months_elapsed ?? null],
    [
      amount("Annual plan"),
      amount("YTD plan"),
      amount("YTD actual"),
      methodParam("Method"),
      optionalNonZero("Months elapsed", null),
    ],
    forecastCell,
  );
}

function forecastCell(annual: Num, plan: Num, actual: Num, method: ForecastMethod | Problem, months: Num): CellResult {
  if (isProblem(method)) return method;
  // A bad months elapsed is wrong whichever method would have used it.
  const k = checkMonthsElapsed(months);
  if (isProblem(k)) return k;
  if (method === "runRate" && k === null) {
    return invalidValue('The "runrate" method needs months elapsed, a whole number from 1 (April) to 12 (March).');
  }
  return forecastByMethod(method, annual, plan, actual, k);
}

/**
 * Savings needed per remaining month to meet the annual plan: max(annual_plan − ytd_actual, 0) / (12 − months_elapsed).
 * @customfunction REQUIREDRATE
 * @helpurl {ADDIN_URL}/functions.html#cip-requiredrate
 * @param annual_plan The plan for the whole year: a cell or a range. Negative gives #NUM!.
 * @param ytd_actual Savings delivered to date, in the same unit: a cell or a range.
 * @param months_elapsed Months of the financial year elapsed, 0 to 12. At 12: 0 when the plan is met, else #DIV/0!.
 * @returns The monthly savings needed from now on, in the same unit.
 */
export function requiredRate(annual_plan: any[][], ytd_actual: any[][], months_elapsed: any[][]): any[][] {
  return spill(
    [annual_plan, ytd_actual, months_elapsed],
    [amount("Annual plan"), amount("YTD actual"), amount("Months elapsed")],
    requiredRunRate,
  );
}

/**
 * Red, amber or green for a value. Higher is better when green_at ≥ amber_at (delivery %); lower is better when green_at < amber_at (shortfall %).
 * @customfunction RAG
 * @helpurl {ADDIN_URL}/functions.html#cip-rag
 * @param value The measure to rate, e.g. a delivery % as a fraction: a cell or a range.
 * @param [green_at] Green from here (default 0.95, also when empty or 0).
 * @param [amber_at] Amber from here (default 0.8, also when empty or 0); beyond it, Red.
 * @returns "Green", "Amber" or "Red", one per cell.
 */
export function rag(value: any[][], green_at?: any[][], amber_at?: any[][]): any[][] {
  return spill(
    [value, green_at ?? null, amber_at ?? null],
    [
      amount("Value"),
      optionalNonZero("Green at", DEFAULT_SETTINGS.deliveryRag.greenAt),
      optionalNonZero("Amber at", DEFAULT_SETTINGS.deliveryRag.amberAt),
    ],
    ragBetween,
  );
}

/**
 * Warning flags that apply, in order, joined by ", ": BEHIND_PLAN, SEVERELY_BEHIND (under half the plan to date), UNDER_FIFTH (under a fifth of the annual plan), DEFICIT, DISTRESS (all three).
 * @customfunction FLAGS
 * @helpurl {ADDIN_URL}/functions.html#cip-flags
 * @param annual_plan The plan for the whole year: a cell or a range. Negative gives #NUM!.
 * @param ytd_plan The plan to date, in the same unit: a cell or a range.
 * @param ytd_actual Savings delivered to date, in the same unit: a cell or a range.
 * @param [surplus_deficit] The organisation's surplus (positive) or deficit (negative). Omitted or empty: DEFICIT is not tested.
 * @returns The flags, or "" when none applies.
 */
export function flags(annual_plan: any[][], ytd_plan: any[][], ytd_actual: any[][], surplus_deficit?: any[][]): any[][] {
  return spill(
    [annual_plan, ytd_plan, ytd_actual, surplus_deficit ?? null],
    [amount("Annual plan"), amount("YTD plan"), amount("YTD actual"), optional("Surplus/deficit", null)],
    flagsCell,
  );
}

function flagsCell(annual: Num, plan: Num, actual: Num, surplus: Num): CellResult {
  const f = deliveryFlags(annual, plan, actual, surplus, DEFAULT_SETTINGS);
  return typeof f === "number" ? flagText(f) : f;
}

/**
 * Share of savings that are non-recurrent (one-off): non_recurrent / (recurrent + non_recurrent).
 * @customfunction NRSHARE
 * @helpurl {ADDIN_URL}/functions.html#cip-nrshare
 * @param recurrent Recurrent savings: a cell or a range. Negative gives #NUM!.
 * @param non_recurrent Non-recurrent savings, in the same unit: a cell or a range. Negative gives #NUM!.
 * @returns The non-recurrent share as a fraction (0.3 is 30%).
 */
export function nrShare(recurrent: any[][], non_recurrent: any[][]): any[][] {
  return spill([recurrent, non_recurrent], [amount("Recurrent"), amount("Non-recurrent")], nonRecurrentShare);
}

/**
 * Plan to date from a monthly phasing: the sum of the first months_elapsed months (April first).
 * @customfunction YTDPLAN
 * @helpurl {ADDIN_URL}/functions.html#cip-ytdplan
 * @param monthly_plan The 12 planned months April to March: a row of 12, a column of 12, or several rows of 12 (one result per row).
 * @param months_elapsed Months of the financial year elapsed, 0 to 12.
 * @returns The plan to date, in the phasing's unit.
 */
export function ytdPlan(monthly_plan: any[][], months_elapsed: any[][]): any[][] {
  const rows = phasingRows(monthly_plan, "Monthly plan");
  if (isProblem(rows)) return [[toExcelValue(rows)]];
  return spill([rows, months_elapsed], [phasing("Monthly plan"), amount("Months elapsed")], ytdPlanFromPhasing);
}

/**
 * Back-loading of a phasing: the share of its 12 months' total planned in months 7-12 (October to March).
 * @customfunction H2SHARE
 * @helpurl {ADDIN_URL}/functions.html#cip-h2share
 * @param monthly_plan The 12 planned months April to March: a row of 12, a column of 12, or several rows of 12 (one result per row).
 * @returns The second-half share as a fraction (0.6 is 60%).
 */
export function h2Share(monthly_plan: any[][]): any[][] {
  const rows = phasingRows(monthly_plan, "Monthly plan");
  if (isProblem(rows)) return [[toExcelValue(rows)]];
  return spill([rows], [phasing("Monthly plan")], h2ShareOfPhasing);
}

/**
 * A summary table by group: organisations, behind plan (count and %), Σ annual plan, Σ YTD plan, Σ YTD actual, Σ shortfall, delivery % and Σ ratio forecast; then an "All" row.
 * @customfunction SUMMARY
 * @helpurl {ADDIN_URL}/functions.html#cip-summary
 * @param annual_plan The annual plans: a column.
 * @param ytd_plan The plans to date, in the same unit: a column the same size.
 * @param ytd_actual Savings delivered to date, in the same unit: a column the same size.
 * @param [group] Each row's region, cluster or system: a column the same size. Omitted: only the "All" row.
 * @returns A table with a header row; rows with a blank or invalid amount are left out.
 */
export function summary(annual_plan: any[][], ytd_plan: any[][], ytd_actual: any[][], group?: any[][]): any[][] {
  return summaryTable(annual_plan, ytd_plan, ytd_actual, group ?? null);
}

/**
 * A value weighted by a scheme's stage, likelihood or risk RAG: value × weight. Stages (default weight): Delivered 100%, Implementation 90%, Business case approved 70%, Planning 50%, Idea 25%, Unidentified 0%; likelihood as a % or High/Medium/Low (90/60/30%); RAG Green 90%, Amber 60%, Red 30%.
 * @customfunction RISKADJUST
 * @helpurl {ADDIN_URL}/functions.html#cip-riskadjust
 * @param values The amounts to weight, e.g. each scheme's remaining plan: a cell or a range.
 * @param basis Each scheme's stage ("Implementation"), likelihood (80%, 0.8 or "High") or risk RAG ("Amber"): a cell or a range the same size.
 * @param [weights] Weights that replace the defaults: two columns, a stage, RAG or likelihood word and its weight, e.g. {"Planning",0.4;"Red",0.2}.
 * @returns The risk-adjusted amount in the same unit, one per cell.
 */
export function riskAdjust(values: any[][], basis: any[][], weights?: any[][]): any[][] {
  const settings = readWeights(weights ?? null);
  if (isProblem(settings)) return [[toExcelValue(settings)]];
  return spill([values, basis], [amount("Values"), basisParam("Basis", settings)], riskAdjustCell);
}

/**
 * Any measure of one or more columns by a key: one row per distinct key in order of first appearance, then an "All" row.
 * @customfunction ROLLUP
 * @helpurl {ADDIN_URL}/functions.html#cip-rollup
 * @param keys What to group by, e.g. each scheme's trust, division or stage: a column.
 * @param values The amounts to roll up: one or more columns with as many rows as keys.
 * @param [measures] "sum" (default), "count", "average", "min" or "max"; several as a row, e.g. {"sum","count"}: a column per measure and values column.
 * @returns A table: the key, then each measure of each values column; blank values are left out.
 */
export function rollup(keys: any[][], values: any[][], measures?: any[][]): any[][] {
  return rollupTable(keys, values, measures ?? null);
}

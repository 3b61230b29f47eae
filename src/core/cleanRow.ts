import { isAbove } from "./compare";
import { FLAG_INPUT, flagsOf } from "./flags";
import {
  achievedRunRateOf,
  deliveryRatioForecastOf,
  gapOf,
  remainingPlanForecastOf,
  requiredRunRateOf,
  runRateForecastOf,
  varianceOf,
} from "./formulas";
import type { InputColumn, MetricColumn, ResultTable } from "./metricColumn";
import { METRIC_NAMES, RAG_NAMES, RAGS, type MetricName } from "./metrics";
import { ragCode } from "./rag";
import { ACTUAL_MONTH_SLOT, CELL_BLANK, CELL_NUMBER, PLAN_MONTH_SLOT, SLOT, type RowReader } from "./rowReader";
import type { Bands, Settings } from "./settings";

/** Each metric's index in METRIC_NAMES. */
export const METRIC_INDEX = Object.fromEntries(METRIC_NAMES.map((name, i) => [name, i])) as Record<MetricName, number>;
const M = METRIC_INDEX;

/** Bits per RAG in a row's packed RAG codes: GREEN, AMBER, RED or 0 (none: its metric is blank or a problem). */
export const RAG_BITS = 2;

/**
 * Where a row's results go. The metrics (METRIC_NAMES order) that are worked out are stored in
 * the table; those that are an input cell as read (InputColumn) or another metric under a second
 * name (the projection in use as forecastUsed) are not stored again. The RAG codes of a row are
 * packed into one number, RAG_BITS each in RAG_NAMES order.
 */
export interface ResultColumns {
  readonly metrics: readonly MetricColumn[];
  readonly table: ResultTable;
  /** For each column of the table, the metric it holds. */
  readonly storedMetrics: Int32Array;
  /** The metrics that are an input cell as read, each with its METRIC_NAMES index. */
  readonly inputs: readonly { readonly metric: number; readonly column: InputColumn }[];
  /** The current row's metrics as numbers (NaN where blank or a problem), for the roll-up. */
  readonly current: Float64Array;
  readonly rags: Uint16Array;
  /** For each RAG: the metric it rates (index), its cut-offs and which way is good. */
  readonly ragRules: readonly { readonly metric: number; readonly bands: Bands; readonly higherIsBetter: boolean }[];
  readonly flags: Uint16Array;
}

/** The RAG rules for ResultColumns, from the settings in force. */
export function ragRules(s: Settings): ResultColumns["ragRules"] {
  return RAG_NAMES.map((name) => ({
    metric: M[RAGS[name].metric],
    bands: s[RAGS[name].bands],
    higherIsBetter: RAGS[name].higherIsBetter,
  }));
}

/**
 * The fast path for the common row: every number present where it matters, plans and actual
 * above zero, nothing in the way of any ratio. Such a row needs none of the checks that turn bad
 * data into problems, so it is worked out on unboxed doubles and written straight into the typed
 * columns — several times faster than the checked path, with the same formulas (formulas.ts) in
 * the same order, so the results are identical to the last bit (a property test compares them).
 * Returns false, having written nothing, for any row it does not cover; the caller then takes the
 * checked path (analyseRow).
 */
export function analyseCleanRow(r: RowReader, i: number, s: Settings, hasForecastColumn: boolean, out: ResultColumns): boolean {
  if (r.problems !== null) return false;
  const k = s.monthsElapsed;
  const v = r.values;
  const kinds = r.kinds;

  const annual = r.numberOrNaN(SLOT.annualPlan);
  const plan =
    kinds[SLOT.ytdPlan] === CELL_BLANK ? monthsToDate(r, PLAN_MONTH_SLOT, r.hasPlanMonths, k) : r.numberOrNaN(SLOT.ytdPlan);
  const actual =
    kinds[SLOT.ytdActual] === CELL_BLANK
      ? monthsToDate(r, ACTUAL_MONTH_SLOT, r.hasActualMonths, k)
      : r.numberOrNaN(SLOT.ytdActual);
  // NaN fails every comparison, so a missing annual plan, plan or actual leaves the fast path here.
  if (!(annual > 0 && plan > 0 && actual > 0) || k === 12 || isAbove(plan, annual)) return false;

  const reported = s.forecastBasis === "reported" && hasForecastColumn;
  if (reported && kinds[SLOT.forecast] !== CELL_NUMBER) return false;
  const turnover = optional(r, SLOT.turnover);
  const recurrent = optional(r, SLOT.recurrent);
  const nonRecurrent = optional(r, SLOT.nonRecurrent);
  const unidentified = optional(r, SLOT.unidentified);
  if (turnover <= 0 || recurrent < 0 || nonRecurrent < 0 || recurrent + nonRecurrent === 0 || unidentified < 0) return false;
  const h2 = r.hasPlanMonths ? secondHalf(r) : NaN;
  if (h2 < 0) return false;

  const remaining = gapOf(annual, plan);
  const runRate = runRateForecastOf(actual, k);
  const remainingPlan = remainingPlanForecastOf(actual, remaining);
  const deliveryRatio = deliveryRatioForecastOf(plan, actual, remaining);
  const projected =
    s.forecastMethod === "runRate" ? runRate : s.forecastMethod === "remainingPlan" ? remainingPlan : deliveryRatio;
  const forecast = reported ? v[SLOT.forecast] : projected;
  const shortfall = gapOf(plan, actual);
  const forecastShortfall = gapOf(annual, forecast);
  const required = requiredRunRateOf(annual, actual, k);
  const achieved = achievedRunRateOf(actual, k);
  const variance = varianceOf(plan, actual);
  const shortfallPct = shortfall / plan;
  const deliveryPct = actual / plan;
  const progressPct = actual / annual;
  const forecastShortfallPct = forecastShortfall / annual;
  const runRateRatio = required / achieved;
  const cip = annual / turnover; // NaN when there is no turnover: the metric stays blank
  const nonRecShare = nonRecurrent / (recurrent + nonRecurrent);
  const unidentifiedShare = unidentified / annual;
  const h2Share = h2 / annual;
  // Overflow from extreme values (1e308 − −1e308): leave the row to the checked path, which
  // reports it. A sum is finite only if every term is.
  const all = variance + shortfallPct + deliveryPct + progressPct + runRate + remainingPlan + deliveryRatio + forecast;
  const rest = forecastShortfallPct + required + achieved + runRateRatio + (cip || 0) + (nonRecShare || 0);
  if (!Number.isFinite(all + rest + (unidentifiedShare || 0) + (h2Share || 0))) return false;

  // Results go through a scratch array and are stored by a loop: passing a double to a call that
  // V8 does not inline boxes it, which cost a dozen allocations a row when each was stored by a call.
  const res = out.current;
  res[M.ytdPlanUsed] = plan;
  res[M.ytdActualUsed] = actual;
  res[M.variance] = variance;
  res[M.shortfall] = shortfall;
  res[M.shortfallPct] = shortfallPct;
  res[M.deliveryPct] = deliveryPct;
  res[M.progressPct] = progressPct;
  res[M.forecastRunRate] = runRate;
  res[M.forecastRemainingPlan] = remainingPlan;
  res[M.forecastDeliveryRatio] = deliveryRatio;
  res[M.forecastUsed] = forecast;
  res[M.forecastShortfall] = forecastShortfall;
  res[M.forecastShortfallPct] = forecastShortfallPct;
  res[M.cipOfTurnover] = cip;
  res[M.nonRecurrentShare] = nonRecShare;
  res[M.unidentifiedShare] = unidentifiedShare;
  res[M.h2Share] = h2Share;
  res[M.requiredRunRate] = required;
  res[M.achievedRunRate] = achieved;
  res[M.runRateRatio] = runRateRatio;
  store(res, i, r, out);
  const f = FLAG_SCRATCH;
  f[FLAG_INPUT.annualPlan] = annual;
  f[FLAG_INPUT.ytdPlan] = plan;
  f[FLAG_INPUT.ytdActual] = actual;
  f[FLAG_INPUT.surplusDeficit] = optional(r, SLOT.surplusDeficit);
  f[FLAG_INPUT.nonRecurrentShare] = nonRecShare;
  f[FLAG_INPUT.unidentifiedShare] = unidentifiedShare;
  f[FLAG_INPUT.h2Share] = h2Share;
  out.flags[i] = flagsOf(f, s);
  return true;
}

const FLAG_SCRATCH = new Float64Array(Object.keys(FLAG_INPUT).length);

/** Every metric (NaN marks the ones left blank) and the RAGs, into the tables. */
function store(res: Float64Array, i: number, r: RowReader, out: ResultColumns): void {
  const { values, width } = out.table;
  const base = i * width;
  const stored = out.storedMetrics;
  for (let c = 0; c < width; c++) values[base + c] = res[stored[c]];
  // An input-copy metric differs from its cell only where the cell is blank (a plan from the phasing).
  for (const { metric, column } of out.inputs) if (r.kinds[column.slot] === CELL_BLANK) column.set(i, res[metric]);
  const rules = out.ragRules;
  let rags = 0;
  for (let g = 0; g < rules.length; g++) {
    const rule = rules[g];
    const value = res[rule.metric];
    if (value === value) rags |= ragCode(value, rule.bands, rule.higherIsBetter) << (g * RAG_BITS);
  }
  out.rags[i] = rags;
}

/** An optional amount: its number, or NaN when blank (so every test on it below is false). */
function optional(r: RowReader, slot: number): number {
  return r.kinds[slot] === CELL_NUMBER ? r.values[slot] : NaN;
}

/**
 * Σ months 1..k of a phasing as sumMonths adds them (blanks count as 0 when any month of the year
 * holds a number). NaN — "not for the fast path" — when there is no phasing, it is all blank, or
 * a plan month to date is negative (the checked path reports that).
 */
function monthsToDate(r: RowReader, first: number, present: boolean, k: number): number {
  if (!present) return NaN;
  let any = false;
  let sum = 0;
  for (let m = 0; m < 12; m++) {
    if (r.kinds[first + m] !== CELL_NUMBER) continue;
    any = true;
    const value = r.values[first + m];
    if (m < k) {
      if (value < 0 && first === PLAN_MONTH_SLOT) return NaN;
      sum += value;
    }
  }
  return any ? sum : NaN;
}

/** Σ plan months 7..12 with the same blank rule; NaN when all blank, -1 when a month is negative. */
function secondHalf(r: RowReader): number {
  let any = false;
  let sum = 0;
  for (let m = 0; m < 12; m++) {
    if (r.kinds[PLAN_MONTH_SLOT + m] !== CELL_NUMBER) continue;
    any = true;
    const value = r.values[PLAN_MONTH_SLOT + m];
    if (m >= 6) {
      if (value < 0) return -1;
      sum += value;
    }
  }
  return any ? sum : NaN;
}

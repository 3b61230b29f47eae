import { isAbove } from "./compare";
import { flagsOf } from "./flags";
import {
  achievedRunRateOf,
  deliveryRatioForecastOf,
  gapOf,
  remainingPlanForecastOf,
  requiredRunRateOf,
  runRateForecastOf,
  varianceOf,
} from "./formulas";
import type { MetricColumn } from "./metricColumn";
import { METRIC_NAMES, type MetricName } from "./metrics";
import { ragCodeHigherIsBetter, ragCodeLowerIsBetter } from "./rag";
import { ACTUAL_MONTH_SLOT, BLANK, NUMBER, PLAN_MONTH_SLOT, SLOT, type RowReader } from "./rowReader";
import type { Settings } from "./settings";

const M = Object.fromEntries(METRIC_NAMES.map((name, i) => [name, i])) as Record<MetricName, number>;

/** The columns a row's results go to, in METRIC_NAMES order, and the RAG and flag columns. */
export interface ResultColumns {
  readonly metrics: readonly MetricColumn[];
  readonly deliveryRag: Uint8Array;
  readonly forecastRag: Uint8Array;
  readonly cipOfTurnoverRag: Uint8Array;
  readonly nonRecurrentRag: Uint8Array;
  readonly unidentifiedRag: Uint8Array;
  readonly h2ShareRag: Uint8Array;
  readonly runRateRag: Uint8Array;
  readonly flags: Uint16Array;
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
  const plan = kinds[SLOT.ytdPlan] === BLANK ? monthsToDate(r, PLAN_MONTH_SLOT, r.hasPlanMonths, k) : r.numberOrNaN(SLOT.ytdPlan);
  const actual =
    kinds[SLOT.ytdActual] === BLANK ? monthsToDate(r, ACTUAL_MONTH_SLOT, r.hasActualMonths, k) : r.numberOrNaN(SLOT.ytdActual);
  // NaN fails every comparison, so a missing annual plan, plan or actual leaves the fast path here.
  if (!(annual > 0 && plan > 0 && actual > 0) || k === 12 || isAbove(plan, annual)) return false;

  const reported = s.forecastBasis === "reported" && hasForecastColumn;
  if (reported && kinds[SLOT.forecast] !== NUMBER) return false;
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

  const m = out.metrics;
  m[M.ytdPlanUsed].setNumber(i, plan);
  m[M.ytdActualUsed].setNumber(i, actual);
  m[M.variance].setNumber(i, variance);
  m[M.shortfall].setNumber(i, shortfall);
  m[M.shortfallPct].setNumber(i, shortfallPct);
  m[M.deliveryPct].setNumber(i, deliveryPct);
  m[M.progressPct].setNumber(i, progressPct);
  m[M.forecastRunRate].setNumber(i, runRate);
  m[M.forecastRemainingPlan].setNumber(i, remainingPlan);
  m[M.forecastDeliveryRatio].setNumber(i, deliveryRatio);
  m[M.forecastUsed].setNumber(i, forecast);
  m[M.forecastShortfall].setNumber(i, forecastShortfall);
  m[M.forecastShortfallPct].setNumber(i, forecastShortfallPct);
  m[M.requiredRunRate].setNumber(i, required);
  m[M.achievedRunRate].setNumber(i, achieved);
  m[M.runRateRatio].setNumber(i, runRateRatio);
  out.deliveryRag[i] = ragCodeHigherIsBetter(deliveryPct, s.deliveryRag);
  out.forecastRag[i] = ragCodeLowerIsBetter(forecastShortfallPct, s.forecastShortfallRag);
  out.runRateRag[i] = ragCodeLowerIsBetter(runRateRatio, s.runRateRag);
  if (cip === cip) {
    m[M.cipOfTurnover].setNumber(i, cip);
    out.cipOfTurnoverRag[i] = ragCodeLowerIsBetter(cip, s.cipOfTurnoverRag);
  }
  if (nonRecShare === nonRecShare) {
    m[M.nonRecurrentShare].setNumber(i, nonRecShare);
    out.nonRecurrentRag[i] = ragCodeLowerIsBetter(nonRecShare, s.nonRecurrentRag);
  }
  if (unidentifiedShare === unidentifiedShare) {
    m[M.unidentifiedShare].setNumber(i, unidentifiedShare);
    out.unidentifiedRag[i] = ragCodeLowerIsBetter(unidentifiedShare, s.unidentifiedRag);
  }
  if (h2Share === h2Share) {
    m[M.h2Share].setNumber(i, h2Share);
    out.h2ShareRag[i] = ragCodeLowerIsBetter(h2Share, s.h2ShareRag);
  }
  out.flags[i] = flagsOf(annual, plan, actual, optional(r, SLOT.surplusDeficit), nonRecShare, unidentifiedShare, h2Share, s);
  return true;
}

/** An optional amount: its number, or NaN when blank (so every test on it below is false). */
function optional(r: RowReader, slot: number): number {
  return r.kinds[slot] === NUMBER ? r.values[slot] : NaN;
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
    if (r.kinds[first + m] !== NUMBER) continue;
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
    if (r.kinds[PLAN_MONTH_SLOT + m] !== NUMBER) continue;
    any = true;
    const value = r.values[PLAN_MONTH_SLOT + m];
    if (m >= 6) {
      if (value < 0) return -1;
      sum += value;
    }
  }
  return any ? sum : NaN;
}

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
import { METRIC_NAMES, RAG_NAMES, RAGS, type MetricName } from "./metrics";
import type { Num } from "./problem";
import { ragCodeWithin, ragLimits, type RagLimits } from "./rag";
import { BLOCK_ROWS as B, HAS_NUMBER, type RowBlock } from "./rowBlock";
import { ACTUAL_MONTH_SLOT, PLAN_MONTH_SLOT, SLOT, type RowReader } from "./rowReader";
import type { Settings } from "./settings";

/** Each metric's index in METRIC_NAMES. */
export const METRIC_INDEX = Object.fromEntries(METRIC_NAMES.map((name, i) => [name, i])) as Record<MetricName, number>;
const M = METRIC_INDEX;

/** Bits per RAG in a row's packed RAG codes: GREEN, AMBER, RED or 0 (none: its metric is blank or a problem). */
export const RAG_BITS = 2;

/**
 * What the results need of the metric store (MetricStore in metricColumn.ts, which works clean rows
 * out again with this file's code, so this file names only what it uses of it).
 */
export interface MetricPlaces {
  /** 1 where the row is clean. */
  readonly clean: Uint8Array;
  /** Stores metric `m` of a checked row whose metrics start at `start`. */
  set(start: number, m: number, value: Num): void;
}

/**
 * Where a row's results go besides its metrics (metricColumn.ts): its RAG codes, packed into one
 * number, RAG_BITS each in RAG_NAMES order, and its flags.
 */
export interface ResultColumns {
  readonly store: MetricPlaces;
  /** The checked path's metrics for the row it is on, as numbers (NaN where blank or a problem), for the roll-up. */
  readonly current: Float64Array;
  readonly rags: Uint16Array;
  /** For each RAG: the metric it rates (index) and its cut-offs. */
  readonly ragRules: readonly { readonly metric: number; readonly limits: RagLimits }[];
  readonly flags: Uint16Array;
}

/** The RAG rules for ResultColumns, from the settings in force. */
export function ragRules(s: Settings): ResultColumns["ragRules"] {
  return RAG_NAMES.map((name) => ({
    metric: M[RAGS[name].metric],
    limits: ragLimits(s[RAGS[name].bands], RAGS[name].higherIsBetter),
  }));
}

/**
 * The fast path for the common row: no bad cell, a YTD plan above zero, the annual plan and actual
 * above zero or blank, nothing in the way of any ratio. A blank is NaN here, and NaN carries
 * through the arithmetic to exactly the metrics the checked path leaves blank, so such a row
 * needs none of the checks that turn bad
 * data into problems, so it is worked out on plain doubles and written straight into the typed
 * columns — several times faster than the checked path, with the same formulas (formulas.ts) in
 * the same order, so the results are identical to the last bit (a property test compares them).
 *
 * It works on a block of rows (rowBlock.ts), one step at a time for the whole block. A row it
 * does not cover is left out (`clean` 0, its metrics NaN, its flags and RAGs 0) for the caller to
 * take down the checked path (analyseRow); `allowed` false leaves out every row.
 */
export function analyseCleanRows(
  b: RowBlock,
  r: RowReader,
  s: Settings,
  reported: boolean,
  allowed: boolean,
  out: ResultColumns,
): void {
  cleanRowMetrics(b, r, s, reported, allowed);
  out.store.clean.set(b.clean.subarray(0, b.length), b.start);
  rate(b, out);
  flag(b, s, out);
}

/** The block's `clean` marks and its clean rows' metrics: all that reading a metric back needs. */
export function cleanRowMetrics(b: RowBlock, r: RowReader, s: Settings, reported: boolean, allowed: boolean): void {
  amountsToDate(b, r, s.monthsElapsed);
  secondHalves(b, r.hasPlanMonths);
  computeMetrics(b, s, reported, allowed);
}

const PLAN_IN = SLOT.ytdPlan * B;
const ACTUAL_IN = SLOT.ytdActual * B;
const ANNUAL_IN = SLOT.annualPlan * B;
const FORECAST_IN = SLOT.forecast * B;
const TURNOVER_IN = SLOT.turnover * B;
const RECURRENT_IN = SLOT.recurrent * B;
const NON_RECURRENT_IN = SLOT.nonRecurrent * B;
const UNIDENTIFIED_IN = SLOT.unidentified * B;
const SURPLUS_IN = SLOT.surplusDeficit * B;
const PLAN_USED = M.ytdPlanUsed * B;
const ACTUAL_USED = M.ytdActualUsed * B;

/**
 * YTD plan and actual in use: the column's value, or where that cell is blank the months to date
 * (a clean row has no problem cells, so NaN in its inputs means blank).
 */
function amountsToDate(b: RowBlock, r: RowReader, k: number): void {
  const x = b.inputs;
  const m = b.metrics;
  for (let j = 0; j < b.length; j++) {
    const plan = x[PLAN_IN + j];
    m[PLAN_USED + j] = plan === plan ? plan : monthsToDate(x, j, PLAN_MONTH_SLOT, r.hasPlanMonths, k);
    const actual = x[ACTUAL_IN + j];
    m[ACTUAL_USED + j] = actual === actual ? actual : monthsToDate(x, j, ACTUAL_MONTH_SLOT, r.hasActualMonths, k);
  }
}

/**
 * Σ months 1..k of a phasing. NaN — "not for the fast path" — when there is no phasing, it is all
 * blank, or a plan month to date is negative (the checked path reports that). Actual months may be
 * negative (reversals), so for them NaN only ever means blank, which the fast path takes.
 */
function monthsToDate(x: Float64Array, j: number, first: number, present: boolean, k: number): number {
  return present ? monthsSum(x, j, first, 0, k, first === PLAN_MONTH_SLOT ? NaN : undefined) : NaN;
}

/** Σ plan months 7..12; NaN when there is no phasing or it is all blank, -1 when one of those months is negative. */
function secondHalves(b: RowBlock, present: boolean): void {
  if (!present) {
    b.secondHalf.fill(NaN);
    return;
  }
  for (let j = 0; j < b.length; j++) b.secondHalf[j] = monthsSum(b.inputs, j, PLAN_MONTH_SLOT, 6, 12, -1);
}

/**
 * Σ months from+1..to of the phasing whose first slot is `first`, as sumMonths adds them: blanks
 * count as 0 when any month of the year holds a number, and the sum is NaN when none does. A
 * negative month in the range gives `ifNegative`, unless that is undefined (negatives allowed).
 */
function monthsSum(x: Float64Array, j: number, first: number, from: number, to: number, ifNegative?: number): number {
  let any = false;
  let sum = 0;
  for (let m = 0; m < 12; m++) {
    const value = x[(first + m) * B + j];
    if (value !== value) continue;
    any = true;
    if (m < from || m >= to) continue;
    if (value < 0 && ifNegative !== undefined) return ifNegative;
    sum += value;
  }
  return any ? sum : NaN;
}

/**
 * Which rows are clean, and every metric of each clean row; NaN throughout for the others. NaN
 * fails every comparison, so a missing plan leaves the fast path at the first test.
 */
function computeMetrics(b: RowBlock, s: Settings, reported: boolean, allowed: boolean): void {
  const k = s.monthsElapsed;
  const method = s.forecastMethod;
  const x = b.inputs;
  const m = b.metrics;
  for (let j = 0; j < b.length; j++) {
    const annual = x[ANNUAL_IN + j];
    const plan = m[PLAN_USED + j];
    const actual = m[ACTUAL_USED + j];
    const turnover = x[TURNOVER_IN + j];
    const recurrent = x[RECURRENT_IN + j];
    const nonRecurrent = x[NON_RECURRENT_IN + j];
    const eligible =
      allowed &&
      b.state[j] === HAS_NUMBER &&
      (annual > 0 || annual !== annual) &&
      plan > 0 &&
      (actual > 0 || actual !== actual) &&
      k !== 12 &&
      !isAbove(plan, annual) &&
      !(turnover <= 0 || recurrent < 0 || nonRecurrent < 0 || recurrent + nonRecurrent === 0) &&
      !(x[UNIDENTIFIED_IN + j] < 0) &&
      !(b.secondHalf[j] < 0);
    const remaining = gapOf(annual, plan);
    const runRate = runRateForecastOf(actual, k);
    const remainingPlan = remainingPlanForecastOf(actual, remaining);
    const deliveryRatio = deliveryRatioForecastOf(plan, actual, remaining);
    const projected = method === "runRate" ? runRate : method === "remainingPlan" ? remainingPlan : deliveryRatio;
    const forecast = reported ? x[FORECAST_IN + j] : projected;
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
    const unidentifiedShare = x[UNIDENTIFIED_IN + j] / annual;
    const h2Share = b.secondHalf[j] / annual;
    // Overflow from extreme values (1e308 − −1e308): leave the row to the checked path, which
    // reports it. A sum is finite only if every term is; `|| 0` passes over the blanks (NaN).
    const all =
      (variance || 0) + (shortfallPct || 0) + (deliveryPct || 0) + (progressPct || 0) + (runRate || 0) + (remainingPlan || 0);
    const more = (deliveryRatio || 0) + (forecast || 0) + (forecastShortfallPct || 0) + (required || 0) + (achieved || 0);
    const rest = (runRateRatio || 0) + (cip || 0) + (nonRecShare || 0) + (unidentifiedShare || 0) + (h2Share || 0);
    const ok = eligible && Number.isFinite(all + more + rest);
    b.clean[j] = ok ? 1 : 0;
    // Multiplying by NaN blanks a left-out row's every metric without a branch per metric.
    const keep = ok ? 1 : NaN;
    m[PLAN_USED + j] = plan * keep;
    m[ACTUAL_USED + j] = actual * keep;
    m[M.variance * B + j] = variance * keep;
    m[M.shortfall * B + j] = shortfall * keep;
    m[M.shortfallPct * B + j] = shortfallPct * keep;
    m[M.deliveryPct * B + j] = deliveryPct * keep;
    m[M.progressPct * B + j] = progressPct * keep;
    m[M.forecastRunRate * B + j] = runRate * keep;
    m[M.forecastRemainingPlan * B + j] = remainingPlan * keep;
    m[M.forecastDeliveryRatio * B + j] = deliveryRatio * keep;
    m[M.forecastUsed * B + j] = forecast * keep;
    m[M.forecastShortfall * B + j] = forecastShortfall * keep;
    m[M.forecastShortfallPct * B + j] = forecastShortfallPct * keep;
    m[M.cipOfTurnover * B + j] = cip * keep;
    m[M.nonRecurrentShare * B + j] = nonRecShare * keep;
    m[M.unidentifiedShare * B + j] = unidentifiedShare * keep;
    m[M.h2Share * B + j] = h2Share * keep;
    m[M.requiredRunRate * B + j] = required * keep;
    m[M.achievedRunRate * B + j] = achieved * keep;
    m[M.runRateRatio * B + j] = runRateRatio * keep;
  }
}

/** The RAGs, packed RAG_BITS each; 0 (none) where the metric is NaN, as in every left-out row. */
function rate(b: RowBlock, out: ResultColumns): void {
  const rags = out.rags;
  const m = b.metrics;
  rags.fill(0, b.start, b.start + b.length);
  const rules = out.ragRules;
  for (let g = 0; g < rules.length; g++) {
    const { metric, limits } = rules[g];
    const from = metric * B;
    const shift = g * RAG_BITS;
    for (let j = 0; j < b.length; j++) {
      const value = m[from + j];
      if (value === value) rags[b.start + j] |= ragCodeWithin(value, limits) << shift;
    }
  }
}

const FLAG_SCRATCH = new Float64Array(Object.keys(FLAG_INPUT).length);

/** The flags of each clean row; 0 for the others. */
function flag(b: RowBlock, s: Settings, out: ResultColumns): void {
  const x = b.inputs;
  const m = b.metrics;
  const f = FLAG_SCRATCH;
  for (let j = 0; j < b.length; j++) {
    if (b.clean[j] === 0) {
      out.flags[b.start + j] = 0;
      continue;
    }
    f[FLAG_INPUT.annualPlan] = x[ANNUAL_IN + j];
    f[FLAG_INPUT.ytdPlan] = m[PLAN_USED + j];
    f[FLAG_INPUT.ytdActual] = m[ACTUAL_USED + j];
    f[FLAG_INPUT.surplusDeficit] = x[SURPLUS_IN + j];
    f[FLAG_INPUT.nonRecurrentShare] = m[M.nonRecurrentShare * B + j];
    f[FLAG_INPUT.unidentifiedShare] = m[M.unidentifiedShare * B + j];
    f[FLAG_INPUT.h2Share] = m[M.h2Share * B + j];
    out.flags[b.start + j] = flagsOf(f, s);
  }
}

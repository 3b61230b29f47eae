import { progressPct, ytdDeliveryPct, ytdShortfall, ytdShortfallPct, ytdVariance } from "./delivery";
import { rowFlags } from "./flags";
import {
  forecastDeliveryRatio,
  forecastRemainingPlan,
  forecastRunRate,
  forecastShortfall,
  forecastShortfallPct,
} from "./forecast";
import { RAG_NAMES, RAGS, type MetricName, type RagName } from "./metrics";
import { h2ShareOfAnnualPlan, ytdActualFromMonths, ytdPlanFromPhasing } from "./phasing";
import type { Num, Problem } from "./problem";
import { RAG_BY_CODE, ragCode, type Rag } from "./rag";
import { achievedRunRate, requiredRunRate, runRateRatio } from "./runRate";
import type { Settings } from "./settings";
import { cipOfTurnover, nonRecurrentShare, unidentifiedShare } from "./shares";

/** One tracker row's numbers, already read from cells: each a number, a blank (`null`) or a problem. */
export interface RowInput {
  annualPlan: Num;
  ytdPlan: Num;
  ytdActual: Num;
  forecast: Num;
  recurrent: Num;
  nonRecurrent: Num;
  unidentified: Num;
  turnover: Num;
  surplusDeficit: Num;
  /** The 12 phased plan months (April first), or null when the tracker has no phasing. */
  planMonths: Num[] | null;
  /** Monthly actuals (April first), or null when the tracker has none. */
  actualMonths: Num[] | null;
}

export type RowResult = Record<MetricName, Num> & Record<RagName, Rag | null | Problem> & { flags: number };

export function emptyRowInput(): RowInput {
  return {
    annualPlan: null,
    ytdPlan: null,
    ytdActual: null,
    forecast: null,
    recurrent: null,
    nonRecurrent: null,
    unidentified: null,
    turnover: null,
    surplusDeficit: null,
    planMonths: null,
    actualMonths: null,
  };
}

/**
 * Every metric, RAG and flag for one row. `out` lets a caller analysing a million rows reuse one
 * result object; callers with one row can leave it out.
 *
 * YTD plan comes from the YTD plan column when the row has one, else from the phasing (months
 * 1..k); YTD actual likewise from monthly actuals. The forecast the shortfall is measured against
 * is the reported one when `settings.forecastBasis` is "reported" and the tracker has a forecast
 * column, else the projection by `settings.forecastMethod`.
 */
export function analyseRow(x: RowInput, s: Settings, hasForecastColumn: boolean, out = {} as RowResult): RowResult {
  const k = s.monthsElapsed;
  const plan = x.ytdPlan === null && x.planMonths !== null ? ytdPlanFromPhasing(x.planMonths, k) : x.ytdPlan;
  const actual = x.ytdActual === null && x.actualMonths !== null ? ytdActualFromMonths(x.actualMonths, k) : x.ytdActual;
  const annual = x.annualPlan;

  // Results are kept in locals and written to `out` once: `out` may be a view onto typed
  // columns (analyseTracker), where reading a result back costs more than keeping it.
  const deliveryPct = ytdDeliveryPct(plan, actual);
  const runRate = forecastRunRate(actual, k);
  const remaining = forecastRemainingPlan(annual, plan, actual);
  const deliveryRatio = forecastDeliveryRatio(annual, plan, actual);
  const projected = { runRate, remainingPlan: remaining, deliveryRatio }[s.forecastMethod];
  const forecastUsed = s.forecastBasis === "reported" && hasForecastColumn ? x.forecast : projected;
  const forecastShortPct = forecastShortfallPct(annual, forecastUsed);
  const turnoverShare = cipOfTurnover(annual, x.turnover);
  const nonRecShare = nonRecurrentShare(x.recurrent, x.nonRecurrent);
  const unidentified = unidentifiedShare(annual, x.unidentified);
  const backLoading = x.planMonths === null ? null : h2ShareOfAnnualPlan(x.planMonths, annual);
  const runRateVsAchieved = runRateRatio(annual, actual, k);

  out.ytdPlanUsed = plan;
  out.ytdActualUsed = actual;
  out.variance = ytdVariance(plan, actual);
  out.shortfall = ytdShortfall(plan, actual);
  out.shortfallPct = ytdShortfallPct(plan, actual);
  out.deliveryPct = deliveryPct;
  out.progressPct = progressPct(annual, actual);
  out.forecastRunRate = runRate;
  out.forecastRemainingPlan = remaining;
  out.forecastDeliveryRatio = deliveryRatio;
  out.forecastUsed = forecastUsed;
  out.forecastShortfall = forecastShortfall(annual, forecastUsed);
  out.forecastShortfallPct = forecastShortPct;
  out.cipOfTurnover = turnoverShare;
  out.nonRecurrentShare = nonRecShare;
  out.unidentifiedShare = unidentified;
  out.h2Share = backLoading;
  out.requiredRunRate = requiredRunRate(annual, actual, k);
  out.achievedRunRate = achievedRunRate(actual, k);
  out.runRateRatio = runRateVsAchieved;

  for (const name of RAG_NAMES) {
    const { metric, bands, higherIsBetter } = RAGS[name];
    const value = out[metric];
    out[name] = typeof value === "number" ? RAG_BY_CODE[ragCode(value, s[bands], higherIsBetter)] : value;
  }
  out.flags = rowFlags(
    {
      annualPlan: annual,
      ytdPlan: plan,
      ytdActual: actual,
      surplusDeficit: x.surplusDeficit,
      nonRecurrentShare: nonRecShare,
      unidentifiedShare: unidentified,
      h2Share: backLoading,
    },
    s,
  );
  return out;
}

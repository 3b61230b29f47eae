import { progressPct, ytdDeliveryPct, ytdShortfall, ytdShortfallPct, ytdVariance } from "./delivery";
import { rowFlags } from "./flags";
import {
  forecastDeliveryRatio,
  forecastRemainingPlan,
  forecastRunRate,
  forecastShortfall,
  forecastShortfallPct,
} from "./forecast";
import type { MetricName, RagName } from "./metrics";
import { h2Share, ytdActualFromMonths, ytdPlanFromPhasing } from "./phasing";
import type { Num, Problem } from "./problem";
import { ragHigherIsBetter, ragLowerIsBetter, type Rag } from "./rag";
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

  out.ytdPlanUsed = plan;
  out.ytdActualUsed = actual;
  out.variance = ytdVariance(plan, actual);
  out.shortfall = ytdShortfall(plan, actual);
  out.shortfallPct = ytdShortfallPct(plan, actual);
  out.deliveryPct = ytdDeliveryPct(plan, actual);
  out.progressPct = progressPct(annual, actual);

  out.forecastRunRate = forecastRunRate(actual, k);
  out.forecastRemainingPlan = forecastRemainingPlan(annual, plan, actual);
  out.forecastDeliveryRatio = forecastDeliveryRatio(annual, plan, actual);
  const projected =
    s.forecastMethod === "runRate"
      ? out.forecastRunRate
      : s.forecastMethod === "remainingPlan"
        ? out.forecastRemainingPlan
        : out.forecastDeliveryRatio;
  out.forecastUsed = s.forecastBasis === "reported" && hasForecastColumn ? x.forecast : projected;
  out.forecastShortfall = forecastShortfall(annual, out.forecastUsed);
  out.forecastShortfallPct = forecastShortfallPct(annual, out.forecastUsed);

  out.cipOfTurnover = cipOfTurnover(annual, x.turnover);
  out.nonRecurrentShare = nonRecurrentShare(x.recurrent, x.nonRecurrent);
  out.unidentifiedShare = unidentifiedShare(annual, x.unidentified);
  out.h2Share = x.planMonths === null ? null : h2Share(x.planMonths, annual);
  out.requiredRunRate = requiredRunRate(annual, actual, k);
  out.achievedRunRate = achievedRunRate(actual, k);
  out.runRateRatio = runRateRatio(annual, actual, k);

  out.deliveryRag = ragHigherIsBetter(out.deliveryPct, s.deliveryRag);
  out.forecastRag = ragLowerIsBetter(out.forecastShortfallPct, s.forecastShortfallRag);
  out.cipOfTurnoverRag = ragLowerIsBetter(out.cipOfTurnover, s.cipOfTurnoverRag);
  out.nonRecurrentRag = ragLowerIsBetter(out.nonRecurrentShare, s.nonRecurrentRag);
  out.unidentifiedRag = ragLowerIsBetter(out.unidentifiedShare, s.unidentifiedRag);
  out.h2ShareRag = ragLowerIsBetter(out.h2Share, s.h2ShareRag);
  out.runRateRag = ragLowerIsBetter(out.runRateRatio, s.runRateRag);

  out.flags = rowFlags(
    {
      annualPlan: annual,
      ytdPlan: plan,
      ytdActual: actual,
      surplusDeficit: x.surplusDeficit,
      nonRecurrentShare: out.nonRecurrentShare,
      unidentifiedShare: out.unidentifiedShare,
      h2Share: out.h2Share,
    },
    s,
  );
  return out;
}

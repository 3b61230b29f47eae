import { deliveryRatioForecastOf, gapOf, remainingPlanForecastOf, runRateForecastOf } from "./formulas";
import { checkMonthsElapsed } from "./monthsElapsed";
import { blocker, finite, gap, gapShare, nonNegative } from "./num";
import type { Num } from "./problem";
import type { ForecastMethod } from "./settings";

// Year-end forecasts from the position to date (cip-domain.md, "Forecasting"); k = months elapsed.

/** ytd_actual × 12 / k. Simple, and wrong for back-loaded plans: it ignores the phasing. */
export function forecastRunRate(ytdActual: Num, monthsElapsed: Num): Num {
  const k = checkMonthsElapsed(monthsElapsed);
  const stop = blocker(ytdActual, k);
  if (stop !== undefined) return stop;
  return finite(runRateForecastOf(ytdActual as number, k as number), "The run-rate forecast");
}

/** ytd_actual + (annual − ytd_plan): the rest of the plan delivered in full. Optimistic by construction. */
export function forecastRemainingPlan(annualPlan: Num, ytdPlan: Num, ytdActual: Num): Num {
  const remaining = remainingPlan(annualPlan, ytdPlan);
  const stop = blocker(remaining, ytdActual);
  if (stop !== undefined) return stop;
  return finite(remainingPlanForecastOf(ytdActual as number, remaining as number), "The remaining-plan forecast");
}

/**
 * ytd_actual + r × (annual − ytd_plan) with r = ytd_actual / ytd_plan: the rest of the plan
 * missed at the rate the year so far was missed ("if savings continue to be missed at the
 * current rate"). The default method; r = 1 when nothing was planned to date (formulas.ts).
 */
export function forecastDeliveryRatio(annualPlan: Num, ytdPlan: Num, ytdActual: Num): Num {
  const remaining = remainingPlan(annualPlan, ytdPlan);
  const stop = blocker(remaining, ytdActual);
  if (stop !== undefined) return stop;
  return finite(
    deliveryRatioForecastOf(ytdPlan as number, ytdActual as number, remaining as number),
    "The delivery-ratio forecast",
  );
}

export function forecastByMethod(method: ForecastMethod, annualPlan: Num, ytdPlan: Num, ytdActual: Num, monthsElapsed: Num): Num {
  switch (method) {
    case "runRate":
      return forecastRunRate(ytdActual, monthsElapsed);
    case "remainingPlan":
      return forecastRemainingPlan(annualPlan, ytdPlan, ytdActual);
    case "deliveryRatio":
      return forecastDeliveryRatio(annualPlan, ytdPlan, ytdActual);
  }
}

/** max(annual − forecast, 0). */
export function forecastShortfall(annualPlan: Num, forecast: Num): Num {
  return gap(annualPlan, forecast, "Annual plan", "The forecast shortfall");
}

/** Forecast shortfall as a share of the annual plan: Sussex's £38.96m of £111.78m is 34.9%. */
export function forecastShortfallPct(annualPlan: Num, forecast: Num): Num {
  return gapShare(
    annualPlan,
    forecast,
    "Annual plan",
    "Forecast shortfall %",
    "Forecast shortfall % needs an annual plan above zero; the annual plan is 0.",
  );
}

/**
 * The plan still to come, max(annual − ytd_plan, 0): a YTD plan above the annual plan (a plan
 * re-phased mid-year, or months summing to 0.30000000000000004 of 0.3) leaves nothing to come.
 */
function remainingPlan(annualPlan: Num, ytdPlan: Num): Num {
  const annual = nonNegative(annualPlan, "Annual plan");
  const ytd = nonNegative(ytdPlan, "YTD plan");
  const stop = blocker(annual, ytd);
  if (stop !== undefined) return stop;
  return finite(gapOf(annual as number, ytd as number), "The plan still to come");
}

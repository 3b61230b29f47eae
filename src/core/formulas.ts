/**
 * The arithmetic of each metric on plain numbers, with no checks: the one definition that both the
 * checked, cell-by-cell functions (delivery.ts, forecast.ts, runRate.ts ...) and the fast path for
 * clean rows (cleanRows.ts) call, so the two can never disagree. Callers guarantee the inputs are
 * finite and the denominators non-zero. Ratios are plain `a / b` and need no entry here.
 */

/** actual − plan. */
export const varianceOf = (plan: number, actual: number): number => actual - plan;

/** max(target − achieved, 0). */
export const gapOf = (target: number, achieved: number): number => Math.max(target - achieved, 0);

/** ytd_actual × 12 / k. */
export const runRateForecastOf = (actual: number, k: number): number => (actual * 12) / k;

/** ytd_actual + remaining plan. */
export const remainingPlanForecastOf = (actual: number, remaining: number): number => actual + remaining;

/**
 * ytd_actual + (ytd_actual / ytd_plan) × remaining plan. With nothing planned to date there is no
 * rate to go by, so r = 1: the rest is taken as planned. With nothing to come the ratio is not
 * needed, and must not be worked out: over a near-zero plan it overflows, and Infinity × 0 is NaN.
 */
export const deliveryRatioForecastOf = (plan: number, actual: number, remaining: number): number =>
  remaining === 0 ? actual : plan === 0 ? actual + remaining : actual + (actual / plan) * remaining;

/** max(annual − ytd_actual, 0) / (12 − k): nothing more is required once the plan is met. */
export const requiredRunRateOf = (annual: number, actual: number, k: number): number => gapOf(annual, actual) / (12 - k);

/** ytd_actual / k. */
export const achievedRunRateOf = (actual: number, k: number): number => actual / k;

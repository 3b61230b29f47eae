import { achievedRunRateOf, gapOf, requiredRunRateOf } from "./formulas";
import { checkMonthsElapsed } from "./monthsElapsed";
import { blocker, finite, nonNegative, ratio } from "./num";
import { divideByZero, invalidValue, type Num } from "./problem";

// How hard the rest of the year must run compared with how it has run so far.

/**
 * max(annual − ytd_actual, 0) / (12 − k): savings needed per remaining month, from k = 0 (the
 * year not begun). At k = 12 nothing can be delivered any more: 0 when the plan is met, else #DIV/0!.
 */
export function requiredRunRate(annualPlan: Num, ytdActual: Num, monthsElapsed: Num): Num {
  const plan = nonNegative(annualPlan, "Annual plan");
  const k = checkMonthsElapsed(monthsElapsed, 0);
  const stop = blocker(plan, ytdActual, k);
  if (stop !== undefined) return stop;
  if (k === 12) {
    if (gapOf(plan as number, ytdActual as number) === 0) return 0;
    return divideByZero("The required run rate needs at least one month of the year still to come; all 12 have elapsed.");
  }
  return finite(requiredRunRateOf(plan as number, ytdActual as number, k as number), "The required run rate");
}

/** ytd_actual / k: savings delivered per month so far. */
export function achievedRunRate(ytdActual: Num, monthsElapsed: Num): Num {
  const k = checkMonthsElapsed(monthsElapsed);
  const stop = blocker(ytdActual, k);
  if (stop !== undefined) return stop;
  return finite(achievedRunRateOf(ytdActual as number, k as number), "The achieved run rate");
}

/** required / achieved: 2 means the rest of the year must deliver twice as fast as the year so far. */
export function runRateRatio(annualPlan: Num, ytdActual: Num, monthsElapsed: Num): Num {
  const required = requiredRunRate(annualPlan, ytdActual, monthsElapsed);
  const achieved = achievedRunRate(ytdActual, monthsElapsed);
  // The achieved rate first: its months-elapsed check (1-12) is the stricter one the ratio needs.
  const stop = blocker(achieved, required);
  if (stop !== undefined) return stop;
  // A negative achieved rate would turn "far behind" into a small negative ratio that looks green.
  if ((achieved as number) < 0 && (required as number) > 0) {
    return invalidValue("Required vs achieved run rate cannot be compared: delivery to date is negative.");
  }
  return ratio(
    required as number,
    achieved as number,
    "Required vs achieved run rate",
    "Required vs achieved run rate cannot be worked out: nothing has been delivered to date.",
  );
}

import { checkMonthsElapsed } from "./monthsElapsed";
import { blocker, nonNegative, ratio } from "./num";
import { isProblem, type Num } from "./problem";

// Monthly phasing, month 1 = April. Plans are back-loaded, so YTD plan is the sum of the phased
// months to date, never annual × k / 12. In a phasing table an empty month means nothing is
// planned that month, so blanks count as 0 as long as at least one month holds a number; a
// phasing with no numbers at all is blank.

/** Σ months from..to (1-based, inclusive), with the blank rule above. */
export function sumMonths(months: readonly Num[], from: number, to: number, label: string, allowNegative = false): Num {
  let anyNumber = false;
  for (let m = 0; m < months.length; m++) {
    const value = months[m];
    if (isProblem(value)) return value;
    if (typeof value === "number") {
      if (!allowNegative && value < 0) return nonNegative(value, `${label} for month ${m + 1}`);
      anyNumber = true;
    }
  }
  if (!anyNumber) return null;
  let sum = 0;
  for (let m = from - 1; m < to && m < months.length; m++) {
    const value = months[m];
    if (typeof value === "number") sum += value;
  }
  return sum;
}

/** YTD plan from the phasing: Σ plan months 1..k. */
export function ytdPlanFromPhasing(planMonths: readonly Num[], monthsElapsed: Num): Num {
  const k = checkMonthsElapsed(monthsElapsed);
  return blocker(k) ?? sumMonths(planMonths, 1, k as number, "Plan");
}

/** YTD actual from monthly actuals: Σ actual months 1..k (a negative month is a reversal). */
export function ytdActualFromMonths(actualMonths: readonly Num[], monthsElapsed: Num): Num {
  const k = checkMonthsElapsed(monthsElapsed);
  return blocker(k) ?? sumMonths(actualMonths, 1, k as number, "Actual", true);
}

/** Share of the annual plan phased into months 7-12 (October to March): the back-loading measure. */
export function h2Share(planMonths: readonly Num[], annualPlan: Num): Num {
  const h2 = sumMonths(planMonths, 7, 12, "Plan");
  const plan = nonNegative(annualPlan, "Annual plan");
  return blocker(h2, plan) ?? ratio(h2 as number, plan as number, "H2 share", "an annual plan");
}

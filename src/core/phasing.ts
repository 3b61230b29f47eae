import { checkMonthsElapsed } from "./monthsElapsed";
import { blocker, finite, nonNegative, ratio } from "./num";
import { isProblem, type Num } from "./problem";

// Monthly phasing, month 1 = April. Plans are back-loaded, so YTD plan is the sum of the phased
// months to date, never annual × k / 12. In a phasing table an empty month means nothing is
// planned that month, so blanks count as 0 as long as at least one month holds a number; a
// phasing with no numbers at all is blank. Only the months summed can spoil the sum: a #N/A in
// March does not stop the plan to September.

/** Σ months from..to (1-based, inclusive), with the blank rule above. */
export function sumMonths(months: readonly Num[], from: number, to: number, label: string, allowNegative = false): Num {
  let anyNumber = false;
  let sum = 0;
  for (let m = 0; m < months.length; m++) {
    const value = months[m];
    if (typeof value !== "number") {
      if (isProblem(value) && m >= from - 1 && m < to) return value;
      continue;
    }
    anyNumber = true;
    if (m < from - 1 || m >= to) continue;
    if (!allowNegative && value < 0) return nonNegative(value, `${label} for month ${m + 1}`);
    sum += value;
  }
  return anyNumber ? finite(sum, `The sum of the ${label.toLowerCase()} months`) : null;
}

/** YTD plan from the phasing: Σ plan months 1..k. */
export function ytdPlanFromPhasing(planMonths: readonly Num[], monthsElapsed: Num): Num {
  const k = checkMonthsElapsed(monthsElapsed, 0);
  if (typeof k !== "number") return k ?? firstProblem(planMonths);
  return sumMonths(planMonths, 1, k, "Plan");
}

/** YTD actual from monthly actuals: Σ actual months 1..k (a negative month is a reversal). */
export function ytdActualFromMonths(actualMonths: readonly Num[], monthsElapsed: Num): Num {
  const k = checkMonthsElapsed(monthsElapsed, 0);
  if (typeof k !== "number") return k ?? firstProblem(actualMonths);
  return sumMonths(actualMonths, 1, k, "Actual", true);
}

/** With months elapsed blank nobody knows which months count: a problem in any of them shows, else blank. */
function firstProblem(months: readonly Num[]): Num {
  return months.find(isProblem) ?? null;
}

/** Share of the annual plan phased into months 7-12 (October to March): the back-loading measure. */
export function h2ShareOfAnnualPlan(planMonths: readonly Num[], annualPlan: Num): Num {
  const h2 = sumMonths(planMonths, 7, 12, "Plan");
  const plan = nonNegative(annualPlan, "Annual plan");
  const stop = blocker(h2, plan);
  if (stop !== undefined) return stop;
  return ratio(h2 as number, plan as number, "H2 share", "H2 share needs an annual plan above zero; the annual plan is 0.");
}

/** Share of a phasing's own total that falls in months 7-12: the back-loading of the phasing alone. */
export function h2ShareOfPhasing(planMonths: readonly Num[]): Num {
  const h2 = sumMonths(planMonths, 7, 12, "Plan");
  const all = sumMonths(planMonths, 1, 12, "Plan");
  const stop = blocker(all, h2);
  if (stop !== undefined) return stop;
  return ratio(
    h2 as number,
    all as number,
    "H2 share",
    "H2 share needs a phasing that adds up to more than zero; it adds up to 0.",
  );
}

import { blocker, nonNegative, ratio } from "./num";
import type { Num } from "./problem";

// Shares that say how risky a plan is, whatever its progress.

/** annual plan / turnover: above 4% is ambitious, above 5% high risk. */
export function cipOfTurnover(annualPlan: Num, turnover: Num): Num {
  const plan = nonNegative(annualPlan, "Annual plan");
  const t = nonNegative(turnover, "Turnover");
  return blocker(plan, t) ?? ratio(plan as number, t as number, "CIP % of turnover", "a turnover");
}

/** non-recurrent / (recurrent + non-recurrent): one-off savings "move the problem to next year". */
export function nonRecurrentShare(recurrent: Num, nonRecurrent: Num): Num {
  const r = nonNegative(recurrent, "Recurrent savings");
  const nr = nonNegative(nonRecurrent, "Non-recurrent savings");
  return (
    blocker(r, nr) ??
    ratio(nr as number, (r as number) + (nr as number), "Non-recurrent share", "recurrent plus non-recurrent savings")
  );
}

/** unidentified / annual plan: the part of the target with no scheme behind it yet. */
export function unidentifiedShare(annualPlan: Num, unidentified: Num): Num {
  const plan = nonNegative(annualPlan, "Annual plan");
  const u = nonNegative(unidentified, "Unidentified savings");
  return blocker(plan, u) ?? ratio(u as number, plan as number, "Unidentified share", "an annual plan");
}

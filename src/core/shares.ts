import { blocker, nonNegative, ratio, share } from "./num";
import type { Num } from "./problem";

// Shares that say how risky a plan is, whatever its progress.

/** annual plan / turnover: above 4% is ambitious, above 5% high risk. */
export function cipOfTurnover(annualPlan: Num, turnover: Num): Num {
  return share(
    nonNegative(annualPlan, "Annual plan"),
    turnover,
    "Turnover",
    "CIP % of turnover",
    "CIP % of turnover needs a turnover above zero; the turnover is 0.",
  );
}

/** non-recurrent / (recurrent + non-recurrent): one-off savings "move the problem to next year". */
export function nonRecurrentShare(recurrent: Num, nonRecurrent: Num): Num {
  const r = nonNegative(recurrent, "Recurrent savings");
  const nr = nonNegative(nonRecurrent, "Non-recurrent savings");
  const stop = blocker(r, nr);
  if (stop !== undefined) return stop;
  return ratio(
    nr as number,
    (r as number) + (nr as number),
    "Non-recurrent share",
    "Non-recurrent share needs some recurrent or non-recurrent savings; both are 0.",
  );
}

/** unidentified / annual plan: the part of the target with no scheme behind it yet. */
export function unidentifiedShare(annualPlan: Num, unidentified: Num): Num {
  return share(
    nonNegative(unidentified, "Unidentified savings"),
    annualPlan,
    "Annual plan",
    "Unidentified share",
    "Unidentified share needs an annual plan above zero; the annual plan is 0.",
  );
}

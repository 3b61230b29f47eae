import { varianceOf } from "./formulas";
import { blocker, finite, gap, gapShare, nonNegative, share } from "./num";
import type { Num } from "./problem";

// Year-to-date delivery against plan. A negative actual is a legitimate reversal (a saving
// booked earlier and taken back); a negative plan is a data error.

/** actual − plan: negative means under-delivery (the NHS sign convention). */
export function ytdVariance(ytdPlan: Num, ytdActual: Num): Num {
  const plan = nonNegative(ytdPlan, "YTD plan");
  const stop = blocker(plan, ytdActual);
  if (stop !== undefined) return stop;
  return finite(varianceOf(plan as number, ytdActual as number), "YTD variance");
}

/** max(plan − actual, 0): how much is missing, never negative. */
export function ytdShortfall(ytdPlan: Num, ytdActual: Num): Num {
  return gap(ytdPlan, ytdActual, "YTD plan", "YTD shortfall");
}

/** Shortfall as a share of the YTD plan: "missed by 15 per cent". */
export function ytdShortfallPct(ytdPlan: Num, ytdActual: Num): Num {
  return gapShare(
    ytdPlan,
    ytdActual,
    "YTD plan",
    "YTD shortfall %",
    "YTD shortfall % needs a YTD plan above zero; the YTD plan is 0.",
  );
}

/** actual / plan. */
export function ytdDeliveryPct(ytdPlan: Num, ytdActual: Num): Num {
  return share(
    ytdActual,
    ytdPlan,
    "YTD plan",
    "YTD delivery %",
    "YTD delivery % needs a YTD plan above zero; the YTD plan is 0.",
  );
}

/** actual / annual plan: "made less than a fifth of the savings they need this year". */
export function progressPct(annualPlan: Num, ytdActual: Num): Num {
  return share(
    ytdActual,
    annualPlan,
    "Annual plan",
    "Progress against annual plan",
    "Progress against annual plan needs an annual plan above zero; the annual plan is 0.",
  );
}

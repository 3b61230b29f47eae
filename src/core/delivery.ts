import { blocker, nonNegative, ratio } from "./num";
import type { Num } from "./problem";

// Year-to-date delivery against plan. A negative actual is a legitimate reversal (a saving
// booked earlier and taken back); a negative plan is a data error.

/** actual − plan: negative means under-delivery (the NHS sign convention). */
export function ytdVariance(ytdPlan: Num, ytdActual: Num): Num {
  const plan = nonNegative(ytdPlan, "YTD plan");
  return blocker(plan, ytdActual) ?? (ytdActual as number) - (plan as number);
}

/** max(plan − actual, 0): how much is missing, never negative. */
export function ytdShortfall(ytdPlan: Num, ytdActual: Num): Num {
  const plan = nonNegative(ytdPlan, "YTD plan");
  return blocker(plan, ytdActual) ?? Math.max((plan as number) - (ytdActual as number), 0);
}

/** Shortfall as a share of the YTD plan: "missed by 15 per cent". */
export function ytdShortfallPct(ytdPlan: Num, ytdActual: Num): Num {
  const shortfall = ytdShortfall(ytdPlan, ytdActual);
  if (typeof shortfall !== "number") return shortfall;
  return ratio(shortfall, ytdPlan as number, "YTD shortfall %", "a YTD plan");
}

/** actual / plan. */
export function ytdDeliveryPct(ytdPlan: Num, ytdActual: Num): Num {
  const plan = nonNegative(ytdPlan, "YTD plan");
  return blocker(plan, ytdActual) ?? ratio(ytdActual as number, plan as number, "YTD delivery %", "a YTD plan");
}

/** actual / annual plan: "made less than a fifth of the savings they need this year". */
export function progressPct(annualPlan: Num, ytdActual: Num): Num {
  const plan = nonNegative(annualPlan, "Annual plan");
  return blocker(plan, ytdActual) ?? ratio(ytdActual as number, plan as number, "Progress against annual plan", "an annual plan");
}

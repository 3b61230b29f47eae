import { isAbove, isBelow } from "./compare";
import { blocker, nonNegative } from "./num";
import type { Num, Problem } from "./problem";
import type { Settings } from "./settings";

/**
 * Warning flags, one bit each so a million rows carry them in one number apiece. A flag is set
 * only when the data shows it; missing data never raises (or clears) a flag by guesswork.
 */
export const FLAGS = {
  BEHIND_PLAN: 1,
  SEVERELY_BEHIND: 2,
  UNDER_FIFTH: 4,
  DEFICIT: 8,
  DISTRESS: 16,
  HIGH_NON_RECURRENT: 32,
  HIGH_UNIDENTIFIED: 64,
  BACK_LOADED: 128,
} as const;

export type FlagName = keyof typeof FLAGS;
export const FLAG_NAMES = Object.keys(FLAGS) as FlagName[];

export const FLAG_DESCRIPTIONS: Readonly<Record<FlagName, string>> = {
  BEHIND_PLAN: "YTD actual below YTD plan",
  SEVERELY_BEHIND: "YTD actual less than half of YTD plan",
  UNDER_FIFTH: "YTD actual less than a fifth of the annual plan",
  DEFICIT: "in deficit",
  DISTRESS: "under a fifth of the annual plan, severely behind and in deficit",
  HIGH_NON_RECURRENT: "heavy reliance on non-recurrent savings",
  HIGH_UNIDENTIFIED: "large part of the plan unidentified",
  BACK_LOADED: "plan heavily back-loaded into the second half",
};

/** The inputs flags are read from; each may be blank or a problem, in which case its flags stay unset. */
export interface FlagInputs {
  annualPlan: Num;
  ytdPlan: Num;
  ytdActual: Num;
  surplusDeficit: Num;
  nonRecurrentShare: Num;
  unidentifiedShare: Num;
  h2Share: Num;
}

/** Where flagsOf finds each input in the array it is given. */
export const FLAG_INPUT = {
  annualPlan: 0,
  ytdPlan: 1,
  ytdActual: 2,
  surplusDeficit: 3,
  nonRecurrentShare: 4,
  unidentifiedShare: 5,
  h2Share: 6,
} as const satisfies Record<keyof FlagInputs, number>;

const scratch = new Float64Array(7);

export function rowFlags(x: FlagInputs, s: Settings): number {
  scratch[FLAG_INPUT.annualPlan] = numberOrNaN(x.annualPlan);
  scratch[FLAG_INPUT.ytdPlan] = numberOrNaN(x.ytdPlan);
  scratch[FLAG_INPUT.ytdActual] = numberOrNaN(x.ytdActual);
  scratch[FLAG_INPUT.surplusDeficit] = numberOrNaN(x.surplusDeficit);
  scratch[FLAG_INPUT.nonRecurrentShare] = numberOrNaN(x.nonRecurrentShare);
  scratch[FLAG_INPUT.unidentifiedShare] = numberOrNaN(x.unidentifiedShare);
  scratch[FLAG_INPUT.h2Share] = numberOrNaN(x.h2Share);
  return flagsOf(scratch, s);
}

/**
 * The flags from plain numbers laid out as FLAG_INPUT says, NaN standing for a blank or a problem
 * (every comparison with NaN is false, so its flags stay unset). An array rather than arguments:
 * the fast path for clean rows calls this a million times, and doubles passed as arguments to a
 * call that is not inlined are boxed, one allocation each.
 */
export function flagsOf(x: Float64Array, s: Settings): number {
  const annual = x[FLAG_INPUT.annualPlan];
  const plan = x[FLAG_INPUT.ytdPlan];
  const actual = x[FLAG_INPUT.ytdActual];
  // Each test gives 0 or 1 and sets its bit by multiplying, not by branching: over a million rows
  // with no pattern a branch per test would be guessed wrong half the time.
  const planKnown = +(plan >= 0);
  let flags =
    FLAGS.BEHIND_PLAN * (planKnown & +isBelow(actual, plan)) +
    FLAGS.SEVERELY_BEHIND * (planKnown & +isBelow(actual, s.severelyBehindBelow * plan)) +
    FLAGS.UNDER_FIFTH * (+(annual >= 0) & +isBelow(actual, s.underFifthBelow * annual)) +
    FLAGS.DEFICIT * +(x[FLAG_INPUT.surplusDeficit] < 0);
  const distress = FLAGS.UNDER_FIFTH | FLAGS.SEVERELY_BEHIND | FLAGS.DEFICIT;
  flags += FLAGS.DISTRESS * +((flags & distress) === distress);
  flags += FLAGS.HIGH_NON_RECURRENT * +isAbove(x[FLAG_INPUT.nonRecurrentShare], s.highNonRecurrentAbove);
  flags += FLAGS.HIGH_UNIDENTIFIED * +isAbove(x[FLAG_INPUT.unidentifiedShare], s.highUnidentifiedAbove);
  return flags + FLAGS.BACK_LOADED * +isAbove(x[FLAG_INPUT.h2Share], s.backLoadedAbove);
}

const numberOrNaN = (x: Num): number => (typeof x === "number" ? x : NaN);

export function flagNames(flags: number): FlagName[] {
  return FLAG_NAMES.filter((name) => (flags & FLAGS[name]) !== 0);
}

/** Flag names as a cell shows them: "BEHIND_PLAN, SEVERELY_BEHIND"; "" when none applies. */
export function flagText(flags: number): string {
  return flagNames(flags).join(", ");
}

/**
 * The delivery flags of one row from its plan, plan to date, actual to date and (optionally) its
 * surplus/deficit: BEHIND_PLAN, SEVERELY_BEHIND, UNDER_FIFTH, DEFICIT and DISTRESS. A blank plan or
 * actual gives a blank, not "no flags": nothing can be said. A blank surplus/deficit only means
 * DEFICIT (and so DISTRESS) is not tested.
 */
export function deliveryFlags(
  annualPlan: Num,
  ytdPlan: Num,
  ytdActual: Num,
  surplusDeficit: Num,
  s: Settings,
): number | null | Problem {
  const stop = blocker(nonNegative(annualPlan, "Annual plan"), nonNegative(ytdPlan, "YTD plan"), ytdActual, surplusDeficit ?? 0);
  if (stop !== undefined) return stop;
  return rowFlags(
    { annualPlan, ytdPlan, ytdActual, surplusDeficit, nonRecurrentShare: null, unidentifiedShare: null, h2Share: null },
    s,
  );
}

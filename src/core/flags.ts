import { isAbove, isBelow } from "./compare";
import type { Num } from "./problem";
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

export function rowFlags(x: FlagInputs, s: Settings): number {
  let flags = 0;
  const { annualPlan: annual, ytdPlan: plan, ytdActual: actual } = x;
  if (typeof plan === "number" && typeof actual === "number" && plan >= 0) {
    if (isBelow(actual, plan)) flags |= FLAGS.BEHIND_PLAN;
    if (isBelow(actual, s.severelyBehindBelow * plan)) flags |= FLAGS.SEVERELY_BEHIND;
  }
  if (typeof annual === "number" && typeof actual === "number" && annual >= 0 && isBelow(actual, s.underFifthBelow * annual)) {
    flags |= FLAGS.UNDER_FIFTH;
  }
  if (typeof x.surplusDeficit === "number" && x.surplusDeficit < 0) flags |= FLAGS.DEFICIT;
  const distress = FLAGS.UNDER_FIFTH | FLAGS.SEVERELY_BEHIND | FLAGS.DEFICIT;
  if ((flags & distress) === distress) flags |= FLAGS.DISTRESS;
  if (typeof x.nonRecurrentShare === "number" && isAbove(x.nonRecurrentShare, s.highNonRecurrentAbove))
    flags |= FLAGS.HIGH_NON_RECURRENT;
  if (typeof x.unidentifiedShare === "number" && isAbove(x.unidentifiedShare, s.highUnidentifiedAbove))
    flags |= FLAGS.HIGH_UNIDENTIFIED;
  if (typeof x.h2Share === "number" && isAbove(x.h2Share, s.backLoadedAbove)) flags |= FLAGS.BACK_LOADED;
  return flags;
}

export function flagNames(flags: number): FlagName[] {
  return FLAG_NAMES.filter((name) => (flags & FLAGS[name]) !== 0);
}

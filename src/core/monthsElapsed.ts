import { invalidValue, type Num } from "./problem";

/**
 * Months elapsed as an argument: a whole number up to 12 (March). Most measures need at least one
 * month (April); the plan to date and the required run rate also make sense at 0, the start of the year.
 */
export function checkMonthsElapsed(k: Num, min: 0 | 1 = 1): Num {
  if (typeof k !== "number") return k;
  if (!Number.isInteger(k) || k < min || k > 12) {
    const from = min === 0 ? "0 (before April)" : "1 (April)";
    return invalidValue(`Months elapsed must be a whole number from ${from} to 12 (March); got ${k}.`);
  }
  return k;
}

import { invalidValue, type Num } from "./problem";

/** Months elapsed as a function argument: a whole number from 1 (April) to 12 (March). */
export function checkMonthsElapsed(k: Num): Num {
  if (typeof k !== "number") return k;
  if (!Number.isInteger(k) || k < 1 || k > 12) {
    return invalidValue(`Months elapsed must be a whole number from 1 (April) to 12 (March); got ${k}.`);
  }
  return k;
}

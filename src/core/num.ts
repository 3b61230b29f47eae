import { gapOf } from "./formulas";
import { divideByZero, isProblem, problem, type Num, type Problem } from "./problem";

/**
 * What stops a calculation before it starts: the first problem among its inputs, else `null` when
 * one of them is blank, else `undefined` (all numbers, go ahead). A problem wins over a blank so
 * that a bad value is never hidden behind an empty one. Callers test `!== undefined`: a blank
 * (`null`) must stop the calculation too, so `??` is the wrong operator here. Fixed arity keeps
 * the hot path free of rest-argument arrays.
 */
export function blocker(a: Num, b: Num = 0, c: Num = 0, d: Num = 0): Problem | null | undefined {
  if (typeof a === "number" && typeof b === "number" && typeof c === "number" && typeof d === "number") return undefined;
  if (isProblem(a)) return a;
  if (isProblem(b)) return b;
  if (isProblem(c)) return c;
  return isProblem(d) ? d : null;
}

/** A plan (or any amount that cannot be below zero) checked for sign: #NUM!, as Excel's SQRT(-1). */
export function nonNegative(x: Num, label: string): Num {
  if (typeof x === "number" && x < 0) {
    return problem("invalidValue", "#NUM!", `${label} is negative (${x}); it cannot be below zero.`);
  }
  return x;
}

/**
 * A result that must be a real number: arithmetic on extreme inputs (1e308 − −1e308) overflows
 * to Infinity or NaN, which must never reach a cell as if it were a figure.
 */
export function finite(value: number, what: string): Num {
  return Number.isFinite(value) ? value : problem("invalidValue", "#NUM!", `${what} is too large to work out from these values.`);
}

/** numerator / denominator, or a #DIV/0! problem carrying `whenZero`, the sentence that says why. */
export function ratio(numerator: number, denominator: number, what: string, whenZero: string): Num {
  if (denominator === 0) return divideByZero(whenZero);
  // An overflowed denominator (1e308 + 1e308) would make any share look like 0.
  return finite(Number.isFinite(denominator) ? numerator / denominator : NaN, what);
}

/**
 * numerator / denominator for two cell values whose denominator is a plan-like amount (it cannot
 * be negative): the shape of every share and percentage. A problem in the denominator is
 * reported first, then one in the numerator; a blank makes the result blank.
 */
export function share(numerator: Num, denominator: Num, denominatorLabel: string, what: string, whenZero: string): Num {
  const d = nonNegative(denominator, denominatorLabel);
  const stop = blocker(d, numerator);
  if (stop !== undefined) return stop;
  return ratio(numerator as number, d as number, what, whenZero);
}

/** max(target − achieved, 0) for two cell values, the target a plan that cannot be negative. */
export function gap(target: Num, achieved: Num, targetLabel: string, what: string): Num {
  const t = nonNegative(target, targetLabel);
  const stop = blocker(t, achieved);
  if (stop !== undefined) return stop;
  return finite(gapOf(t as number, achieved as number), what);
}

/** gap(target, achieved) as a share of the target: "missed by 15 per cent". */
export function gapShare(target: Num, achieved: Num, targetLabel: string, what: string, whenZero: string): Num {
  const missing = gap(target, achieved, targetLabel, what);
  if (typeof missing !== "number") return missing;
  return ratio(missing, target as number, what, whenZero);
}

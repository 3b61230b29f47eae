import { divideByZero, invalidValue, isProblem, type Num, type Problem } from "./problem";

/**
 * What stops a calculation before it starts: the first problem among its inputs, else `null` when
 * one of them is blank, else `undefined` (all numbers, go ahead). A problem wins over a blank so
 * that a bad value is never hidden behind an empty one. Fixed arity keeps the hot path free of
 * rest-argument arrays.
 */
export function blocker(a: Num, b: Num = 0, c: Num = 0, d: Num = 0): Problem | null | undefined {
  if (typeof a === "number" && typeof b === "number" && typeof c === "number" && typeof d === "number") return undefined;
  for (const x of [a, b, c, d]) if (isProblem(x)) return x;
  return null;
}

/** A plan (or any amount that cannot be below zero) checked for sign. */
export function nonNegative(x: Num, label: string): Num {
  if (typeof x === "number" && x < 0) {
    return invalidValue(`${label} is negative (${x}); it cannot be below zero.`);
  }
  return x;
}

/** numerator / denominator, or a #DIV/0! problem that says which denominator was zero. */
export function ratio(numerator: number, denominator: number, what: string, denominatorLabel: string): Num {
  if (denominator === 0) return divideByZero(`${what} needs ${denominatorLabel} above zero; it is 0.`);
  return numerator / denominator;
}

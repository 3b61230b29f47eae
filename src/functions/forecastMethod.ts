import { invalidValue, type Problem } from "../core/problem";
import type { ForecastMethod } from "../core/settings";
import { cellArg, describeArg, errorProblem, isErrorArg } from "./coerce";

// The documented words, and the long forms they stand for; nothing else is taken, so "plan2" or
// "ratio!" is a typing slip to report, not "plan" or "ratio".
const BY_WORDS: Readonly<Record<string, ForecastMethod>> = {
  ratio: "deliveryRatio",
  "delivery ratio": "deliveryRatio",
  plan: "remainingPlan",
  "remaining plan": "remainingPlan",
  runrate: "runRate",
  "run rate": "runRate",
};

/**
 * The method cell as an analyst types it: "ratio", "Plan", "RUNRATE" (or the long forms "delivery
 * ratio", "remaining plan", "run rate"), in any case, spaces around. Omitted, empty or 0 (Excel on
 * Windows hands over an empty cell as 0, and 0 names no method) means the default, the delivery ratio.
 */
export function readForecastMethod(value: unknown): ForecastMethod | Problem {
  const x = cellArg(value);
  if (x === null || x === 0) return "deliveryRatio";
  if (isErrorArg(x)) return errorProblem(x, "Method");
  if (typeof x === "string") {
    const key = x.trim().toLowerCase().replace(/\s+/g, " ");
    if (key === "") return "deliveryRatio";
    const method = BY_WORDS[key];
    if (method !== undefined) return method;
  }
  return invalidValue(`Method must be "ratio", "plan" or "runrate" (any case); got ${describeArg(x)}.`);
}

import { invalidValue, type Problem } from "../core/problem";
import type { ForecastMethod } from "../core/settings";

const BY_WORDS: Readonly<Record<string, ForecastMethod>> = {
  deliveryratio: "deliveryRatio",
  ratio: "deliveryRatio",
  runrate: "runRate",
  remainingplan: "remainingPlan",
  plan: "remainingPlan",
};

/** The method argument as an analyst types it: "delivery ratio", "Run rate", "remaining-plan"; omitted means the default. */
export function readForecastMethod(arg: unknown): ForecastMethod | Problem {
  const value = Array.isArray(arg) ? (arg as unknown[][])[0]?.[0] : arg;
  if (value === null || value === undefined || value === "") return "deliveryRatio";
  const key = typeof value === "string" ? value.toLowerCase().replace(/[^a-z]/g, "") : "";
  return (
    BY_WORDS[key] ??
    invalidValue(`Method must be "delivery ratio", "run rate" or "remaining plan"; got ${JSON.stringify(value)}.`)
  );
}

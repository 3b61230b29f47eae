import { invalidValue, type Problem } from "../core/problem";
import type { ForecastMethod } from "../core/settings";

const BY_WORDS: Readonly<Record<string, ForecastMethod>> = {
  deliveryratio: "deliveryRatio",
  ratio: "deliveryRatio",
  runrate: "runRate",
  remainingplan: "remainingPlan",
  plan: "remainingPlan",
};

/**
 * The method cell as an analyst types it: "ratio", "Plan", "RUNRATE" (or the long forms "delivery
 * ratio", "remaining plan", "run rate"); omitted or empty means the default, the delivery ratio.
 */
export function readForecastMethod(value: unknown): ForecastMethod | Problem {
  if (value === null || value === undefined || value === "") return "deliveryRatio";
  const key = typeof value === "string" ? value.toLowerCase().replace(/[^a-z]/g, "") : "";
  return BY_WORDS[key] ?? invalidValue(`Method must be "ratio", "plan" or "runrate"; got ${describe(value)}.`);
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const code = typeof value === "object" && value !== null ? (value as { code?: unknown }).code : undefined;
  return typeof code === "string" ? `the error ${code}` : String(value);
}

import { isAbove, isBelow } from "./compare";
import type { Num, Problem } from "./problem";
import type { Bands } from "./settings";

export type Rag = "Green" | "Amber" | "Red";

/** For measures where more is better (delivery %): green from `amber` up, amber from `red` up, red below. */
export function ragHigherIsBetter(value: Num, bands: Bands): Rag | null | Problem {
  if (typeof value !== "number") return value;
  if (!isBelow(value, bands.amber)) return "Green";
  return isBelow(value, bands.red) ? "Red" : "Amber";
}

/** For measures where more is worse (shortfall %, shares): green up to `amber`, amber up to `red`, red above. */
export function ragLowerIsBetter(value: Num, bands: Bands): Rag | null | Problem {
  if (typeof value !== "number") return value;
  if (!isAbove(value, bands.amber)) return "Green";
  return isAbove(value, bands.red) ? "Red" : "Amber";
}

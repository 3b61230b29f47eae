/**
 * Sums of a roll-up that went past the largest number a double holds (about 1.8 × 10^308): each
 * figure that cannot be represented becomes #NUM! with a message, and a sentence says the totals
 * are too large, so Infinity or NaN never reaches a cell or a headline as if it were a figure.
 */
import { finite } from "./num";
import type { Num } from "./problem";
import type { GroupSummary } from "./rollup";

/** The words every report uses for a total that cannot be represented. */
export const TOO_LARGE = "too large to add up (beyond about 1.8 × 10^308)";

/** A total as a cell holds it: the number, or #NUM! naming the total that overflowed. */
export function totalCell(value: number, what: string, group: string): Num {
  return Number.isFinite(value) ? value : finite(value, `The ${what} of ${group}`);
}

/** A share of totals as a cell holds it: blank (null), the number, or #NUM! when its sums overflowed. */
export function totalShareCell(value: number | null, what: string, group: string): Num {
  return value === null ? null : totalCell(value, what, group);
}

/** Whether any of a summary's amounts could not be added up. */
export function overflowed(g: GroupSummary, amounts: readonly (keyof GroupSummary)[]): boolean {
  return amounts.some((k) => typeof g[k] === "number" && !Number.isFinite(g[k] as number));
}

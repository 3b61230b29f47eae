/**
 * Threshold tests that binary fractions cannot fool: 0.2 × 24 is 4.800000000000001, so a trust
 * that made exactly 20% of £24m (4.8) would otherwise count as "less than a fifth". Values within
 * a billionth (relative) of a cut-off count as on it. The formula builders of the task pane use
 * these same definitions, so a written formula puts a value on a cut-off on the same side.
 */
export const RELATIVE_TOLERANCE = 1e-9;

const slack = (limit: number) => RELATIVE_TOLERANCE * Math.max(Math.abs(limit), 1);

/** What a value must be below to be below `limit` by more than rounding noise. */
export const belowLimit = (limit: number): number => limit - slack(limit);

/** What a value must be above to be above `limit` by more than rounding noise. */
export const aboveLimit = (limit: number): number => limit + slack(limit);

/** value < limit, by more than rounding noise. */
export function isBelow(value: number, limit: number): boolean {
  return value < belowLimit(limit);
}

/** value > limit, by more than rounding noise. */
export function isAbove(value: number, limit: number): boolean {
  return value > aboveLimit(limit);
}

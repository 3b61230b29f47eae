import { aboveLimit, belowLimit } from "./compare";
import { blocker } from "./num";
import type { Num, Problem } from "./problem";
import type { Bands } from "./settings";

export type Rag = "Green" | "Amber" | "Red";

/** RAG codes as stored in a typed column: 0 is "no rating". */
export const GREEN = 1;
export const AMBER = 2;
export const RED = 3;
export const RAG_BY_CODE: readonly (Rag | null)[] = [null, "Green", "Amber", "Red"];

/**
 * The two cut-offs a value is compared with, rounding noise allowed for (compare.ts): worked out
 * once for a million rows rather than once a row.
 */
export interface RagLimits {
  /** Past this, not green. */
  readonly greenAt: number;
  /** Past this, red. */
  readonly amberAt: number;
  readonly higherIsBetter: boolean;
}

export function ragLimits(bands: Bands, higherIsBetter: boolean): RagLimits {
  const limit = higherIsBetter ? belowLimit : aboveLimit;
  return { greenAt: limit(bands.greenAt), amberAt: limit(bands.amberAt), higherIsBetter };
}

/**
 * The RAG code of a value against cut-offs from ragLimits. Worked out by counting the cut-offs the
 * value is past rather than by branching: a million ratings with no pattern would otherwise be a
 * million guesses for the processor, half of them wrong. A value past amber is past green too.
 */
export function ragCodeWithin(value: number, limits: RagLimits): number {
  const higher = limits.higherIsBetter;
  const pastGreen = +(higher ? value < limits.greenAt : value > limits.greenAt);
  const pastAmber = +(higher ? value < limits.amberAt : value > limits.amberAt);
  return GREEN + pastGreen + (pastGreen & pastAmber);
}

/** For measures where more is better (delivery %): green from `greenAt` up, amber from `amberAt` up, red below. */
export function ragCodeHigherIsBetter(value: number, bands: Bands): number {
  return ragCodeWithin(value, ragLimits(bands, true));
}

/** For measures where more is worse (shortfall %, shares): green up to `greenAt`, amber up to `amberAt`, red above. */
export function ragCodeLowerIsBetter(value: number, bands: Bands): number {
  return ragCodeWithin(value, ragLimits(bands, false));
}

/** The RAG code for a value, either way round. */
export function ragCode(value: number, bands: Bands, higherIsBetter: boolean): number {
  return higherIsBetter ? ragCodeHigherIsBetter(value, bands) : ragCodeLowerIsBetter(value, bands);
}

export function ragHigherIsBetter(value: Num, bands: Bands): Rag | null | Problem {
  return typeof value === "number" ? RAG_BY_CODE[ragCodeHigherIsBetter(value, bands)] : value;
}

export function ragLowerIsBetter(value: Num, bands: Bands): Rag | null | Problem {
  return typeof value === "number" ? RAG_BY_CODE[ragCodeLowerIsBetter(value, bands)] : value;
}

/**
 * A RAG from two cut-offs given either way round, as CIP.RAG takes them: when green_at ≥ amber_at
 * higher is better (green from green_at up, amber from amber_at up, red below); when green_at <
 * amber_at lower is better (green up to green_at, amber up to amber_at, red above).
 */
export function ragBetween(value: Num, greenAt: Num, amberAt: Num): Rag | null | Problem {
  const stop = blocker(value, greenAt, amberAt);
  if (stop !== undefined) return stop;
  const green = greenAt as number;
  const amber = amberAt as number;
  return RAG_BY_CODE[ragCode(value as number, { greenAt: green, amberAt: amber }, green >= amber)];
}

import { toNumber } from "./coerce";
import { readForecastMethod } from "./forecastMethod";

/** Reads one cell of an argument into what the core takes; `label` names it in messages. */
export type Reader = (value: unknown, label: string) => unknown;

/** A function parameter as `spill` sees it: the words that name it and how its cells are read. */
export interface Param {
  readonly label: string;
  readonly read: Reader;
  /** A finite number reads as itself, so `spill` may skip the reader for one (the million-row fast path). */
  readonly numberIsItself: boolean;
}

/**
 * An amount: a number, a blank (the result is then blank) or a problem (the result is that error).
 * An empty cell that Excel on Windows hands over as 0 is 0 here: nothing can tell them apart.
 */
export const amount = (label: string): Param => ({ label, read: toNumber, numberIsItself: true });

/**
 * An optional number: omitted (Excel passes `null`) or an empty cell means `fallback`; `null` as the
 * fallback means "not given", which the core treats as blank (e.g. no surplus/deficit: DEFICIT is
 * not tested). Used only where 0 and "not given" lead to the same result, so an empty cell that
 * arrives as 0 does no harm.
 */
export const optional = (label: string, fallback: number | null): Param => ({
  label,
  read: (value, name) => {
    const x = toNumber(value, name);
    return x === null ? fallback : x;
  },
  numberIsItself: true,
});

/**
 * An optional number for which 0 is never meant: omitted, empty or 0 all mean `fallback`. Excel on
 * Windows hands over an empty cell as 0, so this is the only reading of an empty cell that is the
 * same on every platform (RAG cut-offs; months elapsed for CIP.FORECAST, where 0 is not allowed).
 */
export const optionalNonZero = (label: string, fallback: number | null): Param => ({
  label,
  read: (value, name) => {
    const x = toNumber(value, name);
    return x === null || x === 0 ? fallback : x;
  },
  numberIsItself: false,
});

/** A forecast method: "ratio" (default when omitted), "plan" or "runrate", in any case. */
export const method = (label: string): Param => ({ label, read: readForecastMethod, numberIsItself: false });

import { readCell } from "../core/readCell";
import { readForecastMethod } from "./forecastMethod";

/** Reads one cell of an argument into what the core takes; `label` names it in messages. */
export type Reader = (value: unknown, label: string) => unknown;

/** A function parameter as `spill` sees it: the words that name it and how its cells are read. */
export interface Param {
  readonly label: string;
  readonly read: Reader;
}

/** An amount: a number, a blank (the result is then blank) or a problem (the result is that error). */
export const amount = (label: string): Param => ({ label, read: readCell });

/**
 * An optional number: omitted (Excel passes `null`) or an empty cell means `fallback`; `null` as the
 * fallback means "not given", which the core treats as blank (e.g. no surplus/deficit: DEFICIT is not tested).
 */
export const optional = (label: string, fallback: number | null): Param => ({
  label,
  read: (value, name) => {
    const x = readCell(value, name);
    return x === null ? fallback : x;
  },
});

/** A forecast method: "ratio" (default when omitted), "plan" or "runrate", in any case. */
export const method = (label: string): Param => ({ label, read: readForecastMethod });

import { invalidValue, type Num, type Problem } from "../core/problem";
import { toNumber } from "./coerce";
import type { Param } from "./params";
import { asMatrix, type Matrix } from "./spill";

const MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];

/**
 * A monthly phasing argument as one cell per phasing, so `spill` can broadcast and spill it like
 * any other: a 1×12 row or a 12×1 column is one phasing; n rows of 12 are n phasings, one result each.
 */
export function phasingRows(arg: unknown, label: string): Matrix | Problem {
  const m = asMatrix(arg);
  const rows = m.length;
  const columns = m[0].length;
  if (columns === 12 && m.every((line) => Array.isArray(line) && line.length === 12)) return m.map((line) => [line]);
  if (rows === 12 && columns === 1 && m.every((line) => Array.isArray(line) && line.length === 1)) {
    return [[m.map((line) => line[0])]];
  }
  return invalidValue(
    `${label} must be the 12 months April to March in a row (1×12) or a column (12×1), or several rows of 12; got ${rows}×${columns}.`,
  );
}

/** Reads the 12 cells of one phasing; a bad month is named ("Monthly plan, Oct"). */
export const phasing = (label: string): Param => ({
  label,
  numberIsItself: false,
  read: (value, name) => {
    const months = value as readonly unknown[];
    const out: Num[] = new Array(12);
    for (let i = 0; i < 12; i++) {
      const v = months[i];
      out[i] = typeof v === "number" && Number.isFinite(v) ? v : toNumber(v, `${name}, ${MONTHS[i]}`);
    }
    return out;
  },
});

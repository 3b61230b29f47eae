/**
 * The sentence that tells the analyst a tracker's amount columns are not all in one unit. Mixed
 * units are normal (plans in £000, turnover in £m) and handled, but a column read in the wrong unit
 * is the costliest mistake a tracker can hide, so the column list names every unit and its columns.
 */
import { columnList, joinAnd, type Letter } from "./columnMessages";
import { NUMERIC_FIELDS, type Field, type NumericField } from "./fields";
import { workingUnit } from "./trackerLayout";
import { UNITS, type Unit } from "./units";

/** Null when every amount column is in one unit. */
export function mixedUnitsMessage(
  columns: Partial<Record<Field, number>>,
  units: Partial<Record<NumericField, Unit>>,
  letter: Letter,
): string | null {
  const byUnit = new Map<Unit, number[]>();
  for (const field of NUMERIC_FIELDS) {
    const index = columns[field];
    const unit = units[field];
    if (index === undefined || unit === undefined) continue;
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), index]);
  }
  if (byUnit.size < 2) return null;
  const parts = UNITS.filter((u) => byUnit.has(u)).map((u) => {
    const indices = [...new Set(byUnit.get(u))].sort((a, b) => a - b);
    return `${u} in ${indices.length === 1 ? "column" : "columns"} ${columnList(indices, letter)}`;
  });
  const working = workingUnit({ columns, units });
  return (
    `The amount columns are not all in one unit: ${joinAnd(parts)}. ` +
    `Every amount is converted to ${working} before anything is worked out; check each column's unit.`
  );
}

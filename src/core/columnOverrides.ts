/**
 * Checking the analyst's column choices (ColumnOverrides) against the header row before they are
 * applied: a choice that names no field, no column, a column of our own output, a column already
 * chosen, or no unit we read is set aside with a message, never applied half-way.
 */
import { describeRange, quote, type Letter } from "./columnMessages";
import { FIELD_LABELS, isField, type Field } from "./fields";
import type { HeaderCell } from "./headerReading";
import { isUnit, type Unit } from "./units";

/** The analyst's choices that hold, and what was wrong with the others. */
export interface CheckedOverrides {
  /** Field -> the column chosen for it. */
  readonly forced: ReadonlyMap<Field, number>;
  /** The same choices by column. */
  readonly forcedColumns: ReadonlyMap<number, Field>;
  /** Fields the analyst chose not to use. */
  readonly vetoed: ReadonlySet<Field>;
  readonly columnUnits: ReadonlyMap<number, Unit>;
  readonly defaultUnit: Unit | null;
  readonly messages: readonly string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** `overrides` as it came (from a saved workbook, say): anything that is not a set of choices is no choices. */
export function checkOverrides(given: unknown, cells: readonly HeaderCell[], letter: Letter): CheckedOverrides {
  const messages: string[] = [];
  const overrides = isRecord(given) ? given : {};
  const fields = checkFields(overrides.fields, cells, letter, messages);
  const units = checkUnits(overrides.units, cells, letter, messages);
  let defaultUnit: Unit | null = null;
  if (overrides.defaultUnit !== undefined) {
    if (isUnit(overrides.defaultUnit)) defaultUnit = overrides.defaultUnit;
    else messages.push(`The default unit ${quote(overrides.defaultUnit)} is not £, £k or £m, so it is ignored.`);
  }
  return { ...fields, ...units, defaultUnit, messages };
}

function checkFields(fields: unknown, cells: readonly HeaderCell[], letter: Letter, messages: string[]) {
  const forced = new Map<Field, number>();
  const forcedColumns = new Map<number, Field>();
  const vetoed = new Set<Field>();
  if (!isRecord(fields)) {
    if (fields !== undefined) messages.push("The column choices are not in a form CIP Analyst can read, so they are ignored.");
    return { forced, forcedColumns, vetoed };
  }
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (!isField(name)) {
      messages.push(`"${name}" is not a field CIP Analyst knows, so the column chosen for it is ignored.`);
      continue;
    }
    const label = FIELD_LABELS[name];
    if (value === null) {
      vetoed.add(name);
      continue;
    }
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
      messages.push(`${label} is set to ${quote(value)}, which is not a column number, so the choice is ignored.`);
      continue;
    }
    if (value >= cells.length) {
      messages.push(
        `${label} is set to column ${letter(value)}, outside the header row (${describeRange(cells.length, letter)}), so the choice is ignored.`,
      );
      continue;
    }
    const cell = cells[value];
    if (cell.kind === "output") {
      messages.push(
        `${label} is set to column ${cell.name}, which holds output from an earlier run of CIP Analyst, so the choice is ignored.`,
      );
      continue;
    }
    const taken = forcedColumns.get(value);
    if (taken !== undefined) {
      messages.push(
        `${label} is set to column ${cell.name}, which is already chosen for ${FIELD_LABELS[taken]}, so the choice is ignored.`,
      );
      continue;
    }
    forced.set(name, value);
    forcedColumns.set(value, name);
  }
  return { forced, forcedColumns, vetoed };
}

function checkUnits(units: unknown, cells: readonly HeaderCell[], letter: Letter, messages: string[]) {
  const columnUnits = new Map<number, Unit>();
  if (!isRecord(units)) {
    if (units !== undefined) messages.push("The column units are not in a form CIP Analyst can read, so they are ignored.");
    return { columnUnits };
  }
  for (const [key, unit] of Object.entries(units)) {
    if (unit === undefined) continue;
    const index = /^\d+$/.test(key) ? Number(key) : NaN;
    if (!Number.isSafeInteger(index)) {
      messages.push(`A unit is set for column "${key}", which is not a column, so it is ignored.`);
    } else if (index >= cells.length) {
      messages.push(
        `A unit is set for column ${letter(index)}, outside the header row (${describeRange(cells.length, letter)}), so it is ignored.`,
      );
    } else if (!isUnit(unit)) {
      messages.push(`The unit ${quote(unit)} set for column ${cells[index].name} is not £, £k or £m, so it is ignored.`);
    } else {
      columnUnits.set(index, unit);
    }
  }
  return { columnUnits };
}

/**
 * Where a tracker's fields are and in which unit, and the rules that follow from that alone: the
 * working unit every amount is converted into, each column's factor to it, and which monthly
 * columns are used. The analysis (rowReader.ts) and the formula builders of the task pane follow
 * these same rules, so the formulas convert and add up exactly what the analysis does.
 */
import { ACTUAL_MONTH_FIELDS, MONEY_FIELDS, NUMERIC_FIELDS, PLAN_MONTH_FIELDS, type Field, type NumericField } from "./fields";
import { UNIT_FACTORS, type Unit } from "./units";

/** Where each field is in the rows (0-based column index) and the unit of each numeric column. */
export interface TrackerLayout {
  readonly columns: Partial<Record<Field, number>>;
  readonly units?: Partial<Record<NumericField, Unit>>;
}

/** Which fields a tracker has, wherever they are (column indices, or letters in a formula). */
type MappedFields = Partial<Record<Field, unknown>>;

/** The unit every amount of the analysis is in: the annual plan's, else the first money column's, else £. */
export function workingUnit(layout: TrackerLayout): Unit {
  const units = layout.units ?? {};
  const firstMoney = MONEY_FIELDS.find((f) => layout.columns[f] !== undefined);
  return units.annualPlan ?? (firstMoney ? units[firstMoney] : undefined) ?? "£";
}

/** What a figure of `field`'s column is multiplied by to be in the working unit `unit`. */
export function unitFactor(layout: TrackerLayout, field: NumericField, unit: Unit): number {
  return UNIT_FACTORS[layout.units?.[field] ?? unit] / UNIT_FACTORS[unit];
}

/** The factor of every mapped numeric field whose unit is not the working unit. */
export function unitFactors(layout: TrackerLayout): Partial<Record<NumericField, number>> {
  const unit = workingUnit(layout);
  const factors: Partial<Record<NumericField, number>> = {};
  for (const f of NUMERIC_FIELDS) {
    if (layout.columns[f] === undefined) continue;
    const factor = unitFactor(layout, f, unit);
    if (factor !== 1) factors[f] = factor;
  }
  return factors;
}

/**
 * Whether the plan phasing is used: only when all twelve months are there. A phasing with months
 * missing would count them as nothing planned: the H2 share of a tracker with only Apr-Sep
 * columns would be 0% and green.
 */
export function usesPlanMonths(columns: MappedFields): boolean {
  return PLAN_MONTH_FIELDS.every((f) => columns[f] !== undefined);
}

/** Whether monthly actuals are used: only when every month to date is there. */
export function usesActualMonths(columns: MappedFields, monthsElapsed: number): boolean {
  return ACTUAL_MONTH_FIELDS.slice(0, monthsElapsed).every((f) => columns[f] !== undefined);
}

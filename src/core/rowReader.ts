import { emptyRowInput, type RowInput } from "./analyseRow";
import { ACTUAL_MONTH_FIELDS, FIELD_LABELS, MONEY_FIELDS, PLAN_MONTH_FIELDS, type MoneyField, type NumericField } from "./fields";
import { problem, type Num, type Problem } from "./problem";
import { NO_GROUP } from "./rollup";
import { parseNumberText, readCell } from "./readCell";
import { unitFactor, usesActualMonths, usesPlanMonths, workingUnit, type TrackerLayout } from "./trackerLayout";
import type { Unit } from "./units";

/** Slots of the reader's scratch arrays: the money fields, then 12 plan months, then 12 actual months. */
export const SLOT = Object.fromEntries(MONEY_FIELDS.map((field, i) => [field, i])) as Record<MoneyField, number>;
export const PLAN_MONTH_SLOT = MONEY_FIELDS.length;
export const ACTUAL_MONTH_SLOT = PLAN_MONTH_SLOT + 12;
const SLOT_FIELDS: readonly NumericField[] = [...MONEY_FIELDS, ...PLAN_MONTH_FIELDS, ...ACTUAL_MONTH_FIELDS];
export const SLOT_COUNT = SLOT_FIELDS.length;

/** What a slot holds after `read`. */
export const CELL_BLANK = 0;
export const CELL_NUMBER = 1;
export const CELL_PROBLEM = 2;

export const ROW_BLANK = 0;
export const ROW_DATA = 1;
export const ROW_TOTAL = 2;
// "Total", "Grand total", "Sub-total", "North total", "Totals", "Total - London": lines an analyst
// adds under the data; counting them would double every sum. "Total Care NHS Trust" is a name.
const TOTAL_ROW = /^(grand\s+|sub[\s-]?)?totals?(\s*[-:\u2013(].*)?$|\btotals?$/i;

// A regular expression per row cost a fifth of a million-row analysis; indexOf rules out almost
// every name first.
function looksLikeTotal(text: string): boolean {
  return (text.indexOf("otal") >= 0 || text.indexOf("OTAL") >= 0) && TOTAL_ROW.test(text);
}

/** A group as the roll-up names it, from the row's groupCell. */
export const rollupGroupOf = (cell: string): string => cell || NO_GROUP;

/**
 * Reads the numeric cells of one row at a time into typed scratch arrays, converting every money
 * value into the tracker's working unit (the annual plan's), and collects the problems found so
 * the caller can list them; `toInput()` gives the row as core values for the checked, cell-by-cell
 * path. It also holds what every reading of the layout needs — which columns are read, their unit
 * factors — for the block reader of the fast path (rowBlock.ts).
 */
export class RowReader {
  readonly unit: Unit;
  readonly values = new Float64Array(SLOT_FIELDS.length);
  readonly kinds = new Uint8Array(SLOT_FIELDS.length);
  readonly hasPlanMonths: boolean;
  readonly hasActualMonths: boolean;
  /** What the analyst should know about how the columns were used. */
  readonly notes: string[] = [];
  /** Problems in the row's cells, or null when there are none. */
  problems: Problem[] | null = null;
  private readonly slotProblems: (Problem | null)[] = new Array(SLOT_FIELDS.length).fill(null);
  /** The slots whose column is read, in slot order. */
  readonly mappedSlots: Int32Array;
  /** Each slot's column in the rows, or -1 when it is not read. */
  readonly columns: Int32Array;
  /** Each slot's factor from its column's unit to the working unit. */
  readonly factors: Float64Array;
  private readonly input: RowInput = emptyRowInput();
  private readonly orgColumn: number | undefined;
  private readonly groupColumn: number | undefined;

  constructor(
    layout: TrackerLayout,
    private readonly firstRowNumber: number,
    monthsElapsed: number,
  ) {
    const { columns } = layout;
    this.unit = workingUnit(layout);
    const mapped = (f: NumericField) => columns[f] !== undefined;
    this.hasPlanMonths = usesPlanMonths(columns);
    this.hasActualMonths = usesActualMonths(columns, monthsElapsed);
    if (!this.hasPlanMonths && PLAN_MONTH_FIELDS.some(mapped)) {
      this.notes.push(
        "The monthly plan columns do not cover all twelve months, so they are not used: the H2 share needs the full phasing.",
      );
    }
    if (!this.hasActualMonths && ACTUAL_MONTH_FIELDS.some(mapped) && columns.ytdActual === undefined) {
      this.notes.push(
        `The monthly actual columns do not cover months 1 to ${monthsElapsed}, so YTD actual cannot be added up from them.`,
      );
    }
    const used = (f: NumericField) =>
      mapped(f) &&
      ((PLAN_MONTH_FIELDS as readonly string[]).includes(f) ? this.hasPlanMonths : true) &&
      ((ACTUAL_MONTH_FIELDS as readonly string[]).includes(f) ? this.hasActualMonths : true);
    this.columns = Int32Array.from(SLOT_FIELDS, (f) => (used(f) ? (columns[f] as number) : -1));
    this.factors = Float64Array.from(SLOT_FIELDS, (f) => unitFactor(layout, f, this.unit));
    this.mappedSlots = Int32Array.from(SLOT_FIELDS.flatMap((f, s) => (used(f) ? [s] : [])));
    this.input.planMonths = this.hasPlanMonths ? new Array(12).fill(null) : null;
    this.input.actualMonths = this.hasActualMonths ? new Array(12).fill(null) : null;
    this.orgColumn = columns.organisation;
    this.groupColumn = columns.group;
  }

  /** Reads row `index`; returns whether any of its numeric cells holds a number. */
  read(row: readonly unknown[], index: number): boolean {
    this.problems = null;
    let anyNumber = false;
    const { values, kinds, columns, factors, mappedSlots } = this;
    for (let m = 0; m < mappedSlots.length; m++) {
      const s = mappedSlots[m];
      const value = row[columns[s]];
      // The common case, a finite number, is decided without a call.
      if (typeof value === "number" && value * factors[s] - value * factors[s] === 0) {
        values[s] = value * factors[s];
        kinds[s] = CELL_NUMBER;
        anyNumber = true;
      } else if (value === "" || value === null || value === undefined) {
        kinds[s] = CELL_BLANK;
      } else {
        anyNumber = this.readOther(s, value, index) || anyNumber;
      }
    }
    return anyNumber;
  }

  /** The row just read as core values: what analyseRow takes. Reuses one object. */
  toInput(): RowInput {
    const x = this.input;
    x.annualPlan = this.num(SLOT.annualPlan);
    x.ytdPlan = this.num(SLOT.ytdPlan);
    x.ytdActual = this.num(SLOT.ytdActual);
    x.forecast = this.num(SLOT.forecast);
    x.recurrent = this.num(SLOT.recurrent);
    x.nonRecurrent = this.num(SLOT.nonRecurrent);
    x.unidentified = this.num(SLOT.unidentified);
    x.turnover = this.num(SLOT.turnover);
    x.surplusDeficit = this.num(SLOT.surplusDeficit);
    for (let m = 0; m < 12; m++) {
      if (x.planMonths) x.planMonths[m] = this.num(PLAN_MONTH_SLOT + m);
      if (x.actualMonths) x.actualMonths[m] = this.num(ACTUAL_MONTH_SLOT + m);
    }
    return x;
  }

  /** Whether the row's text says it is blank, a total line or data; `group` is the row's groupCell. */
  rowKind(row: readonly unknown[], group: string): number {
    const org = this.text(row, this.orgColumn);
    if (org === "" && group === "") return ROW_BLANK;
    return looksLikeTotal(org) || (org === "" && looksLikeTotal(group)) ? ROW_TOTAL : ROW_DATA;
  }

  /** The row's group as written, trimmed: "" when it has none. */
  groupCell(row: readonly unknown[]): string {
    return this.text(row, this.groupColumn);
  }

  organisationText(row: readonly unknown[], index: number): string {
    return this.text(row, this.orgColumn) || `Row ${index + this.firstRowNumber}`;
  }

  groupText(row: readonly unknown[]): string {
    return rollupGroupOf(this.groupCell(row));
  }

  private num(slot: number): Num {
    const kind = this.kinds[slot];
    if (kind === CELL_NUMBER) return this.values[slot];
    return kind === CELL_BLANK ? null : this.slotProblems[slot];
  }

  /**
   * One numeric cell of a row as `read` takes it — its number in the working unit, blank (null) or
   * its problem — without touching the reader's state: rowBlock.ts reads through it every cell
   * that is not a plain number.
   */
  cellValue(row: readonly unknown[], slot: number, index: number): Num {
    const column = this.columns[slot];
    if (column < 0) return null;
    const value = row[column];
    if (typeof value === "number" && value * this.factors[slot] - value * this.factors[slot] === 0) {
      return value * this.factors[slot];
    }
    if (value === "" || value === null || value === undefined) return null;
    return this.convert(slot, value, index);
  }

  /** Text, booleans, errors, non-finite numbers: through readCell, which names the cell in its message. */
  private readOther(slot: number, value: unknown, index: number): boolean {
    const result = this.convert(slot, value, index);
    if (typeof result === "number") {
      this.values[slot] = result;
      this.kinds[slot] = CELL_NUMBER;
      return true;
    }
    if (result === null) {
      this.kinds[slot] = CELL_BLANK;
      return false;
    }
    this.kinds[slot] = CELL_PROBLEM;
    this.slotProblems[slot] = result;
    (this.problems ??= []).push(result);
    return false;
  }

  /** A cell other than a finite number or an empty one, as a number in the working unit, a blank or a problem. */
  private convert(slot: number, value: unknown, index: number): Num {
    // Numbers typed as text are common: read them before building the label only messages need.
    const quick = typeof value === "string" ? parseNumberText(value) : undefined;
    const label = () => `${FIELD_LABELS[SLOT_FIELDS[slot]]} in row ${index + this.firstRowNumber}`;
    const result = quick ?? readCell(value, label());
    if (typeof result !== "number") return result;
    const converted = result * this.factors[slot];
    return Number.isFinite(converted)
      ? converted
      : problem("invalidValue", "#NUM!", `${label()} is too large once converted to ${this.unit}.`);
  }

  private text(row: readonly unknown[], column: number | undefined): string {
    if (column === undefined) return "";
    const value = row[column];
    if (value === null || value === undefined) return "";
    return typeof value === "string" ? value.trim() : String(value);
  }
}

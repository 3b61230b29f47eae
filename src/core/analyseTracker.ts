import { analyseRow, emptyRowInput, type RowInput, type RowResult } from "./analyseRow";
import {
  ACTUAL_MONTH_FIELDS,
  FIELD_LABELS,
  MONEY_FIELDS,
  PLAN_MONTH_FIELDS,
  type Field,
  type MoneyField,
  type NumericField,
} from "./fields";
import { headlines } from "./headlines";
import { MetricColumn, STATUS_NUMBER } from "./metricColumn";
import { METRIC_NAMES, RAG_BY_CODE, RAG_CODES, RAG_NAMES, RAG_PROBLEM, RAGS, type MetricName, type RagName } from "./metrics";
import { isProblem, type Num, type Problem } from "./problem";
import type { Rag } from "./rag";
import { readCell } from "./readCell";
import { RollupBuilder, type Rollup } from "./rollup";
import type { Settings } from "./settings";
import { UNIT_FACTORS, type Unit } from "./units";
import { WorstList } from "./worst";

/** Where each field is in the rows (0-based column index) and the unit of each numeric column. */
export interface TrackerLayout {
  readonly columns: Partial<Record<Field, number>>;
  readonly units?: Partial<Record<NumericField, Unit>>;
}

export interface AnalyseOptions {
  /** The sheet row number of the first data row, for messages ("row 7"). Default 2: header in row 1. */
  readonly firstRowNumber?: number;
}

export type RowKind = "data" | "blank" | "total";

export interface WorstEntry {
  readonly row: number;
  readonly organisation: string;
  readonly group: string;
  readonly shortfall: number;
  readonly shortfallPct: Num;
  readonly deliveryPct: Num;
  readonly flags: number;
}

export interface TrackerAnalysis {
  readonly rowCount: number;
  /** The unit every money result is in: the annual plan's unit (or the first money column's). */
  readonly unit: Unit;
  readonly settings: Settings;
  /** The columns the analysis read, as given. */
  readonly columns: TrackerLayout["columns"];
  readonly metrics: Readonly<Record<MetricName, MetricColumn>>;
  readonly flags: Uint16Array;
  readonly rollup: Rollup;
  readonly worst: readonly WorstEntry[];
  readonly headlines: readonly string[];
  /** Rows (0-based) with at least one problem, in order. */
  readonly problemRows: readonly number[];
  /** Rows that look like a total or subtotal line and are kept out of the roll-up. */
  readonly totalRows: readonly number[];
  rag(name: RagName, row: number): Rag | null | Problem;
  rowKind(row: number): RowKind;
  /** The sheet row number of a 0-based row. */
  rowNumber(row: number): number;
  organisation(row: number): string;
  group(row: number): string;
  /** Every distinct problem in a row: bad input cells first, then metrics that could not be worked out. */
  problemsInRow(row: number): Problem[];
}

const MONEY_INDEX = Object.fromEntries(MONEY_FIELDS.map((field, i) => [field, i])) as Record<MoneyField, number>;

const KIND_DATA = 0;
const KIND_BLANK = 1;
const KIND_TOTAL = 2;
const KINDS: readonly RowKind[] = ["data", "blank", "total"];
// "Total", "Grand total", "Sub-total", "North total", "Totals": lines an analyst adds under the
// data; counting them would double every sum.
const TOTAL_ROW = /^(grand\s+|sub[\s-]?)?totals?\b|\btotals?$/i;

/**
 * Runs every metric, RAG, flag, forecast and the roll-up over a tracker's data rows (the header
 * row excluded) in one pass. Output rows = input rows: a blank row has blank results, a row with a
 * bad cell has problems where that cell matters and numbers elsewhere. Nothing throws for bad data.
 */
export function analyseTracker(
  rows: readonly (readonly unknown[])[],
  layout: TrackerLayout,
  settings: Settings,
  options: AnalyseOptions = {},
): TrackerAnalysis {
  const n = rows.length;
  const firstRowNumber = options.firstRowNumber ?? 2;
  const reader = new RowReader(layout, firstRowNumber);
  const metrics = {} as Record<MetricName, MetricColumn>;
  for (const name of METRIC_NAMES) metrics[name] = new MetricColumn(n);
  const ragCodes = {} as Record<RagName, Uint8Array>;
  for (const name of RAG_NAMES) ragCodes[name] = new Uint8Array(n);
  const flags = new Uint16Array(n);
  const kinds = new Uint8Array(n);
  const inputProblems = new Map<number, Problem[]>();
  const problemRows: number[] = [];
  const totalRows: number[] = [];
  const rollup = new RollupBuilder();
  const worst = new WorstList(settings.worstCount);
  const hasForecastColumn = layout.columns.forecast !== undefined;
  const sink = new ColumnSink(metrics, ragCodes, flags);
  const result = sink as unknown as RowResult;

  for (let i = 0; i < n; i++) {
    const row = rows[i] ?? [];
    const input = reader.read(row, i);
    const textKind = reader.textKind(row);
    if (textKind === KIND_BLANK && !reader.anyNumber && reader.problems === null) {
      kinds[i] = KIND_BLANK;
      continue;
    }
    sink.row = i;
    sink.hasProblem = reader.problems !== null;
    if (reader.problems !== null) inputProblems.set(i, reader.problems);
    analyseRow(input, settings, hasForecastColumn, result);
    if (sink.hasProblem) problemRows.push(i);
    if (textKind === KIND_TOTAL) {
      kinds[i] = KIND_TOTAL;
      totalRows.push(i);
      continue;
    }
    rollup.add(rollup.groupId(reader.groupText(row)), input.annualPlan, result, sink.hasProblem);
    if (metrics.shortfall.status[i] === STATUS_NUMBER) worst.offer(i, metrics.shortfall.values[i]);
  }

  const analysis: TrackerAnalysis = {
    rowCount: n,
    unit: reader.unit,
    settings,
    columns: layout.columns,
    metrics,
    flags,
    rollup: rollup.finish(),
    worst: [],
    headlines: [],
    problemRows,
    totalRows,
    rag: (name, row) => ragAt(ragCodes[name], metrics[RAGS[name].metric], row),
    rowKind: (row) => KINDS[kinds[row]],
    rowNumber: (row) => row + firstRowNumber,
    organisation: (row) => reader.organisationText(rows[row] ?? [], row),
    group: (row) => reader.groupText(rows[row] ?? []),
    problemsInRow: (row) => {
      const found = [...(inputProblems.get(row) ?? [])];
      for (const name of METRIC_NAMES) {
        const value = metrics[name].get(row);
        if (isProblem(value) && !found.some((p) => p.message === value.message)) found.push(value);
      }
      return found;
    },
  };
  const worstEntries = worst.result().map((row) => ({
    row,
    organisation: analysis.organisation(row),
    group: analysis.group(row),
    shortfall: metrics.shortfall.values[row],
    shortfallPct: metrics.shortfallPct.get(row),
    deliveryPct: metrics.deliveryPct.get(row),
    flags: flags[row],
  }));
  return { ...analysis, worst: worstEntries, headlines: headlines({ ...analysis, worst: worstEntries }) };
}

/** A RAG from its typed column; a RAG that could not be given shows its metric's problem. */
function ragAt(codes: Uint8Array, metric: MetricColumn, row: number): Rag | null | Problem {
  const code = codes[row];
  return code === RAG_PROBLEM ? (metric.get(row) as Problem) : RAG_BY_CODE[code];
}

/**
 * A RowResult whose properties live in the columns, at `row`: analyseRow writes each result
 * straight into its typed column, with no per-row object to copy from and no loop over metric
 * names (a million rows × 28 results made that copy the slowest part). The accessors are defined
 * once on the prototype, so every analysis shares them and analyseRow's property sites stay
 * monomorphic from one run to the next.
 */
class ColumnSink {
  row = 0;
  hasProblem = false;
  // Arrays in METRIC_NAMES / RAG_NAMES order: the accessors below share one function body each,
  // so they must find their column by index, not by name (a name would make every access site
  // megamorphic).
  readonly metricColumns: MetricColumn[];
  readonly ragColumns: Uint8Array[];

  constructor(
    metrics: Record<MetricName, MetricColumn>,
    ragCodes: Record<RagName, Uint8Array>,
    readonly flagColumn: Uint16Array,
  ) {
    this.metricColumns = METRIC_NAMES.map((name) => metrics[name]);
    this.ragColumns = RAG_NAMES.map((name) => ragCodes[name]);
  }

  get flags(): number {
    return this.flagColumn[this.row];
  }

  set flags(value: number) {
    this.flagColumn[this.row] = value;
  }
}

METRIC_NAMES.forEach((name, m) => {
  Object.defineProperty(ColumnSink.prototype, name, {
    get(this: ColumnSink) {
      return this.metricColumns[m].get(this.row);
    },
    set(this: ColumnSink, value: Num) {
      this.metricColumns[m].set(this.row, value);
      if (value !== null && typeof value === "object") this.hasProblem = true;
    },
  });
});
RAG_NAMES.forEach((name, r) => {
  const metric = METRIC_NAMES.indexOf(RAGS[name].metric);
  Object.defineProperty(ColumnSink.prototype, name, {
    get(this: ColumnSink) {
      return ragAt(this.ragColumns[r], this.metricColumns[metric], this.row);
    },
    set(this: ColumnSink, rag: Rag | null | Problem) {
      this.ragColumns[r][this.row] = typeof rag === "string" ? RAG_CODES[rag] : rag === null ? 0 : RAG_PROBLEM;
    },
  });
});

/**
 * Reads the numeric cells of one row into a reused RowInput, converting every money value into
 * the tracker's working unit, and remembers the problems found so the caller can list them.
 */
class RowReader {
  readonly unit: Unit;
  problems: Problem[] | null = null;
  anyNumber = false;
  private readonly input: RowInput = emptyRowInput();
  /** Column (-1 when unmapped) and unit factor of each money field, in MONEY_FIELDS order. */
  private readonly moneyColumns: number[];
  private readonly moneyFactors: number[];
  private readonly planMonths: { column: number; factor: number }[] | null;
  private readonly actualMonths: { column: number; factor: number }[] | null;
  private readonly planMonthValues: Num[] = new Array(12).fill(null);
  private readonly actualMonthValues: Num[] = new Array(12).fill(null);
  private readonly orgColumn: number | undefined;
  private readonly groupColumn: number | undefined;
  private row = 0;

  constructor(
    layout: TrackerLayout,
    private readonly firstRowNumber: number,
  ) {
    const { columns } = layout;
    const units = layout.units ?? {};
    const mappedMoney = MONEY_FIELDS.filter((f) => columns[f] !== undefined);
    this.unit = units.annualPlan ?? (mappedMoney.length > 0 ? units[mappedMoney[0]] : undefined) ?? "£";
    const factorOf = (field: NumericField) => UNIT_FACTORS[units[field] ?? this.unit] / UNIT_FACTORS[this.unit];
    this.moneyColumns = MONEY_FIELDS.map((f) => columns[f] ?? -1);
    this.moneyFactors = MONEY_FIELDS.map(factorOf);
    const months = (fields: readonly NumericField[]) =>
      fields.some((f) => columns[f] !== undefined)
        ? fields.map((f) => ({ column: columns[f] ?? -1, factor: factorOf(f) }))
        : null;
    this.planMonths = months(PLAN_MONTH_FIELDS);
    this.actualMonths = months(ACTUAL_MONTH_FIELDS);
    this.input.planMonths = this.planMonths && this.planMonthValues;
    this.input.actualMonths = this.actualMonths && this.actualMonthValues;
    this.orgColumn = columns.organisation;
    this.groupColumn = columns.group;
  }

  read(row: readonly unknown[], index: number): RowInput {
    this.problems = null;
    this.anyNumber = false;
    this.row = index;
    // One named store per field: a loop storing by field name would be a megamorphic keyed store.
    const input = this.input;
    input.annualPlan = this.money(row, MONEY_INDEX.annualPlan);
    input.ytdPlan = this.money(row, MONEY_INDEX.ytdPlan);
    input.ytdActual = this.money(row, MONEY_INDEX.ytdActual);
    input.forecast = this.money(row, MONEY_INDEX.forecast);
    input.recurrent = this.money(row, MONEY_INDEX.recurrent);
    input.nonRecurrent = this.money(row, MONEY_INDEX.nonRecurrent);
    input.unidentified = this.money(row, MONEY_INDEX.unidentified);
    input.turnover = this.money(row, MONEY_INDEX.turnover);
    input.surplusDeficit = this.money(row, MONEY_INDEX.surplusDeficit);
    if (this.planMonths) this.readMonths(row, this.planMonths, this.planMonthValues, PLAN_MONTH_FIELDS);
    if (this.actualMonths) this.readMonths(row, this.actualMonths, this.actualMonthValues, ACTUAL_MONTH_FIELDS);
    return this.input;
  }

  /** Whether the row's text says it is blank, a total line or data. */
  textKind(row: readonly unknown[]): number {
    const org = this.text(row, this.orgColumn);
    const group = this.text(row, this.groupColumn);
    if (org === "" && group === "") return KIND_BLANK;
    return TOTAL_ROW.test(org) || (org === "" && TOTAL_ROW.test(group)) ? KIND_TOTAL : KIND_DATA;
  }

  organisationText(row: readonly unknown[], index: number): string {
    return this.text(row, this.orgColumn) || `Row ${index + this.firstRowNumber}`;
  }

  groupText(row: readonly unknown[]): string {
    return this.text(row, this.groupColumn) || "(no group)";
  }

  /** The money field at `index` in MONEY_FIELDS, read from its column. */
  private money(row: readonly unknown[], index: number): Num {
    const column = this.moneyColumns[index];
    return column < 0 ? null : this.cell(row[column], this.moneyFactors[index], FIELD_LABELS[MONEY_FIELDS[index]]);
  }

  private readMonths(
    row: readonly unknown[],
    columns: { column: number; factor: number }[],
    out: Num[],
    fields: readonly NumericField[],
  ): void {
    for (let m = 0; m < 12; m++) {
      const { column, factor } = columns[m];
      out[m] = column < 0 ? null : this.cell(row[column], factor, FIELD_LABELS[fields[m]]);
    }
  }

  private cell(value: unknown, factor: number, label: string): Num {
    // The common case, a finite number, skips building a label that only messages need.
    let result: Num;
    if (typeof value === "number" && value - value === 0) result = value;
    else if (value === "" || value === null || value === undefined) return null;
    else result = readCell(value, `${label} in row ${this.row + this.firstRowNumber}`);
    if (typeof result === "number") {
      this.anyNumber = true;
      return factor === 1 ? result : result * factor;
    }
    if (result !== null) (this.problems ??= []).push(result);
    return result;
  }

  private text(row: readonly unknown[], column: number | undefined): string {
    if (column === undefined) return "";
    const value = row[column];
    if (value === null || value === undefined) return "";
    return typeof value === "string" ? value.trim() : String(value);
  }
}

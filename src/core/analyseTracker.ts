import { analyseRow, type RowResult } from "./analyseRow";
import { analyseCleanRows, METRIC_INDEX, RAG_BITS, ragRules, type ResultColumns } from "./cleanRows";
import { headlines } from "./headlines";
import { MetricColumn, MetricStore } from "./metricColumn";
import { METRIC_NAMES, RAG_NAMES, RAGS, type MetricName } from "./metrics";
import { isProblem, type Num, type Problem } from "./problem";
import { RAG_BY_CODE, type Rag } from "./rag";
import { RollupBuilder, type RollupRow } from "./rollup";
import { BLOCK_ROWS, EMPTY_ROW, RowBlock } from "./rowBlock";
import { rollupGroupOf, ROW_BLANK, ROW_DATA, ROW_TOTAL, RowReader, SLOT } from "./rowReader";
import type { TrackerLayout } from "./trackerLayout";
import type { Settings } from "./settings";
import type { RowKind, TrackerAnalysis } from "./trackerAnalysis";
import { WorstList } from "./worst";

export type { TrackerLayout } from "./trackerLayout";
export type { RowKind, TrackerAnalysis, WorstEntry } from "./trackerAnalysis";

export interface AnalyseOptions {
  /** The sheet row number of the first data row, for messages ("row 7"). Default 2: header in row 1. */
  readonly firstRowNumber?: number;
  /**
   * Analyse every row on the checked, cell-by-cell path, never the fast path for clean rows. The
   * results are the same either way; tests use this to prove it.
   */
  readonly checkedPathOnly?: boolean;
}

const ROW_LABEL = 3;
// Where the roll-up finds a clean row's amounts in the block.
const ANNUAL_IN = SLOT.annualPlan * BLOCK_ROWS;
const PLAN_USED = METRIC_INDEX.ytdPlanUsed * BLOCK_ROWS;
const ACTUAL_USED = METRIC_INDEX.ytdActualUsed * BLOCK_ROWS;
const SHORTFALL = METRIC_INDEX.shortfall * BLOCK_ROWS;
const FORECAST_USED = METRIC_INDEX.forecastUsed * BLOCK_ROWS;
const KINDS: readonly RowKind[] = ["blank", "data", "total", "label"]; // indexed by ROW_BLANK, ROW_DATA, ROW_TOTAL, ROW_LABEL

/**
 * Runs every metric, RAG, flag, forecast and the roll-up over a tracker's data rows (the header
 * row excluded) in one pass. Output rows = input rows: a blank row has blank results, a row with a
 * bad cell has problems where that cell matters and numbers elsewhere. Nothing throws for bad data.
 *
 * The result reads the caller's `rows` lazily: a clean row's metrics (and the RAGs and problems read
 * through them) and every organisation and group name are worked out from the rows when asked for
 * (metricColumn.ts), not copied. So the rows must not change after the call for as long as the result is used;
 * analyse again after changing them.
 */
export function analyseTracker(
  rows: readonly (readonly unknown[])[],
  layout: TrackerLayout,
  settings: Settings,
  options: AnalyseOptions = {},
): TrackerAnalysis {
  const n = rows.length;
  const firstRowNumber = options.firstRowNumber ?? 2;
  const checkedPathOnly = options.checkedPathOnly === true;
  const reader = new RowReader(layout, firstRowNumber, settings.monthsElapsed);
  const hasForecastColumn = layout.columns.forecast !== undefined;
  const reported = settings.forecastBasis === "reported" && hasForecastColumn;
  const store = new MetricStore(rows, reader, settings, reported);
  const columns: ResultColumns = {
    store,
    current: new Float64Array(METRIC_NAMES.length),
    rags: new Uint16Array(n),
    ragRules: ragRules(settings),
    flags: new Uint16Array(n),
  };
  const metrics = Object.fromEntries(METRIC_NAMES.map((name, m) => [name, new MetricColumn(store, m, n)])) as Record<
    MetricName,
    MetricColumn
  >;
  const { flags, current } = columns;
  const kinds = new Uint8Array(n);
  const inputProblems = new Map<number, Problem[]>();
  const problemRows: number[] = [];
  const totalRows: number[] = [];
  const labelRows: number[] = [];
  const rollup = new RollupBuilder();
  const worst = new WorstList(settings.worstCount);
  const sink = new ColumnSink(columns);
  const rollupRow: RollupRow = {
    annualPlan: NaN,
    ytdPlan: NaN,
    ytdActual: NaN,
    shortfall: NaN,
    forecast: NaN,
    flags: 0,
    hasProblem: false,
  };

  const block = new RowBlock(reader);
  const { inputs, metrics: blockMetrics, state, clean } = block;
  for (let start = 0; start < n; start += BLOCK_ROWS) {
    const length = Math.min(BLOCK_ROWS, n - start);
    block.read(rows, start, length);
    analyseCleanRows(block, reader, settings, reported, !checkedPathOnly, columns);
    for (let j = 0; j < length; j++) {
      const i = start + j;
      const row = rows[i] ?? EMPTY_ROW;
      const group = reader.groupCell(row);
      const kind = reader.rowKind(row, group);
      if (state[j] === 0) {
        // No figures at all: an empty row, or a heading that would otherwise count as an organisation.
        kinds[i] = kind === ROW_BLANK ? ROW_BLANK : ROW_LABEL;
        if (kind !== ROW_BLANK) labelRows.push(i);
        continue;
      }
      // A row with numbers but no name is data all the same.
      kinds[i] = kind === ROW_BLANK ? ROW_DATA : kind;
      let hasProblem = false;
      if (clean[j] === 1) {
        rollupRow.ytdPlan = blockMetrics[PLAN_USED + j];
        rollupRow.ytdActual = blockMetrics[ACTUAL_USED + j];
        rollupRow.shortfall = blockMetrics[SHORTFALL + j];
        rollupRow.forecast = blockMetrics[FORECAST_USED + j];
      } else {
        reader.read(row, i);
        if (reader.problems !== null) inputProblems.set(i, reader.problems);
        sink.row = i;
        sink.start = store.open(i);
        sink.hasProblem = reader.problems !== null;
        analyseRow(reader.toInput(), settings, hasForecastColumn, sink as unknown as RowResult);
        hasProblem = sink.hasProblem;
        if (hasProblem) problemRows.push(i);
        rollupRow.ytdPlan = current[METRIC_INDEX.ytdPlanUsed];
        rollupRow.ytdActual = current[METRIC_INDEX.ytdActualUsed];
        rollupRow.shortfall = current[METRIC_INDEX.shortfall];
        rollupRow.forecast = current[METRIC_INDEX.forecastUsed];
      }
      if (kind === ROW_TOTAL) {
        totalRows.push(i);
        continue;
      }
      rollupRow.annualPlan = inputs[ANNUAL_IN + j];
      rollupRow.flags = flags[i];
      rollupRow.hasProblem = hasProblem;
      rollup.add(rollup.groupId(rollupGroupOf(group)), rollupRow);
      if (rollupRow.shortfall > 0) worst.offer(i, rollupRow.shortfall);
    }
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
    labelRows,
    notes: reader.notes,
    rag: (name, row) => ragAt(columns.rags, RAG_NAMES.indexOf(name), metrics[RAGS[name].metric], row),
    rowKind: (row) => KINDS[kinds[row]],
    rowNumber: (row) => row + firstRowNumber,
    organisation: (row) => reader.organisationText(rows[row] ?? EMPTY_ROW, row),
    group: (row) => reader.groupText(rows[row] ?? EMPTY_ROW),
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
    shortfall: metrics.shortfall.numberOrNaN(row),
    shortfallPct: metrics.shortfallPct.get(row),
    deliveryPct: metrics.deliveryPct.get(row),
    flags: flags[row],
  }));
  return { ...analysis, worst: worstEntries, headlines: headlines({ ...analysis, worst: worstEntries }) };
}

// A row's RAG codes are packed into one 16-bit number.
if (RAG_NAMES.length * RAG_BITS > 16) throw new Error("Too many RAGs to pack into a Uint16Array.");
const RAG_MASK = (1 << RAG_BITS) - 1;

/** RAG `g` of a row from its packed codes; none (0) means its metric is blank or a problem, which it then shows. */
function ragAt(codes: Uint16Array, g: number, metric: MetricColumn, row: number): Rag | null | Problem {
  const code = (codes[row] >> (g * RAG_BITS)) & RAG_MASK;
  return code === 0 ? (metric.get(row) as null | Problem) : RAG_BY_CODE[code];
}

/**
 * A RowResult whose properties live in the metric store and the typed RAG and flag columns, at
 * `row`: the checked path (analyseRow) writes each result straight to where it is kept, with no
 * per-row object to copy from and no loop over metric names. The accessors are defined once on
 * the prototype and find their place by index, so every analysis shares them and analyseRow's
 * property sites stay monomorphic.
 */
class ColumnSink {
  row = 0;
  /** Where the row's metrics start in the store (MetricStore.open). */
  start = 0;
  hasProblem = false;
  /** The row's metrics as analyseRow gave them, for analyseRow to read back (RAGs rate them). */
  readonly values: Num[] = new Array(METRIC_NAMES.length).fill(null);

  constructor(readonly columns: ResultColumns) {}

  get flags(): number {
    return this.columns.flags[this.row];
  }

  set flags(value: number) {
    this.columns.flags[this.row] = value;
  }
}

METRIC_NAMES.forEach((name, m) => {
  Object.defineProperty(ColumnSink.prototype, name, {
    get(this: ColumnSink) {
      return this.values[m];
    },
    set(this: ColumnSink, value: Num) {
      this.values[m] = value;
      this.columns.current[m] = typeof value === "number" ? value : NaN;
      this.columns.store.set(this.start, m, value);
      // A #DIV/0! is the right answer where a ratio does not exist (nothing planned to date, no
      // month left at year end); it goes in the cell, but does not make the row's data a problem.
      if (value !== null && typeof value === "object" && value.kind !== "divideByZero") this.hasProblem = true;
    },
  });
});
RAG_NAMES.forEach((name, g) => {
  const metric = METRIC_NAMES.indexOf(RAGS[name].metric);
  const shift = g * RAG_BITS;
  Object.defineProperty(ColumnSink.prototype, name, {
    get(this: ColumnSink) {
      const code = (this.columns.rags[this.row] >> shift) & RAG_MASK;
      return code === 0 ? (this.values[metric] as null | Problem) : RAG_BY_CODE[code];
    },
    set(this: ColumnSink, rag: Rag | null | Problem) {
      // A problem is not stored: the RAG shows its metric's problem (see ragAt).
      const code = typeof rag === "string" ? RAG_BY_CODE.indexOf(rag) : 0;
      const rags = this.columns.rags;
      rags[this.row] = (rags[this.row] & ~(RAG_MASK << shift)) | (code << shift);
    },
  });
});

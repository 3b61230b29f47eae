/**
 * The four amounts a scheme takes from its tracker analysis — YTD plan and actual in use, the
 * shortfall and the forecast in use — for every scheme row, a block of rows at a time.
 *
 * Why not analysis.metrics.*.numberOrNaN: the analysis does not keep a clean row's metrics
 * (metricColumn.ts) but works the row out again when one is read, one row at a time, and a million
 * such one-row workings-out were a third of the scheme step. Here a block of BLOCK_ROWS rows is
 * worked out at once by the same code (RowBlock, cleanRowMetrics) on the same cells with the same
 * reader and settings, so a clean row gets its metrics to the same bit; the fast path's results
 * are those of the checked path (the property test of cleanRows.test.ts), so this holds when the
 * analysis took the checked path only too. Any other row is read from the analysis, which stored
 * its metrics.
 */
import { cleanRowMetrics, METRIC_INDEX } from "../cleanRows";
import { BLOCK_ROWS, RowBlock } from "../rowBlock";
import { RowReader } from "../rowReader";
import type { TrackerAnalysis } from "../trackerAnalysis";
import type { TrackerLayout } from "../trackerLayout";

export interface AnalysisAmounts {
  readonly ytdPlan: Float64Array;
  readonly ytdActual: Float64Array;
  readonly shortfall: Float64Array;
  readonly forecast: Float64Array;
}

const PLAN_USED = METRIC_INDEX.ytdPlanUsed * BLOCK_ROWS;
const ACTUAL_USED = METRIC_INDEX.ytdActualUsed * BLOCK_ROWS;
const SHORTFALL = METRIC_INDEX.shortfall * BLOCK_ROWS;
const FORECAST_USED = METRIC_INDEX.forecastUsed * BLOCK_ROWS;

/**
 * Fills `out` (NaN where blank or a problem) at every row where `wanted` is 1; other rows are
 * left as they are. `layout` and `analysis` are those of analyseTracker(rows, layout, ...).
 */
export function readAnalysisAmounts(
  rows: readonly (readonly unknown[])[],
  layout: TrackerLayout,
  analysis: TrackerAnalysis,
  wanted: Uint8Array,
  out: AnalysisAmounts,
): void {
  const n = rows.length;
  if (n === 0) return;
  const settings = analysis.settings;
  const reader = new RowReader(layout, analysis.rowNumber(0), settings.monthsElapsed);
  const reported = settings.forecastBasis === "reported" && layout.columns.forecast !== undefined;
  const block = new RowBlock(reader);
  const { metrics: m, clean } = block;
  const { ytdPlan, ytdActual, shortfall, forecast } = out;
  const metrics = analysis.metrics;
  for (let start = 0; start < n; start += BLOCK_ROWS) {
    const length = Math.min(BLOCK_ROWS, n - start);
    block.read(rows, start, length);
    cleanRowMetrics(block, reader, settings, reported, true);
    for (let j = 0; j < length; j++) {
      const i = start + j;
      if (wanted[i] === 0) continue;
      if (clean[j] === 1) {
        ytdPlan[i] = m[PLAN_USED + j];
        ytdActual[i] = m[ACTUAL_USED + j];
        shortfall[i] = m[SHORTFALL + j];
        forecast[i] = m[FORECAST_USED + j];
      } else {
        ytdPlan[i] = metrics.ytdPlanUsed.numberOrNaN(i);
        ytdActual[i] = metrics.ytdActualUsed.numberOrNaN(i);
        shortfall[i] = metrics.shortfall.numberOrNaN(i);
        forecast[i] = metrics.forecastUsed.numberOrNaN(i);
      }
    }
  }
}

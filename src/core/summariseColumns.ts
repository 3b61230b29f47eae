import { rowFlags } from "./flags";
import { forecastDeliveryRatio } from "./forecast";
import { gapOf } from "./formulas";
import type { Num } from "./problem";
import { NO_GROUP, RollupBuilder, type Rollup, type RollupRow } from "./rollup";
import { DEFAULT_SETTINGS } from "./settings";

/** One organisation as CIP.SUMMARY sees it: its group (null when blank) and three amounts. */
export interface SummaryInput {
  readonly group: string | null;
  readonly annualPlan: Num;
  readonly ytdPlan: Num;
  readonly ytdActual: Num;
}

export interface ColumnSummary {
  readonly rollup: Rollup;
  /** Rows left out because the annual plan, YTD plan or YTD actual was blank, invalid or negative. */
  readonly leftOut: number;
}

/**
 * The roll-up of three columns, by group in order of first appearance and in all: the table
 * CIP.SUMMARY spills. A row counts only when all three amounts are usable (plans not negative),
 * so every column of the table sums the same organisations; the forecast is the delivery-ratio
 * forecast of each row.
 */
export function summariseColumns(rows: Iterable<SummaryInput>, totalLabel = "All"): ColumnSummary {
  const builder = new RollupBuilder();
  const row: RollupRow = { annualPlan: 0, ytdPlan: 0, ytdActual: 0, shortfall: 0, forecast: 0, flags: 0, hasProblem: false };
  let leftOut = 0;
  for (const x of rows) {
    const { annualPlan: annual, ytdPlan: plan, ytdActual: actual } = x;
    if (typeof annual !== "number" || typeof plan !== "number" || typeof actual !== "number" || annual < 0 || plan < 0) {
      leftOut++;
      continue;
    }
    const forecast = forecastDeliveryRatio(annual, plan, actual);
    row.annualPlan = annual;
    row.ytdPlan = plan;
    row.ytdActual = actual;
    row.shortfall = gapOf(plan, actual);
    row.forecast = typeof forecast === "number" ? forecast : NaN;
    row.flags = rowFlags(
      {
        annualPlan: annual,
        ytdPlan: plan,
        ytdActual: actual,
        surplusDeficit: null,
        nonRecurrentShare: null,
        unidentifiedShare: null,
        h2Share: null,
      },
      DEFAULT_SETTINGS,
    );
    builder.add(builder.groupId(x.group ?? NO_GROUP), row);
  }
  return { rollup: builder.finish(totalLabel), leftOut };
}

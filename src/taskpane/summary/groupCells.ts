// The cells of one line of the group table's columns (GROUP_TABLE_HEADER), shared by every table on
// the summary that starts with them: a total past what a number holds is #NUM! (totals.ts).
// (summaryPlan.ts's groupRow writes the same ten cells before its own and can use this too.)
import type { GroupSummary } from "../../core/rollup";
import { totalCell, totalShareCell } from "../../core/totals";
import { numCell, type OutputCell } from "../output/outputPlan";

/** Group, count, behind plan, behind plan %, annual plan, YTD plan, YTD actual, YTD shortfall, YTD delivery %, forecast. */
export function groupTableCells(g: GroupSummary): OutputCell[] {
  return [
    g.group,
    g.organisations,
    g.behindPlan,
    groupShare(g, g.behindPlanShare, "behind plan %"),
    groupTotal(g, g.annualPlan, "annual plan"),
    groupTotal(g, g.ytdPlan, "YTD plan"),
    groupTotal(g, g.ytdActual, "YTD actual"),
    groupTotal(g, g.shortfall, "YTD shortfall"),
    groupShare(g, g.deliveryPct, "YTD delivery %"),
    g.forecastCount > 0 ? groupTotal(g, g.forecast, "forecast") : "",
  ];
}

export const groupTotal = (g: GroupSummary, x: number, what: string): OutputCell => numCell(totalCell(x, what, g.group));
export const groupShare = (g: GroupSummary, x: number | null, what: string): OutputCell =>
  numCell(totalShareCell(x, what, g.group));

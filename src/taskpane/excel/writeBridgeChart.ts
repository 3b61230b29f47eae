// The bridge chart of a scheme register's summary (summary/schemeSections.ts): an Excel waterfall,
// or, where the host cannot add that type (Excel before 2016's chart types, some Excel on the web
// builds: the add fails with InvalidArgument at the sync), a stacked column of what remains and what
// each step takes. The cells are synced first, so that a refused chart takes nothing else with it.
import type { SummaryBlock, SummaryPlan } from "../summary/summaryPlan";

export const BRIDGE_CHART_NAME = "CIP bridge";

/** Adds the chart; says which kind it drew ("" when the plan has none). */
export async function addBridgeChart(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  plan: SummaryPlan,
): Promise<"waterfall" | "stacked" | ""> {
  const chart = plan.bridgeChart;
  if (!chart) return "";
  await context.sync();
  try {
    place(sheet, "Waterfall", chart.waterfall, chart);
    await context.sync();
    return "waterfall";
  } catch {
    place(sheet, "ColumnStacked", chart.stacked, chart);
    await context.sync();
    return "stacked";
  }
}

function place(
  sheet: Excel.Worksheet,
  type: "Waterfall" | "ColumnStacked",
  data: SummaryBlock,
  at: { readonly title: string; readonly row: number; readonly column: number },
): void {
  const source = sheet.getRangeByIndexes(data.row, data.column, data.cells.length, data.cells[0].length);
  const chart = sheet.charts.add(type, source, "Columns");
  chart.name = BRIDGE_CHART_NAME;
  chart.title.text = at.title;
  chart.setPosition(sheet.getCell(at.row, at.column), sheet.getCell(at.row + 17, at.column + 8));
}

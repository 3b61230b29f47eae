// The "CIP Summary" sheet: the add-in's own, recognised by the sheet id it recorded (a sheet the
// analyst happens to call "CIP Summary" is never touched), cleared and rebuilt on every run.
// Called by the gateway inside its Excel.run.
import { SUMMARY_SHEET, type SummaryBlock, type SummaryPlan } from "../summary/summaryPlan";
import { HEADER_STYLE } from "./writeOutput";

const CHART_NAME = "CIP delivery by group";

export interface SummaryWritten {
  readonly sheetId: string;
  readonly sheetName: string;
}

export async function writeSummary(
  context: Excel.RequestContext,
  plan: SummaryPlan,
  ownSheetId: string | null,
): Promise<SummaryWritten> {
  const sheet = await ownSheet(context, ownSheetId);
  sheet.load("id,name");
  const charts = sheet.charts;
  charts.load("items/name");
  await context.sync();
  for (const chart of charts.items) chart.delete();
  sheet.getRange().clear("All");

  for (const block of plan.blocks) writeBlock(sheet, block);
  if (plan.chart) {
    const { data, title, row, column } = plan.chart;
    const source = sheet.getRangeByIndexes(data.row, data.column, data.cells.length, data.cells[0].length);
    const chart = sheet.charts.add("ColumnClustered", source, "Columns");
    // A fixed name: Excel would otherwise number each rebuilt chart anew ("Chart 2", "Chart 3").
    chart.name = CHART_NAME;
    chart.title.text = title;
    chart.setPosition(sheet.getCell(row, column), sheet.getCell(row + 17, column + 8));
  }
  await context.sync();
  return { sheetId: sheet.id, sheetName: sheet.name };
}

/** The summary sheet this add-in made before, else a new one under a name nobody else uses. */
async function ownSheet(context: Excel.RequestContext, ownSheetId: string | null): Promise<Excel.Worksheet> {
  const sheets = context.workbook.worksheets;
  if (ownSheetId !== null) {
    const existing = sheets.getItemOrNullObject(ownSheetId);
    existing.load("name");
    existing.protection.load("protected");
    await context.sync();
    if (!existing.isNullObject && !existing.protection.protected) return existing;
  }
  sheets.load("items/name");
  await context.sync();
  const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
  let name = SUMMARY_SHEET;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${SUMMARY_SHEET} ${n}`;
  return sheets.add(name);
}

function writeBlock(sheet: Excel.Worksheet, block: SummaryBlock): void {
  const width = Math.max(...block.cells.map((r) => r.length));
  const cells = block.cells.map((r) => [...r, ...new Array(width - r.length).fill("")]);
  const range = sheet.getRangeByIndexes(block.row, block.column, cells.length, width);
  range.numberFormat = cells.map(() => block.formats.slice(0, width));
  range.values = cells;
  if (block.style === "title" || block.style === "heading") range.format.font.bold = true;
  if (block.style === "note") range.format.font.color = "#605E5C";
  if (block.style === "table") {
    const header = range.getRow(0);
    header.format.font.bold = true;
    header.format.fill.color = HEADER_STYLE.fill;
    header.format.font.color = HEADER_STYLE.font;
    range.format.autofitColumns();
  }
}

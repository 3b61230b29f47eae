// The "CIP Summary" sheet: the add-in's own, recognised by the sheet id it recorded (a sheet the
// analyst happens to call "CIP Summary" is never touched). Each run builds the new summary whole on
// a hidden sheet of its own, in chunks under Excel's 5 MB request, and only then, in one last sync,
// deletes the old summary and gives the new one its name and place. A failure on the way deletes
// the half-built sheet, so the workbook keeps the old summary (or none) and never an orphan that a
// later run would take for the analyst's. Called by the gateway inside its Excel.run.
import { literalText, type OutputCell } from "../output/outputPlan";
import type { PrintLayout } from "../summary/summaryLayout";
import { SUMMARY_SHEET, type SummaryBlock, type SummaryChart, type SummaryPlan } from "../summary/summaryPlan";
import { CHUNK_BYTES, matrixBytes } from "./payload";
import { HEADER_STYLE } from "./writeOutput";
import { addBridgeChart } from "./writeBridgeChart";

const CHART_NAME = "CIP delivery by group";
const TRAJECTORY_CHART_NAME = "CIP monthly trajectory";
/** Section titles in the theme's dark blue, as Office's "Heading" styles are. */
const HEADING_COLOUR = "#1F4E79";
/** The hidden sheet a summary is built on; at most 31 characters with a number added. */
const BUILDING_SHEET = "CIP Summary (being built)";

export interface SummaryWritten {
  readonly sheetId: string;
  readonly sheetName: string;
}

export interface SummaryRefusal {
  readonly message: string;
  readonly detail: string;
}

/**
 * Why the summary sheet cannot be rebuilt, found before the run writes anything: the add-in's own
 * summary sheet is protected, or the workbook's structure is (a new sheet is always added). Queues
 * its loads; the answer is known after the caller's next sync.
 */
export function queueSummaryCheck(context: Excel.RequestContext, ownSheetId: string | null): () => SummaryRefusal | null {
  const structure = context.workbook.protection;
  structure.load("protected");
  const own = ownSheetId !== null ? context.workbook.worksheets.getItemOrNullObject(ownSheetId) : null;
  own?.load("name");
  own?.protection.load("protected");
  return () => {
    const existing = own !== null && !own.isNullObject ? own : null;
    if (existing?.protection.protected) {
      return {
        message: `The summary sheet ${existing.name} is protected, so CIP Analyst cannot rebuild it. Nothing was changed.`,
        detail: "Unprotect it (Review > Unprotect Sheet), or delete it to have a new one made, then press Analyse again.",
      };
    }
    if (structure.protected) {
      return {
        message: `The workbook's structure is protected, so CIP Analyst cannot ${existing ? "replace" : "add"} its summary sheet${existing ? ` ${existing.name}` : ""}. Nothing was changed.`,
        detail: "Unprotect the structure (Review > Protect Workbook), then press Analyse again.",
      };
    }
    return null;
  };
}

/** `pageLayout`: whether this Excel has worksheet.pageLayout (ExcelApi 1.9); without it the sheet is not set up for print. */
export async function writeSummary(
  context: Excel.RequestContext,
  plan: SummaryPlan,
  ownSheetId: string | null,
  pageLayout = true,
): Promise<SummaryWritten> {
  const sheets = context.workbook.worksheets;
  const own = ownSheetId !== null ? sheets.getItemOrNullObject(ownSheetId) : null;
  own?.load("name,position");
  const active = sheets.getActiveWorksheet();
  active.load("id");
  sheets.load("items/name");
  await context.sync();
  const old = own !== null && !own.isNullObject ? own : null;
  const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
  const finalName = old ? old.name : freeName(SUMMARY_SHEET, taken);
  const buildName = freeName(BUILDING_SHEET, taken);

  const sheet = sheets.add(buildName);
  sheet.visibility = "Hidden";
  try {
    await writeBlocks(context, sheet, plan);
    setWidths(sheet, plan.columnWidths);
    if (plan.chart) addChart(sheet, plan.chart, CHART_NAME);
    if (plan.trajectoryChart) addChart(sheet, plan.trajectoryChart, TRAJECTORY_CHART_NAME);
    await addBridgeChart(context, sheet, plan);
    if (pageLayout) setUpPrint(sheet, plan.print);
    // The swap, in one request: the old summary goes only as the new one takes its name and place.
    sheet.visibility = "Visible";
    if (old) old.delete();
    sheet.name = finalName;
    if (old) sheet.position = old.position;
    if (old && active.id === ownSheetId) sheet.activate();
    sheet.load("id,name");
    await context.sync();
  } catch (error) {
    await discard(context, buildName);
    throw error;
  }
  return { sheetId: sheet.id, sheetName: sheet.name };
}

/** `base`, else `base 2`, `base 3`... whichever no sheet has (Excel compares names without case). */
export function freeName(base: string, taken: ReadonlySet<string>): string {
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  return name;
}

/** Deletes the half-built sheet; should that fail too, the error that stopped the build is the one reported. */
async function discard(context: Excel.RequestContext, buildName: string): Promise<void> {
  try {
    const sheet = context.workbook.worksheets.getItemOrNullObject(buildName);
    await context.sync();
    if (sheet.isNullObject) return;
    sheet.delete();
    await context.sync();
  } catch {
    // Nothing more can be done from here; the status names the first failure.
  }
}

/** Every block, with a sync whenever the cells queued would pass the chunk budget. */
async function writeBlocks(context: Excel.RequestContext, sheet: Excel.Worksheet, plan: SummaryPlan): Promise<void> {
  let queued = 0;
  for (const block of plan.blocks) {
    if (block.cells.length === 0) continue;
    const width = Math.max(...block.cells.map((r) => r.length));
    const formats = block.formats.slice(0, width);
    const formatBytes = matrixBytes([formats]);
    for (let from = 0; from < block.cells.length;) {
      let to = from;
      let bytes = 0;
      // At least one row a chunk: a row of text is at most a few hundred kB (32,767 characters a cell).
      while (to < block.cells.length && (to === from || queued + bytes < CHUNK_BYTES)) {
        bytes += matrixBytes([block.cells[to]]) + formatBytes;
        to++;
      }
      if (queued > 0 && queued + bytes > CHUNK_BYTES) {
        // One sync per chunk is the point: each must be its own request to stay under Excel's 5 MB.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        queued = 0;
      }
      const cells = block.cells.slice(from, to).map((r) => padded(r, width).map(asText));
      const range = sheet.getRangeByIndexes(block.row + from, block.column, cells.length, width);
      range.numberFormat = cells.map(() => formats);
      range.values = cells;
      queued += bytes;
      from = to;
    }
    styleBlock(sheet, block, width);
  }
}

function padded(row: readonly OutputCell[], width: number): OutputCell[] {
  return row.length === width ? [...row] : [...row, ...new Array<OutputCell>(width - row.length).fill("")];
}

/** Text stays text: a group named "=HYPERLINK(...)", "00123", "#N/A" or "1e3" is written as it reads. */
function asText(cell: OutputCell): OutputCell {
  return typeof cell === "string" && cell !== "" ? literalText(cell) : cell;
}

function styleBlock(sheet: Excel.Worksheet, block: SummaryBlock, width: number): void {
  const range = sheet.getRangeByIndexes(block.row, block.column, block.cells.length, width);
  if (block.style === "title") {
    range.format.font.bold = true;
    range.format.font.size = 16;
  }
  if (block.style === "heading") {
    range.format.font.bold = true;
    range.format.font.size = 13;
    range.format.font.color = HEADING_COLOUR;
  }
  if (block.style === "subheading") range.format.font.bold = true;
  if (block.style === "note") range.format.font.color = "#605E5C";
  if (block.style === "table") {
    const header = range.getRow(0);
    header.format.font.bold = true;
    header.format.fill.color = HEADER_STYLE.fill;
    header.format.font.color = HEADER_STYLE.font;
  }
}

/** Widths worked out from the tables' content (summaryLayout.ts): autofit would size a column by one table only. */
function setWidths(sheet: Excel.Worksheet, widths: readonly number[]): void {
  widths.forEach((width, column) => {
    sheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = width;
  });
}

function addChart(sheet: Excel.Worksheet, plan: SummaryChart, name: string): void {
  const { data, title, row, column } = plan;
  const source = sheet.getRangeByIndexes(data.row, data.column, data.cells.length, plan.dataColumns ?? data.cells[0].length);
  const chart = sheet.charts.add(plan.kind, source, "Columns");
  // A fixed name: Excel would otherwise number each rebuilt chart anew ("Chart 2", "Chart 3").
  chart.name = name;
  chart.title.text = title;
  chart.axes.categoryAxis.title.text = plan.axisTitles.category;
  chart.axes.valueAxis.title.text = plan.axisTitles.value;
  chart.setPosition(sheet.getCell(row, column), sheet.getCell(row + plan.rows - 1, column + plan.columns - 1));
}

/** A board paper: landscape, one page wide, title rows on every page, tracker and date above, page numbers below. */
function setUpPrint(sheet: Excel.Worksheet, print: PrintLayout): void {
  const layout = sheet.pageLayout;
  layout.orientation = print.orientation;
  layout.zoom = { horizontalFitToPages: print.pagesWide, verticalFitToPages: 0 };
  layout.setPrintArea(print.area);
  layout.setPrintTitleRows(print.titleRows);
  const page = layout.headersFooters.defaultForAllPages;
  page.leftHeader = print.leftHeader;
  page.rightHeader = print.rightHeader;
  page.centerFooter = print.centerFooter;
}

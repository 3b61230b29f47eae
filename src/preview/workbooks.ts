// The workbooks the preview opens: the sample trust CIP tracker (or a synthetic one of any size) on
// sheet Tracker, and a block of text only on sheet Notes, which is not a tracker at all.
import sample from "../../assets/sample-trust-cip-tracker.json";
import { schemeRegisterWorkbook } from "./schemeWorkbook";
import { SYNTHETIC_HEADER, syntheticTracker } from "../../packages/synthetic-tracker";
import { columnLetters, type WorkbookDouble, type WorkbookDoubleOptions } from "../../packages/excel-double";
import type { PreviewSpec } from "./bridge";

export const TRACKER_SHEET = "Tracker";
export const NOTES_SHEET = "Notes";

/** Text only: the pane must say that nothing here is a savings figure. */
export const NOTES: readonly (readonly string[])[] = [
  ["Trust", "Comment"],
  ["Leeds Teaching Hospitals NHS Trust", "Recovery plan agreed with the region"],
  ["York Teaching Hospital NHS Foundation Trust", "Theatre productivity scheme delayed to Q3"],
  ["Hull University Teaching Hospitals NHS Trust", "Agency cap in place from October"],
  ["Airedale NHS Foundation Trust", "No change since last month"],
];

export interface PreviewWorkbook {
  readonly options: WorkbookDoubleOptions;
  readonly header: readonly unknown[];
  readonly rows: number;
}

export function previewWorkbook(spec: PreviewSpec): PreviewWorkbook {
  if (spec.tracker === "schemes") return schemeRegisterWorkbook(TRACKER_SHEET, NOTES_SHEET, NOTES);
  const header = spec.tracker === "synthetic" ? SYNTHETIC_HEADER : (sample.header as unknown[]);
  const rows = spec.tracker === "synthetic" ? syntheticTracker(spec.rows) : (sample.rows as unknown[][]);
  return {
    options: {
      sheets: { [TRACKER_SHEET]: [header, ...rows], [NOTES_SHEET]: NOTES.map((r) => [...r]) },
      active: TRACKER_SHEET,
    },
    header,
    rows: rows.length,
  };
}

/**
 * Dresses the tracker as analysts keep one (a bold, shaded header; money in whole thousands), so that
 * the pane reads the number formats it would in Excel and writes its money columns the same way.
 */
export async function dressTracker(book: WorkbookDouble, workbook: PreviewWorkbook): Promise<void> {
  const moneyColumns = workbook.header
    .map((h, i) => ({ h: String(h ?? ""), i }))
    .filter(({ h }) => /£|^(Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Jan|Feb|Mar)$|^Actual /.test(h))
    .map(({ i }) => i);
  // The double's own helper, not a request: a million-row column of formats is over Excel's 5 MB.
  for (const column of moneyColumns) {
    const letter = columnLetters(column);
    book.setNumberFormat(`${TRACKER_SHEET}!${letter}2:${letter}${workbook.rows + 1}`, "#,##0");
  }
  await book.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(TRACKER_SHEET);
    const header = sheet.getRangeByIndexes(0, 0, 1, workbook.header.length);
    header.format.font.bold = true;
    header.format.fill.color = "#F2F2F2";
    const notes = context.workbook.worksheets.getItem(NOTES_SHEET);
    notes.getRange("A1:B1").format.font.bold = true;
    notes.getRange("A1:B1").format.fill.color = "#F2F2F2";
    sheet.freezePanes.freezeRows(1);
    await context.sync();
  });
  book.resetStats();
}

/** "A1:AG73" style address of the tracker block, for the page's own labels. */
export function trackerAddress(workbook: PreviewWorkbook): string {
  return `${TRACKER_SHEET}!A1:${columnLetters(workbook.header.length - 1)}${workbook.rows + 1}`;
}

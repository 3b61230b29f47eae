// The sample scheme register as a preview workbook (preview.html?tracker=schemes): one row per
// scheme on sheet Tracker, text on sheet Notes, and, as a workbook an analyst has run before would,
// the year its figures are for (2025/26) remembered in the add-in's settings, so the pane analyses
// that year's plan column and keeps the next year's as context.
import register from "../../assets/sample-scheme-register.json";
import { STATE_KEY } from "../taskpane/workbookState";
import type { WorkbookDoubleOptions } from "../../packages/excel-double";

export function schemeRegisterWorkbook(
  trackerSheet: string,
  notesSheet: string,
  notes: readonly (readonly string[])[],
): { options: WorkbookDoubleOptions; header: readonly unknown[]; rows: number } {
  const header = register.header as unknown[];
  const rows = register.rows as unknown[][];
  const year = Number(String(register.financialYear).slice(0, 4));
  const state = { version: 1, schemeOptions: { settings: { financialYear: year }, dimensions: null } };
  return {
    options: {
      sheets: { [trackerSheet]: [header, ...rows], [notesSheet]: notes.map((r) => [...r]) },
      active: trackerSheet,
      settings: { [STATE_KEY]: JSON.stringify(state) },
    },
    header,
    rows: rows.length,
  };
}

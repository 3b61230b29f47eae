/** Writes and clears of a range's cells, as Excel applies them at sync. */
import { intersect, type Rect } from "../address";
import { checkCellValue, SheetModel, subtract, WorkbookModel } from "../model";
import { cellsWritable, fail, formattable, type RangeRef } from "./shared";

export type CellWriteKind = "values" | "formulas" | "numberFormat";

/** values / formulas / numberFormat: a 2-D array of exactly the range's size, or one value for every cell. */
export function writeCells(model: WorkbookModel, ref: RangeRef, kind: CellWriteKind, v: unknown): void {
  const location = `Range.${kind}`;
  const { sheet, rect } = ref;
  if (kind === "numberFormat") formattable(sheet, "allowFormatCells", location);
  else cellsWritable(model, sheet, rect, location);
  const isGrid = Array.isArray(v);
  if (isGrid) {
    const rows = v as unknown[];
    if (rows.length !== rect.rows) fail("InvalidArgument", location);
    for (const row of rows) if (!Array.isArray(row) || row.length !== rect.columns) fail("InvalidArgument", location);
  }
  const at = isGrid ? (i: number, j: number) => (v as unknown[][])[i][j] : () => v;
  // Check every value before writing any: Excel applies an assignment whole or not at all.
  const check =
    kind === "numberFormat"
      ? (x: unknown) => {
          if (x !== null && x !== undefined && typeof x !== "string") fail("InvalidArgument", location);
        }
      : (x: unknown) => checkCellValue(x, location);
  if (isGrid) {
    for (let i = 0; i < rect.rows; i++) for (let j = 0; j < rect.columns; j++) check(at(i, j));
  } else check(v);
  if (kind === "numberFormat") {
    const memo = new Map<string, Map<number, number>>();
    for (let j = 0; j < rect.columns; j++) {
      const col = sheet.ensureColumn(rect.column + j);
      for (let i = 0; i < rect.rows; i++) {
        const fmt = at(i, j) as string | null | undefined;
        if (fmt === null || fmt === undefined) continue;
        const row = rect.row + i;
        const old = col.style(row);
        let byOld = memo.get(fmt);
        if (!byOld) memo.set(fmt, (byOld = new Map()));
        let id = byOld.get(old);
        if (id === undefined) {
          id = model.styleId({ ...model.styles[old], numberFormat: fmt });
          byOld.set(old, id);
        }
        col.setStyle(row, id);
      }
    }
    return;
  }
  for (let j = 0; j < rect.columns; j++) {
    for (let i = 0; i < rect.rows; i++) model.write(sheet, rect.row + i, rect.column + j, at(i, j), true);
  }
}

/** Range.clear: contents, formats (conditional formats and merges too) or both, cell by cell. */
export function clearRange(model: WorkbookModel, { sheet, rect }: RangeRef, what: string): void {
  const contents = what === "All" || what === "Contents" || what === "ResetContents";
  const formats = what === "All" || what === "Formats";
  if (contents) cellsWritable(model, sheet, rect, "Range.clear");
  if (formats) formattable(sheet, "allowFormatCells", "Range.clear");
  if (contents) {
    for (let c = rect.column; c < rect.column + rect.columns; c++) {
      const col = sheet.column(c);
      if (col) for (let r = rect.row; r < rect.row + rect.rows; r++) col.set(r, 0, 0, undefined);
    }
  }
  if (formats) {
    for (let c = rect.column; c < rect.column + rect.columns; c++) {
      const col = sheet.column(c);
      if (col) for (let r = rect.row; r < rect.row + rect.rows; r++) col.setStyle(r, 0);
    }
    removeConditionalFormats(sheet, rect);
    sheet.merged = sheet.merged.filter((m) => !intersect(m, rect));
  }
}

/** Takes `rect` out of every conditional format's ranges, as Excel does when cells are cleared. */
export function removeConditionalFormats(sheet: SheetModel, rect: Rect): void {
  for (const cf of sheet.liveConditionalFormats()) {
    if (!cf.rects.some((r) => intersect(r, rect))) continue;
    cf.rects = cf.rects.flatMap((r) => subtract(r, rect));
    if (cf.rects.length === 0) cf.deleted = true;
  }
}

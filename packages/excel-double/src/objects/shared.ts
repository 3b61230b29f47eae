/** What the fake objects share: a range's reference, the errors they raise, and checks made at sync. */
import { parseAddress, type Rect, rectInSheet } from "../address";
import { ExcelDoubleError } from "../errors";
import { SheetModel, WorkbookModel } from "../model";
import { FakeRange } from "./range";

export interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

export function fail(code: string, location: string): never {
  throw new ExcelDoubleError(code, location);
}

export function live(sheet: SheetModel, location: string): SheetModel {
  if (sheet.deleted) fail("ItemNotFound", location);
  return sheet;
}

/** For changes a protected sheet refuses whatever its options (charts, tables, conditional formats, freeze panes). */
export function writable(sheet: SheetModel, location: string): SheetModel {
  live(sheet, location);
  if (sheet.protected) fail("AccessDenied", location);
  return sheet;
}

/** Values, formulas and clearing contents: refused on a protected sheet when any cell of `rect` is locked. */
export function cellsWritable(model: WorkbookModel, sheet: SheetModel, rect: Rect, location: string): SheetModel {
  live(sheet, location);
  if (!sheet.protected) return sheet;
  for (let c = rect.column; c < rect.column + rect.columns; c++) {
    const col = sheet.column(c);
    if (!col) fail("AccessDenied", location); // never formatted: locked, Excel's default
    for (let r = rect.row; r < rect.row + rect.rows; r++) if (model.styles[col.style(r)].locked) fail("AccessDenied", location);
  }
  return sheet;
}

export type FormatPermission = "allowFormatCells" | "allowFormatColumns" | "allowFormatRows" | "allowAutoFilter";

/** Formats, widths, heights, hiding and filtering: refused on a protected sheet unless its options allow them. */
export function formattable(sheet: SheetModel, permission: FormatPermission, location: string): SheetModel {
  live(sheet, location);
  if (sheet.protected && !sheet.protectionOptions[permission]) fail("AccessDenied", location);
  return sheet;
}

/** Adding, deleting, renaming, moving, hiding or showing sheets: refused while the workbook's structure is protected. */
export function structureWritable(model: WorkbookModel, location: string): void {
  if (model.structureProtection.protected) fail("AccessDenied", location);
}

export function checkedRect(rect: Rect, location: string): Rect {
  if (!rectInSheet(rect)) fail("InvalidArgument", location);
  return rect;
}

/** A Range argument (our fake) or an address string, resolved at sync. */
export function resolveRangeArg(
  model: WorkbookModel,
  arg: Excel.Range | string,
  defaultSheet: SheetModel | undefined,
  dry: boolean,
  location: string,
): RangeRef {
  if (typeof arg === "string") {
    const parsed = parseAddress(arg);
    if (!parsed) fail("InvalidArgument", location);
    const sheet = parsed.sheet !== undefined ? model.sheetByName(parsed.sheet) : defaultSheet;
    if (!sheet) fail(parsed.sheet !== undefined ? "ItemNotFound" : "InvalidArgument", location);
    return { sheet, rect: parsed.rect };
  }
  const fake = arg as unknown;
  if (!(fake instanceof FakeRange)) fail("InvalidArgument", location);
  return fake.require(dry, location);
}

/** The one value every index from `start` shares, or null when they differ (as Excel reads a mixed row height or rowHidden). */
export function sameOver<V>(start: number, count: number, read: (i: number) => V): V | null {
  const first = read(start);
  for (let i = start + 1; i < start + count; i++) if (read(i) !== first) return null;
  return first;
}

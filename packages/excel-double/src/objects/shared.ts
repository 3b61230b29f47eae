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

export function fail(code: string, location: string): never {
  throw new ExcelDoubleError(code, location);
}

export function live(sheet: SheetModel, location: string): SheetModel {
  if (sheet.deleted) fail("ItemNotFound", location);
  return sheet;
}

export function writable(sheet: SheetModel, location: string): SheetModel {
  live(sheet, location);
  if (sheet.protected) fail("AccessDenied", location);
  return sheet;
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

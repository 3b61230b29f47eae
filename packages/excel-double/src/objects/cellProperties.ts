/** A range's per-cell reads: values, types, formulas, number formats, text, getCellProperties (ExcelApi 1.9), spills (1.12). */
import { cellName, qualifiedAddress } from "../address";
import { SheetModel, type Style, WorkbookModel } from "../model";
import type { Rect } from "../address";
import { fail, type RangeRef } from "./shared";

type Options = Excel.CellPropertiesLoadOptions;
type Format = NonNullable<Excel.CellProperties["format"]>;

/** The option for one part: `true` on the whole takes every part, an object only the parts it names. */
function part(option: unknown, name: string): unknown {
  return option === true
    ? true
    : typeof option === "object" && option !== null
      ? (option as Record<string, unknown>)[name]
      : undefined;
}

function wants(option: unknown, name: string): boolean {
  const v = part(option, name);
  return v === true || (typeof v === "object" && v !== null);
}

function formatOf(style: Style, option: Options["format"]): Format {
  const format: Format = {};
  if (wants(option, "fill")) {
    // No fill reads as white, as RangeFill.color does.
    if (wants(part(option, "fill"), "color")) format.fill = { color: style.fill ?? "#FFFFFF" };
  }
  if (wants(option, "font")) {
    const want = part(option, "font");
    const font: Excel.CellPropertiesFont = {};
    if (wants(want, "bold")) font.bold = style.bold;
    if (wants(want, "italic")) font.italic = style.italic;
    if (wants(want, "color")) font.color = style.fontColor;
    if (wants(want, "name")) font.name = style.fontName;
    if (wants(want, "size")) font.size = style.fontSize;
    format.font = font;
  }
  if (wants(option, "horizontalAlignment")) format.horizontalAlignment = style.horizontalAlignment as Excel.HorizontalAlignment;
  if (wants(option, "protection")) {
    const want = part(option, "protection");
    if (wants(want, "locked")) format.protection = { locked: style.locked };
  }
  return format;
}

export function cellProperties(model: WorkbookModel, { sheet, rect }: RangeRef, options: Options): Excel.CellProperties[][] {
  const out: Excel.CellProperties[][] = [];
  for (let i = 0; i < rect.rows; i++) {
    const row: Excel.CellProperties[] = [];
    for (let j = 0; j < rect.columns; j++) {
      const r = rect.row + i;
      const c = rect.column + j;
      const cell: Excel.CellProperties = {};
      if (options.address) cell.address = qualifiedAddress(sheet.name, { row: r, column: c, rows: 1, columns: 1 });
      if (options.addressLocal) cell.addressLocal = `${sheet.name}!${cellName(r, c)}`;
      if (options.hidden) cell.hidden = sheet.rowHidden(r) || sheet.hiddenColumns.has(c);
      if (options.format) cell.format = formatOf(model.style(sheet, r, c), options.format);
      row.push(cell);
    }
    out.push(row);
  }
  return out;
}

type CellRead = (model: WorkbookModel, sheet: SheetModel, row: number, column: number) => unknown;

const CELL_READS: Record<string, CellRead> = {
  values: (m, s, r, c) => m.value(s, r, c),
  valueTypes: (m, s, r, c) => m.valueType(s, r, c),
  formulas: (m, s, r, c) => m.formula(s, r, c),
  numberFormat: (m, s, r, c) => m.style(s, r, c).numberFormat,
  text: (m, s, r, c) => String(m.value(s, r, c)),
};

/** values / valueTypes / formulas / numberFormat / text: one entry per cell, row by row. */
export function readCells(model: WorkbookModel, { sheet, rect }: RangeRef, name: string): unknown[][] {
  const read = CELL_READS[name];
  const out: unknown[][] = new Array(rect.rows);
  for (let i = 0; i < rect.rows; i++) {
    const row: unknown[] = new Array(rect.columns);
    for (let j = 0; j < rect.columns; j++) row[j] = read(model, sheet, rect.row + i, rect.column + j);
    out[i] = row;
  }
  return out;
}

/**
 * The area an anchor cell spills into (`spillingTo`), or the anchor of the spill a cell is in (the
 * anchor itself included); a blocked anchor (#SPILL!) fills nothing.
 */
export function spillArea(
  model: WorkbookModel,
  { sheet, rect }: RangeRef,
  location: string,
  nullable: boolean,
  spillingTo: boolean,
): Rect | null {
  const none = (code: string) => (nullable ? null : fail(code, location));
  if (rect.rows !== 1 || rect.columns !== 1) return none("InvalidArgument");
  const spill = model.spills(sheet)?.covering(rect.row, rect.column);
  if (!spill) return none("ItemNotFound");
  if (!spillingTo) return { row: spill.row, column: spill.column, rows: 1, columns: 1 };
  return spill.row === rect.row && spill.column === rect.column ? spill.rect : none("ItemNotFound");
}

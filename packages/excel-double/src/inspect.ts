/** Plain, deep-comparable views of the workbook for tests: what an analyst would see, sheet by sheet. */
import { cellName, qualifiedAddress, rectA1 } from "./address";
import { DEFAULT_STYLE, FORMULA, EMPTY, type ProtectionOptions, SheetModel, type Style, WorkbookModel } from "./model";
import { chartSeriesNames } from "./objects/charts";
import { defaultPageLayout, type PageLayoutModel } from "./pageLayoutModel";
import { SPILL_ERROR } from "./spills";

export interface ConditionalFormatInfo {
  address: string;
  type: string;
  rule: { operator: string; text: string } | { formula: string } | null;
  format: { fill: string | null; fontColor: string | null; bold: boolean | null; italic: boolean | null };
}

export interface ChartInfo {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position: { start: string; end: string | null } | null;
  series: string[];
  /** Present once an axis has a title. */
  axisTitles?: { category: string; value: string };
}

export interface TableInfo {
  name: string;
  address: string;
  hasHeaders: boolean;
}

export interface NameInfo {
  name: string;
  formula: string;
  comment: string;
  /** "Workbook", or the name of the sheet a worksheet-scoped name belongs to. */
  scope: string;
}

/** A cell as the snapshot keeps it: only what differs from an empty, unformatted cell. */
export interface CellSnapshot {
  v?: unknown;
  f?: string;
  /** A formula whose result is an array: the area it spills into, or "#SPILL!" when something is in the way. */
  spill?: string;
  /** A spilled cell's value (it has no formula of its own). */
  sv?: unknown;
  nf?: string;
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  font?: string;
  size?: number;
  align?: string;
  unlocked?: boolean;
}

export interface SheetSnapshot {
  name: string;
  visibility: string;
  protected: boolean;
  protection: ProtectionOptions | null;
  freeze: { rows: number; columns: number };
  cells: Record<string, CellSnapshot>;
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  hiddenRows: number[];
  hiddenColumns: number[];
  autoFilter: { address: string; criteria: (Excel.FilterCriteria | null)[]; filteredRows: number[] } | null;
  merged: string[];
  conditionalFormats: ConditionalFormatInfo[];
  charts: ChartInfo[];
  tables: TableInfo[];
  /** The page set-up, left out (undefined) while it is Excel's default. */
  pageLayout?: PageLayoutModel;
}

export interface WorkbookSnapshot {
  /** In tab order. */
  sheets: SheetSnapshot[];
  active: string;
  selection: string[];
  structureProtected: boolean;
  names: NameInfo[];
  settings?: Record<string, unknown>;
  savedSettings?: Record<string, unknown>;
}

export function conditionalFormatInfo(sheet: SheetModel): ConditionalFormatInfo[] {
  return sheet.liveConditionalFormats().map((cf) => ({
    address: cf.rects.map((r) => qualifiedAddress(sheet.name, r)).join(","),
    type: cf.type,
    rule: cf.textRule ? { ...cf.textRule } : cf.formula !== null ? { formula: cf.formula } : null,
    format: { ...cf.format },
  }));
}

export function chartInfo(model: WorkbookModel, sheet: SheetModel): ChartInfo[] {
  return sheet.liveCharts().map((c) => ({
    name: c.name,
    type: c.type,
    source: qualifiedAddress(sheet.name, c.source),
    seriesBy: c.seriesBy,
    title: c.title,
    position: c.position ? { ...c.position } : null,
    series: chartSeriesNames(model, sheet, c),
    ...(c.axisTitles.category || c.axisTitles.value ? { axisTitles: { ...c.axisTitles } } : {}),
  }));
}

export function tableInfo(sheet: SheetModel): TableInfo[] {
  return sheet
    .liveTables()
    .map((t) => ({ name: t.name, address: qualifiedAddress(sheet.name, t.rect), hasHeaders: t.hasHeaders }));
}

export function nameInfo(model: WorkbookModel): NameInfo[] {
  return model.liveNames().map((n) => ({
    name: n.name,
    formula: n.formula,
    comment: n.comment,
    scope: n.sheetId === null ? "Workbook" : (model.liveSheets().find((s) => s.id === n.sheetId)?.name ?? ""),
  }));
}

export function selectionInfo(model: WorkbookModel): string[] {
  const s = model.liveSheets().find((x) => x.id === model.selection.sheetId);
  return s ? model.selection.rects.map((r) => qualifiedAddress(s.name, r)) : [];
}

/** The style fields that differ from Excel's default, under the snapshot's short keys. */
export function styleDifferences(style: Style): CellSnapshot {
  const cell: CellSnapshot = {};
  if (style.numberFormat !== DEFAULT_STYLE.numberFormat) cell.nf = style.numberFormat;
  if (style.fill !== null) cell.fill = style.fill;
  if (style.bold) cell.bold = true;
  if (style.italic) cell.italic = true;
  if (style.fontColor !== DEFAULT_STYLE.fontColor) cell.color = style.fontColor;
  if (style.fontName !== DEFAULT_STYLE.fontName) cell.font = style.fontName;
  if (style.fontSize !== DEFAULT_STYLE.fontSize) cell.size = style.fontSize;
  if (style.horizontalAlignment !== DEFAULT_STYLE.horizontalAlignment) cell.align = style.horizontalAlignment;
  if (!style.locked) cell.unlocked = true;
  return cell;
}

function cellsOf(model: WorkbookModel, sheet: SheetModel): Record<string, CellSnapshot> {
  const cells: Record<string, CellSnapshot> = {};
  const used = model.usedRect(sheet, false);
  if (!used) return cells;
  const spills = model.spills(sheet);
  for (let c = used.column; c < used.column + used.columns; c++) {
    const col = sheet.column(c);
    for (let r = used.row; r < used.row + used.rows; r++) {
      const kind = col ? col.kind(r) : EMPTY;
      const cell = styleDifferences(model.style(sheet, r, c));
      if (kind === FORMULA) {
        cell.f = col!.str(r);
        const spill = spills?.anchoredAt(r, c);
        if (spill) cell.spill = spill.spilling ? rectA1(spill.rect) : SPILL_ERROR;
      } else if (kind !== EMPTY) cell.v = model.value(sheet, r, c);
      else {
        const spilled = spills?.spilledValue(r, c);
        if (spilled) cell.sv = spilled.value;
      }
      if (Object.keys(cell).length) cells[cellName(r, c)] = cell;
    }
  }
  return cells;
}

const sorted = (set: Set<number>): number[] => [...set].sort((a, b) => a - b);
const byIndex = (map: Map<number, number>): Record<string, number> =>
  Object.fromEntries([...map].sort((a, b) => a[0] - b[0]).map(([i, v]) => [String(i), v]));

export function sheetSnapshot(model: WorkbookModel, sheet: SheetModel): SheetSnapshot {
  const filter = sheet.autoFilter;
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    protected: sheet.protected,
    protection: sheet.protected ? { ...sheet.protectionOptions } : null,
    freeze: { ...sheet.freeze },
    cells: cellsOf(model, sheet),
    columnWidths: byIndex(sheet.columnWidths),
    rowHeights: byIndex(sheet.rowHeights),
    hiddenRows: sorted(sheet.hiddenRows),
    hiddenColumns: sorted(sheet.hiddenColumns),
    autoFilter: filter
      ? {
          address: rectA1(filter.rect),
          criteria: Array.from({ length: filter.rect.columns }, (_, i) =>
            filter.criteria[i] ? { ...filter.criteria[i]! } : null,
          ),
          filteredRows: sorted(sheet.filteredRows),
        }
      : null,
    merged: sheet.merged.map((r) => rectA1(r)),
    conditionalFormats: conditionalFormatInfo(sheet),
    charts: chartInfo(model, sheet),
    tables: tableInfo(sheet),
    pageLayout:
      JSON.stringify(sheet.pageLayout) === JSON.stringify(defaultPageLayout())
        ? undefined
        : (JSON.parse(JSON.stringify(sheet.pageLayout)) as PageLayoutModel),
  };
}

export function workbookSnapshot(model: WorkbookModel, withSettings: boolean): WorkbookSnapshot {
  const snapshot: WorkbookSnapshot = {
    sheets: model.liveSheets().map((sheet) => sheetSnapshot(model, sheet)),
    active: model.liveSheets().find((s) => s.id === model.activeSheetId)?.name ?? "",
    selection: selectionInfo(model),
    structureProtected: model.structureProtection.protected,
    names: nameInfo(model),
  };
  if (withSettings) {
    snapshot.settings = JSON.parse(JSON.stringify(Object.fromEntries(model.settings)));
    snapshot.savedSettings = JSON.parse(JSON.stringify(model.savedSettings));
  }
  return snapshot;
}

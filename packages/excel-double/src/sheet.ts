/** A worksheet's model and the models of what lives on it. */
import { MAX_COLUMNS, MAX_ROWS, Rect } from "./address";
import { Column, EMPTY } from "./column";
import { defaultPageLayout, type PageLayoutModel } from "./pageLayoutModel";

export interface ConditionalFormatModel {
  id: string;
  rects: Rect[];
  type: string;
  textRule: { operator: string; text: string } | null;
  formula: string | null;
  format: { fill: string | null; fontColor: string | null; bold: boolean | null; italic: boolean | null };
  deleted: boolean;
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  source: Rect;
  seriesBy: string;
  title: string;
  position: { start: string; end: string | null } | null;
  /** The axes' titles, "" while unset. */
  axisTitles: { category: string; value: string };
  deleted: boolean;
}

export interface TableModel {
  id: string;
  name: string;
  rect: Rect;
  hasHeaders: boolean;
  deleted: boolean;
}

export interface NameModel {
  name: string;
  /** The sheet a worksheet-scoped name belongs to; null for a workbook-scoped name. */
  sheetId: string | null;
  formula: string;
  comment: string;
  deleted: boolean;
}

export interface AutoFilterModel {
  rect: Rect;
  /** Criteria by column offset within `rect`. */
  criteria: (Excel.FilterCriteria | undefined)[];
}

export type ProtectionOptions = Required<Excel.WorksheetProtectionOptions>;

/** What a protected sheet still allows when protect() is given no options, as in Excel. */
export const DEFAULT_PROTECTION_OPTIONS: ProtectionOptions = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: "Normal" as Excel.ProtectionSelectionMode,
};

export class SheetModel {
  columns: (Column | undefined)[] = [];
  protected = false;
  protectionOptions: ProtectionOptions = { ...DEFAULT_PROTECTION_OPTIONS };
  protectionPassword = "";
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  /** Rows hidden by hand (Range.rowHidden) and rows an AutoFilter hides; a row is hidden when in either. */
  hiddenRows = new Set<number>();
  filteredRows = new Set<number>();
  hiddenColumns = new Set<number>();
  rowHeights = new Map<number, number>();
  autoFilter: AutoFilterModel | null = null;
  freeze = { rows: 0, columns: 0 };
  merged: Rect[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  charts: ChartModel[] = [];
  tables: TableModel[] = [];
  columnWidths = new Map<number, number>();
  pageLayout: PageLayoutModel = defaultPageLayout();
  deleted = false;
  chartCounter = 0;
  constructor(
    readonly id: string,
    public name: string,
  ) {}

  column(c: number): Column | undefined {
    return this.columns[c];
  }
  ensureColumn(c: number): Column {
    return (this.columns[c] ??= new Column());
  }
  hasValue(row: number, column: number): boolean {
    const col = this.columns[column];
    return !!col && col.kind(row) !== EMPTY;
  }
  /** Rect of used cells (values only, or values and formats), or undefined when empty. */
  usedRect(valuesOnly: boolean): Rect | undefined {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    this.columns.forEach((col, c) => {
      const e = col?.extent(!valuesOnly);
      if (!e) return;
      r0 = Math.min(r0, e[0]);
      r1 = Math.max(r1, e[1]);
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, c);
    });
    return r1 < 0 ? undefined : { row: r0, column: c0, rows: r1 - r0 + 1, columns: c1 - c0 + 1 };
  }
  rowHasValue(row: number, c0: number, c1: number): boolean {
    if (row < 0 || row >= MAX_ROWS) return false;
    for (let c = Math.max(0, c0); c <= Math.min(MAX_COLUMNS - 1, c1); c++) if (this.hasValue(row, c)) return true;
    return false;
  }
  columnHasValue(column: number, r0: number, r1: number): boolean {
    if (column < 0 || column >= MAX_COLUMNS) return false;
    const col = this.columns[column];
    return !!col && col.anyValue(r0, r1);
  }
  /** Excel's current region (Ctrl+Shift+*): grow while any neighbouring cell, diagonals included, holds a value. */
  currentRegion(start: Rect): Rect {
    let r0 = start.row;
    let c0 = start.column;
    let r1 = start.row + start.rows - 1;
    let c1 = start.column + start.columns - 1;
    let changed = true;
    while (changed) {
      changed = false;
      while (r0 > 0 && this.rowHasValue(r0 - 1, c0 - 1, c1 + 1)) (r0--, (changed = true));
      while (r1 < MAX_ROWS - 1 && this.rowHasValue(r1 + 1, c0 - 1, c1 + 1)) (r1++, (changed = true));
      while (c0 > 0 && this.columnHasValue(c0 - 1, r0 - 1, r1 + 1)) (c0--, (changed = true));
      while (c1 < MAX_COLUMNS - 1 && this.columnHasValue(c1 + 1, r0 - 1, r1 + 1)) (c1++, (changed = true));
    }
    return { row: r0, column: c0, rows: r1 - r0 + 1, columns: c1 - c0 + 1 };
  }
  /** Hides or shows whole rows or columns; showing a row also shows it when a filter had hidden it. */
  setHidden(rows: boolean, from: number, count: number, hidden: boolean): void {
    const set = rows ? this.hiddenRows : this.hiddenColumns;
    for (let i = from; i < from + count; i++) {
      if (hidden) set.add(i);
      else {
        set.delete(i);
        if (rows) this.filteredRows.delete(i);
      }
    }
  }
  rowHidden(row: number): boolean {
    return this.hiddenRows.has(row) || this.filteredRows.has(row);
  }
  liveTables(): TableModel[] {
    return this.tables.filter((t) => !t.deleted);
  }
  liveCharts(): ChartModel[] {
    return this.charts.filter((c) => !c.deleted);
  }
  liveConditionalFormats(): ConditionalFormatModel[] {
    return this.conditionalFormats.filter((c) => !c.deleted);
  }
}

/**
 * worksheet.autoFilter: one filter range a sheet, criteria by column. Rows a filter leaves out are
 * hidden (Range.rowHidden reads them as hidden); clearing the criteria or removing the filter shows
 * them again, leaving rows hidden by hand hidden.
 */
import { FakeObject, type LoadOption, real } from "../base";
import { type SyncAccumulator, SyncEngine } from "../context";
import { type AutoFilterModel, SheetModel, WorkbookModel } from "../model";
import { keptRows } from "./filterCriteria";
import { FakeRange } from "./range";
import { fail, formattable, resolveRangeArg } from "./shared";
import type { FakeWorksheet } from "./worksheet";

/** Hides the data rows (all but the header) any column's criteria leave out. */
export function refilter(model: WorkbookModel, sheet: SheetModel): void {
  sheet.filteredRows.clear();
  const filter = sheet.autoFilter;
  if (!filter) return;
  const { rect } = filter;
  filter.criteria.forEach((criteria, offset) => {
    if (!criteria) return;
    const column = rect.column + offset;
    const cells = [];
    for (let r = rect.row + 1; r < rect.row + rect.rows; r++) {
      cells.push({ value: model.value(sheet, r, column), style: model.style(sheet, r, column) });
    }
    keptRows(criteria, cells).forEach((kept, i) => {
      if (!kept) sheet.filteredRows.add(rect.row + 1 + i);
    });
  });
}

export class FakeAutoFilter
  extends FakeObject<SheetModel>
  implements
    Pick<
      Excel.AutoFilter,
      | "apply"
      | "clearCriteria"
      | "clearColumnCriteria"
      | "reapply"
      | "remove"
      | "getRange"
      | "getRangeOrNullObject"
      | "enabled"
      | "isDataFiltered"
      | "criteria"
      | "load"
    >
{
  constructor(engine: SyncEngine, worksheet: FakeWorksheet) {
    super(engine, "AutoFilter", (dry) => worksheet.require(dry, "Worksheet.autoFilter"));
  }
  get enabled(): boolean {
    return this.prop("enabled");
  }
  get isDataFiltered(): boolean {
    return this.prop("isDataFiltered");
  }
  get criteria(): Excel.FilterCriteria[] {
    return this.prop("criteria");
  }
  load(option?: LoadOption): Excel.AutoFilter {
    this.queueLoad(option);
    return real(this);
  }
  private change(location: string, f: (sheet: SheetModel, acc: SyncAccumulator) => void): void {
    this.queueChange(0, (sheet, acc) => {
      formattable(sheet, "allowAutoFilter", location);
      f(sheet, acc);
      refilter(this.engine.state.model, sheet);
    });
  }
  /** A range other than the current filter's starts a new filter; criteria, if given, go on column `columnIndex` of it. */
  apply(range: Excel.Range | string, columnIndex?: number, criteria?: Excel.FilterCriteria): void {
    this.change("AutoFilter.apply", (sheet, acc) => {
      const location = "AutoFilter.apply";
      const ref = resolveRangeArg(this.engine.state.model, range, sheet, acc.dry, location);
      if (ref.sheet !== sheet) fail("InvalidArgument", location);
      const same = sheet.autoFilter && JSON.stringify(sheet.autoFilter.rect) === JSON.stringify(ref.rect);
      const filter: AutoFilterModel = same ? sheet.autoFilter! : { rect: ref.rect, criteria: [] };
      if (criteria !== undefined) {
        if (columnIndex === undefined || !(columnIndex >= 0 && columnIndex < ref.rect.columns)) fail("InvalidArgument", location);
        filter.criteria[columnIndex] = { ...criteria };
      }
      sheet.autoFilter = filter;
    });
  }
  clearCriteria(): void {
    this.change("AutoFilter.clearCriteria", (sheet) => {
      if (sheet.autoFilter) sheet.autoFilter.criteria = [];
    });
  }
  clearColumnCriteria(columnIndex: number): void {
    this.change("AutoFilter.clearColumnCriteria", (sheet) => {
      if (!sheet.autoFilter || !(columnIndex >= 0 && columnIndex < sheet.autoFilter.rect.columns))
        fail("InvalidArgument", "AutoFilter.clearColumnCriteria");
      sheet.autoFilter.criteria[columnIndex] = undefined;
    });
  }
  reapply(): void {
    this.change("AutoFilter.reapply", () => undefined);
  }
  remove(): void {
    this.change("AutoFilter.remove", (sheet) => {
      sheet.autoFilter = null;
    });
  }
  private range(nullable: boolean): Excel.Range {
    const location = nullable ? "AutoFilter.getRangeOrNullObject" : "AutoFilter.getRange";
    return real(
      new FakeRange(
        this.engine,
        (dry) => {
          const sheet = this.require(dry, location);
          if (sheet.autoFilter) return { sheet, rect: sheet.autoFilter.rect };
          return nullable ? null : fail("ItemNotFound", location);
        },
        nullable,
      ),
    );
  }
  getRange(): Excel.Range {
    return this.range(false);
  }
  getRangeOrNullObject(): Excel.Range {
    return this.range(true);
  }
  protected scalarNames(): string[] {
    return ["enabled", "isDataFiltered", "criteria"];
  }
  protected readScalar(name: string, sheet: SheetModel, acc: SyncAccumulator): unknown {
    const filter = sheet.autoFilter;
    if (name === "enabled") return filter !== null;
    if (name === "isDataFiltered") return !!filter && filter.criteria.some((c) => c !== undefined);
    if (name === "criteria") {
      if (!filter) return [];
      return Array.from({ length: filter.rect.columns }, (_, i) => ({ ...(filter.criteria[i] ?? { filterOn: "Custom" }) }));
    }
    return super.readScalar(name, sheet, acc);
  }
}

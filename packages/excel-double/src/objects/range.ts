/** Range: cell properties read and written, navigation, clear and select. */
import { contains, intersect, MAX_COLUMNS, MAX_ROWS, qualifiedAddress, type Rect } from "../address";
import { FakeClientResult, FakeObject, type LoadOption, real } from "../base";
import { countReadCells, OPERATION_BYTES, type SyncAccumulator, SyncEngine } from "../context";
import { ExcelDoubleError } from "../errors";
import { jsonSize, WorkbookModel } from "../model";
import { cellProperties, readCells, spillArea } from "./cellProperties";
import { type CellWriteKind, clearRange, writeCells } from "./cellWrites";
import { FakeConditionalFormatCollection } from "./conditionalFormats";
import { FakeRangeAreas } from "./rangeAreas";
import { FakeRangeFormat } from "./rangeFormat";
import { checkedRect, fail, formattable, live, type RangeRef, resolveRangeArg, sameOver } from "./shared";
import { FakeTableScopedCollection } from "./tables";
import { FakeWorksheet } from "./worksheet";

/** Range.getMergedAreasOrNullObject fails above this many merged areas. */
export const MERGED_AREAS_LIMIT = 512;

export const CELL_PROPERTIES = new Set(["values", "valueTypes", "numberFormat", "formulas", "text"]);

export function uniform<V>(ref: RangeRef, read: (row: number, column: number) => V): V | null {
  let first: V | undefined;
  let seen = false;
  const { rect } = ref;
  for (let c = rect.column; c < rect.column + rect.columns; c++) {
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      const v = read(r, c);
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) return null;
    }
  }
  return first as V;
}

export class FakeRange
  extends FakeObject<RangeRef>
  implements
    Pick<
      Excel.Range,
      | "load"
      | "isNullObject"
      | "address"
      | "rowIndex"
      | "columnIndex"
      | "rowCount"
      | "columnCount"
      | "cellCount"
      | "values"
      | "valueTypes"
      | "numberFormat"
      | "formulas"
      | "worksheet"
      | "format"
      | "conditionalFormats"
      | "getSurroundingRegion"
      | "getCell"
      | "getRow"
      | "getColumn"
      | "getOffsetRange"
      | "getResizedRange"
      | "getIntersection"
      | "getIntersectionOrNullObject"
      | "getUsedRange"
      | "getUsedRangeOrNullObject"
      | "getTables"
      | "getMergedAreasOrNullObject"
      | "getEntireRow"
      | "getEntireColumn"
      | "getCellProperties"
      | "hasSpill"
      | "getSpillingToRange"
      | "getSpillingToRangeOrNullObject"
      | "getSpillParent"
      | "getSpillParentOrNullObject"
      | "rowHidden"
      | "columnHidden"
      | "clear"
      | "select"
      | "track"
      | "untrack"
    >
{
  private formatFake: FakeRangeFormat | undefined;
  private worksheetFake: FakeWorksheet | undefined;
  private conditionalFormatsFake: FakeConditionalFormatCollection | undefined;

  constructor(engine: SyncEngine, find: (dry: boolean) => RangeRef | null, nullable = false) {
    super(engine, "Range", find, nullable);
  }
  private get model(): WorkbookModel {
    return this.engine.state.model;
  }

  // -- properties
  get address(): string {
    return this.prop("address");
  }
  get rowIndex(): number {
    return this.prop("rowIndex");
  }
  get columnIndex(): number {
    return this.prop("columnIndex");
  }
  get rowCount(): number {
    return this.prop("rowCount");
  }
  get columnCount(): number {
    return this.prop("columnCount");
  }
  get cellCount(): number {
    return this.prop("cellCount");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get values(): any[][] {
    return this.prop("values");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set values(v: any[][]) {
    this._p.values = v;
    this.queueCells("values", v);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get formulas(): any[][] {
    return this.prop("formulas");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set formulas(v: any[][]) {
    this._p.formulas = v;
    this.queueCells("formulas", v);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get numberFormat(): any[][] {
    return this.prop("numberFormat");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set numberFormat(v: any[][]) {
    this._p.numberFormat = v;
    this.queueCells("numberFormat", v);
  }
  /** True when every row of the range is hidden (by hand or by a filter), false when none is, null when mixed. */
  get rowHidden(): boolean {
    return this.prop("rowHidden");
  }
  set rowHidden(value: boolean) {
    this._p.rowHidden = value;
    this.queueChange(0, ({ sheet, rect }) => {
      formattable(sheet, "allowFormatRows", "Range.rowHidden").setHidden(true, rect.row, rect.rows, value);
    });
  }
  get columnHidden(): boolean {
    return this.prop("columnHidden");
  }
  set columnHidden(value: boolean) {
    this._p.columnHidden = value;
    this.queueChange(0, ({ sheet, rect }) => {
      formattable(sheet, "allowFormatColumns", "Range.columnHidden").setHidden(false, rect.column, rect.columns, value);
    });
  }
  /** True when every cell is in an active spill (anchor included), false when none is, null when mixed (ExcelApi 1.12). */
  get hasSpill(): boolean {
    return this.prop("hasSpill");
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this.prop("valueTypes");
  }
  get worksheet(): Excel.Worksheet {
    return real(this.worksheetNav());
  }
  get format(): Excel.RangeFormat {
    return real(this.formatNav());
  }
  get conditionalFormats(): Excel.ConditionalFormatCollection {
    return real((this.conditionalFormatsFake ??= new FakeConditionalFormatCollection(this.engine, this)));
  }
  private worksheetNav(): FakeWorksheet {
    return (this.worksheetFake ??= new FakeWorksheet(this.engine, (dry) => this.require(dry, "Range.worksheet").sheet));
  }
  private formatNav(): FakeRangeFormat {
    return (this.formatFake ??= new FakeRangeFormat(this.engine, this));
  }

  load(option?: LoadOption): Excel.Range {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return [
      "address",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
      "cellCount",
      "values",
      "valueTypes",
      "numberFormat",
      "formulas",
      "rowHidden",
      "columnHidden",
      "hasSpill",
    ];
  }
  protected nav(name: string): FakeObject<unknown> | undefined {
    if (name === "worksheet") return this.worksheetNav();
    if (name === "format") return this.formatNav();
    return undefined;
  }
  protected cellsRead(paths: string[][]): number {
    const cellProps = paths.some((p) => (p.length === 0 ? true : p.length === 1 && CELL_PROPERTIES.has(p[0])));
    if (!cellProps) return 0;
    try {
      const ref = this.target(true);
      return ref ? ref.rect.rows * ref.rect.columns : 0;
    } catch {
      return 0;
    }
  }
  protected beforeScalars(names: string[], ref: RangeRef, acc: SyncAccumulator): void {
    live(ref.sheet, "Range.load");
    if (names.some((n) => CELL_PROPERTIES.has(n))) countReadCells(acc, ref.rect.rows * ref.rect.columns, "Range.load");
  }
  protected readScalar(name: string, ref: RangeRef, acc: SyncAccumulator): unknown {
    const { sheet, rect } = ref;
    if (CELL_PROPERTIES.has(name)) return readCells(this.model, ref, name);
    switch (name) {
      case "address":
        return qualifiedAddress(sheet.name, rect);
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.column;
      case "rowCount":
        return rect.rows;
      case "columnCount":
        return rect.columns;
      case "cellCount":
        return rect.rows * rect.columns;
      case "rowHidden":
        return sameOver(rect.row, rect.rows, (r) => sheet.rowHidden(r));
      case "columnHidden":
        return sameOver(rect.column, rect.columns, (c) => sheet.hiddenColumns.has(c));
      case "hasSpill": {
        const spills = this.model.spills(sheet);
        return uniform(ref, (r, c) => !!spills?.covering(r, c));
      }
      default:
        return super.readScalar(name, ref, acc);
    }
  }

  /** values / formulas / numberFormat: a 2-D array of exactly the range's size, or one value for every cell. */
  private queueCells(kind: CellWriteKind, v: unknown): void {
    this.queueChange(jsonSize(v), (ref) => writeCells(this.model, ref, kind, v));
  }

  // -- navigation
  private derived(location: string, f: (ref: RangeRef) => Rect | null, nullable = false): Excel.Range {
    return real(
      new FakeRange(
        this.engine,
        (dry) => {
          const base = this.target(dry);
          if (base === null) return nullable ? null : fail("ItemNotFound", location);
          const r = f(base);
          return r === null ? null : { sheet: base.sheet, rect: checkedRect(r, location) };
        },
        nullable,
      ),
    );
  }
  getCell(row: number, column: number): Excel.Range {
    return this.derived("Range.getCell", ({ rect }) => ({
      row: rect.row + row,
      column: rect.column + column,
      rows: 1,
      columns: 1,
    }));
  }
  getRow(row: number): Excel.Range {
    return this.derived("Range.getRow", ({ rect }) =>
      row >= 0 && row < rect.rows
        ? { row: rect.row + row, column: rect.column, rows: 1, columns: rect.columns }
        : fail("InvalidArgument", "Range.getRow"),
    );
  }
  getColumn(column: number): Excel.Range {
    return this.derived("Range.getColumn", ({ rect }) =>
      column >= 0 && column < rect.columns
        ? { row: rect.row, column: rect.column + column, rows: rect.rows, columns: 1 }
        : fail("InvalidArgument", "Range.getColumn"),
    );
  }
  getOffsetRange(rowOffset: number, columnOffset: number): Excel.Range {
    return this.derived("Range.getOffsetRange", ({ rect }) => ({
      ...rect,
      row: rect.row + rowOffset,
      column: rect.column + columnOffset,
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Excel.Range {
    return this.derived("Range.getResizedRange", ({ rect }) => ({
      ...rect,
      rows: rect.rows + deltaRows,
      columns: rect.columns + deltaColumns,
    }));
  }
  getEntireRow(): Excel.Range {
    return this.derived("Range.getEntireRow", ({ rect }) => ({ ...rect, column: 0, columns: MAX_COLUMNS }));
  }
  getEntireColumn(): Excel.Range {
    return this.derived("Range.getEntireColumn", ({ rect }) => ({ ...rect, row: 0, rows: MAX_ROWS }));
  }
  /** Each cell's format and more (ExcelApi 1.9), as loaded; counts towards the cell limit like values. */
  getCellProperties(
    cellPropertiesLoadOptions: Excel.CellPropertiesLoadOptions,
  ): OfficeExtension.ClientResult<Excel.CellProperties[][]> {
    return real(
      new FakeClientResult(
        this.engine,
        (dry) => {
          const ref = this.require(dry, "Range.getCellProperties");
          return cellProperties(this.model, ref, cellPropertiesLoadOptions);
        },
        () => {
          const ref = this.target(true);
          return ref ? ref.rect.rows * ref.rect.columns : 0;
        },
      ),
    );
  }
  getSurroundingRegion(): Excel.Range {
    return this.derived("Range.getSurroundingRegion", ({ sheet, rect }) => sheet.currentRegion(rect));
  }
  private intersection(other: Excel.Range | string, nullable: boolean): Excel.Range {
    const location = nullable ? "Range.getIntersectionOrNullObject" : "Range.getIntersection";
    return real(
      new FakeRange(
        this.engine,
        (dry) => {
          const base = this.target(dry);
          if (base === null) return nullable ? null : fail("ItemNotFound", location);
          const o = resolveRangeArg(this.model, other, base.sheet, dry, location);
          const x = o.sheet === base.sheet ? intersect(base.rect, o.rect) : undefined;
          if (!x) return nullable ? null : fail("InvalidArgument", location);
          return { sheet: base.sheet, rect: x };
        },
        nullable,
      ),
    );
  }
  getIntersection(anotherRange: Excel.Range | string): Excel.Range {
    return this.intersection(anotherRange, false);
  }
  getIntersectionOrNullObject(anotherRange: Excel.Range | string): Excel.Range {
    return this.intersection(anotherRange, true);
  }
  private used(valuesOnly: boolean | undefined, nullable: boolean): Excel.Range {
    return this.derived(
      "Range.getUsedRange",
      ({ sheet, rect }) => {
        const u = this.model.usedRect(sheet, !!valuesOnly);
        const x = u && intersect(u, rect);
        return x ?? (nullable ? null : { ...rect, rows: 1, columns: 1 });
      },
      nullable,
    );
  }
  getUsedRange(valuesOnly?: boolean): Excel.Range {
    return this.used(valuesOnly, false);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    return this.used(valuesOnly, true);
  }
  // Spills (ExcelApi 1.12): a single cell's, else InvalidArgument; none there, ItemNotFound.
  getSpillingToRange(): Excel.Range {
    return this.derived("Range.getSpillingToRange", (ref) => spillArea(this.model, ref, "Range.getSpillingToRange", false, true));
  }
  getSpillingToRangeOrNullObject(): Excel.Range {
    return this.derived("Range.getSpillingToRangeOrNullObject", (ref) => spillArea(this.model, ref, "", true, true), true);
  }
  getSpillParent(): Excel.Range {
    return this.derived("Range.getSpillParent", (ref) => spillArea(this.model, ref, "Range.getSpillParent", false, false));
  }
  getSpillParentOrNullObject(): Excel.Range {
    return this.derived("Range.getSpillParentOrNullObject", (ref) => spillArea(this.model, ref, "", true, false), true);
  }
  getTables(fullyContained?: boolean): Excel.TableScopedCollection {
    return real(
      new FakeTableScopedCollection(this.engine, (dry) => {
        const { sheet, rect } = this.require(dry, "Range.getTables");
        return sheet.liveTables().filter((t) => (fullyContained ? contains(rect, t.rect) : !!intersect(rect, t.rect)));
      }),
    );
  }
  getMergedAreasOrNullObject(): Excel.RangeAreas {
    return real(
      new FakeRangeAreas(
        this.engine,
        (dry) => {
          const base = this.target(dry);
          if (base === null) return null;
          const rects = base.sheet.merged.filter((m) => intersect(m, base.rect));
          // Microsoft's reference: "if the merged areas count in this range is more than 512, then this method will fail".
          if (rects.length > MERGED_AREAS_LIMIT)
            throw new ExcelDoubleError(
              "GeneralException",
              "Range.getMergedAreasOrNullObject",
              "Too many merged areas to return.",
            );
          return rects.length ? { sheet: base.sheet, rects } : null;
        },
        true,
      ),
    );
  }

  // -- actions
  clear(
    applyTo?: Excel.ClearApplyTo | "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" | "ResetContents",
  ): void {
    const what = applyTo ?? "All";
    this.queueChange(0, (ref) => clearRange(this.model, ref, what));
  }
  select(): void {
    this.engine.enqueue({
      mutates: true,
      requestBytes: OPERATION_BYTES,
      run: (acc) => {
        const { sheet, rect } = this.require(acc.dry, "Range.select");
        this.model.activate(live(sheet, "Range.select"));
        this.model.selections.set(sheet.id, [rect]);
        this.model.selection = { sheetId: sheet.id, rects: [rect] };
      },
    });
  }
  track(): Excel.Range {
    return real(this);
  }
  untrack(): Excel.Range {
    return real(this);
  }
}

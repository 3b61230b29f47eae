/** Range: cell properties read and written, navigation, clear and select. */
import { contains, intersect, qualifiedAddress, type Rect } from "../address";
import { FakeObject, type LoadOption, real } from "../base";
import { countReadCells, OPERATION_BYTES, type SyncAccumulator, SyncEngine } from "../context";
import { checkCellValue, jsonSize, SheetModel, subtract, WorkbookModel } from "../model";
import { FakeConditionalFormatCollection } from "./conditionalFormats";
import { FakeRangeAreas } from "./rangeAreas";
import { FakeRangeFormat } from "./rangeFormat";
import { checkedRect, fail, live, type RangeRef, resolveRangeArg, writable } from "./shared";
import { FakeTableScopedCollection } from "./tables";
import { FakeWorksheet } from "./worksheet";

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
    const grid = <V>(read: (r: number, c: number) => V): V[][] => {
      const out: V[][] = new Array(rect.rows);
      for (let i = 0; i < rect.rows; i++) {
        const row: V[] = new Array(rect.columns);
        for (let j = 0; j < rect.columns; j++) row[j] = read(rect.row + i, rect.column + j);
        out[i] = row;
      }
      return out;
    };
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
      case "values":
        return grid((r, c) => this.model.value(sheet, r, c));
      case "valueTypes":
        return grid((r, c) => this.model.valueType(sheet, r, c));
      case "formulas":
        return grid((r, c) => this.model.formula(sheet, r, c));
      case "numberFormat":
        return grid((r, c) => this.model.style(sheet, r, c).numberFormat);
      case "text":
        return grid((r, c) => String(this.model.value(sheet, r, c)));
      default:
        return super.readScalar(name, ref, acc);
    }
  }

  /** values / formulas / numberFormat: a 2-D array of exactly the range's size, or one value for every cell. */
  private queueCells(kind: "values" | "formulas" | "numberFormat", v: unknown): void {
    const location = `Range.${kind}`;
    this.queueChange(jsonSize(v), (ref) => {
      const { sheet, rect } = ref;
      writable(sheet, location);
      const model = this.model;
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
    });
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
        const u = sheet.usedRect(!!valuesOnly);
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
    this.queueChange(0, ({ sheet, rect }) => {
      writable(sheet, "Range.clear");
      const contents = what === "All" || what === "Contents" || what === "ResetContents";
      const formats = what === "All" || what === "Formats";
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
    });
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

/** Takes `rect` out of every conditional format's ranges, as Excel does when cells are cleared. */
export function removeConditionalFormats(sheet: SheetModel, rect: Rect): void {
  for (const cf of sheet.liveConditionalFormats()) {
    if (!cf.rects.some((r) => intersect(r, rect))) continue;
    cf.rects = cf.rects.flatMap((r) => subtract(r, rect));
    if (cf.rects.length === 0) cf.deleted = true;
  }
}

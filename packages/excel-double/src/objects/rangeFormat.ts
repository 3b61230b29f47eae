/** A range's format: fill, font, column width and autofit. */
import { intersect } from "../address";
import { FakeObject, type LoadOption, real } from "../base";
import { type SyncAccumulator, SyncEngine } from "../context";
import { type Style, WorkbookModel } from "../model";
import { FakeRange, uniform } from "./range";
import { DEFAULT_COLUMN_WIDTH, fail, type RangeRef, writable } from "./shared";

export class FakeRangeFill extends FakeObject<RangeRef> implements Pick<Excel.RangeFill, "color" | "clear" | "load"> {
  constructor(
    engine: SyncEngine,
    private readonly range: FakeRange,
  ) {
    super(engine, "RangeFill", (dry) => range.target(dry));
  }
  get color(): string {
    return this.prop("color");
  }
  set color(value: string) {
    this._p.color = value;
    this.restyle("RangeFill.color", (s) => ({ ...s, fill: normaliseColor(value) }));
  }
  clear(): void {
    this.restyle("RangeFill.clear", (s) => ({ ...s, fill: null }));
  }
  load(option?: LoadOption): Excel.RangeFill {
    this.queueLoad(option);
    return real(this);
  }
  private restyle(location: string, change: (s: Style) => Style): void {
    this.queueChange(0, ({ sheet, rect }) => this.engine.state.model.restyle(writable(sheet, location), rect, change));
  }
  protected scalarNames(): string[] {
    return ["color"];
  }
  protected readScalar(name: string, ref: RangeRef, acc: SyncAccumulator): unknown {
    if (name !== "color") return super.readScalar(name, ref, acc);
    const model = this.engine.state.model;
    const fill = uniform(ref, (r, c) => model.style(ref.sheet, r, c).fill);
    return fill === undefined ? null : fill === null ? (uniformIsNull(ref, model) ? "#FFFFFF" : null) : fill;
  }
}

export function uniformIsNull(ref: RangeRef, model: WorkbookModel): boolean {
  return uniform(ref, (r, c) => model.style(ref.sheet, r, c).fill === null) === true;
}

/** Excel reads colours back as upper-case #RRGGBB. */
export function normaliseColor(value: string): string {
  return /^#[0-9a-f]{6}$/i.test(value) ? value.toUpperCase() : value;
}

export class FakeRangeFont extends FakeObject<RangeRef> implements Pick<Excel.RangeFont, "bold" | "color" | "load"> {
  constructor(engine: SyncEngine, range: FakeRange) {
    super(engine, "RangeFont", (dry) => range.target(dry));
  }
  get bold(): boolean {
    return this.prop("bold");
  }
  set bold(value: boolean) {
    this._p.bold = value;
    this.queueChange(0, ({ sheet, rect }) =>
      this.engine.state.model.restyle(writable(sheet, "RangeFont.bold"), rect, (s) => ({ ...s, bold: value })),
    );
  }
  get color(): string {
    return this.prop("color");
  }
  set color(value: string) {
    this._p.color = value;
    this.queueChange(0, ({ sheet, rect }) =>
      this.engine.state.model.restyle(writable(sheet, "RangeFont.color"), rect, (s) => ({
        ...s,
        fontColor: normaliseColor(value),
      })),
    );
  }
  load(option?: LoadOption): Excel.RangeFont {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["bold", "color"];
  }
  protected readScalar(name: string, ref: RangeRef, acc: SyncAccumulator): unknown {
    const model = this.engine.state.model;
    if (name === "bold") return uniform(ref, (r, c) => model.style(ref.sheet, r, c).bold);
    if (name === "color") return uniform(ref, (r, c) => model.style(ref.sheet, r, c).fontColor);
    return super.readScalar(name, ref, acc);
  }
}

export class FakeRangeFormat
  extends FakeObject<RangeRef>
  implements Pick<Excel.RangeFormat, "fill" | "font" | "columnWidth" | "autofitColumns" | "load">
{
  private readonly fillFake: FakeRangeFill;
  private readonly fontFake: FakeRangeFont;
  constructor(engine: SyncEngine, range: FakeRange) {
    super(engine, "RangeFormat", (dry) => range.target(dry));
    this.fillFake = new FakeRangeFill(engine, range);
    this.fontFake = new FakeRangeFont(engine, range);
  }
  get fill(): Excel.RangeFill {
    return real(this.fillFake);
  }
  get font(): Excel.RangeFont {
    return real(this.fontFake);
  }
  get columnWidth(): number {
    return this.prop("columnWidth");
  }
  set columnWidth(value: number) {
    this._p.columnWidth = value;
    this.queueChange(0, ({ sheet, rect }) => {
      writable(sheet, "RangeFormat.columnWidth");
      if (!(value >= 0)) fail("InvalidArgument", "RangeFormat.columnWidth");
      // A column set back to the standard width is indistinguishable from one never changed, as in Excel.
      for (let c = rect.column; c < rect.column + rect.columns; c++) {
        if (value === DEFAULT_COLUMN_WIDTH) sheet.columnWidths.delete(c);
        else sheet.columnWidths.set(c, value);
      }
    });
  }
  autofitColumns(): void {
    this.queueChange(0, ({ sheet, rect }) => {
      writable(sheet, "RangeFormat.autofitColumns");
      const model = this.engine.state.model;
      const used = sheet.usedRect(true);
      const rows = used && intersect(used, { ...rect, column: used.column, columns: used.columns });
      for (let c = rect.column; c < rect.column + rect.columns; c++) {
        let longest = 0;
        if (rows)
          for (let r = rows.row; r < rows.row + rows.rows; r++)
            longest = Math.max(longest, String(model.value(sheet, r, c)).length);
        // About 5.25 points a character in the default font, plus padding: deterministic, not Excel's metrics.
        sheet.columnWidths.set(c, longest === 0 ? DEFAULT_COLUMN_WIDTH : Math.ceil(longest * 5.25 + 7.5));
      }
    });
  }
  load(option?: LoadOption): Excel.RangeFormat {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["columnWidth"];
  }
  protected nav(name: string): FakeObject<unknown> | undefined {
    return name === "fill" ? this.fillFake : name === "font" ? this.fontFake : undefined;
  }
  protected readScalar(name: string, ref: RangeRef, acc: SyncAccumulator): unknown {
    if (name !== "columnWidth") return super.readScalar(name, ref, acc);
    const widths = new Set<number>();
    for (let c = ref.rect.column; c < ref.rect.column + ref.rect.columns && widths.size < 2; c++) {
      widths.add(ref.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
    }
    return widths.size === 1 ? [...widths][0] : null;
  }
}

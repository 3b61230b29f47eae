/** A range's format: fill, font and protection (rangeStyle.ts), alignment, column widths, row heights and autofit. */
import { intersect } from "../address";
import { FakeObject, type LoadOption, real } from "../base";
import { type SyncAccumulator, SyncEngine } from "../context";
import { FakeRange, uniform } from "./range";
import { FakeFormatProtection, FakeRangeFill, FakeRangeFont } from "./rangeStyle";
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, fail, formattable, type RangeRef, sameOver } from "./shared";

const ALIGNMENTS = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];

export class FakeRangeFormat
  extends FakeObject<RangeRef>
  implements
    Pick<
      Excel.RangeFormat,
      "fill" | "font" | "protection" | "columnWidth" | "rowHeight" | "horizontalAlignment" | "autofitColumns" | "load"
    >
{
  private readonly fillFake: FakeRangeFill;
  private readonly fontFake: FakeRangeFont;
  private readonly protectionFake: FakeFormatProtection;
  constructor(engine: SyncEngine, range: FakeRange) {
    super(engine, "RangeFormat", (dry) => range.target(dry));
    this.fillFake = new FakeRangeFill(engine, range);
    this.fontFake = new FakeRangeFont(engine, range);
    this.protectionFake = new FakeFormatProtection(engine, range);
  }
  get protection(): Excel.FormatProtection {
    return real(this.protectionFake);
  }
  get horizontalAlignment(): Excel.HorizontalAlignment {
    return this.prop("horizontalAlignment");
  }
  set horizontalAlignment(value: Excel.HorizontalAlignment) {
    this._p.horizontalAlignment = value;
    this.queueChange(0, ({ sheet, rect }) => {
      const location = "RangeFormat.horizontalAlignment";
      formattable(sheet, "allowFormatCells", location);
      if (!ALIGNMENTS.includes(value)) fail("InvalidArgument", location);
      this.engine.state.model.restyle(sheet, rect, (s) => ({ ...s, horizontalAlignment: value }));
    });
  }
  get rowHeight(): number {
    return this.prop("rowHeight");
  }
  set rowHeight(value: number) {
    this._p.rowHeight = value;
    this.queueChange(0, ({ sheet, rect }) => {
      formattable(sheet, "allowFormatRows", "RangeFormat.rowHeight");
      if (!(value >= 0 && value <= 409)) fail("InvalidArgument", "RangeFormat.rowHeight");
      for (let r = rect.row; r < rect.row + rect.rows; r++) {
        if (value === DEFAULT_ROW_HEIGHT) sheet.rowHeights.delete(r);
        else sheet.rowHeights.set(r, value);
      }
    });
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
      formattable(sheet, "allowFormatColumns", "RangeFormat.columnWidth");
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
      formattable(sheet, "allowFormatColumns", "RangeFormat.autofitColumns");
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
    return ["columnWidth", "rowHeight", "horizontalAlignment"];
  }
  protected nav(name: string): FakeObject<unknown> | undefined {
    if (name === "protection") return this.protectionFake;
    return name === "fill" ? this.fillFake : name === "font" ? this.fontFake : undefined;
  }
  protected readScalar(name: string, ref: RangeRef, acc: SyncAccumulator): unknown {
    const { sheet, rect } = ref;
    if (name === "columnWidth")
      return sameOver(rect.column, rect.columns, (c) => sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
    if (name === "rowHeight") return sameOver(rect.row, rect.rows, (r) => sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
    if (name === "horizontalAlignment") {
      const model = this.engine.state.model;
      return uniform(ref, (r, c) => model.style(sheet, r, c).horizontalAlignment);
    }
    return super.readScalar(name, ref, acc);
  }
}

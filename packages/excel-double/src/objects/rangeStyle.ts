/** The per-cell parts of a range's format: fill, font and protection (locked). Read back as Excel does: one value, or null when the cells differ. */
import { FakeObject, type LoadOption, real } from "../base";
import { type SyncAccumulator, SyncEngine } from "../context";
import { type Style, WorkbookModel } from "../model";
import { FakeRange, uniform } from "./range";
import { fail, formattable, type RangeRef } from "./shared";

/** Excel reads colours back as upper-case #RRGGBB. */
export function normaliseColor(value: string): string {
  return /^#[0-9a-f]{6}$/i.test(value) ? value.toUpperCase() : value;
}

export function uniformIsNull(ref: RangeRef, model: WorkbookModel): boolean {
  return uniform(ref, (r, c) => model.style(ref.sheet, r, c).fill === null) === true;
}

/** A format object over a range's cells: its writes restyle every cell, its reads are uniform or null. */
abstract class FakeCellStyle<E> extends FakeObject<RangeRef> {
  constructor(engine: SyncEngine, entity: string, range: FakeRange) {
    super(engine, entity, (dry) => range.target(dry));
  }
  protected restyle(location: string, change: (s: Style) => Style): void {
    this.queueChange(0, ({ sheet, rect }) =>
      this.engine.state.model.restyle(formattable(sheet, "allowFormatCells", location), rect, change),
    );
  }
  protected read<K extends keyof Style>(ref: RangeRef, key: K): Style[K] | null {
    const model = this.engine.state.model;
    return uniform(ref, (r, c) => model.style(ref.sheet, r, c)[key]);
  }
  load(option?: LoadOption): E {
    this.queueLoad(option);
    return real(this);
  }
}

export class FakeRangeFill extends FakeCellStyle<Excel.RangeFill> implements Pick<Excel.RangeFill, "color" | "clear" | "load"> {
  constructor(engine: SyncEngine, range: FakeRange) {
    super(engine, "RangeFill", range);
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
  protected scalarNames(): string[] {
    return ["color"];
  }
  protected readScalar(name: string, ref: RangeRef, acc: SyncAccumulator): unknown {
    if (name !== "color") return super.readScalar(name, ref, acc);
    const fill = this.read(ref, "fill");
    return fill === undefined ? null : fill === null ? (uniformIsNull(ref, this.engine.state.model) ? "#FFFFFF" : null) : fill;
  }
}

/** RangeFont's properties and the style fields they stand for. */
const FONT: Record<string, keyof Style> = {
  bold: "bold",
  italic: "italic",
  color: "fontColor",
  name: "fontName",
  size: "fontSize",
};

export class FakeRangeFont
  extends FakeCellStyle<Excel.RangeFont>
  implements Pick<Excel.RangeFont, "bold" | "italic" | "color" | "name" | "size" | "load">
{
  constructor(engine: SyncEngine, range: FakeRange) {
    super(engine, "RangeFont", range);
  }
  private set(name: string, value: unknown, valid: boolean): void {
    this._p[name] = value;
    const location = `RangeFont.${name}`;
    this.restyle(location, (s) => {
      if (!valid) fail("InvalidArgument", location);
      return { ...s, [FONT[name]]: name === "color" ? normaliseColor(value as string) : value };
    });
  }
  get bold(): boolean {
    return this.prop("bold");
  }
  set bold(value: boolean) {
    this.set("bold", value, typeof value === "boolean");
  }
  get italic(): boolean {
    return this.prop("italic");
  }
  set italic(value: boolean) {
    this.set("italic", value, typeof value === "boolean");
  }
  get color(): string {
    return this.prop("color");
  }
  set color(value: string) {
    this.set("color", value, typeof value === "string");
  }
  get name(): string {
    return this.prop("name");
  }
  set name(value: string) {
    this.set("name", value, typeof value === "string" && value !== "");
  }
  get size(): number {
    return this.prop("size");
  }
  set size(value: number) {
    this.set("size", value, typeof value === "number" && value >= 1 && value <= 409);
  }
  protected scalarNames(): string[] {
    return Object.keys(FONT);
  }
  protected readScalar(name: string, ref: RangeRef, acc: SyncAccumulator): unknown {
    return name in FONT ? this.read(ref, FONT[name]) : super.readScalar(name, ref, acc);
  }
}

/** format.protection.locked: which cells stay writable once the sheet is protected. */
export class FakeFormatProtection
  extends FakeCellStyle<Excel.FormatProtection>
  implements Pick<Excel.FormatProtection, "locked" | "load">
{
  constructor(engine: SyncEngine, range: FakeRange) {
    super(engine, "FormatProtection", range);
  }
  get locked(): boolean {
    return this.prop("locked");
  }
  set locked(value: boolean) {
    this._p.locked = value;
    this.restyle("FormatProtection.locked", (s) => ({ ...s, locked: value }));
  }
  protected scalarNames(): string[] {
    return ["locked"];
  }
  protected readScalar(name: string, ref: RangeRef, acc: SyncAccumulator): unknown {
    return name === "locked" ? this.read(ref, "locked") : super.readScalar(name, ref, acc);
  }
}

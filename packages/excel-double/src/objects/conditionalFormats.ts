/** Conditional formats: ContainsText and Custom rules with fill and font. */
import { intersect } from "../address";
import { FakeClientResult, FakeCollection, FakeObject, type LoadOption, real } from "../base";
import { OPERATION_BYTES, type SyncAccumulator, SyncEngine } from "../context";
import { type ConditionalFormatModel, jsonSize, SheetModel } from "../model";
import { removeConditionalFormats } from "./cellWrites";
import { FakeRange } from "./range";
import { normaliseColor } from "./rangeStyle";
import { fail, type RangeRef, writable } from "./shared";

export class FakeConditionalFormatCollection
  extends FakeCollection<RangeRef, FakeConditionalFormat>
  implements Pick<Excel.ConditionalFormatCollection, "add" | "clearAll" | "getCount" | "items" | "load">
{
  constructor(
    engine: SyncEngine,
    private readonly range: FakeRange,
  ) {
    super(engine, "ConditionalFormatCollection", (dry) => range.target(dry));
  }
  get items(): Excel.ConditionalFormat[] {
    return real(this.itemsLoaded());
  }
  protected list(ref: RangeRef): FakeConditionalFormat[] {
    return ref.sheet
      .liveConditionalFormats()
      .filter((cf) => cf.rects.some((r) => intersect(r, ref.rect)))
      .map((cf) => new FakeConditionalFormat(this.engine, () => ({ sheet: ref.sheet, cf })));
  }
  load(option?: LoadOption): Excel.ConditionalFormatCollection {
    this.queueLoad(option);
    return real(this);
  }
  add(
    type:
      | Excel.ConditionalFormatType
      | "Custom"
      | "DataBar"
      | "ColorScale"
      | "IconSet"
      | "TopBottom"
      | "PresetCriteria"
      | "ContainsText"
      | "CellValue",
  ): Excel.ConditionalFormat {
    let created: { sheet: SheetModel; cf: ConditionalFormatModel } | undefined;
    this.queueChange(jsonSize(type), ({ sheet, rect }) => {
      writable(sheet, "ConditionalFormatCollection.add");
      const known = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];
      if (!known.includes(type)) fail("InvalidArgument", "ConditionalFormatCollection.add");
      const cf: ConditionalFormatModel = {
        id: this.engine.state.model.nextId("CF"),
        rects: [rect],
        type,
        textRule: null,
        formula: null,
        format: { fill: null, fontColor: null, bold: null, italic: null },
        deleted: false,
      };
      // A new rule goes to the top of the list, as in Excel.
      sheet.conditionalFormats.unshift(cf);
      created = { sheet, cf };
    });
    return real(new FakeConditionalFormat(this.engine, () => created ?? fail("ItemNotFound", "ConditionalFormatCollection.add")));
  }
  clearAll(): void {
    this.queueChange(0, ({ sheet, rect }) =>
      removeConditionalFormats(writable(sheet, "ConditionalFormatCollection.clearAll"), rect),
    );
  }
  getCount(): OfficeExtension.ClientResult<number> {
    return real(
      new FakeClientResult(this.engine, (dry) => this.list(this.require(dry, "ConditionalFormatCollection.getCount")).length),
    );
  }
}

export interface CfRef {
  sheet: SheetModel;
  cf: ConditionalFormatModel;
}

export function liveCf(ref: CfRef, location: string, type?: string): CfRef {
  if (ref.cf.deleted || ref.sheet.deleted) fail("ItemNotFound", location);
  if (type && ref.cf.type !== type) fail("InvalidOperation", location);
  return ref;
}

export class FakeConditionalFormat
  extends FakeObject<CfRef>
  implements Pick<Excel.ConditionalFormat, "type" | "id" | "textComparison" | "custom" | "delete" | "getRange" | "load">
{
  readonly textComparison: Excel.TextConditionalFormat;
  readonly custom: Excel.CustomConditionalFormat;
  constructor(engine: SyncEngine, find: (dry: boolean) => CfRef | null) {
    super(engine, "ConditionalFormat", find);
    this.textComparison = real(new FakeTextConditionalFormat(engine, this));
    this.custom = real(new FakeCustomConditionalFormat(engine, this));
  }
  get type(): Excel.ConditionalFormatType {
    return this.prop("type");
  }
  get id(): string {
    return this.prop("id");
  }
  load(option?: LoadOption): Excel.ConditionalFormat {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["type", "id"];
  }
  protected readScalar(name: string, ref: CfRef, acc: SyncAccumulator): unknown {
    if (name === "type") return ref.cf.type;
    if (name === "id") return ref.cf.id;
    return super.readScalar(name, ref, acc);
  }
  delete(): void {
    this.queueChange(0, (ref) => {
      writable(ref.sheet, "ConditionalFormat.delete");
      liveCf(ref, "ConditionalFormat.delete").cf.deleted = true;
    });
  }
  getRange(): Excel.Range {
    return real(
      new FakeRange(this.engine, (dry) => {
        const ref = liveCf(this.require(dry, "ConditionalFormat.getRange"), "ConditionalFormat.getRange");
        return { sheet: ref.sheet, rect: ref.cf.rects[0] };
      }),
    );
  }
}

export type CfFormatPart = "fill" | "fontColor" | "bold" | "italic";

export class FakeConditionalRangeFill
  extends FakeObject<CfRef>
  implements Pick<Excel.ConditionalRangeFill, "color" | "clear" | "load">
{
  constructor(
    engine: SyncEngine,
    private readonly owner: FakeConditionalFormat,
    private readonly type: string,
  ) {
    super(engine, "ConditionalRangeFill", (dry) => owner.target(dry));
  }
  get color(): string {
    return this.prop("color");
  }
  set color(value: string) {
    this._p.color = value;
    setCfFormat(this.owner, this.type, "fill", normaliseColor(value));
  }
  clear(): void {
    setCfFormat(this.owner, this.type, "fill", null);
  }
  load(option?: LoadOption): Excel.ConditionalRangeFill {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["color"];
  }
  protected readScalar(name: string, ref: CfRef, acc: SyncAccumulator): unknown {
    return name === "color" ? ref.cf.format.fill : super.readScalar(name, ref, acc);
  }
}

export class FakeConditionalRangeFont
  extends FakeObject<CfRef>
  implements Pick<Excel.ConditionalRangeFont, "bold" | "color" | "italic" | "load">
{
  constructor(
    engine: SyncEngine,
    private readonly owner: FakeConditionalFormat,
    private readonly type: string,
  ) {
    super(engine, "ConditionalRangeFont", (dry) => owner.target(dry));
  }
  get bold(): boolean {
    return this.prop("bold");
  }
  set bold(value: boolean) {
    this._p.bold = value;
    setCfFormat(this.owner, this.type, "bold", value);
  }
  get italic(): boolean {
    return this.prop("italic");
  }
  set italic(value: boolean) {
    this._p.italic = value;
    setCfFormat(this.owner, this.type, "italic", value);
  }
  get color(): string {
    return this.prop("color");
  }
  set color(value: string) {
    this._p.color = value;
    setCfFormat(this.owner, this.type, "fontColor", normaliseColor(value));
  }
  load(option?: LoadOption): Excel.ConditionalRangeFont {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["bold", "italic", "color"];
  }
  protected readScalar(name: string, ref: CfRef, acc: SyncAccumulator): unknown {
    if (name === "bold") return ref.cf.format.bold;
    if (name === "italic") return ref.cf.format.italic;
    if (name === "color") return ref.cf.format.fontColor;
    return super.readScalar(name, ref, acc);
  }
}

export function setCfFormat(
  owner: FakeConditionalFormat,
  type: string,
  part: CfFormatPart,
  value: string | boolean | null,
): void {
  owner.engine.enqueue({
    mutates: true,
    requestBytes: OPERATION_BYTES + jsonSize(value),
    run: (acc) => {
      const ref = liveCf(owner.require(acc.dry, "ConditionalRangeFormat"), "ConditionalRangeFormat", type);
      writable(ref.sheet, "ConditionalRangeFormat");
      (ref.cf.format as Record<CfFormatPart, unknown>)[part] = value;
    },
  });
}

export class FakeConditionalRangeFormat implements Pick<Excel.ConditionalRangeFormat, "fill" | "font"> {
  readonly fill: Excel.ConditionalRangeFill;
  readonly font: Excel.ConditionalRangeFont;
  constructor(engine: SyncEngine, owner: FakeConditionalFormat, type: string) {
    this.fill = real(new FakeConditionalRangeFill(engine, owner, type));
    this.font = real(new FakeConditionalRangeFont(engine, owner, type));
  }
}

export class FakeTextConditionalFormat
  extends FakeObject<CfRef>
  implements Pick<Excel.TextConditionalFormat, "rule" | "format" | "load">
{
  readonly format: Excel.ConditionalRangeFormat;
  constructor(
    engine: SyncEngine,
    private readonly owner: FakeConditionalFormat,
  ) {
    super(engine, "TextConditionalFormat", (dry) => owner.target(dry));
    this.format = real(new FakeConditionalRangeFormat(engine, owner, "ContainsText"));
  }
  get rule(): Excel.ConditionalTextComparisonRule {
    return this.prop("rule");
  }
  set rule(value: Excel.ConditionalTextComparisonRule) {
    this._p.rule = value;
    const operators = ["Contains", "NotContains", "BeginsWith", "EndsWith"];
    this.queueChange(jsonSize(value), (ref) => {
      liveCf(ref, "TextConditionalFormat.rule", "ContainsText");
      writable(ref.sheet, "TextConditionalFormat.rule");
      if (!value || !operators.includes(value.operator) || typeof value.text !== "string")
        fail("InvalidArgument", "TextConditionalFormat.rule");
      ref.cf.textRule = { operator: value.operator, text: value.text };
    });
  }
  load(option?: LoadOption): Excel.TextConditionalFormat {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["rule"];
  }
  protected readScalar(name: string, ref: CfRef, acc: SyncAccumulator): unknown {
    return name === "rule" ? (ref.cf.textRule ? { ...ref.cf.textRule } : null) : super.readScalar(name, ref, acc);
  }
}

export class FakeConditionalFormatRule
  extends FakeObject<CfRef>
  implements Pick<Excel.ConditionalFormatRule, "formula" | "load">
{
  constructor(engine: SyncEngine, owner: FakeConditionalFormat) {
    super(engine, "ConditionalFormatRule", (dry) => owner.target(dry));
  }
  get formula(): string {
    return this.prop("formula");
  }
  set formula(value: string) {
    this._p.formula = value;
    this.queueChange(jsonSize(value), (ref) => {
      liveCf(ref, "ConditionalFormatRule.formula", "Custom");
      writable(ref.sheet, "ConditionalFormatRule.formula");
      if (typeof value !== "string" || value === "") fail("InvalidArgument", "ConditionalFormatRule.formula");
      ref.cf.formula = value;
    });
  }
  load(option?: LoadOption): Excel.ConditionalFormatRule {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["formula"];
  }
  protected readScalar(name: string, ref: CfRef, acc: SyncAccumulator): unknown {
    return name === "formula" ? (ref.cf.formula ?? "") : super.readScalar(name, ref, acc);
  }
}

export class FakeCustomConditionalFormat implements Pick<Excel.CustomConditionalFormat, "rule" | "format"> {
  readonly rule: Excel.ConditionalFormatRule;
  readonly format: Excel.ConditionalRangeFormat;
  constructor(engine: SyncEngine, owner: FakeConditionalFormat) {
    this.rule = real(new FakeConditionalFormatRule(engine, owner));
    this.format = real(new FakeConditionalRangeFormat(engine, owner, "Custom"));
  }
}

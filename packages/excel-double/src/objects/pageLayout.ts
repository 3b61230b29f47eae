/**
 * A worksheet's page layout (ExcelApi 1.9): orientation, fit-to-pages zoom, centring, margins,
 * print area, print title rows, and the header and footer for all pages. Properties read
 * PropertyNotLoaded until loaded, as everywhere in the double; nothing is printed.
 */
import { qualifiedAddress } from "../address";
import { FakeObject, type LoadOption, real } from "../base";
import { type SyncAccumulator, SyncEngine } from "../context";
import { jsonSize, SheetModel } from "../model";
import { HEADER_FOOTER_PARTS, type HeaderFooterPart, type Margin, MARGINS, type PageLayoutModel } from "../pageLayoutModel";
import { fail, live, resolveRangeArg } from "./shared";
import { FakeWorksheet } from "./worksheet";

const SCALARS = ["orientation", "zoom", "centerHorizontally", "centerVertically", ...MARGINS] as const;

export class FakePageLayout
  extends FakeObject<SheetModel>
  implements
    Pick<
      Excel.PageLayout,
      | "orientation"
      | "zoom"
      | "centerHorizontally"
      | "centerVertically"
      | Margin
      | "headersFooters"
      | "setPrintArea"
      | "setPrintTitleRows"
      | "load"
    >
{
  readonly headersFooters: Excel.HeaderFooterGroup;
  private readonly headersFootersFake: FakeHeaderFooterGroup;

  constructor(engine: SyncEngine, sheet: FakeWorksheet) {
    super(engine, "PageLayout", (dry) => sheet.target(dry));
    this.headersFootersFake = new FakeHeaderFooterGroup(engine, this);
    this.headersFooters = real(this.headersFootersFake);
  }
  private set(name: string, value: unknown, apply: (layout: PageLayoutModel) => void): void {
    this._p[name] = value;
    this.queueChange(jsonSize(value), (s) => apply(live(s, `PageLayout.${name}`).pageLayout));
  }
  get orientation(): Excel.PageOrientation {
    return this.prop("orientation");
  }
  set orientation(value: Excel.PageOrientation) {
    this.set("orientation", value, (l) => {
      if (value !== "Portrait" && value !== "Landscape") fail("InvalidArgument", "PageLayout.orientation");
      l.orientation = value;
    });
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this.prop("zoom");
  }
  set zoom(value: Excel.PageLayoutZoomOptions) {
    this.set("zoom", { ...value }, (l) => {
      const { horizontalFitToPages: h, verticalFitToPages: v, scale } = value;
      const pages = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 0);
      // Excel takes a scale of 10% to 400%, or pages to fit (0 meaning "automatic"), not both.
      if (!pages(h) || !pages(v) || (scale !== undefined && (scale < 10 || scale > 400)))
        fail("InvalidArgument", "PageLayout.zoom");
      if (scale !== undefined && (h !== undefined || v !== undefined)) fail("InvalidArgument", "PageLayout.zoom");
      l.zoom =
        scale !== undefined
          ? { horizontalFitToPages: null, verticalFitToPages: null, scale }
          : { horizontalFitToPages: h ?? 1, verticalFitToPages: v ?? 1, scale: null };
    });
  }
  get centerHorizontally(): boolean {
    return this.prop("centerHorizontally");
  }
  set centerHorizontally(value: boolean) {
    this.set("centerHorizontally", value, (l) => (l.centerHorizontally = value));
  }
  get centerVertically(): boolean {
    return this.prop("centerVertically");
  }
  set centerVertically(value: boolean) {
    this.set("centerVertically", value, (l) => (l.centerVertically = value));
  }
  private margin(name: Margin): number {
    return this.prop(name);
  }
  private setMargin(name: Margin, value: number): void {
    this.set(name, value, (l) => {
      if (!Number.isFinite(value) || value < 0) fail("InvalidArgument", `PageLayout.${name}`);
      l.margins[name] = value;
    });
  }
  get leftMargin(): number {
    return this.margin("leftMargin");
  }
  set leftMargin(value: number) {
    this.setMargin("leftMargin", value);
  }
  get rightMargin(): number {
    return this.margin("rightMargin");
  }
  set rightMargin(value: number) {
    this.setMargin("rightMargin", value);
  }
  get topMargin(): number {
    return this.margin("topMargin");
  }
  set topMargin(value: number) {
    this.setMargin("topMargin", value);
  }
  get bottomMargin(): number {
    return this.margin("bottomMargin");
  }
  set bottomMargin(value: number) {
    this.setMargin("bottomMargin", value);
  }
  get headerMargin(): number {
    return this.margin("headerMargin");
  }
  set headerMargin(value: number) {
    this.setMargin("headerMargin", value);
  }
  get footerMargin(): number {
    return this.margin("footerMargin");
  }
  set footerMargin(value: number) {
    this.setMargin("footerMargin", value);
  }
  setPrintArea(printArea: Excel.Range | Excel.RangeAreas | string): void {
    this.queueChange(jsonSize(typeof printArea === "string" ? printArea : ""), (s, acc) => {
      const ref = resolveRangeArg(
        this.engine.state.model,
        printArea as Excel.Range | string,
        s,
        acc.dry,
        "PageLayout.setPrintArea",
      );
      if (ref.sheet !== s) fail("InvalidArgument", "PageLayout.setPrintArea");
      live(s, "PageLayout.setPrintArea").pageLayout.printArea = qualifiedAddress(s.name, ref.rect).split("!")[1];
    });
  }
  setPrintTitleRows(printTitleRows: Excel.Range | string): void {
    this.queueChange(jsonSize(typeof printTitleRows === "string" ? printTitleRows : ""), (s, acc) => {
      const ref = resolveRangeArg(this.engine.state.model, printTitleRows, s, acc.dry, "PageLayout.setPrintTitleRows");
      if (ref.sheet !== s) fail("InvalidArgument", "PageLayout.setPrintTitleRows");
      live(s, "PageLayout.setPrintTitleRows").pageLayout.printTitleRows = `$${ref.rect.row + 1}:$${ref.rect.row + ref.rect.rows}`;
    });
  }
  load(option?: LoadOption): Excel.PageLayout {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return [...SCALARS];
  }
  protected nav(name: string): FakeObject<unknown> | undefined {
    return name === "headersFooters" ? this.headersFootersFake : undefined;
  }
  protected readScalar(name: string, s: SheetModel, acc: SyncAccumulator): unknown {
    const l = live(s, "PageLayout.load").pageLayout;
    if (name === "zoom") return Object.fromEntries(Object.entries(l.zoom).filter(([, v]) => v !== null));
    if ((MARGINS as readonly string[]).includes(name)) return l.margins[name as Margin];
    if (name === "orientation" || name === "centerHorizontally" || name === "centerVertically") return l[name];
    return super.readScalar(name, s, acc);
  }
}

export class FakeHeaderFooterGroup
  extends FakeObject<SheetModel>
  implements Pick<Excel.HeaderFooterGroup, "defaultForAllPages" | "load">
{
  readonly defaultForAllPages: Excel.HeaderFooter;
  private readonly allPages: FakeHeaderFooter;
  constructor(engine: SyncEngine, layout: FakePageLayout) {
    super(engine, "HeaderFooterGroup", (dry) => layout.target(dry));
    this.allPages = new FakeHeaderFooter(engine, this);
    this.defaultForAllPages = real(this.allPages);
  }
  load(option?: LoadOption): Excel.HeaderFooterGroup {
    this.queueLoad(option);
    return real(this);
  }
  protected nav(name: string): FakeObject<unknown> | undefined {
    return name === "defaultForAllPages" ? this.allPages : undefined;
  }
}

export class FakeHeaderFooter extends FakeObject<SheetModel> implements Pick<Excel.HeaderFooter, HeaderFooterPart | "load"> {
  constructor(engine: SyncEngine, group: FakeHeaderFooterGroup) {
    super(engine, "HeaderFooter", (dry) => group.target(dry));
  }
  private part(name: HeaderFooterPart): string {
    return this.prop(name);
  }
  private setPart(name: HeaderFooterPart, value: string): void {
    this._p[name] = value;
    this.queueChange(jsonSize(value), (s) => {
      // Excel refuses a header or footer section over 255 characters.
      if (typeof value !== "string" || value.length > 255) fail("InvalidArgument", `HeaderFooter.${name}`);
      live(s, `HeaderFooter.${name}`).pageLayout.headersFooters[name] = value;
    });
  }
  get leftHeader(): string {
    return this.part("leftHeader");
  }
  set leftHeader(value: string) {
    this.setPart("leftHeader", value);
  }
  get centerHeader(): string {
    return this.part("centerHeader");
  }
  set centerHeader(value: string) {
    this.setPart("centerHeader", value);
  }
  get rightHeader(): string {
    return this.part("rightHeader");
  }
  set rightHeader(value: string) {
    this.setPart("rightHeader", value);
  }
  get leftFooter(): string {
    return this.part("leftFooter");
  }
  set leftFooter(value: string) {
    this.setPart("leftFooter", value);
  }
  get centerFooter(): string {
    return this.part("centerFooter");
  }
  set centerFooter(value: string) {
    this.setPart("centerFooter", value);
  }
  get rightFooter(): string {
    return this.part("rightFooter");
  }
  set rightFooter(value: string) {
    this.setPart("rightFooter", value);
  }
  load(option?: LoadOption): Excel.HeaderFooter {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return [...HEADER_FOOTER_PARTS];
  }
  protected readScalar(name: string, s: SheetModel, acc: SyncAccumulator): unknown {
    if ((HEADER_FOOTER_PARTS as readonly string[]).includes(name))
      return live(s, "HeaderFooter.load").pageLayout.headersFooters[name as HeaderFooterPart];
    return super.readScalar(name, s, acc);
  }
}

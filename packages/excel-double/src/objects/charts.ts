/** Charts: add, title, axis titles, series, position, delete. */
import { qualifiedAddress } from "../address";
import { FakeClientResult, FakeCollection, FakeObject, type LoadOption, real } from "../base";
import { type SyncAccumulator, SyncEngine } from "../context";
import { type ChartModel, jsonSize, SheetModel, WorkbookModel } from "../model";
import { fail, resolveRangeArg, writable } from "./shared";
import { FakeWorksheet } from "./worksheet";

export interface ChartRef {
  sheet: SheetModel;
  chart: ChartModel;
}

export function liveChart(ref: ChartRef, location: string): ChartRef {
  if (ref.chart.deleted || ref.sheet.deleted) fail("ItemNotFound", location);
  return ref;
}

/** Series as Excel makes them from a block with a header row and a category column. */
export function chartSeriesNames(model: WorkbookModel, sheet: SheetModel, chart: ChartModel): string[] {
  const { source } = chart;
  const byRows = chart.seriesBy === "Rows" || (chart.seriesBy === "Auto" && source.columns > source.rows);
  const count = byRows ? source.rows : source.columns;
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (count > 1 && i === 0) continue;
    const v = byRows ? model.value(sheet, source.row + i, source.column) : model.value(sheet, source.row, source.column + i);
    names.push(typeof v === "string" && v !== "" ? v : `Series${names.length + 1}`);
  }
  return names;
}

export class FakeChartCollection
  extends FakeCollection<SheetModel, FakeChart>
  implements Pick<Excel.ChartCollection, "add" | "getItem" | "getItemOrNullObject" | "getCount" | "items" | "count" | "load">
{
  constructor(
    engine: SyncEngine,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(engine, "ChartCollection", (dry) => worksheet.require(dry, "Worksheet.charts"));
  }
  get items(): Excel.Chart[] {
    return real(this.itemsLoaded());
  }
  get count(): number {
    return this.prop("count");
  }
  protected list(sheet: SheetModel): FakeChart[] {
    return sheet.liveCharts().map((chart) => new FakeChart(this.engine, () => ({ sheet, chart })));
  }
  protected scalarNames(): string[] {
    return ["count"];
  }
  protected readScalar(name: string, sheet: SheetModel, acc: SyncAccumulator): unknown {
    return name === "count" ? sheet.liveCharts().length : super.readScalar(name, sheet, acc);
  }
  load(option?: LoadOption): Excel.ChartCollection {
    this.queueLoad(option);
    return real(this);
  }
  add(
    type: Excel.ChartType | string,
    sourceData: Excel.Range,
    seriesBy?: Excel.ChartSeriesBy | "Auto" | "Columns" | "Rows",
  ): Excel.Chart {
    let created: ChartRef | undefined;
    this.queueChange(jsonSize(type), (sheet, acc) => {
      const location = "ChartCollection.add";
      writable(sheet, location);
      if (this.engine.state.model.unsupportedChartTypes.has(String(type))) fail("InvalidArgument", location);
      const src = resolveRangeArg(this.engine.state.model, sourceData, sheet, acc.dry, location);
      if (src.sheet !== sheet) fail("InvalidArgument", location);
      const chart: ChartModel = {
        id: this.engine.state.model.nextId("Chart"),
        name: `Chart ${++sheet.chartCounter}`,
        type: String(type),
        source: src.rect,
        seriesBy: seriesBy ?? "Auto",
        title: "",
        position: null,
        axisTitles: { category: "", value: "" },
        deleted: false,
      };
      sheet.charts.push(chart);
      created = { sheet, chart };
    });
    return real(new FakeChart(this.engine, () => created ?? fail("ItemNotFound", "ChartCollection.add")));
  }
  private find(sheet: SheetModel, name: string): ChartRef | null {
    const chart = sheet.liveCharts().find((c) => c.name === name);
    return chart ? { sheet, chart } : null;
  }
  getItem(name: string): Excel.Chart {
    return real(
      new FakeChart(
        this.engine,
        (dry) => this.find(this.require(dry, "ChartCollection.getItem"), name) ?? fail("ItemNotFound", "ChartCollection.getItem"),
      ),
    );
  }
  getItemOrNullObject(name: string): Excel.Chart {
    return real(
      new FakeChart(
        this.engine,
        (dry) => {
          const sheet = this.worksheet.target(dry);
          return sheet ? this.find(sheet, name) : null;
        },
        true,
      ),
    );
  }
  getCount(): OfficeExtension.ClientResult<number> {
    return real(new FakeClientResult(this.engine, (dry) => this.require(dry, "ChartCollection.getCount").liveCharts().length));
  }
}

export class FakeChartTitle extends FakeObject<ChartRef> implements Pick<Excel.ChartTitle, "text" | "load"> {
  constructor(engine: SyncEngine, chart: FakeChart) {
    super(engine, "ChartTitle", (dry) => chart.target(dry));
  }
  get text(): string {
    return this.prop("text");
  }
  set text(value: string) {
    this._p.text = value;
    this.queueChange(jsonSize(value), (ref) => {
      writable(liveChart(ref, "ChartTitle.text").sheet, "ChartTitle.text");
      ref.chart.title = value;
    });
  }
  load(option?: LoadOption): Excel.ChartTitle {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["text"];
  }
  protected readScalar(name: string, ref: ChartRef, acc: SyncAccumulator): unknown {
    return name === "text" ? liveChart(ref, "ChartTitle.load").chart.title : super.readScalar(name, ref, acc);
  }
}

type AxisKind = "category" | "value";

export class FakeChartAxisTitle extends FakeObject<ChartRef> implements Pick<Excel.ChartAxisTitle, "text" | "load"> {
  constructor(
    engine: SyncEngine,
    chart: FakeChart,
    private readonly axis: AxisKind,
  ) {
    super(engine, "ChartAxisTitle", (dry) => chart.target(dry));
  }
  get text(): string {
    return this.prop("text");
  }
  set text(value: string) {
    this._p.text = value;
    this.queueChange(jsonSize(value), (ref) => {
      writable(liveChart(ref, "ChartAxisTitle.text").sheet, "ChartAxisTitle.text");
      ref.chart.axisTitles[this.axis] = value;
    });
  }
  load(option?: LoadOption): Excel.ChartAxisTitle {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["text"];
  }
  protected readScalar(name: string, ref: ChartRef, acc: SyncAccumulator): unknown {
    return name === "text" ? liveChart(ref, "ChartAxisTitle.load").chart.axisTitles[this.axis] : super.readScalar(name, ref, acc);
  }
}

export class FakeChartAxis extends FakeObject<ChartRef> implements Pick<Excel.ChartAxis, "title"> {
  readonly title: Excel.ChartAxisTitle;
  private readonly titleFake: FakeChartAxisTitle;
  constructor(engine: SyncEngine, chart: FakeChart, axis: AxisKind) {
    super(engine, "ChartAxis", (dry) => chart.target(dry));
    this.titleFake = new FakeChartAxisTitle(engine, chart, axis);
    this.title = real(this.titleFake);
  }
  protected nav(name: string): FakeObject<unknown> | undefined {
    return name === "title" ? this.titleFake : undefined;
  }
}

export class FakeChartAxes extends FakeObject<ChartRef> implements Pick<Excel.ChartAxes, "categoryAxis" | "valueAxis"> {
  readonly categoryAxis: Excel.ChartAxis;
  readonly valueAxis: Excel.ChartAxis;
  private readonly fakes: Record<string, FakeChartAxis>;
  constructor(engine: SyncEngine, chart: FakeChart) {
    super(engine, "ChartAxes", (dry) => chart.target(dry));
    this.fakes = {
      categoryAxis: new FakeChartAxis(engine, chart, "category"),
      valueAxis: new FakeChartAxis(engine, chart, "value"),
    };
    this.categoryAxis = real(this.fakes.categoryAxis);
    this.valueAxis = real(this.fakes.valueAxis);
  }
  protected nav(name: string): FakeObject<unknown> | undefined {
    return this.fakes[name];
  }
}

export class FakeChartSeries extends FakeObject<string> implements Pick<Excel.ChartSeries, "name" | "load"> {
  constructor(engine: SyncEngine, name: string) {
    super(engine, "ChartSeries", () => name);
  }
  get name(): string {
    return this.prop("name");
  }
  load(option?: LoadOption): Excel.ChartSeries {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["name"];
  }
  protected readScalar(name: string, n: string, acc: SyncAccumulator): unknown {
    return name === "name" ? n : super.readScalar(name, n, acc);
  }
}

export class FakeChartSeriesCollection
  extends FakeCollection<ChartRef, FakeChartSeries>
  implements Pick<Excel.ChartSeriesCollection, "items" | "count" | "getCount" | "load">
{
  constructor(engine: SyncEngine, chart: FakeChart) {
    super(engine, "ChartSeriesCollection", (dry) => chart.target(dry));
  }
  get items(): Excel.ChartSeries[] {
    return real(this.itemsLoaded());
  }
  get count(): number {
    return this.prop("count");
  }
  private names(ref: ChartRef): string[] {
    return chartSeriesNames(this.engine.state.model, ref.sheet, liveChart(ref, "Chart.series").chart);
  }
  protected list(ref: ChartRef): FakeChartSeries[] {
    return this.names(ref).map((n) => new FakeChartSeries(this.engine, n));
  }
  protected scalarNames(): string[] {
    return ["count"];
  }
  protected readScalar(name: string, ref: ChartRef, acc: SyncAccumulator): unknown {
    return name === "count" ? this.names(ref).length : super.readScalar(name, ref, acc);
  }
  load(option?: LoadOption): Excel.ChartSeriesCollection {
    this.queueLoad(option);
    return real(this);
  }
  getCount(): OfficeExtension.ClientResult<number> {
    return real(
      new FakeClientResult(this.engine, (dry) => this.names(this.require(dry, "ChartSeriesCollection.getCount")).length),
    );
  }
}

export class FakeChart
  extends FakeObject<ChartRef>
  implements
    Pick<
      Excel.Chart,
      "name" | "id" | "chartType" | "title" | "axes" | "series" | "setPosition" | "delete" | "load" | "isNullObject"
    >
{
  readonly title: Excel.ChartTitle;
  readonly axes: Excel.ChartAxes;
  private readonly axesFake: FakeChartAxes;
  readonly series: Excel.ChartSeriesCollection;
  private readonly titleFake: FakeChartTitle;
  private readonly seriesFake: FakeChartSeriesCollection;
  constructor(engine: SyncEngine, find: (dry: boolean) => ChartRef | null, nullable = false) {
    super(engine, "Chart", find, nullable);
    this.titleFake = new FakeChartTitle(engine, this);
    this.seriesFake = new FakeChartSeriesCollection(engine, this);
    this.title = real(this.titleFake);
    this.series = real(this.seriesFake);
    this.axesFake = new FakeChartAxes(engine, this);
    this.axes = real(this.axesFake);
  }
  get name(): string {
    return this.prop("name");
  }
  set name(value: string) {
    this._p.name = value;
    this.queueChange(jsonSize(value), (ref) => {
      liveChart(ref, "Chart.name");
      if (ref.sheet.liveCharts().some((c) => c !== ref.chart && c.name === value)) fail("ItemAlreadyExists", "Chart.name");
      ref.chart.name = value;
    });
  }
  get id(): string {
    return this.prop("id");
  }
  get chartType(): Excel.ChartType {
    return this.prop("chartType");
  }
  load(option?: LoadOption): Excel.Chart {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["name", "id", "chartType"];
  }
  protected nav(name: string): FakeObject<unknown> | undefined {
    if (name === "axes") return this.axesFake;
    return name === "title" ? this.titleFake : name === "series" ? this.seriesFake : undefined;
  }
  protected readScalar(name: string, ref: ChartRef, acc: SyncAccumulator): unknown {
    liveChart(ref, "Chart.load");
    if (name === "name") return ref.chart.name;
    if (name === "id") return ref.chart.id;
    if (name === "chartType") return ref.chart.type;
    return super.readScalar(name, ref, acc);
  }
  setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
    this.queueChange(0, (ref, acc) => {
      const location = "Chart.setPosition";
      writable(liveChart(ref, location).sheet, location);
      const model = this.engine.state.model;
      const start = resolveRangeArg(model, startCell, ref.sheet, acc.dry, location);
      const end = endCell === undefined ? null : resolveRangeArg(model, endCell, ref.sheet, acc.dry, location);
      ref.chart.position = {
        start: qualifiedAddress(start.sheet.name, { ...start.rect, rows: 1, columns: 1 }),
        end: end ? qualifiedAddress(end.sheet.name, { ...end.rect, rows: 1, columns: 1 }) : null,
      };
    });
  }
  delete(): void {
    this.queueChange(0, (ref) => {
      writable(liveChart(ref, "Chart.delete").sheet, "Chart.delete");
      ref.chart.deleted = true;
    });
  }
}

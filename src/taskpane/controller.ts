// The task pane's behaviour: what happens when the analyst reads a selection, corrects a column,
// changes an option or presses Analyse. It works out a PaneState for the view and calls the core and
// the Excel gateway; it never touches Excel or the DOM itself.
import { analyseTracker, type TrackerAnalysis } from "../core/analyseTracker";
import { NUMERIC_FIELDS, type Field } from "../core/fields";
import { inferMonthsElapsed } from "../core/inferMonthsElapsed";
import { columnLetter } from "../core/excelConventions";
import { recogniseColumns, type ColumnMapping } from "../core/recogniseColumns";
import { DEFAULT_SETTINGS, FORECAST_METHOD_LABELS, resolveSettings, type Settings } from "../core/settings";
import type { ExcelGateway } from "./excel/gateway";
import { Job } from "./excel/gateway";
import type { TrackerRange } from "./excel/readTracker";
import { sheetAddress, sheetPrefix } from "./excel/rect";
import { chooseField, mappingView, missingFields } from "./mappingView";
import { formulaLayout } from "./output/portableFormulas";
import { literalText, planOutput, type LeadingColumn } from "./output/outputPlan";
import { planSummary } from "./summary/summaryPlan";
import { thresholdChange, thresholdKeyOf, thresholdViews } from "./thresholds";
import type {
  Destination,
  ForecastChoice,
  OptionsChange,
  OptionsView,
  OutputMode,
  PaneEvents,
  PaneState,
  PaneStatus,
  ProblemView,
} from "./view/paneState";
import { layoutKey, rememberMapping, type WorkbookState } from "./workbookState";

/** The pane lists this many problem rows; the Notes column has them all. */
const PROBLEMS_SHOWN = 500;

const READY: PaneStatus = {
  kind: "info",
  text: "Select your tracker, including its header row, then press Use selection.",
  detail: "Or click any one cell inside it: CIP Analyst takes the table or block around it.",
};

interface Tracker {
  readonly range: TrackerRange;
  readonly header: readonly unknown[];
  readonly key: string;
  readonly mapping: ColumnMapping;
  /** What recognition made of the header on its own, before the analyst's choices. */
  readonly recognised: ColumnMapping;
  readonly overrides: Partial<Record<Field, number | null>>;
}

export class PaneController implements PaneEvents {
  private state: PaneState;
  private workbook: WorkbookState;
  private tracker: Tracker | null = null;
  private pendingSettings: Partial<Settings>;
  private monthsElapsed: number | null = null;
  private monthsNote = "";
  /** The analyst typed the months elapsed: a re-read keeps it. */
  private monthsTyped = false;
  private forecast: ForecastChoice | null;
  private outputMode: OutputMode;
  private destination: Destination;
  private job: Job | null = null;

  constructor(
    private readonly gateway: ExcelGateway,
    private readonly render: (state: PaneState) => void,
    private readonly now: () => Date = () => new Date(),
  ) {
    const { state, note } = gateway.loadState();
    this.workbook = state;
    this.pendingSettings = { ...state.settings };
    this.forecast = state.forecast;
    this.outputMode = state.outputMode;
    this.destination = state.destination;
    this.state = {
      phase: "empty",
      status: note ? { kind: "warning", text: note, detail: READY.text } : READY,
      selection: "",
      mapping: null,
      options: this.options(),
      progress: null,
      problems: [],
      result: null,
      offerNewSheet: false,
      canAnalyse: false,
    };
  }

  /** Shows the first state; call once the view exists. */
  start(): void {
    this.render(this.state);
  }

  current(): PaneState {
    return this.state;
  }

  // -------------------------------------------------------------------------------------------
  // Events

  async readSelection(): Promise<void> {
    if (this.job) return;
    const job = this.begin("Reading the selection");
    const outcome = await this.gateway.readSelection(job);
    this.job = null;
    if (!outcome.ok) {
      this.update({
        phase: this.tracker ? "mapped" : "empty",
        progress: null,
        status: { kind: "error", text: outcome.message, detail: outcome.detail },
      });
      return;
    }
    const refusal = checkShape(outcome.tracker);
    if (refusal) {
      this.tracker = null;
      this.update({ phase: "empty", progress: null, mapping: null, selection: "", status: refusal, canAnalyse: false });
      return;
    }
    this.tracker = this.recognise(outcome.tracker);
    this.setMonthsElapsed();
    this.refresh({ phase: "mapped", progress: null, problems: [], result: null, offerNewSheet: false }, this.readStatus());
  }

  changeMapping(index: number, field: Field | null): void {
    const t = this.tracker;
    if (!t || this.job) return;
    const overrides = chooseField(t.overrides, t.mapping, index, field);
    this.tracker = this.withOverrides(t, overrides);
    this.workbook = rememberMapping(this.workbook, t.key, overrides);
    void this.gateway.saveState(this.workbook);
    this.refresh({}, this.readStatus());
  }

  resetMapping(): void {
    const t = this.tracker;
    if (!t || this.job) return;
    this.tracker = this.withOverrides(t, {});
    this.workbook = rememberMapping(this.workbook, t.key, null);
    void this.gateway.saveState(this.workbook);
    this.refresh({}, this.readStatus());
  }

  changeOptions(change: OptionsChange): void {
    if (this.job) return;
    if (change.monthsElapsed !== undefined) {
      this.monthsElapsed = change.monthsElapsed;
      this.monthsTyped = change.monthsElapsed !== null;
      this.monthsNote = change.monthsElapsed === null ? "Needed: 1 = April … 12 = March." : "As you entered it.";
    }
    if (change.forecast !== undefined) this.forecast = change.forecast;
    if (change.outputMode !== undefined) this.outputMode = change.outputMode;
    if (change.destination !== undefined) this.destination = change.destination;
    if (change.threshold !== undefined) {
      this.pendingSettings = thresholdChange(
        this.pendingSettings,
        DEFAULT_SETTINGS,
        change.threshold.key,
        change.threshold.value,
      );
    }
    this.refresh({ offerNewSheet: change.destination === "newSheet" ? false : this.state.offerNewSheet }, this.state.status);
  }

  useNewSheet(): Promise<void> {
    this.changeOptions({ destination: "newSheet" });
    return this.analyse();
  }

  cancel(): void {
    this.job?.cancel();
  }

  async analyse(): Promise<void> {
    const t = this.tracker;
    if (!t || this.job) return;
    const settings = this.settings();
    if (!settings.ok || !this.state.canAnalyse) {
      const missing = this.state.mapping?.missing ?? [];
      this.refresh(
        {},
        missing.length > 0
          ? { kind: "error", text: "Choose the missing columns first.", detail: missing.join(" ") }
          : {
              kind: "error",
              text: "Check the options: some cannot be used as they are.",
              detail: "Each one says what is wrong next to it.",
            },
      );
      return;
    }
    const s = settings.settings;
    const job = this.begin("Analysing");
    // Let the pane show that it is busy before a big tracker holds the page for a second.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const analysis = analyseTracker(t.range.rows, t.mapping, s, { firstRowNumber: t.range.rect.row + 2 });
    const destination = this.destination;
    const plan = planOutput({
      analysis,
      mode: this.outputMode,
      layout: formulaLayout(t.mapping, {
        firstRow: t.range.rect.row + 2,
        lastRow: t.range.rect.row + t.range.rect.rows,
        firstColumn: t.range.rect.column,
        sheet: destination === "newSheet" ? t.range.sheetName : undefined,
      }),
      moneyFormat: moneyFormatOf(t),
      leading: destination === "newSheet" ? this.identityColumns(t) : [],
    });
    job.label = "Writing the results";
    const written = await this.gateway.writeOutput({ source: t.range, plan, destination, state: this.workbook }, job);
    if (!written.ok) {
      this.job = null;
      if (written.cleared) {
        // The block it stood for is gone: a later run must not look for it.
        this.workbook = { ...this.workbook, outputs: this.workbook.outputs.filter((r) => r.name !== written.cleared) };
        void this.gateway.saveState(this.workbook);
      }
      this.refresh(
        { phase: "mapped", progress: null, offerNewSheet: written.offerNewSheet },
        { kind: "error", text: written.message, detail: written.detail },
      );
      return;
    }
    const ranAt = this.now();
    this.workbook = {
      ...this.workbook,
      settings: this.pendingSettings,
      forecast: this.forecast,
      outputMode: this.outputMode,
      destination,
      // A re-run reuses its block's name, so the record under that name is the one replaced.
      outputs: [...this.workbook.outputs.filter((r) => r.name !== written.record.name), written.record],
      lastRun: { at: ranAt.toISOString(), monthsElapsed: s.monthsElapsed, outputAddress: written.address },
    };
    let summaryNote = "";
    let summarySheet = "";
    try {
      const summary = await this.gateway.writeSummary(
        planSummary({
          analysis,
          trackerAddress: t.range.address,
          outputAddress: written.address,
          ranAt: formatTime(ranAt),
          moneyFormat: moneyFormatOf(t),
        }),
        this.workbook.summarySheetId,
      );
      this.workbook = { ...this.workbook, summarySheetId: summary.sheetId };
      summarySheet = summary.sheetName;
    } catch (error) {
      summaryNote = error instanceof Error ? error.message : String(error);
    }
    const saveNote = await this.gateway.saveState(this.workbook);
    this.job = null;
    const notes = [summaryNote, saveNote].filter(Boolean).join(" ");
    this.refresh(
      {
        phase: "done",
        progress: null,
        offerNewSheet: false,
        problems: problemList(analysis, t.range),
        result: { headlines: analysis.headlines, outputAddress: written.address, summarySheet },
      },
      {
        kind: notes ? "warning" : "success",
        text: `Done: results written to ${written.address}${summarySheet ? ` and the summary to sheet ${summarySheet}` : ""}.`,
        detail: notes || doneDetail(analysis),
      },
    );
  }

  // -------------------------------------------------------------------------------------------
  // Reading

  private recognise(range: TrackerRange): Tracker {
    let header = range.header;
    let trimmed = range;
    // An earlier run's block sits right of the data; the tracker is what is left of it.
    const first = recogniseColumns(header);
    const outputs = new Set(first.previousOutputs);
    let width = header.length;
    while (width > 0 && (outputs.has(width - 1) || (header[width - 1] === null && outputs.has(width - 2)))) width--;
    if (width < header.length && width > 0) {
      header = header.slice(0, width);
      const rect = { ...range.rect, columns: width };
      trimmed = {
        ...range,
        header,
        rect,
        address: sheetAddress(range.sheetName, rect),
        numberFormats: range.numberFormats.slice(0, width),
      };
    }
    const key = layoutKey(header);
    const overrides = this.workbook.mappings[key] ?? {};
    const firstColumn = trimmed.rect.column;
    const recognised = recogniseColumns(header, { firstColumn });
    const mapping = Object.keys(overrides).length > 0 ? recogniseColumns(header, { fields: overrides, firstColumn }) : recognised;
    return { range: trimmed, header, key, mapping, recognised, overrides };
  }

  private withOverrides(t: Tracker, overrides: Partial<Record<Field, number | null>>): Tracker {
    return { ...t, overrides, mapping: recogniseColumns(t.header, { fields: overrides, firstColumn: t.range.rect.column }) };
  }

  /** Months elapsed: the workbook's last run, else what the tracker says, else asked. */
  private setMonthsElapsed(): void {
    const t = this.tracker;
    if (!t || this.monthsTyped) return;
    const saved = this.workbook.lastRun?.monthsElapsed ?? this.workbook.settings.monthsElapsed;
    if (saved !== undefined) {
      this.monthsElapsed = saved;
      this.monthsNote = "From this workbook's last run.";
      return;
    }
    const inferred = inferMonthsElapsed(t.header, t.range.rows, t.mapping);
    this.monthsElapsed = inferred?.monthsElapsed ?? null;
    this.monthsNote = inferred ? `Worked out from the tracker: ${inferred.reason}.` : "Needed: 1 = April … 12 = March.";
  }

  private readStatus(): PaneStatus {
    const t = this.tracker;
    if (!t) return READY;
    const rows = t.range.rows.length;
    const missing = missingFields(t.mapping.columns);
    if (!NUMERIC_FIELDS.some((f) => t.mapping.columns[f] !== undefined)) {
      return {
        kind: "error",
        text: "None of these columns holds savings figures CIP Analyst recognises, such as Annual plan, YTD plan or YTD actual.",
        detail: "Select the whole tracker, header row included, or choose the columns in the list below.",
      };
    }
    if (missing.length > 0) {
      return {
        kind: "warning",
        text: "Some columns CIP Analyst needs were not found.",
        detail: "Choose them in the column list below.",
      };
    }
    return {
      kind: "info",
      text: `Read ${rows.toLocaleString("en-GB")} rows. Check the columns and options, then press Analyse.`,
      detail: "",
    };
  }

  private identityColumns(t: Tracker): LeadingColumn[] {
    const out: LeadingColumn[] = [];
    for (const field of ["organisation", "group"] as const) {
      const index = t.mapping.columns[field];
      if (index === undefined) continue;
      const ref = sheetPrefix(t.range.sheetName) + columnLetter(t.range.rect.column + index);
      const first = t.range.rect.row + 2;
      const rows = t.range.rows;
      out.push({
        header: String(t.header[index] ?? field),
        cell:
          this.outputMode === "values"
            ? (row) => {
                const v = rows[row]?.[index];
                return typeof v === "number" ? v : typeof v === "string" ? literalText(v) : "";
              }
            : (row) => `=IF(${ref}${first + row}="","",${ref}${first + row})`,
      });
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // State

  private settings() {
    const forecast = this.forecastChoice();
    return resolveSettings({
      ...this.pendingSettings,
      ...(this.monthsElapsed === null ? {} : { monthsElapsed: this.monthsElapsed }),
      forecastBasis: forecast === "reported" ? "reported" : "projected",
      ...(forecast === "reported" ? {} : { forecastMethod: forecast }),
    });
  }

  private forecastChoice(): ForecastChoice {
    const hasForecast = this.tracker?.mapping.columns.forecast !== undefined;
    const choice = this.forecast ?? (hasForecast ? "reported" : "deliveryRatio");
    return choice === "reported" && !hasForecast ? "deliveryRatio" : choice;
  }

  private options(): OptionsView {
    const resolved = this.settings();
    const base = resolveSettings(this.pendingSettings);
    const problems: { key: string; message: string }[] = [];
    if (!resolved.ok) {
      for (const p of resolved.problems) {
        problems.push({ key: p.setting === "monthsElapsed" ? "monthsElapsed" : thresholdKeyOf(p.setting), message: p.message });
      }
    }
    if (this.monthsElapsed === null && this.tracker) {
      problems.push({ key: "monthsElapsed", message: "Enter the months elapsed: 1 (April) to 12 (March)." });
    }
    const shown = base.ok ? base.settings : { ...DEFAULT_SETTINGS, ...numbersOnly(this.pendingSettings) };
    const hasForecast = this.tracker?.mapping.columns.forecast !== undefined;
    return {
      monthsElapsed: this.monthsElapsed,
      monthsElapsedNote: this.monthsNote,
      forecast: this.forecastChoice(),
      forecastChoices: [
        ...(hasForecast ? [{ value: "reported" as const, label: "The tracker's own forecast" }] : []),
        { value: "deliveryRatio" as const, label: `Projection: ${FORECAST_METHOD_LABELS.deliveryRatio}` },
        { value: "runRate" as const, label: `Projection: ${FORECAST_METHOD_LABELS.runRate}` },
        { value: "remainingPlan" as const, label: `Projection: ${FORECAST_METHOD_LABELS.remainingPlan}` },
      ],
      outputMode: this.outputMode,
      destination: this.destination,
      thresholds: thresholdViews(shown),
      problems,
    };
  }

  private refresh(patch: Partial<PaneState>, status: PaneStatus): void {
    const t = this.tracker;
    const mapping = t ? mappingView(t.header, t.range.rect.column, t.mapping, t.overrides, t.recognised) : null;
    const options = this.options();
    const canAnalyse =
      t !== null && mapping !== null && mapping.missing.length === 0 && options.problems.length === 0 && this.job === null;
    this.update({
      ...patch,
      status,
      mapping,
      options,
      selection: t ? `${t.range.address}: ${t.range.rows.length.toLocaleString("en-GB")} rows, ${t.header.length} columns` : "",
      canAnalyse,
    });
  }

  private begin(label: string): Job {
    const job: Job = new Job((done, total) => this.update({ progress: { label: job.label, done, total, cancellable: true } }));
    job.label = label;
    this.job = job;
    this.update({
      phase: "running",
      canAnalyse: false,
      progress: { label, done: 0, total: 0, cancellable: true },
      status: { kind: "busy", text: `${label}…`, detail: "" },
    });
    return job;
  }

  private update(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    this.render(this.state);
  }
}

// ---------------------------------------------------------------------------------------------

/** Why a block of cells is not a tracker, or null when it can be one. */
function checkShape(range: TrackerRange): PaneStatus | null {
  const texts = range.header.filter((h) => typeof h === "string" && h.trim() !== "").length;
  if (range.header.every((h) => h === null || h === "")) {
    return {
      kind: "error",
      text: "The first row of the selection is empty, so it has no headers.",
      detail: "Select from the tracker's header row down.",
    };
  }
  // Month columns may be headed by dates (numbers), so figures only mean "no header" when nothing is recognised.
  const numbers = range.header.filter((h) => typeof h === "number").length;
  if (texts === 0 || (numbers > texts && Object.keys(recogniseColumns(range.header).columns).length === 0)) {
    return {
      kind: "error",
      text: "The first row of the selection holds figures, not headers.",
      detail: "Include the header row: select from the row with the column names down to the last organisation.",
    };
  }
  if (range.rows.length === 0) {
    return {
      kind: "error",
      text: "The selection is only a header row, with no organisations below it.",
      detail: "Select the header row and the rows below it.",
    };
  }
  if (range.rows.every((row) => row.every((v) => v === null || v === ""))) {
    return {
      kind: "error",
      text: "The rows below the header are all empty.",
      detail: "Select the header row and the rows of figures below it.",
    };
  }
  return null;
}

function moneyFormatOf(t: Tracker): string {
  for (const field of ["annualPlan", "ytdPlan", "ytdActual"] as const) {
    const index = t.mapping.columns[field];
    if (index !== undefined && t.range.numberFormats[index]) return t.range.numberFormats[index];
  }
  return "";
}

function problemList(a: TrackerAnalysis, range: TrackerRange): ProblemView[] {
  const prefix = sheetPrefix(range.sheetName);
  const letter = columnLetter(range.rect.column);
  return a.problemRows.slice(0, PROBLEMS_SHOWN).map((row) => ({
    address: `${prefix}${letter}${a.rowNumber(row)}`,
    message: `${a.organisation(row)}: ${a
      .problemsInRow(row)
      .map((p) => p.message)
      .join(" ")}`,
  }));
}

function doneDetail(a: TrackerAnalysis): string {
  const problems = a.problemRows.length;
  if (problems === 0) return a.headlines[0] ?? "";
  return `${problems.toLocaleString("en-GB")} ${problems === 1 ? "row has" : "rows have"} problems: see the list below and the Notes column.`;
}

function formatTime(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function numbersOnly(s: Partial<Settings>): Partial<Settings> {
  return Object.fromEntries(
    Object.entries(s).filter(([, v]) => typeof v === "number" || typeof v === "object"),
  ) as Partial<Settings>;
}

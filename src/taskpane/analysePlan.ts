// What one press of Analyse does, worked out before anything is written: the core's analysis of
// the tracker, the output block cell by cell and the summary sheet. Pure (no Excel, no DOM, no
// clock): the controller hands the plans to the gateway, and tests can check them without either.
import { analyseTracker, type TrackerAnalysis } from "../core/analyseTracker";
import { columnLetter } from "../core/excelConventions";
import { FIELD_LABELS } from "../core/fields";
import type { ColumnMapping } from "../core/recogniseColumns";
import type { Settings } from "../core/settings";
import type { TrackerRange } from "./excel/readTracker";
import { sheetPrefix } from "./geometry/rect";
import type { Destination, OutputMode } from "./options";
import { literalText, planOutput, type LeadingColumn, type OutputPlan } from "./output/outputPlan";
import { EMPTY_HISTORY, type History } from "../core/history/historyFormat";
import { planHistory, type HistoryInput, type HistoryPlan } from "./historyPlan";
import { formulaLayout } from "./output/portableFormulas";
import { planSummary, type SummaryPlan } from "./summary/summaryPlan";
import { planSchemes, type SchemeChoices, type SchemeRun } from "./schemePlan";

export interface AnalyseRequest {
  /** The tracker's cells as read, header row apart, and where they sit. */
  readonly tracker: TrackerRange;
  /** Which column holds which field (recognition and the analyst's corrections). */
  readonly mapping: ColumnMapping;
  /** Resolved settings, months elapsed and forecast included. */
  readonly settings: Settings;
  readonly mode: OutputMode;
  readonly destination: Destination;
  /** Where the months elapsed came from, for the summary's record of the run. */
  readonly monthsSource?: string;
  /** A scheme register's weights, words and dimensions (default: the core's defaults, every dimension). */
  readonly schemes?: SchemeChoices;
  /** The run history as stored before this run; none given: a first run. */
  readonly history?: History;
  /** When the run is made (the history's date of it). Default: now. */
  readonly runAt?: Date;
  /** A scheme register's scheme and further dimensions, for the history (historyPlan.ts). */
  readonly scheme?: HistoryInput["scheme"];
  readonly dimensions?: HistoryInput["dimensions"];
}

/** Where the output block went and when, which only the write can say. */
export interface WrittenOutput {
  /** e.g. "Tracker!AH1:BB73". */
  readonly outputAddress: string;
  readonly ranAt: Date;
}

export interface AnalysePlan {
  readonly analysis: TrackerAnalysis;
  /** The run's snapshot, movement and trajectory, and the history to store. */
  readonly history: HistoryPlan;
  /** What the pane shows: the analysis's headlines, then what moved since the last run. */
  readonly headlines: readonly string[];
  /** The output block, for the gateway's writeOutput. */
  readonly output: OutputPlan;
  /** A scheme register's report (schemePlan.ts); null when rows are not schemes. */
  readonly schemes: SchemeRun | null;
  /** The summary sheet, which names the block: planned once the block is written. */
  summary(written: WrittenOutput): SummaryPlan;
}

export function planAnalysis(request: AnalyseRequest): AnalysePlan {
  const { tracker, mapping, settings, mode, destination } = request;
  const { rect } = tracker;
  // Sheet rows are 1-based and the header takes the first row of the block.
  const firstRow = rect.row + 2;
  const analysis = analyseTracker(tracker.rows, mapping, settings, { firstRowNumber: firstRow });
  const moneyFormat = moneyFormatOf(tracker, mapping);
  const schemes = planSchemes(tracker, mapping, analysis, settings, request.schemes);
  const history = planHistory({
    analysis,
    rows: tracker.rows,
    layout: mapping,
    firstRowNumber: firstRow,
    trackerAddress: tracker.address,
    runAt: (request.runAt ?? new Date()).toISOString(),
    history: request.history ?? EMPTY_HISTORY,
    ...(schemes ? schemeKeys(tracker, mapping) : {}),
    ...(request.scheme ? { scheme: request.scheme } : {}),
    ...(request.dimensions ? { dimensions: request.dimensions } : {}),
  });
  const output = planOutput({
    analysis,
    mode,
    layout: formulaLayout(mapping, {
      firstRow,
      lastRow: rect.row + rect.rows,
      firstColumn: rect.column,
      // On a sheet of its own, formulas must name the tracker's sheet.
      sheet: destination === "newSheet" ? tracker.sheetName : undefined,
    }),
    moneyFormat,
    leading: destination === "newSheet" ? identityColumns(tracker, mapping, mode) : [],
    schemes: schemes?.report.schemes,
    forecastMovement: (row) => history.forecastMovement[row],
    organisationLevel: schemes?.report.organisationLevel.analysis,
  });
  return {
    analysis,
    history,
    headlines: [...(schemes?.report.headlines ?? analysis.headlines), history.headline],
    output,
    schemes,
    summary: ({ outputAddress, ranAt }) =>
      planSummary({
        analysis,
        trackerAddress: tracker.address,
        outputAddress,
        ranAt: formatTime(ranAt),
        moneyFormat,
        monthsSource: request.monthsSource,
        units: mapping.units,
        schemes,
        history,
        trackerName: tracker.sheetName,
      }),
  };
}

/** The number format of the tracker's money columns, "" when none of them has one. */
function moneyFormatOf(tracker: TrackerRange, mapping: ColumnMapping): string {
  for (const field of ["annualPlan", "ytdPlan", "ytdActual"] as const) {
    const index = mapping.columns[field];
    if (index !== undefined && tracker.numberFormats[index]) return tracker.numberFormats[index];
  }
  return "";
}

/** On a sheet of its own the block would not say whose row is whose: it starts with the organisation and group. */
function identityColumns(tracker: TrackerRange, mapping: ColumnMapping, mode: OutputMode): LeadingColumn[] {
  const out: LeadingColumn[] = [];
  const first = tracker.rect.row + 2;
  const rows = tracker.rows;
  for (const field of ["organisation", "group"] as const) {
    const index = mapping.columns[field];
    if (index === undefined) continue;
    const ref = sheetPrefix(tracker.sheetName) + columnLetter(tracker.rect.column + index);
    out.push({
      header: String(tracker.header[index] ?? field),
      cell:
        mode === "values"
          ? (row) => {
              const v = rows[row]?.[index];
              return typeof v === "number" ? v : typeof v === "string" ? literalText(v) : "";
            }
          : (row) => `=IF(${ref}${first + row}="","",${ref}${first + row})`,
    });
  }
  return out;
}

/** The run's time as the analyst reads it, in their own time zone: "2026-12-01 09:30". */
function formatTime(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A scheme register's history is keyed by organisation and scheme, and moves by its dimensions too. */
function schemeKeys(tracker: TrackerRange, mapping: ColumnMapping): Pick<HistoryInput, "scheme" | "dimensions"> {
  const text = (index: number | undefined) => (row: number) => {
    const v = index === undefined ? null : tracker.rows[row]?.[index];
    return v === null || v === undefined ? "" : String(v).trim();
  };
  const dimensions: Record<string, (row: number) => string> = {};
  for (const field of ["division", "category", "lead", "stage"] as const) {
    if (mapping.columns[field] !== undefined) dimensions[FIELD_LABELS[field]] = text(mapping.columns[field]);
  }
  return { scheme: text(mapping.columns.scheme), dimensions };
}

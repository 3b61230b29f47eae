// What the task pane shows, as plain data: the controller works out a PaneState, the view draws it
// and reports what the analyst does through PaneEvents. Nothing here touches Excel or the DOM, so
// the controller can be tested without either, and the view without Excel.
import type { Field } from "../../core/fields";
import type { Dimension } from "../../core/schemes/dimensionRollup";
import type { Stage } from "../../core/schemes/stages";
import type { Destination, ForecastChoice, OutputMode } from "../options";

// The view's controls offer these; they are defined with the other run options, below the view.
export type { Destination, ForecastChoice, OutputMode } from "../options";

export type StatusKind = "info" | "busy" | "success" | "warning" | "error";

export interface PaneStatus {
  readonly kind: StatusKind;
  readonly text: string;
  /** A second, quieter line; "" when there is nothing to add. */
  readonly detail: string;
}

/** One column of the selected tracker and what it was recognised as. */
export interface MappingRow {
  /** 0-based column index within the selection. */
  readonly index: number;
  /** The sheet's column letter, e.g. "D". */
  readonly letter: string;
  /** The header cell's text as the analyst wrote it. */
  readonly header: string;
  /** The field it is read as, or null when it is ignored. */
  readonly field: Field | null;
  /** "£", "£k" or "£m" for money columns; "" otherwise. */
  readonly unit: string;
  /** Set when the analyst chose the field (rather than recognition). */
  readonly chosen: boolean;
  /** Why the column is ignored or what was unsure about it; "" when nothing to say. */
  readonly note: string;
}

export interface FieldChoice {
  readonly field: Field;
  readonly label: string;
}

export interface MappingView {
  readonly rows: readonly MappingRow[];
  /** Every field the dropdowns offer, in order ("Ignore this column" is the view's own first entry). */
  readonly choices: readonly FieldChoice[];
  /** Sentences naming required fields that are missing, e.g. "YTD actual is missing: ...". Empty when analysis can run. */
  readonly missing: readonly string[];
  /** Everything else recognition wants the analyst to know (ambiguities, duplicates, ignored columns). */
  readonly messages: readonly string[];
}

export interface ThresholdView {
  /** Settings key, with ".greenAt" / ".amberAt" for bands, e.g. "deliveryRag.greenAt" or "underFifthBelow". */
  readonly key: string;
  readonly label: string;
  /** As the analyst types it: a percentage for shares (95 for 0.95), a plain number for ratios. */
  readonly value: number;
  readonly unit: "%" | "×";
}

export interface OptionsView {
  /** null when it could not be worked out and the analyst must give it. */
  readonly monthsElapsed: number | null;
  /** Where the months elapsed came from, shown beside the field. */
  readonly monthsElapsedNote: string;
  readonly forecast: ForecastChoice;
  readonly forecastChoices: readonly { readonly value: ForecastChoice; readonly label: string }[];
  readonly outputMode: OutputMode;
  readonly destination: Destination;
  readonly thresholds: readonly ThresholdView[];
  /** Messages about settings the analyst typed that cannot be used, by key ("" key = the form as a whole). */
  readonly problems: readonly { readonly key: string; readonly message: string }[];
  /** A scheme register's options (schemeOptions.ts); absent or null when rows are not schemes. */
  readonly scheme?: SchemeOptionsView | null;
}

/** A scheme register's options as the form shows them; problems go in OptionsView.problems by these keys. */
export interface SchemeOptionsView {
  /** The financial year analysed (the year it starts in), null: the year of the run; and the years the columns name. */
  readonly financialYear: number | null;
  readonly years: readonly { readonly year: number | null; readonly label: string }[];
  /** Weights as percentages, keyed "stageWeights.planning", "likelihoodWeights.high", "ragWeights.red". */
  readonly weights: readonly { readonly key: string; readonly label: string; readonly percent: number }[];
  /** The analyst's own stage words (key "stageWords" for their problems). */
  readonly stageWords: readonly { readonly word: string; readonly stage: Stage }[];
  readonly stages: readonly { readonly stage: Stage; readonly label: string }[];
  /** Dimensions the register has, and whether each gets a table on the summary. */
  readonly dimensions: readonly { readonly dimension: Dimension; readonly label: string; readonly checked: boolean }[];
}

/** A change to a scheme register's options. */
export interface SchemeOptionsChange {
  readonly financialYear?: number | null;
  /** A weight as typed, a percentage; NaN when the box holds no number. */
  readonly weight?: { readonly key: string; readonly percent: number };
  /** Maps a word to a stage, or forgets it (null). */
  readonly stageWord?: { readonly word: string; readonly stage: Stage | null };
  readonly dimensions?: readonly Dimension[];
}

export interface ProgressView {
  readonly label: string;
  readonly done: number;
  readonly total: number;
  readonly cancellable: boolean;
}

export interface ProblemView {
  /** e.g. "Sheet1!D7" */
  readonly address: string;
  readonly message: string;
}

export interface ResultView {
  readonly headlines: readonly string[];
  /** Where the output went, e.g. "Sheet1!P1:AC73". */
  readonly outputAddress: string;
  readonly summarySheet: string;
}

export interface PaneState {
  /**
   * starting: waiting for Office; unsupported: Excel lacks a requirement set (status says which);
   * empty: nothing read yet; mapped: a tracker has been read and can be analysed; running: a read
   * or write is under way (progress); done: the last analysis is written (result).
   */
  readonly phase: "starting" | "unsupported" | "empty" | "mapped" | "running" | "done";
  readonly status: PaneStatus;
  /** The tracker last read, e.g. "Sheet1!A1:AB73 — 72 rows, 28 columns". */
  readonly selection: string;
  readonly mapping: MappingView | null;
  readonly options: OptionsView;
  readonly progress: ProgressView | null;
  readonly problems: readonly ProblemView[];
  readonly result: ResultView | null;
  /** Set when the cells beside the data hold something else: the pane offers a new sheet instead. */
  readonly offerNewSheet: boolean;
  /** Whether Analyse can be pressed now. */
  readonly canAnalyse: boolean;
}

export interface OptionsChange {
  readonly monthsElapsed?: number | null;
  readonly forecast?: ForecastChoice;
  readonly outputMode?: OutputMode;
  readonly destination?: Destination;
  /** A threshold as typed (percent or ratio); NaN when the box does not hold a number. */
  readonly threshold?: { readonly key: string; readonly value: number };
  readonly scheme?: SchemeOptionsChange;
}

export interface PaneEvents {
  /** "Use selection": read the selected range as the tracker. */
  readSelection(): void;
  /** The analyst picked a field for a column (null = ignore it). */
  changeMapping(index: number, field: Field | null): void;
  /** Forget the analyst's corrections for this header layout. */
  resetMapping(): void;
  changeOptions(change: OptionsChange): void;
  analyse(): void;
  cancel(): void;
  /** Accept the offer to write on a new sheet. */
  useNewSheet(): void;
}

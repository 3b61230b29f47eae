/**
 * Which tracker field each column of a header row holds. Trackers are made by hand, so the
 * same column is headed "Annual plan £k" in one and "QIPP target (£m)" in the next; this reads
 * the row the way an analyst would and says, in words, everything it was unsure about.
 *
 * Recognition only ever guesses; the analyst's explicit choices ({@link ColumnOverrides}) win.
 * Nothing here throws, whatever Excel hands over as a header row.
 *
 * The phases live in files of their own: reading each header (headerReading.ts, with the words
 * in headerWords.ts and fields.ts, months in monthPhrases.ts), checking the analyst's choices
 * (columnOverrides.ts), resolving competing claims (columnClaims.ts), units (units.ts) and the
 * sentences (columnMessages.ts).
 */
import { chooseColumns, settleAmbiguous, sortClaims, type AmbiguousHeader, type DuplicateClaims } from "./columnClaims";
import {
  nothingRecognisedMessage,
  noHeaderMessage,
  partialPhasingMessage,
  previousOutputsMessage,
  type Letter,
} from "./columnMessages";
import { checkOverrides } from "./columnOverrides";
import { columnLetter } from "./excelConventions";
import { NUMERIC_FIELDS, PLAN_MONTH_FIELDS, type Field, type NumericField } from "./fields";
import { readHeaderRow, readHeaders, type HeaderCell } from "./headerReading";
import { assignUnits, type AmountColumn, type Unit } from "./units";
import { financialYearLabel, financialYearOf, isFinancialYear } from "./financialYear";
import { settleYears, type YearColumn } from "./yearColumns";

export type { YearColumn } from "./yearColumns";

/** Explicit choices from the analyst. */
export interface ColumnOverrides {
  /** Field -> 0-based column index, or null = "do not use this field". */
  fields?: Partial<Record<Field, number | null>>;
  /** Column index -> unit. A unit stated in the header itself still comes first. */
  units?: Partial<Record<number, Unit>>;
  /** Unit for money columns whose header names none (else: the unit most money columns state, else "£"). */
  defaultUnit?: Unit;
  /**
   * The sheet column of the header's first cell (0 = A), so that messages name columns by the
   * letters the analyst sees when the tracker does not start in column A. Indices stay 0-based
   * within the header row.
   */
  firstColumn?: number;
  /**
   * The financial year whose year-qualified columns ("Plan 2025/26") are analysed, by the year it
   * starts in (2026 is 2026/27). Default: the year of today's date (April starts the year).
   */
  financialYear?: number;
}

export interface ColumnMapping {
  /** Field -> column index. */
  columns: Partial<Record<Field, number>>;
  /** Unit of each mapped numeric field. */
  units: Partial<Record<NumericField, Unit>>;
  /** Non-empty headers that nothing claimed. */
  unmapped: { index: number; header: string }[];
  /** Headers that could be more than one field, with the field chosen (if any) and why. */
  ambiguous: AmbiguousHeader[];
  /** Several columns claiming one field. */
  duplicates: DuplicateClaims[];
  /** Columns with a blank header. */
  emptyHeaders: number[];
  /** Columns whose header starts "CIP:": our own output from an earlier run, never read as input. */
  previousOutputs: number[];
  /** All 12 plan month columns are mapped. */
  hasFullPhasing: boolean;
  /** The financial year analysed where headers name years (2025 is 2025/26), and its label. */
  financialYear: number;
  financialYearLabel: string;
  /** Columns whose header names a financial year: the ones analysed and the ones kept as context. */
  yearColumns: YearColumn[];
  /** Every finding above as a sentence an analyst understands. */
  messages: string[];
}

/**
 * Recognise the tracker fields in a header row (as `Range.values` gives it: text, numbers,
 * dates as serial numbers, blanks), applying the analyst's overrides.
 */
export function recogniseColumns(header: readonly unknown[], overrides?: ColumnOverrides): ColumnMapping {
  const letter = sheetLetters(overrides?.firstColumn);
  const cells = readHeaderRow(header, letter);
  const choices = checkOverrides(overrides, cells, letter);
  const readings = readHeaders(cells, choices.forcedColumns);
  const claims = sortClaims(readings, cells, choices);
  const yearMessages: string[] = [];
  const financialYear = chosenFinancialYear(overrides?.financialYear, yearMessages);
  const years = settleYears(claims, cells, financialYear, letter);
  const ambiguous = settleAmbiguous(claims, cells, choices);
  const { columns, duplicates } = chooseColumns(claims, cells, choices, letter);
  const units = assignUnits(
    amountColumns(columns, cells),
    choices.columnUnits,
    choices.defaultUnit,
    (i) => cells[i].name,
    letter,
  );

  const emptyHeaders = cells.filter((c) => c.kind === "empty" && !choices.forcedColumns.has(c.index)).map((c) => c.index);
  const previousOutputs = cells.filter((c) => c.kind === "output").map((c) => c.index);
  const messages = [
    ...(Object.keys(columns).length === 0 ? [nothingRecognisedMessage()] : []),
    ...choices.messages,
    ...yearMessages,
    ...years.messages,
    ...ambiguous.map((a) => a.message),
    ...duplicates.map((d) => d.message),
    ...claims.unmappedMessages,
    ...(emptyHeaders.length > 0 ? [noHeaderMessage(emptyHeaders, letter)] : []),
    ...(previousOutputs.length > 0 ? [previousOutputsMessage(previousOutputs.map((i) => cells[i].name))] : []),
    ...units.messages,
    ...[partialPhasingMessage(columns)].filter((m) => m !== null),
  ];
  return {
    columns,
    units: units.units,
    unmapped: claims.unmapped.sort((a, b) => a.index - b.index),
    ambiguous: ambiguous.sort((a, b) => a.index - b.index),
    duplicates,
    emptyHeaders,
    previousOutputs,
    hasFullPhasing: PLAN_MONTH_FIELDS.every((f) => columns[f] !== undefined),
    financialYear,
    financialYearLabel: financialYearLabel(financialYear),
    yearColumns: years.yearColumns,
    messages,
  };
}

function chosenFinancialYear(given: unknown, messages: string[]): number {
  const today = financialYearOf(new Date());
  if (given === undefined || given === null || isFinancialYear(given)) return (given as number | null | undefined) ?? today;
  messages.push(
    `The financial year ${JSON.stringify(given)} is not a year such as 2025 (for 2025/26), so ${financialYearLabel(today)}, the current one, is used.`,
  );
  return today;
}

/** Letters as the analyst sees them when the header row does not start in column A. */
function sheetLetters(firstColumn: number | undefined): Letter {
  const offset = Number.isInteger(firstColumn) && (firstColumn as number) > 0 ? (firstColumn as number) : 0;
  return (i) => columnLetter(i + offset);
}

function amountColumns(columns: Partial<Record<Field, number>>, cells: readonly HeaderCell[]): AmountColumn[] {
  return NUMERIC_FIELDS.filter((f) => columns[f] !== undefined).map((field) => {
    const cell = cells[columns[field] as number];
    return { field, index: cell.index, header: cell.dateMonth === null ? cell.text : "", name: cell.name };
  });
}

/**
 * Reading a header row cell by cell: what each cell is (blank, our own earlier output, a header,
 * a month typed as a date) and which field(s) its words name, before any column competes with
 * another for a field (columnClaims.ts).
 */
import type { Letter } from "./columnMessages";
import { CALENDAR_MONTH_NAMES, excelSerialDate, financialMonth } from "./excelConventions";
import { ACTUAL_MONTH_FIELDS, PLAN_MONTH_FIELDS, type Field } from "./fields";
import { financialYearInTokens } from "./financialYear";
import { ACTUAL_WORDS, DERIVED_WORDS, isLikelihoodPercent, matchWords, wordsOf } from "./headerWords";
import { findMonths, isCumulative } from "./monthPhrases";
import { headerTokens } from "./normaliseHeader";
import { isExcelError } from "./problem";

/** One cell of the header row. */
export interface HeaderCell {
  readonly index: number;
  /** The header as text, trimmed; "" for a blank. */
  readonly text: string;
  readonly kind: "empty" | "output" | "header";
  /** Financial-year month of a header that is an Excel date. */
  readonly dateMonth: number | null;
  /** How a message names the column, without the word "column": `D "Annual plan £k"`. */
  readonly name: string;
}

export type UnusedReason = "unknown" | "error" | "derived" | "series";

/** What one header's words say the column is. */
export type Reading =
  | { readonly kind: "unused"; readonly reason: UnusedReason }
  | {
      readonly kind: "fields";
      readonly fields: Field[];
      readonly exact: boolean;
      readonly specific: boolean;
      /** Set for "Forecast M6"-style headers: a field as at a month, unless the row has a whole series of them. */
      readonly asAt?: { readonly key: string; readonly month: number };
      /** The financial year a year-qualified header names ("Plan 2025/26" is 2025), for yearColumns.ts. */
      readonly year?: number;
    };

/**
 * Month headers that are real dates fall in this range (1 January 1990 to 31 December 2099); a
 * number outside it is a number, not a date (2011 is a year, not 3 July 1905).
 */
const FIRST_HEADER_SERIAL = 32874;
const LAST_HEADER_SERIAL = 73415;

const OUTPUT_PREFIX = /^cip\s*:/i;

const unused = (reason: UnusedReason): Reading => ({ kind: "unused", reason });

function monthField(month: number, actual: boolean): Field {
  return (actual ? ACTUAL_MONTH_FIELDS : PLAN_MONTH_FIELDS)[month - 1];
}

/** The header row as `Range.values` gives it, cell by cell; anything that is not a list is no cells. */
export function readHeaderRow(header: readonly unknown[], letter: Letter): HeaderCell[] {
  const row: readonly unknown[] = Array.isArray(header) ? header : [];
  const cells: HeaderCell[] = [];
  for (let i = 0; i < row.length; i++) cells.push(readHeaderCell(row[i], i, letter));
  return cells;
}

function readHeaderCell(value: unknown, index: number, letterOf: Letter): HeaderCell {
  const letter = letterOf(index);
  if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 12) {
    // Period numbers 1-12 as headers are months of the financial year, not days of January 1900.
    return { index, text: String(value), kind: "header", dateMonth: value, name: `${letter} (period ${value})` };
  }
  if (typeof value === "number" && value >= FIRST_HEADER_SERIAL && value <= LAST_HEADER_SERIAL) {
    const date = excelSerialDate(value);
    if (date) {
      const name = `${letter} (${CALENDAR_MONTH_NAMES[date.month - 1]} ${date.year})`;
      return {
        index,
        text: String(value),
        kind: "header",
        dateMonth: financialMonth(date.month),
        name,
      };
    }
  }
  const text =
    typeof value === "string"
      ? value.trim()
      : typeof value === "number" && Number.isFinite(value)
        ? String(value)
        : typeof value === "boolean"
          ? value
            ? "TRUE"
            : "FALSE"
          : "";
  const kind = text === "" ? "empty" : OUTPUT_PREFIX.test(text) ? "output" : "header";
  const name = kind === "empty" ? `${letter} (no header)` : `${letter} "${text.replace(/\s+/g, " ")}"`;
  return { index, text, kind, dateMonth: null, name };
}

/**
 * What the header of every cell not already chosen by the analyst says, by column index, with
 * monthly series ("Forecast Apr" to "Forecast Mar") set aside.
 */
export function readHeaders(cells: readonly HeaderCell[], chosenColumns: ReadonlyMap<number, Field>): Map<number, Reading> {
  const readings = new Map<number, Reading>();
  for (const cell of cells)
    if (cell.kind === "header" && !chosenColumns.has(cell.index)) readings.set(cell.index, readCellHeader(cell));
  dropSeries(readings);
  return readings;
}

function readCellHeader(cell: HeaderCell): Reading {
  if (cell.dateMonth !== null)
    return {
      kind: "fields",
      fields: [monthField(cell.dateMonth, false)],
      exact: true,
      specific: true,
    };
  return readHeaderText(cell.text);
}

function readHeaderText(text: string): Reading {
  if (isExcelError(text)) return unused("error");
  const tokens = headerTokens(text);
  if (tokens.some((t) => DERIVED_WORDS.has(t))) return unused("derived");
  // "Confidence %" is a scheme's likelihood; any other "%" is a share worked out from the inputs.
  if (text.includes("%"))
    return isLikelihoodPercent(tokens)
      ? { kind: "fields", fields: ["likelihood"], exact: true, specific: true }
      : unused("derived");

  const { months, used } = findMonths(tokens);
  const words = wordsOf(tokens.filter((_, i) => !used.has(i)));
  const year = financialYearInTokens(tokens);
  const byWords = (): Reading => {
    const match = matchWords(words, false);
    if (!match) return unused("unknown");
    return year === null ? { kind: "fields", ...match } : { kind: "fields", ...match, year };
  };

  // "Apr-Mar plan" is the year; "Apr-Sep plan" is half of it, which no field holds.
  if (months.size > 1) return months.size === 2 && months.has(1) && months.has(12) ? byWords() : unused("unknown");
  if (months.size === 0) return byWords();

  const [month] = months;
  // A month with nothing but plan/actual words ("Apr", "Actual M1", "Phasing Apr") is the month's
  // own figure. Other words may be noise ("Apr plan (revised)"), unless they name another field.
  if (!isCumulative(words) && !matchWords(words, true)) {
    return {
      kind: "fields",
      fields: [
        monthField(
          month,
          words.some((w) => ACTUAL_WORDS.has(w)),
        ),
      ],
      exact: true,
      specific: true,
    };
  }
  const match = matchWords(words, false);
  return match ? { kind: "fields", ...match, asAt: { key: words.join(" "), month } } : unused("unknown");
}

/**
 * "Forecast M6" on its own is the forecast as at month 6; "Forecast Apr" to "Forecast Mar" is a
 * monthly forecast, which no field holds, so a header repeated across months is a series.
 */
function dropSeries(readings: Map<number, Reading>): void {
  const monthsByKey = new Map<string, Set<number>>();
  const keyOf = (r: Reading) => (r.kind === "fields" && r.asAt ? `${r.fields.join(",")}|${r.asAt.key}` : null);
  for (const reading of readings.values()) {
    const key = keyOf(reading);
    if (key === null || reading.kind !== "fields" || !reading.asAt) continue;
    monthsByKey.set(key, (monthsByKey.get(key) ?? new Set<number>()).add(reading.asAt.month));
  }
  for (const [index, reading] of readings) {
    const key = keyOf(reading);
    if (key !== null && (monthsByKey.get(key)?.size ?? 0) > 1) readings.set(index, unused("series"));
  }
}

/** Why a header is not used, as a sentence. */
export function unusedMessage(cell: HeaderCell, reason: UnusedReason): string {
  switch (reason) {
    case "error":
      return `Column ${cell.name} is an Excel error, not a header, so it is not used.`;
    case "derived":
      return `Column ${cell.name} looks like a calculated measure (a variance, percentage, comparison or part of the year), not an input, so it is not used.`;
    case "series":
      return `Column ${cell.name} looks like one month of a monthly series that CIP Analyst does not read, so it is not used.`;
    case "unknown":
      return `Column ${cell.name} was not recognised, so it is not used.`;
  }
}

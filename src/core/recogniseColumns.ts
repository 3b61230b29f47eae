/**
 * Which tracker field each column of a header row holds. Trackers are made by hand, so the
 * same column is headed "Annual plan £k" in one and "QIPP target (£m)" in the next; this reads
 * the row the way an analyst would and says, in words, everything it was unsure about.
 *
 * Recognition only ever guesses; the analyst's explicit choices ({@link ColumnOverrides}) win.
 * Nothing here throws, whatever Excel hands over as a header row.
 */
import {
  ACTUAL_MONTH_FIELDS,
  ALL_FIELDS,
  FIELD_LABELS,
  HEADER_WORDS,
  MONTHS,
  MONTH_WORDS,
  NUMERIC_FIELDS,
  PLAN_MONTH_FIELDS,
  TEXT_FIELDS,
  isField,
  isTextField,
  type Field,
  type MoneyField,
  type NumericField,
  type TextField,
} from "./fields";
import { headerTokens } from "./normaliseHeader";
import { isExcelError } from "./problem";
import { detectUnit, isUnit, mentionsBillions, type Unit } from "./units";

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
}

/** The sheet letter of a 0-based column of the header row. */
type Letter = (index: number) => string;

export interface ColumnMapping {
  /** Field -> column index. */
  columns: Partial<Record<Field, number>>;
  /** Unit of each mapped numeric field. */
  units: Partial<Record<NumericField, Unit>>;
  /** Non-empty headers that nothing claimed. */
  unmapped: { index: number; header: string }[];
  /** Headers that could be more than one field, with the field chosen (if any) and why. */
  ambiguous: {
    index: number;
    header: string;
    candidates: Field[];
    chosen: Field | null;
    message: string;
  }[];
  /** Several columns claiming one field. */
  duplicates: {
    field: Field;
    indices: number[];
    chosen: number;
    message: string;
  }[];
  /** Columns with a blank header. */
  emptyHeaders: number[];
  /** Columns whose header starts "CIP:": our own output from an earlier run, never read as input. */
  previousOutputs: number[];
  /** All 12 plan month columns are mapped. */
  hasFullPhasing: boolean;
  /** Every finding above as a sentence an analyst understands. */
  messages: string[];
}

// ---------------------------------------------------------------------------------------------
// Column letters

/** Excel's name for a 0-based column index: 0 -> "A", 25 -> "Z", 26 -> "AA", 16383 -> "XFD". */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0) return "";
  let letters = "";
  // Bijective base 26: there is no zero digit, which is why "Z" is followed by "AA".
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

// ---------------------------------------------------------------------------------------------
// Excel dates

/**
 * Month headers that are real dates fall in this range (1 January 1990 to 31 December 2099); a
 * number outside it is a number, not a date (2011 is a year, not 3 July 1905).
 */
const FIRST_HEADER_SERIAL = 32874;
const LAST_HEADER_SERIAL = 73415;

/** The largest serial Excel shows as a date: 31 December 9999. */
const LAST_EXCEL_SERIAL = 2958465;
/** Days from 1 January 1900 to 1 January 1970. */
const DAYS_1900_TO_1970 = 25567;

/**
 * The calendar date of an Excel date serial (1900 system), or null if the number is not one.
 * Pure arithmetic, so the answer cannot depend on the machine's time zone. Serial 60 is the
 * 29 February 1900 that Excel keeps for Lotus 1-2-3's sake; every later serial is one day
 * ahead of the real calendar.
 */
export function excelSerialDate(serial: number): { year: number; month: number; day: number } | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > LAST_EXCEL_SERIAL) return null;
  if (serial === 60) return { year: 1900, month: 2, day: 29 };
  const daysSince1970 = (serial < 60 ? serial - 1 : serial - 2) - DAYS_1900_TO_1970;
  return civilFromDays(daysSince1970);
}

// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian, eras of 400 years).
function civilFromDays(days: number): {
  year: number;
  month: number;
  day: number;
} {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The financial-year month of a calendar month (1 = January): April is month 1, March month 12. */
export function financialMonth(calendarMonth: number): number {
  return ((calendarMonth + 8) % 12) + 1;
}

const CALENDAR_MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// ---------------------------------------------------------------------------------------------
// Header words

/** Words that name a field on their own only when nothing more specific is about. */
const GENERIC_WORDS = new Set(["code", "name", "actual", "plan", "target", "surplus", "deficit"]);

/** Words that, next to a month, say the column is that month's plan. */
const PLAN_WORDS = [
  "plan",
  "plans",
  "planned",
  "phasing",
  "phased",
  "profile",
  "profiled",
  "budget",
  "target",
  "targets",
  "p",
  "cip",
  "qipp",
  "saving",
  "savings",
  "total",
  "value",
];
/** Words that, next to a month, say the column is that month's actual. */
const ACTUAL_WORDS = new Set(["actual", "actuals", "act", "a", "delivered", "delivery", "achieved", "achievement", "outturn"]);
const MONTH_QUALIFIERS = new Set([...PLAN_WORDS, ...ACTUAL_WORDS]);

/**
 * Words of measures calculated from the inputs (a variance, a share, a comparison) or of part of
 * the year: a header holding one is never an input, however input-like its other words.
 * "PCT" is absent on purpose: it is a primary care trust, not a percentage.
 */
const DERIVED_WORDS = new Set([
  "variance",
  "variances",
  "var",
  "shortfall",
  "difference",
  "diff",
  "movement",
  "ratio",
  "percent",
  "percentage",
  "rate",
  "share",
  "vs",
  "versus",
  "v",
  "prior",
  "previous",
  "last",
  "q1",
  "q2",
  "q3",
  "q4",
  "h1",
  "h2",
  "quarter",
  "quarterly",
]);

// Years and other bare numbers ("2011/12", "11-12", "FY12") say when, not what.
const isYearOrNumber = (token: string) => /^\d+$/.test(token) || /^fy\d+$/.test(token);
const wordsOf = (tokens: readonly string[]) => tokens.filter((t) => !isYearOrNumber(t));

type WordField = TextField | MoneyField;

interface Synonym {
  readonly field: WordField;
  readonly tokens: readonly string[];
  readonly key: string;
  readonly generic: boolean;
  /** Made only of words that also qualify a month ("Plan", "Delivered"), so "Apr plan" is still a month. */
  readonly qualifiersOnly: boolean;
}

const SYNONYMS: readonly Synonym[] = (Object.keys(HEADER_WORDS) as WordField[]).flatMap((field) => {
  const seen = new Set<string>();
  return HEADER_WORDS[field].flatMap((word): Synonym[] => {
    const tokens = wordsOf(headerTokens(word));
    const key = tokens.join(" ");
    if (key === "" || seen.has(key)) return [];
    seen.add(key);
    return [
      {
        field,
        tokens,
        key,
        generic: GENERIC_WORDS.has(key),
        qualifiersOnly: tokens.every((t) => MONTH_QUALIFIERS.has(t)),
      },
    ];
  });
});

interface WordMatch {
  readonly fields: Field[];
  /** The header is a field's word exactly, not merely contains one. */
  readonly exact: boolean;
  /** Matched by a word more specific than "Plan" or "Name". */
  readonly specific: boolean;
}

const fieldOrder = (a: Field, b: Field) => ALL_FIELDS.indexOf(a) - ALL_FIELDS.indexOf(b);

/**
 * The field(s) a header's words name: a header word exactly, else the header words contained in
 * it with the most words ("YTD plan £k" is the YTD plan, not the annual plan via "plan").
 */
function matchWords(tokens: readonly string[], skipQualifierWords: boolean): WordMatch | null {
  if (tokens.length === 0) return null;
  const key = tokens.join(" ");
  const present = new Set(tokens);
  const usable = SYNONYMS.filter((s) => !(skipQualifierWords && s.qualifiersOnly));
  let hits = usable.filter((s) => s.key === key);
  const exact = hits.length > 0;
  if (!exact) {
    hits = usable.filter((s) => s.tokens.every((t) => present.has(t)));
    const most = Math.max(0, ...hits.map((s) => s.tokens.length));
    hits = hits.filter((s) => s.tokens.length === most);
  }
  if (hits.length === 0) return null;
  // "Trust plan", "Provider income": a header naming an amount and whose it is holds the amount.
  if (hits.some((s) => !isTextField(s.field))) hits = hits.filter((s) => !isTextField(s.field));
  // "Region name", "Project code": the specific word says what the label is.
  const specific = hits.some((s) => !s.generic);
  if (specific) hits = hits.filter((s) => !s.generic);
  const fields = [...new Set(hits.map((s) => s.field))].sort(fieldOrder);
  return { fields, exact, specific };
}

// ---------------------------------------------------------------------------------------------
// Months

interface MonthPhrase {
  readonly tokens: readonly string[];
  /** Financial-year month, 1 = April. */
  readonly month: number;
}

const MONTH_PHRASES: readonly MonthPhrase[] = MONTH_WORDS.flatMap((words, i) => {
  const month = i + 1;
  const n = String(month);
  const padded = n.padStart(2, "0");
  // Period numbers as finance teams abbreviate them: "M 1", "M01", "Mth 1", "Period 1".
  const periods = [
    ["m", n],
    [`m${padded}`],
    ["m", padded],
    ["mth", n],
    [`mth${n}`],
    ["period", n],
    [`month${n}`],
    ["month", padded],
  ];
  return [...words.map((w) => headerTokens(w)), ...periods].map((tokens) => ({
    tokens,
    month,
  }));
}).sort((a, b) => b.tokens.length - a.tokens.length);

/** Month names that may be glued to a year, as in "Apr11" or "March2012". */
const MONTH_NAMES: ReadonlyMap<string, number> = new Map(
  MONTH_PHRASES.filter((p) => p.tokens.length === 1 && /^[a-z]+$/.test(p.tokens[0])).map((p) => [p.tokens[0], p.month]),
);

/** The months a header names, and which of its tokens name them. */
function findMonths(tokens: readonly string[]): {
  months: Set<number>;
  used: Set<number>;
} {
  const months = new Set<number>();
  const used = new Set<number>();
  for (let i = 0; i < tokens.length;) {
    const phrase = MONTH_PHRASES.find((p) => p.tokens.every((t, j) => tokens[i + j] === t));
    if (phrase) {
      months.add(phrase.month);
      for (let j = 0; j < phrase.tokens.length; j++) used.add(i + j);
      i += phrase.tokens.length;
      continue;
    }
    const glued = /^([a-z]+)(\d{2}|\d{4})$/.exec(tokens[i]);
    const month = glued ? MONTH_NAMES.get(glued[1]) : undefined;
    if (month !== undefined) {
      months.add(month);
      used.add(i);
    }
    i++;
  }
  return { months, used };
}

/** Words that make a month a point in time ("YTD plan M6") rather than the month's own figure. */
function isCumulative(tokens: readonly string[]): boolean {
  const has = (t: string) => tokens.includes(t);
  return has("ytd") || has("cumulative") || has("cum") || (has("to") && has("date")) || (has("as") && has("at"));
}

// ---------------------------------------------------------------------------------------------
// Reading one header

type UnusedReason = "unknown" | "error" | "derived" | "series";

type Reading =
  | { readonly kind: "unused"; readonly reason: UnusedReason }
  | {
      readonly kind: "fields";
      readonly fields: Field[];
      readonly exact: boolean;
      readonly specific: boolean;
      /** Set for "Forecast M6"-style headers: a field as at a month, unless the row has a whole series of them. */
      readonly asAt?: { readonly key: string; readonly month: number };
    };

const unused = (reason: UnusedReason): Reading => ({ kind: "unused", reason });

function monthField(month: number, actual: boolean): Field {
  return (actual ? ACTUAL_MONTH_FIELDS : PLAN_MONTH_FIELDS)[month - 1];
}

function readHeaderText(text: string): Reading {
  if (isExcelError(text)) return unused("error");
  if (text.includes("%")) return unused("derived");
  const tokens = headerTokens(text);
  if (tokens.some((t) => DERIVED_WORDS.has(t))) return unused("derived");

  const { months, used } = findMonths(tokens);
  const words = wordsOf(tokens.filter((_, i) => !used.has(i)));
  const byWords = (): Reading => {
    const match = matchWords(words, false);
    return match ? { kind: "fields", ...match } : unused("unknown");
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

// ---------------------------------------------------------------------------------------------
// The header row

interface Cell {
  readonly index: number;
  /** The header as text, trimmed; "" for a blank. */
  readonly text: string;
  readonly kind: "empty" | "output" | "header";
  /** Financial-year month of a header that is an Excel date. */
  readonly dateMonth: number | null;
  /** How a message names the column, without the word "column": `D "Annual plan £k"`. */
  readonly name: string;
}

const OUTPUT_PREFIX = /^cip\s*:/i;

function readCell(value: unknown, index: number, letterOf: Letter): Cell {
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

function readCellHeader(cell: Cell): Reading {
  if (cell.dateMonth !== null)
    return {
      kind: "fields",
      fields: [monthField(cell.dateMonth, false)],
      exact: true,
      specific: true,
    };
  return readHeaderText(cell.text);
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

// ---------------------------------------------------------------------------------------------
// Overrides

interface ReadOverrides {
  readonly forced: Map<Field, number>;
  readonly forcedColumns: Map<number, Field>;
  readonly vetoed: Set<Field>;
  readonly columnUnits: Map<number, Unit>;
  readonly defaultUnit: Unit | null;
  readonly messages: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A value as a message can quote it, whatever it is. */
function quote(value: unknown): string {
  if (typeof value === "string") return `"${value}"`;
  if (typeof value === "number" || typeof value === "boolean" || value === null || value === undefined) return String(value);
  return Array.isArray(value) ? "a list" : "an object";
}

function describeRange(cells: readonly Cell[], letter: Letter): string {
  return cells.length === 0 ? "which has no columns" : `columns ${letter(0)} to ${letter(cells.length - 1)}`;
}

function readOverrides(overrides: unknown, cells: readonly Cell[], letter: Letter): ReadOverrides {
  const forced = new Map<Field, number>();
  const forcedColumns = new Map<number, Field>();
  const vetoed = new Set<Field>();
  const columnUnits = new Map<number, Unit>();
  const messages: string[] = [];
  let defaultUnit: Unit | null = null;
  if (!isRecord(overrides))
    return {
      forced,
      forcedColumns,
      vetoed,
      columnUnits,
      defaultUnit,
      messages,
    };

  const fields = overrides.fields;
  if (isRecord(fields)) {
    for (const [name, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      if (!isField(name)) {
        messages.push(`"${name}" is not a field CIP Analyst knows, so the column chosen for it is ignored.`);
        continue;
      }
      const label = FIELD_LABELS[name];
      if (value === null) {
        vetoed.add(name);
        continue;
      }
      if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
        messages.push(`${label} is set to ${quote(value)}, which is not a column number, so the choice is ignored.`);
        continue;
      }
      if (value >= cells.length) {
        messages.push(
          `${label} is set to column ${letter(value)}, outside the header row (${describeRange(cells, letter)}), so the choice is ignored.`,
        );
        continue;
      }
      const cell = cells[value];
      if (cell.kind === "output") {
        messages.push(
          `${label} is set to column ${cell.name}, which holds output from an earlier run of CIP Analyst, so the choice is ignored.`,
        );
        continue;
      }
      const taken = forcedColumns.get(value);
      if (taken !== undefined) {
        messages.push(
          `${label} is set to column ${cell.name}, which is already chosen for ${FIELD_LABELS[taken]}, so the choice is ignored.`,
        );
        continue;
      }
      forced.set(name, value);
      forcedColumns.set(value, name);
    }
  } else if (fields !== undefined) {
    messages.push("The column choices are not in a form CIP Analyst can read, so they are ignored.");
  }

  const units = overrides.units;
  if (isRecord(units)) {
    for (const [key, unit] of Object.entries(units)) {
      if (unit === undefined) continue;
      const index = /^\d+$/.test(key) ? Number(key) : NaN;
      if (!Number.isSafeInteger(index)) {
        messages.push(`A unit is set for column "${key}", which is not a column, so it is ignored.`);
      } else if (index >= cells.length) {
        messages.push(
          `A unit is set for column ${letter(index)}, outside the header row (${describeRange(cells, letter)}), so it is ignored.`,
        );
      } else if (!isUnit(unit)) {
        messages.push(`The unit ${quote(unit)} set for column ${cells[index].name} is not £, £k or £m, so it is ignored.`);
      } else {
        columnUnits.set(index, unit);
      }
    }
  } else if (units !== undefined) {
    messages.push("The column units are not in a form CIP Analyst can read, so they are ignored.");
  }

  if (overrides.defaultUnit !== undefined) {
    if (isUnit(overrides.defaultUnit)) defaultUnit = overrides.defaultUnit;
    else messages.push(`The default unit ${quote(overrides.defaultUnit)} is not £, £k or £m, so it is ignored.`);
  }
  return { forced, forcedColumns, vetoed, columnUnits, defaultUnit, messages };
}

// ---------------------------------------------------------------------------------------------
// Sentences

function joinWith(items: readonly string[], last: string): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${last} ${items[items.length - 1]}`;
}
const joinAnd = (items: readonly string[]) => joinWith(items, "and");
const joinOr = (items: readonly string[]) => joinWith(items, "or");

/** "C, F and H to K": runs of three or more columns shown as a range. */
function columnList(indices: readonly number[], letter: Letter): string {
  const parts: string[] = [];
  for (let i = 0; i < indices.length;) {
    let j = i;
    while (j + 1 < indices.length && indices[j + 1] === indices[j] + 1) j++;
    if (j - i >= 2) parts.push(`${letter(indices[i])} to ${letter(indices[j])}`);
    else for (let k = i; k <= j; k++) parts.push(letter(indices[k]));
    i = j + 1;
  }
  return joinAnd(parts);
}

const columnsWord = (count: number) => (count === 1 ? "Column" : "Columns");

function nothingRecognisedMessage(): string {
  const examples = [
    ...TEXT_FIELDS.slice(0, 3),
    "annualPlan",
    "ytdPlan",
    "ytdActual",
    "forecast",
    ...TEXT_FIELDS.slice(3),
    "recurrent",
    "nonRecurrent",
    "unidentified",
    "turnover",
    "surplusDeficit",
  ] as WordField[];
  const described = examples.map(
    (f) =>
      `${FIELD_LABELS[f]} (${HEADER_WORDS[f]
        .slice(0, 2)
        .map((w) => `"${w}"`)
        .join(", ")})`,
  );
  return (
    "No column in the header row was recognised. CIP Analyst looks for headers such as " +
    `${described.join(", ")}, and monthly plan phasing ("${MONTHS[0]}" to "${MONTHS[11]}" or "M1" to "M12").`
  );
}

// ---------------------------------------------------------------------------------------------
// Recognition

interface Claim {
  readonly index: number;
  readonly field: Field;
  readonly exact: boolean;
  readonly specific: boolean;
}

/** Better claims first: a specific word beats a generic one, an exact header beats a partial one, then leftmost. */
function compareClaims(a: Claim, b: Claim): number {
  return Number(b.specific) - Number(a.specific) || Number(b.exact) - Number(a.exact) || a.index - b.index;
}

function winnerReason(winner: Claim, runnerUp: Claim): string {
  if (winner.specific !== runnerUp.specific) return "its header is more specific";
  if (winner.exact !== runnerUp.exact) return "its header matches exactly";
  return "it comes first";
}

/**
 * Recognise the tracker fields in a header row (as `Range.values` gives it: text, numbers,
 * dates as serial numbers, blanks), applying the analyst's overrides.
 */
export function recogniseColumns(header: readonly unknown[], overrides?: ColumnOverrides): ColumnMapping {
  const row: readonly unknown[] = Array.isArray(header) ? header : [];
  const cells: Cell[] = [];
  const offset = overrides?.firstColumn;
  const letter: Letter = (i) => columnLetter(i + (Number.isInteger(offset) && (offset as number) > 0 ? (offset as number) : 0));
  for (let i = 0; i < row.length; i++) cells.push(readCell(row[i], i, letter));
  const {
    forced,
    forcedColumns,
    vetoed,
    columnUnits,
    defaultUnit,
    messages: overrideMessages,
  } = readOverrides(overrides, cells, letter);

  const emptyHeaders = cells.filter((c) => c.kind === "empty" && !forcedColumns.has(c.index)).map((c) => c.index);
  const previousOutputs = cells.filter((c) => c.kind === "output").map((c) => c.index);

  const readings = new Map<number, Reading>();
  for (const cell of cells)
    if (cell.kind === "header" && !forcedColumns.has(cell.index)) readings.set(cell.index, readCellHeader(cell));
  dropSeries(readings);

  const unmapped: ColumnMapping["unmapped"] = [];
  const unmappedMessages: string[] = [];
  const claims: Claim[] = [];
  const overriddenClaims = new Map<Field, number[]>();
  const ambiguousReadings: {
    cell: Cell;
    fields: Field[];
    exact: boolean;
    specific: boolean;
  }[] = [];

  for (const [index, reading] of readings) {
    const cell = cells[index];
    if (reading.kind === "unused") {
      unmapped.push({ index, header: cell.text });
      unmappedMessages.push(unusedMessage(cell, reading.reason));
    } else if (reading.fields.length > 1) {
      ambiguousReadings.push({
        cell,
        fields: reading.fields,
        exact: reading.exact,
        specific: reading.specific,
      });
    } else {
      const field = reading.fields[0];
      if (vetoed.has(field)) {
        unmapped.push({ index, header: cell.text });
        unmappedMessages.push(
          `Column ${cell.name} looks like ${FIELD_LABELS[field]}, which you chose not to use, so it is not used.`,
        );
      } else if (forced.has(field)) {
        overriddenClaims.set(field, [...(overriddenClaims.get(field) ?? []), index]);
      } else {
        claims.push({
          index,
          field,
          exact: reading.exact,
          specific: reading.specific,
        });
      }
    }
  }

  // The best column for each field among the unambiguous ones: the context that decides an
  // ambiguous header ("ICB" is the group when another column is plainly the organisation).
  const clearWinner = new Map<Field, Claim>();
  for (const claim of [...claims].sort(compareClaims)) if (!clearWinner.has(claim.field)) clearWinner.set(claim.field, claim);

  const ambiguous: ColumnMapping["ambiguous"] = [];
  for (const { cell, fields, exact, specific } of ambiguousReadings) {
    const because = new Map<Field, string>();
    for (const field of fields) {
      const label = FIELD_LABELS[field];
      const forcedIndex = forced.get(field);
      const winner = clearWinner.get(field);
      if (forcedIndex !== undefined) because.set(field, `you chose column ${cells[forcedIndex].name} for ${label}`);
      else if (vetoed.has(field)) because.set(field, `you chose not to use ${label}`);
      else if (winner) because.set(field, `column ${cells[winner.index].name} is ${label}`);
    }
    const remaining = fields.filter((f) => !because.has(f));
    const could = `Column ${cell.name} could be ${joinOr(fields.map((f) => FIELD_LABELS[f]))}`;
    let chosen: Field | null = null;
    let message: string;
    if (remaining.length === 1) {
      chosen = remaining[0];
      message = `${could}; it is taken as ${FIELD_LABELS[chosen]} because ${joinAnd([...because.values()])}.`;
      claims.push({ index: cell.index, field: chosen, exact, specific });
    } else if (remaining.length === 0) {
      message = `${could}, but ${joinAnd([...because.values()])}, so it is not used.`;
    } else {
      message = `${could}, and nothing else in the header row decides which, so it is not used; choose its field yourself to use it.`;
    }
    ambiguous.push({
      index: cell.index,
      header: cell.text,
      candidates: fields,
      chosen,
      message,
    });
  }

  // One column per field: overrides first, then the best claim.
  const columns: Partial<Record<Field, number>> = {};
  const duplicates: ColumnMapping["duplicates"] = [];
  for (const field of ALL_FIELDS) {
    const forcedIndex = forced.get(field);
    if (forcedIndex !== undefined) {
      columns[field] = forcedIndex;
      const losers = overriddenClaims.get(field) ?? [];
      if (losers.length > 0) {
        const names = joinAnd(losers.map((i) => cells[i].name));
        const one = losers.length === 1;
        duplicates.push({
          field,
          indices: [forcedIndex, ...losers].sort((a, b) => a - b),
          chosen: forcedIndex,
          message:
            `You chose column ${cells[forcedIndex].name} for ${FIELD_LABELS[field]}, so ${one ? "column" : "columns"} ${names}, ` +
            `which also ${one ? "looks" : "look"} like ${FIELD_LABELS[field]}, ${one ? "is" : "are"} not used.`,
        });
      }
      continue;
    }
    const contenders = claims.filter((c) => c.field === field).sort(compareClaims);
    if (contenders.length === 0) continue;
    const [winner, runnerUp] = contenders;
    columns[field] = winner.index;
    if (runnerUp) {
      const indices = contenders.map((c) => c.index).sort((a, b) => a - b);
      const both = indices.length === 2 ? "both" : "all";
      duplicates.push({
        field,
        indices,
        chosen: winner.index,
        message:
          `Columns ${joinAnd(indices.map((i) => cells[i].name))} ${both} look like ${FIELD_LABELS[field]}; ` +
          `column ${letter(winner.index)} is used because ${winnerReason(winner, runnerUp)}.`,
      });
    }
  }

  const { units, messages: unitMessages } = assignUnits(columns, cells, columnUnits, defaultUnit, letter);
  const hasFullPhasing = PLAN_MONTH_FIELDS.every((f) => columns[f] !== undefined);

  const messages: string[] = [];
  if (Object.keys(columns).length === 0) messages.push(nothingRecognisedMessage());
  messages.push(
    ...overrideMessages,
    ...ambiguous.map((a) => a.message),
    ...duplicates.map((d) => d.message),
    ...unmappedMessages,
  );
  if (emptyHeaders.length > 0) {
    const many = emptyHeaders.length > 1;
    messages.push(
      `${columnsWord(emptyHeaders.length)} ${columnList(emptyHeaders, letter)} ${many ? "have" : "has"} no header, so ${many ? "they are" : "it is"} not used.`,
    );
  }
  if (previousOutputs.length > 0) {
    const many = previousOutputs.length > 1;
    messages.push(
      `${columnsWord(previousOutputs.length)} ${joinAnd(previousOutputs.map((i) => cells[i].name))} ${many ? "hold" : "holds"} output ` +
        `from an earlier run of CIP Analyst, so ${many ? "they are" : "it is"} not read as input.`,
    );
  }
  messages.push(...unitMessages);
  const planMonths = PLAN_MONTH_FIELDS.filter((f) => columns[f] !== undefined).length;
  if (planMonths > 0 && planMonths < 12) {
    const missing = MONTHS.filter((_, i) => columns[PLAN_MONTH_FIELDS[i]] === undefined);
    messages.push(
      `Plan phasing was found for only ${planMonths} of the 12 months; ${joinAnd(missing)} ${missing.length === 1 ? "is" : "are"} missing.`,
    );
  }

  return {
    columns,
    units,
    unmapped: unmapped.sort((a, b) => a.index - b.index),
    ambiguous: ambiguous.sort((a, b) => a.index - b.index),
    duplicates,
    emptyHeaders,
    previousOutputs,
    hasFullPhasing,
    messages,
  };
}

function unusedMessage(cell: Cell, reason: UnusedReason): string {
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

/**
 * The unit of every mapped amount: what its header states, else the analyst's unit for the
 * column, else the analyst's default, else the unit most amount headers state, else "£".
 */
function assignUnits(
  columns: Partial<Record<Field, number>>,
  cells: readonly Cell[],
  columnUnits: ReadonlyMap<number, Unit>,
  defaultUnit: Unit | null,
  letter: Letter,
): { units: Partial<Record<NumericField, Unit>>; messages: string[] } {
  const messages: string[] = [];
  const numeric = NUMERIC_FIELDS.filter((f) => columns[f] !== undefined).map((field) => {
    const cell = cells[columns[field] as number];
    return {
      field,
      cell,
      stated: cell.dateMonth === null ? detectUnit(cell.text) : null,
    };
  });
  const numericColumns = new Set(numeric.map((n) => n.cell.index));
  for (const [index, unit] of columnUnits) {
    if (!numericColumns.has(index))
      messages.push(
        `The unit ${unit} set for column ${cells[index].name} is ignored because the column is not read as an amount.`,
      );
  }

  // The unit most headers state, ties going to the one stated first.
  const counts = new Map<Unit, number>();
  for (const { stated } of [...numeric].sort((a, b) => a.cell.index - b.cell.index))
    if (stated) counts.set(stated, (counts.get(stated) ?? 0) + 1);
  let usual: Unit | null = null;
  for (const [unit, count] of counts) if (usual === null || count > (counts.get(usual) as number)) usual = unit;
  const tied = usual !== null && [...counts.values()].filter((c) => c === counts.get(usual as Unit)).length > 1;

  const units: Partial<Record<NumericField, Unit>> = {};
  const inferred: number[] = [];
  const fallback: number[] = [];
  for (const { field, cell, stated } of numeric) {
    const chosen = columnUnits.get(cell.index);
    if (stated && chosen && chosen !== stated) {
      messages.push(`Column ${cell.name} states ${stated}, so the ${chosen} set for it is not used.`);
    }
    const unit = stated ?? chosen ?? defaultUnit ?? usual ?? "£";
    units[field] = unit;
    if (!stated && mentionsBillions(cell.text)) {
      messages.push(
        `Column ${cell.name} is in £bn, which CIP Analyst does not read (only £, £k and £m); it is read as ${unit}, so convert it or its figures will be wrong.`,
      );
    } else if (!stated && !chosen && !defaultUnit) {
      (usual ? inferred : fallback).push(cell.index);
    }
  }

  const list = (indices: number[]) => {
    const sorted = [...new Set(indices)].sort((a, b) => a - b);
    return sorted.length === 1 ? `Column ${cells[sorted[0]].name} states` : `Columns ${columnList(sorted, letter)} state`;
  };
  if (inferred.length > 0) {
    const why = tied
      ? `the first unit stated; other columns state a different unit as often`
      : "the unit most amount columns state";
    messages.push(`${list(inferred)} no unit, so ${usual} is assumed, ${why}.`);
  }
  if (fallback.length > 0) {
    messages.push(
      `${list(fallback)} no unit and no other column does, so amounts are read as £ (pounds); if they are in £k or £m, set the unit.`,
    );
  }
  return { units, messages };
}

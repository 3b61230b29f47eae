import { isExcelError, problem, type Num, type Problem } from "./problem";

/**
 * Turns one cell value, as Excel hands it over, into a number, a blank (`null`) or a problem.
 *
 * Excel gives the task pane numbers, `""` for empty cells, booleans, error strings ("#N/A") and
 * text; custom functions get `null` for omitted or empty arguments and error objects with a
 * `code`. Text that an analyst would read as a number is accepted (see `parseNumberText`);
 * anything else becomes a problem naming the value, so a bad cell never turns into 0.
 *
 * `label` names the value in messages ("YTD plan in row 7").
 */
export function readCell(value: unknown, label = "Value"): Num {
  if (typeof value === "number") {
    return Number.isFinite(value) ? value : problem("notANumber", "#NUM!", `${label} is ${String(value)}, not a finite number.`);
  }
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return readText(value, label);
  if (typeof value === "boolean") {
    return problem("notANumber", "#VALUE!", `${label} is the logical value ${value ? "TRUE" : "FALSE"}, not a number.`);
  }
  const code = errorCodeOf(value);
  if (code !== undefined) return excelErrorProblem(code, label);
  return problem("notANumber", "#VALUE!", `${label} is not a number (${describe(value)}).`);
}

function readText(text: string, label: string): Num {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (isExcelError(trimmed)) return excelErrorProblem(trimmed, label);
  const parsed = parseNumberText(trimmed);
  if (parsed !== undefined) return parsed;
  return problem("notANumber", "#VALUE!", `${label} is the text "${clip(trimmed)}", not a number.`);
}

function excelErrorProblem(code: string, label: string): Problem {
  // The error is passed on as it is: a #N/A in the input stays #N/A in every result built on it.
  return problem("excelError", code as Problem["error"], `${label} is the error ${code}.`);
}

/** Custom functions receive Excel errors as objects carrying the error text in `code`. */
function errorCodeOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" && isExcelError(code) ? code : undefined;
}

// Whitespace next to a symbol is dropped ("£ 1,234", "( 12 )"); whitespace between digits is not,
// so "12 5" stays text rather than silently becoming 125.
const SPACE_AROUND_SYMBOL = /\s*([£()%+\-\u2212])\s*/g;
const HAS_SPACE = /\s/;
const NUMBER_TEXT =
  /^(\()?([-+\u2212])?£?([-+\u2212])?(\()?(\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?|\.\d+)(%)?(\))?(\))?(%)?$/;

/**
 * Reads text an analyst would read as a number: surrounding spaces, a leading `£`, thousands
 * separators in groups of three ("1,234.5"), accounting negatives "(1,234)", a leading minus (or
 * the typographic minus sign) and a trailing `%` (12.5% is 0.125; "(12.5%)" is -0.125). Returns `undefined` for
 * anything else. The pound sign may come before or after the sign: "-£5" and "£-5" are both -5.
 */
export function parseNumberText(text: string): number | undefined {
  const trimmed = text.trim();
  const quick = scanPlainAmount(trimmed);
  return quick === quick ? quick : parseNumberTextByPattern(trimmed);
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, d) => 10 ** d);
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const COMMA = 44;
const DOT = 46;

/**
 * The shapes trackers hold nearly all their text numbers in — "1,234.5", "£1,200", "-12",
 * "(1,234)" — read by scanning, without the regular expression's match array and strings (a
 * million-row analysis parsed half a million of them). Gives NaN for anything else, which
 * parseNumberTextByPattern then reads; every shape taken here is one it takes, with the same
 * value (a property test compares them). At most 15 digits: the digits are then an exact integer
 * and dividing by an exact power of ten rounds once, correctly, as Number() does.
 */
function scanPlainAmount(t: string): number {
  let i = 0;
  let end = t.length;
  let negative = false;
  if (t.charCodeAt(0) === 40 /* ( */ && t.charCodeAt(end - 1) === 41 /* ) */) {
    negative = true;
    i = 1;
    end--;
  } else if (t.charCodeAt(0) === 45 /* - */) {
    negative = true;
    i = 1;
  }
  if (t.charCodeAt(i) === 163 /* £ */) i++;
  let digits = 0;
  let significand = 0;
  let decimals = -1; // digits after the point; -1 before it
  let group = 0; // digits since the last comma, or in the first group
  let commas = 0;
  for (; i < end; i++) {
    const c = t.charCodeAt(i);
    if (c >= DIGIT_0 && c <= DIGIT_9) {
      significand = significand * 10 + (c - DIGIT_0);
      digits++;
      group++;
      if (decimals >= 0) decimals++;
    } else if (c === COMMA && decimals < 0 && (commas === 0 ? group >= 1 && group <= 3 : group === 3)) {
      commas++;
      group = 0;
    } else if (c === DOT && decimals < 0 && digits > 0 && (commas === 0 || group === 3)) {
      decimals = 0;
    } else {
      return NaN;
    }
  }
  // The first character of the amount must be a digit (".5" is left to the pattern), every comma
  // group must be complete, and 15 digits keep the significand exact.
  if (digits === 0 || digits > 15 || (commas > 0 && decimals < 0 && group !== 3)) return NaN;
  const magnitude = decimals > 0 ? significand / POWERS_OF_TEN[decimals] : significand;
  return negative ? -magnitude : magnitude;
}

/** parseNumberText's full grammar, by regular expression, for already trimmed text. */
export function parseNumberTextByPattern(trimmed: string): number | undefined {
  const m = NUMBER_TEXT.exec(HAS_SPACE.test(trimmed) ? trimmed.replace(SPACE_AROUND_SYMBOL, "$1") : trimmed);
  if (m === null) return undefined;
  const [, open1, sign1, sign2, open2, digits, percentInside, close1, close2, percentOutside] = m;
  const opens = (open1 ? 1 : 0) + (open2 ? 1 : 0);
  const closes = (close1 ? 1 : 0) + (close2 ? 1 : 0);
  if (opens !== closes || opens > 1 || (sign1 && sign2) || (percentInside && percentOutside)) return undefined;
  const sign = sign1 ?? sign2;
  // "(-5)" is a double negative nobody writes on purpose: refuse it rather than guess.
  if (opens === 1 && sign) return undefined;
  const magnitude = Number(digits.includes(",") ? digits.replace(/,/g, "") : digits);
  // Four hundred digits are text that happens to be numeric, not an amount: Infinity is no answer.
  if (!Number.isFinite(magnitude)) return undefined;
  const negative = opens === 1 || sign === "-" || sign === "\u2212";
  const value = negative ? -magnitude : magnitude;
  return percentInside || percentOutside ? value / 100 : value;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list of values";
  if (typeof value === "object") return "an object";
  return typeof value;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

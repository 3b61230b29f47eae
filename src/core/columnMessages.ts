/**
 * The grammar of what column recognition tells the analyst: lists joined with "and" or "or",
 * runs of columns as ranges, one column or several, and the sentences about the header row as a
 * whole. Sentences about one finding are written where the finding is made.
 */
import {
  FIELD_LABELS,
  HEADER_WORDS,
  MONTHS,
  PLAN_MONTH_FIELDS,
  TEXT_FIELDS,
  type Field,
  type MoneyField,
  type TextField,
} from "./fields";

/** The sheet letter of a 0-based column of the header row. */
export type Letter = (index: number) => string;

function joinWith(items: readonly string[], last: string): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${last} ${items[items.length - 1]}`;
}
export const joinAnd = (items: readonly string[]): string => joinWith(items, "and");
export const joinOr = (items: readonly string[]): string => joinWith(items, "or");

/** "C, F and H to K": runs of three or more columns shown as a range. */
export function columnList(indices: readonly number[], letter: Letter): string {
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

export const columnsWord = (count: number): string => (count === 1 ? "Column" : "Columns");

/** A value as a message can quote it, whatever it is. */
export function quote(value: unknown): string {
  if (typeof value === "string") return `"${value}"`;
  if (typeof value === "number" || typeof value === "boolean" || value === null || value === undefined) return String(value);
  return Array.isArray(value) ? "a list" : "an object";
}

/** The header row's extent, for a message about a column outside it. */
export function describeRange(columnCount: number, letter: Letter): string {
  return columnCount === 0 ? "which has no columns" : `columns ${letter(0)} to ${letter(columnCount - 1)}`;
}

export function nothingRecognisedMessage(): string {
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
  ] as (TextField | MoneyField)[];
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

export function noHeaderMessage(emptyHeaders: readonly number[], letter: Letter): string {
  const many = emptyHeaders.length > 1;
  return `${columnsWord(emptyHeaders.length)} ${columnList(emptyHeaders, letter)} ${many ? "have" : "has"} no header, so ${many ? "they are" : "it is"} not used.`;
}

/** `names`: how each column is named (HeaderCell.name). */
export function previousOutputsMessage(names: readonly string[]): string {
  const many = names.length > 1;
  return (
    `${columnsWord(names.length)} ${joinAnd(names)} ${many ? "hold" : "holds"} output ` +
    `from an earlier run of CIP Analyst, so ${many ? "they are" : "it is"} not read as input.`
  );
}

/** Null when the phasing is complete or absent. */
export function partialPhasingMessage(columns: Partial<Record<Field, number>>): string | null {
  const planMonths = PLAN_MONTH_FIELDS.filter((f) => columns[f] !== undefined).length;
  if (planMonths === 0 || planMonths === 12) return null;
  const missing = MONTHS.filter((_, i) => columns[PLAN_MONTH_FIELDS[i]] === undefined);
  return `Plan phasing was found for only ${planMonths} of the 12 months; ${joinAnd(missing)} ${missing.length === 1 ? "is" : "are"} missing.`;
}

/**
 * The money units a tracker column can be in, and how a header states one. Trackers write the
 * unit in many ways ("Plan £k", "(£000)", "£'000s", "£m", "£ millions"); reading it from the
 * header is what lets a sheet in £k and a sheet in £m be compared without anyone retyping them.
 * A new way of writing a unit goes in MENTIONS; which unit each column is read in, in assignUnits.
 */
import { columnList, type Letter } from "./columnMessages";
import type { NumericField } from "./fields";

export type Unit = "£" | "£k" | "£m";

export const UNITS: readonly Unit[] = ["£", "£k", "£m"];

/** How many pounds one of each unit is. */
export const UNIT_FACTORS: Readonly<Record<Unit, number>> = {
  "£": 1,
  "£k": 1e3,
  "£m": 1e6,
};

export function isUnit(value: unknown): value is Unit {
  return typeof value === "string" && (UNITS as readonly string[]).includes(value);
}

// Curly apostrophes arrive whenever a header was typed in Word or Outlook first.
const QUOTE = "['’‘`]";
// "GBP" only as a word of its own, so that words merely containing the letters are left alone.
const POUND = "(?:£|(?<![a-z0-9])gbp)";
const END = "(?![a-z0-9])";

/** A unit we hold, £bn (which we do not), or a unit marker we cannot read at all ("£ (hundreds)"). */
type Mention = Unit | "£bn" | "unread";

// Analysts put a bracket or a quote between the pound sign and the rest: "£ (000)", "£ '000", "£ (m)".
const AFTER_POUND = `\\s*${QUOTE}?\\s*(?:\\(\\s*)?${QUOTE}?\\s*`;

/**
 * Every way of stating a unit that we read, most specific first: at one position the first
 * pattern that matches wins, so "£000" is thousands rather than "£" followed by a number.
 */
const MENTIONS: readonly { pattern: string; unit: Mention }[] = [
  {
    // "£mm" and "£ms" are how banks and some trusts write millions.
    pattern: `${POUND}${AFTER_POUND}(?:millions?|mill?|mns?|mms?|ms|m)${END}`,
    unit: "£m",
  },
  {
    pattern: `${POUND}${AFTER_POUND}(?:billions?|bns?|b)${END}`,
    unit: "£bn",
  },
  {
    pattern: `${POUND}${AFTER_POUND}(?:000\\s*${QUOTE}?\\s*s?|k|thousands?)${END}`,
    unit: "£k",
  },
  // Without a pound sign only unmistakable forms count: a bare "m" or "k" is too often a word.
  { pattern: `${QUOTE}\\s*000\\s*${QUOTE}?\\s*s?${END}`, unit: "£k" },
  { pattern: `\\(\\s*000\\s*${QUOTE}?\\s*s?\\s*\\)`, unit: "£k" },
  { pattern: `(?<![a-z0-9])000s${END}`, unit: "£k" },
  { pattern: `\\(\\s*k\\s*\\)`, unit: "£k" },
  { pattern: `(?<![a-z0-9])thousands${END}`, unit: "£k" },
  { pattern: `(?<![a-z0-9])millions${END}`, unit: "£m" },
  { pattern: `(?<![a-z0-9])pounds${END}`, unit: "£" },
  // A pound sign with a marker none of the above reads: a bracket right after it ("£ (hundreds)"),
  // letters or digits stuck to it ("£x", "£'00"), or a word with it alone in brackets ("(£ tens)").
  // Read as £ these would be silently wrong, so they are a mention of their own.
  { pattern: `£\\s*\\(\\s*[^()]{1,20}\\)`, unit: "unread" },
  { pattern: `£(?!s${END})[a-z]{1,3}${END}`, unit: "unread" },
  { pattern: `£${QUOTE}?[0-9]+${END}`, unit: "unread" },
  { pattern: `(?<=\\(\\s*)£\\s+[a-z]+(?=\\s*\\))`, unit: "unread" },
  { pattern: `£(?:s${END})?`, unit: "£" },
  { pattern: `(?<![a-z0-9])gbp${END}`, unit: "£" },
];

const MENTION_PATTERN = MENTIONS.map(({ pattern }) => `(${pattern})`).join("|");

function mentions(header: string): { unit: Mention; text: string }[] {
  if (typeof header !== "string") return [];
  const found: { unit: Mention; text: string }[] = [];
  for (const match of header.matchAll(new RegExp(MENTION_PATTERN, "gi"))) {
    const which = match.findIndex((group, i) => i > 0 && group !== undefined);
    if (which > 0) found.push({ unit: MENTIONS[which - 1].unit, text: match[0] });
  }
  return found;
}

/**
 * The unit a header states, or null if it states none. The first unit named wins; "£bn" is
 * not a unit we hold and a marker we cannot read is none, so a header stating only those gives
 * null (see {@link mentionsBillions} and {@link unreadUnitMarker}).
 */
export function detectUnit(header: string): Unit | null {
  for (const { unit } of mentions(header)) if (isUnit(unit)) return unit;
  return null;
}

/** Whether a header states its figures in £bn, which no tracker column is read in. */
export function mentionsBillions(header: string): boolean {
  return mentions(header).some((m) => m.unit === "£bn");
}

/** The first unit marker in a header that is not a unit we read ("£ (hundreds)"), or null. */
export function unreadUnitMarker(header: string): string | null {
  return mentions(header).find((m) => m.unit === "unread")?.text ?? null;
}

/** The header with every unit mention (and every "£") replaced by a space. */
export function removeUnits(header: string): string {
  if (typeof header !== "string") return "";
  return header.replace(new RegExp(MENTION_PATTERN, "gi"), " ");
}

/** A column read as an amount, as unit assignment sees it. */
export interface AmountColumn {
  readonly field: NumericField;
  readonly index: number;
  /** The header text that may state a unit; "" for a month header typed as a date. */
  readonly header: string;
  /** How a message names the column (HeaderCell.name). */
  readonly name: string;
}

/**
 * The unit of every amount column: what its header states, else the analyst's unit for the
 * column, else the analyst's default, else the unit most amount headers state, else "£".
 * `nameOf` names any column of the header row, for a unit set on a column that is not an amount.
 */
export function assignUnits(
  amounts: readonly AmountColumn[],
  columnUnits: ReadonlyMap<number, Unit>,
  defaultUnit: Unit | null,
  nameOf: (index: number) => string,
  letter: Letter,
): { units: Partial<Record<NumericField, Unit>>; messages: string[] } {
  const messages: string[] = [];
  const numeric = amounts.map((column) => ({ column, stated: detectUnit(column.header) }));
  const numericColumns = new Set(amounts.map((a) => a.index));
  for (const [index, unit] of columnUnits) {
    if (!numericColumns.has(index))
      messages.push(`The unit ${unit} set for column ${nameOf(index)} is ignored because the column is not read as an amount.`);
  }

  // The unit most headers state, ties going to the one stated first.
  const counts = new Map<Unit, number>();
  for (const { stated } of [...numeric].sort((a, b) => a.column.index - b.column.index))
    if (stated) counts.set(stated, (counts.get(stated) ?? 0) + 1);
  let usual: Unit | null = null;
  for (const [unit, count] of counts) if (usual === null || count > (counts.get(usual) as number)) usual = unit;
  const tied = usual !== null && [...counts.values()].filter((c) => c === counts.get(usual as Unit)).length > 1;

  const units: Partial<Record<NumericField, Unit>> = {};
  const inferred: number[] = [];
  const fallback: number[] = [];
  for (const { column, stated } of numeric) {
    const chosen = columnUnits.get(column.index);
    if (stated && chosen && chosen !== stated) {
      messages.push(`Column ${column.name} states ${stated}, so the ${chosen} set for it is not used.`);
    }
    const unit = stated ?? chosen ?? defaultUnit ?? usual ?? "£";
    units[column.field] = unit;
    const unread = stated ? null : unreadUnitMarker(column.header);
    if (!stated && mentionsBillions(column.header)) {
      messages.push(
        `Column ${column.name} is in £bn, which CIP Analyst does not read (only £, £k and £m); it is read as ${unit}, so convert it or its figures will be wrong.`,
      );
    } else if (unread !== null) {
      messages.push(
        `Column ${column.name} states its unit as "${unread}", which CIP Analyst does not read (only £, £k and £m); it is read as ${unit}, so set its unit if that is wrong.`,
      );
    } else if (!stated && !chosen && !defaultUnit) {
      (usual ? inferred : fallback).push(column.index);
    }
  }

  const list = (indices: number[]) => {
    const sorted = [...new Set(indices)].sort((a, b) => a - b);
    return sorted.length === 1 ? `Column ${nameOf(sorted[0])} states` : `Columns ${columnList(sorted, letter)} state`;
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

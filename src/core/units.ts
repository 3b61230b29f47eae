/**
 * The money units a tracker column can be in, and how a header states one. Trackers write the
 * unit in many ways ("Plan £k", "(£000)", "£'000s", "£m", "£ millions"); reading it from the
 * header is what lets a sheet in £k and a sheet in £m be compared without anyone retyping them.
 */

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

type Mention = Unit | "£bn";

/**
 * Every way of stating a unit that we read, most specific first: at one position the first
 * pattern that matches wins, so "£000" is thousands rather than "£" followed by a number.
 */
const MENTIONS: readonly { pattern: string; unit: Mention }[] = [
  {
    pattern: `${POUND}\\s*${QUOTE}?\\s*(?:millions?|mill?|mns?|m)${END}`,
    unit: "£m",
  },
  {
    pattern: `${POUND}\\s*${QUOTE}?\\s*(?:billions?|bns?|b)${END}`,
    unit: "£bn",
  },
  {
    pattern: `${POUND}\\s*${QUOTE}?\\s*(?:000\\s*${QUOTE}?\\s*s?|k|thousands?)${END}`,
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
  { pattern: `£(?:s${END})?`, unit: "£" },
  { pattern: `(?<![a-z0-9])gbp${END}`, unit: "£" },
];

const MENTION_PATTERN = MENTIONS.map(({ pattern }) => `(${pattern})`).join("|");

function mentions(header: string): Mention[] {
  if (typeof header !== "string") return [];
  const found: Mention[] = [];
  for (const match of header.matchAll(new RegExp(MENTION_PATTERN, "gi"))) {
    const which = match.findIndex((group, i) => i > 0 && group !== undefined);
    if (which > 0) found.push(MENTIONS[which - 1].unit);
  }
  return found;
}

/**
 * The unit a header states, or null if it states none. The first unit named wins; "£bn" is
 * not a unit we hold, so a header stating only that gives null (see {@link mentionsBillions}).
 */
export function detectUnit(header: string): Unit | null {
  for (const mention of mentions(header)) if (mention !== "£bn") return mention;
  return null;
}

/** Whether a header states its figures in £bn, which no tracker column is read in. */
export function mentionsBillions(header: string): boolean {
  return mentions(header).includes("£bn");
}

/** The header with every unit mention (and every "£") replaced by a space. */
export function removeUnits(header: string): string {
  if (typeof header !== "string") return "";
  return header.replace(new RegExp(MENTION_PATTERN, "gi"), " ");
}

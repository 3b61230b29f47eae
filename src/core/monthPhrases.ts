/**
 * The one month finder: where a header names a month of the financial year ("Apr", "September",
 * "M6", "Month 06", "Period 7", "P7", "Apr11"), for column recognition and for reading the months
 * elapsed from a YTD header.
 */
import { MONTH_WORDS } from "./fields";
import { headerTokens } from "./normaliseHeader";

interface MonthPhrase {
  readonly tokens: readonly string[];
  /** Financial-year month, 1 = April. */
  readonly month: number;
  /** A month name ("Sept") rather than a period number ("M6"). */
  readonly named: boolean;
}

const isName = (token: string) => /^[a-z]+$/.test(token);

const MONTH_PHRASES: readonly MonthPhrase[] = MONTH_WORDS.flatMap((words, i) => {
  const month = i + 1;
  const n = String(month);
  const padded = n.padStart(2, "0");
  // Period numbers as finance teams abbreviate them: "M 1", "M01", "Mth 1", "Period 1", "P1".
  const periods = [
    ["m", n],
    [`m${padded}`],
    ["m", padded],
    ["mth", n],
    [`mth${n}`],
    ["period", n],
    [`period${n}`],
    [`month${n}`],
    ["month", padded],
    ["p", n],
    [`p${n}`],
    ["p", padded],
    [`p${padded}`],
  ];
  return [...words.map((w) => headerTokens(w)), ...periods].map((tokens) => ({
    tokens,
    month,
    named: tokens.every(isName),
  }));
}).sort((a, b) => b.tokens.length - a.tokens.length);

/** Month names that may be glued to a year, as in "Apr11" or "March2012". */
const MONTH_NAMES: ReadonlyMap<string, number> = new Map(
  MONTH_PHRASES.filter((p) => p.tokens.length === 1 && p.named).map((p) => [p.tokens[0], p.month]),
);

export interface MonthMention {
  /** Financial-year month, 1 = April. */
  readonly month: number;
  /** Named ("Sep", "Apr11") rather than numbered ("M6", "Period 6"). */
  readonly named: boolean;
}

/** The months a header's tokens name, in order, and which of its tokens name them. */
export function findMonths(tokens: readonly string[]): {
  months: Set<number>;
  used: Set<number>;
  mentions: MonthMention[];
} {
  const months = new Set<number>();
  const used = new Set<number>();
  const mentions: MonthMention[] = [];
  for (let i = 0; i < tokens.length;) {
    const phrase = MONTH_PHRASES.find((p) => p.tokens.every((t, j) => tokens[i + j] === t));
    if (phrase) {
      months.add(phrase.month);
      mentions.push({ month: phrase.month, named: phrase.named });
      for (let j = 0; j < phrase.tokens.length; j++) used.add(i + j);
      i += phrase.tokens.length;
      continue;
    }
    const glued = /^([a-z]+)(\d{2}|\d{4})$/.exec(tokens[i]);
    const month = glued ? MONTH_NAMES.get(glued[1]) : undefined;
    if (month !== undefined) {
      months.add(month);
      mentions.push({ month, named: true });
      used.add(i);
    }
    i++;
  }
  return { months, used, mentions };
}

/** Words that make a month a point in time ("YTD plan M6") rather than the month's own figure. */
export function isCumulative(tokens: readonly string[]): boolean {
  const has = (t: string) => tokens.includes(t);
  return has("ytd") || has("cumulative") || has("cum") || (has("to") && has("date")) || (has("as") && has("at"));
}

/**
 * The month a year-to-date header runs to ("YTD actual M6", "Plan to Sept"), or null. A period
 * number counts anywhere; a month name only beside words about a period to date, because "May"
 * is also a word.
 */
export function monthToDateIn(header: string): number | null {
  const tokens = headerTokens(header);
  const { mentions } = findMonths(tokens);
  const numbered = mentions.find((m) => !m.named);
  if (numbered) return numbered.month;
  if (!tokens.some((t) => t === "ytd" || t === "to" || t === "cumulative")) return null;
  return mentions.find((m) => m.named)?.month ?? null;
}

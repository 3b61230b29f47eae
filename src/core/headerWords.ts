/**
 * The English of tracker headers: which words name a field, which only qualify a month, which
 * make a column a calculated measure rather than an input. The per-field words themselves are
 * HEADER_WORDS in fields.ts; a new field's words go there, and a word that changes how the others
 * are read (a new measure word, a new generic word) goes in one of the lists here.
 */
import { ALL_FIELDS, HEADER_WORDS, isTextField, type Field } from "./fields";
import { headerTokens } from "./normaliseHeader";

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
export const ACTUAL_WORDS: ReadonlySet<string> = new Set([
  "actual",
  "actuals",
  "act",
  "a",
  "delivered",
  "delivery",
  "achieved",
  "achievement",
  "outturn",
]);
const MONTH_QUALIFIERS = new Set([...PLAN_WORDS, ...ACTUAL_WORDS]);

/**
 * Words of measures calculated from the inputs (a variance, a share, a comparison) or of part of
 * the year: a header holding one is never an input, however input-like its other words.
 * "PCT" is absent on purpose: it is a primary care trust, not a percentage.
 */
export const DERIVED_WORDS: ReadonlySet<string> = new Set([
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

// Years and other bare numbers ("2011/12", "11-12", "FY12", "FY 25/26") say when, not what; the
// year itself is read by financialYearInTokens (financialYear.ts).
const isYearOrNumber = (token: string) => /^\d+$/.test(token) || /^fy\d*$/.test(token);
/** A header's tokens without the years and bare numbers. */
export const wordsOf = (tokens: readonly string[]): string[] => tokens.filter((t) => !isYearOrNumber(t));

type WordField = keyof typeof HEADER_WORDS;

/** Words that make a header holding a "%" a likelihood ("Confidence %") rather than a calculated share. */
const LIKELIHOOD_PERCENT_WORDS: ReadonlySet<string> = new Set(["likelihood", "probability", "confidence"]);
export const isLikelihoodPercent = (tokens: readonly string[]): boolean => tokens.some((t) => LIKELIHOOD_PERCENT_WORDS.has(t));

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

export interface WordMatch {
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
 * `skipQualifierWords` leaves out words that also qualify a month ("Plan", "Actual").
 */
export function matchWords(tokens: readonly string[], skipQualifierWords: boolean): WordMatch | null {
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

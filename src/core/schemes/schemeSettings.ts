/**
 * The choices of a scheme-register analysis an analyst may disagree with: the financial year, the
 * risk weights by stage, likelihood word and risk RAG, and their own stage words. The defaults are
 * the conventions in cip-domain.md ("Scheme registers"); conventions vary by trust, so every one
 * is a setting, checked here with a message per bad value (as resolveSettings does for Settings).
 */
import { financialYearLabel, isFinancialYear } from "../financialYear";
import { normaliseHeader } from "../normaliseHeader";
import type { SettingProblem } from "../settings";
import { STAGE_LABELS, STAGES, type Stage } from "./stages";

export const LIKELIHOOD_WORDS = ["high", "medium", "low"] as const;
export type LikelihoodWord = (typeof LIKELIHOOD_WORDS)[number];
export const RISK_RAGS = ["green", "amber", "red"] as const;
export type RiskRag = (typeof RISK_RAGS)[number];

export interface SchemeSettings {
  /** The financial year analysed, by the year it starts in (2026 is 2026/27); null: the year of the run. */
  readonly financialYear: number | null;
  /** Share of a scheme's remaining plan expected at each stage, 0 to 1. "unidentified" is always 0. */
  readonly stageWeights: Readonly<Record<Stage, number>>;
  /** Share expected for a likelihood given as a word. */
  readonly likelihoodWeights: Readonly<Record<LikelihoodWord, number>>;
  /** Share expected by the scheme lead's risk RAG, where no stage or likelihood says more. */
  readonly ragWeights: Readonly<Record<RiskRag, number>>;
  /** The analyst's own stage words, e.g. {"Gateway 3": "businessCase"}. */
  readonly stageWords: Readonly<Record<string, Stage>>;
}

export const DEFAULT_SCHEME_SETTINGS: SchemeSettings = {
  financialYear: null,
  stageWeights: { unidentified: 0, idea: 0.25, planning: 0.5, businessCase: 0.7, implementation: 0.9, delivered: 1 },
  likelihoodWeights: { high: 0.9, medium: 0.6, low: 0.3 },
  ragWeights: { green: 0.9, amber: 0.6, red: 0.3 },
  stageWords: {},
};

export type SchemeSettingsResult =
  { readonly ok: true; readonly settings: SchemeSettings } | { readonly ok: false; readonly problems: readonly SettingProblem[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const show = (v: unknown) => (typeof v === "string" ? `"${v}"` : isRecord(v) || Array.isArray(v) ? JSON.stringify(v) : String(v));

/** Checks scheme settings from outside (the pane's Options, stored JSON), filling gaps from `base`. */
export function resolveSchemeSettings(raw: unknown, base: SchemeSettings = DEFAULT_SCHEME_SETTINGS): SchemeSettingsResult {
  if (raw === undefined || raw === null) return { ok: true, settings: base };
  if (!isRecord(raw))
    return { ok: false, problems: [{ setting: "schemeSettings", message: "Scheme settings must be a set of named values." }] };
  const problems: SettingProblem[] = [];
  for (const key of Object.keys(raw))
    if (!(key in base)) problems.push({ setting: key, message: `"${key}" is not a scheme setting CIP Analyst knows.` });
  let financialYear = base.financialYear;
  if (raw.financialYear !== undefined) {
    if (raw.financialYear === null || isFinancialYear(raw.financialYear)) financialYear = raw.financialYear;
    else
      problems.push({
        setting: "financialYear",
        message: `The financial year must be the year it starts in, from 2000 to 2098 (2026 for ${financialYearLabel(2026)}); got ${show(raw.financialYear)}.`,
      });
  }
  const stageWeights = weights("stageWeights", raw.stageWeights, base.stageWeights, STAGES, (s) => STAGE_LABELS[s], problems);
  if (stageWeights.unidentified !== 0)
    problems.push({ setting: "stageWeights", message: "Unidentified savings are weighted 0%: no scheme stands behind them." });
  const likelihoodWeights = weights(
    "likelihoodWeights",
    raw.likelihoodWeights,
    base.likelihoodWeights,
    LIKELIHOOD_WORDS,
    cap,
    problems,
  );
  const ragWeights = weights("ragWeights", raw.ragWeights, base.ragWeights, RISK_RAGS, cap, problems);
  const stageWords = ownStageWords(raw.stageWords, base.stageWords, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, settings: { financialYear, stageWeights, likelihoodWeights, ragWeights, stageWords } };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function weights<K extends string>(
  setting: string,
  given: unknown,
  base: Readonly<Record<K, number>>,
  keys: readonly K[],
  label: (k: K) => string,
  problems: SettingProblem[],
): Record<K, number> {
  const out = { ...base } as Record<K, number>;
  if (given === undefined) return out;
  if (!isRecord(given)) {
    problems.push({ setting, message: `${setting} must name a weight for each of ${keys.join(", ")}; got ${show(given)}.` });
    return out;
  }
  for (const [k, v] of Object.entries(given)) {
    if (!(keys as readonly string[]).includes(k)) {
      problems.push({ setting, message: `"${k}" is not one of ${keys.join(", ")}, so it has no weight.` });
    } else if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 1) {
      problems.push({ setting, message: `The weight for ${label(k as K)} must be a share from 0% to 100%; got ${show(v)}.` });
    } else out[k as K] = v;
  }
  return out;
}

function ownStageWords(given: unknown, base: Readonly<Record<string, Stage>>, problems: SettingProblem[]): Record<string, Stage> {
  if (given === undefined) return { ...base };
  if (!isRecord(given)) {
    problems.push({ setting: "stageWords", message: `Stage words must map words to stages; got ${show(given)}.` });
    return { ...base };
  }
  const out: Record<string, Stage> = {};
  for (const [word, stage] of Object.entries(given)) {
    if (normaliseHeader(word) === "") problems.push({ setting: "stageWords", message: `A stage word cannot be blank.` });
    else if (typeof stage !== "string" || !(STAGES as readonly string[]).includes(stage))
      problems.push({
        setting: "stageWords",
        message: `"${word}" is mapped to ${show(stage)}, which is not a stage; use one of ${STAGES.join(", ")}.`,
      });
    else out[word] = stage as Stage;
  }
  return out;
}

/** The analyst's stage words by their normalised text, as stageOf looks them up. */
export function stageWordMap(settings: SchemeSettings): Map<string, Stage> {
  return new Map(Object.entries(settings.stageWords).map(([w, s]) => [normaliseHeader(w), s]));
}

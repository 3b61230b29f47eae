// A scheme register's options (docs/scheme-registers.md): the financial year analysed, the weights by
// stage, likelihood word and risk RAG as the analyst types them (percentages), the analyst's own
// stage words, and which dimensions get a table on the summary. Kept as typed, checked with a
// message beside each box (and by the core's resolveSchemeSettings), and saved in the workbook
// with the other options. Pure.
import { FIELD_LABELS } from "../core/fields";
import { financialYearLabel } from "../core/financialYear";
import type { ColumnMapping } from "../core/recogniseColumns";
import { DIMENSIONS, type Dimension } from "../core/schemes/dimensionRollup";
import {
  DEFAULT_SCHEME_SETTINGS,
  LIKELIHOOD_WORDS,
  resolveSchemeSettings,
  RISK_RAGS,
  type SchemeSettings,
} from "../core/schemes/schemeSettings";
import { STAGE_LABELS, STAGES, type Stage } from "../core/schemes/stages";
import { rowsAreSchemes, type SchemeChoices } from "./schemePlan";
import type { SchemeOptionsChange, SchemeOptionsView } from "./view/paneState";

/** The analyst's scheme options as typed. */
export interface SchemeOptionChoices {
  /** Raw scheme settings, in resolveSchemeSettings' shape (weights as shares; NaN where a box holds no number). */
  readonly settings: Readonly<Record<string, unknown>>;
  /** null: every dimension the register has. */
  readonly dimensions: readonly Dimension[] | null;
}

export const NO_SCHEME_OPTIONS: SchemeOptionChoices = { settings: {}, dimensions: null };

type WeightGroup = "stageWeights" | "likelihoodWeights" | "ragWeights";
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const WEIGHTS: readonly { group: WeightGroup; key: string; label: string }[] = [
  ...STAGES.map((k) => ({ group: "stageWeights" as const, key: k, label: `Stage: ${STAGE_LABELS[k]}` })),
  ...LIKELIHOOD_WORDS.map((k) => ({ group: "likelihoodWeights" as const, key: k, label: `Likelihood: ${cap(k)}` })),
  ...RISK_RAGS.map((k) => ({ group: "ragWeights" as const, key: k, label: `Risk RAG: ${cap(k)}` })),
];

export function applySchemeOptionsChange(c: SchemeOptionChoices, change: SchemeOptionsChange): SchemeOptionChoices {
  let settings: Record<string, unknown> = { ...c.settings };
  if (change.financialYear !== undefined) settings = { ...settings, financialYear: change.financialYear };
  if (change.weight) {
    const [group, key] = change.weight.key.split(".");
    const typed = change.weight.percent;
    const previous = (settings[group] ?? {}) as Record<string, unknown>;
    // A box without a number stays as typed (NaN), so it is named rather than a default taking its place.
    settings = { ...settings, [group]: { ...previous, [key]: Number.isFinite(typed) ? typed / 100 : typed } };
  }
  if (change.stageWord) {
    const words = { ...((settings.stageWords ?? {}) as Record<string, unknown>) };
    const word = change.stageWord.word.trim();
    if (change.stageWord.stage === null) delete words[word];
    else if (word !== "") words[word] = change.stageWord.stage;
    settings = { ...settings, stageWords: words };
  }
  return { settings, dimensions: change.dimensions ? [...change.dimensions] : c.dimensions };
}

/** Per box: what is wrong with the weight typed there, "" when nothing. */
function weightProblem(group: WeightGroup, key: string, label: string, value: unknown): string {
  if (value === undefined) return "";
  if (typeof value !== "number" || !Number.isFinite(value)) return `${label}: enter a percentage from 0 to 100.`;
  if (value < 0 || value > 1) return `${label}: a weight is from 0% to 100%; got ${Math.round(value * 1000) / 10}%.`;
  if (group === "stageWeights" && key === "unidentified" && value !== 0)
    return "Unidentified savings are weighted 0%: no scheme stands behind them.";
  return "";
}

/** What stops these options being used, by the form's keys ("stageWeights.planning", "stageWords", "financialYear"). */
export function schemeOptionProblems(c: SchemeOptionChoices): { key: string; message: string }[] {
  const typed = c.settings as Partial<Record<string, Record<string, unknown>>>;
  const problems = WEIGHTS.map(({ group, key, label }) => ({
    key: `${group}.${key}`,
    message: weightProblem(group, key, label, typed[group]?.[key]),
  })).filter((p) => p.message !== "");
  if (problems.length > 0) return problems;
  const resolved = resolveSchemeSettings(c.settings);
  return resolved.ok ? [] : resolved.problems.map((p) => ({ key: p.setting, message: p.message }));
}

/** The run's scheme choices; null when a problem stops them (schemeOptionProblems says which). */
export function resolveSchemeChoices(c: SchemeOptionChoices): SchemeChoices | null {
  if (schemeOptionProblems(c).length > 0) return null;
  const resolved = resolveSchemeSettings(c.settings);
  return resolved.ok ? { settings: resolved.settings, dimensions: c.dimensions } : null;
}

/** What the Options form shows of a scheme register; null when rows are not schemes. */
export function schemeOptionsView(c: SchemeOptionChoices, mapping: ColumnMapping | null): SchemeOptionsView | null {
  if (mapping === null || !rowsAreSchemes(mapping)) return null;
  const typed = c.settings as Partial<Record<string, Record<string, unknown>>>;
  const shown = (group: keyof SchemeSettings, key: string): number => {
    const v = typed[group]?.[key];
    return typeof v === "number" ? v * 100 : (DEFAULT_SCHEME_SETTINGS[group] as Record<string, number>)[key] * 100;
  };
  const words = (
    typeof c.settings.stageWords === "object" && c.settings.stageWords !== null ? c.settings.stageWords : {}
  ) as Record<string, unknown>;
  const year = typeof c.settings.financialYear === "number" ? c.settings.financialYear : null;
  const years = [...new Set([...(mapping.yearColumns ?? []).map((y) => y.year), ...(year === null ? [] : [year])])].sort();
  // As the core's availableDimensions: organisation always (a register without the column is one group).
  const has = DIMENSIONS.filter((d) => d === "organisation" || mapping.columns[d] !== undefined);
  return {
    financialYear: year,
    years: [
      { year: null, label: `The year of the run (${mapping.financialYearLabel})` },
      ...years.map((y) => ({ year: y, label: financialYearLabel(y) })),
    ],
    weights: WEIGHTS.map(({ group, key, label }) => ({ key: `${group}.${key}`, label, percent: shown(group, key) })),
    stageWords: Object.entries(words)
      .filter((e): e is [string, Stage] => (STAGES as readonly unknown[]).includes(e[1]))
      .map(([word, stage]) => ({ word, stage })),
    stages: STAGES.map((stage) => ({ stage, label: STAGE_LABELS[stage] })),
    dimensions: DIMENSIONS.filter((d) => has.includes(d)).map((d) => ({
      dimension: d,
      label: FIELD_LABELS[d],
      checked: c.dimensions === null || c.dimensions.includes(d),
    })),
  };
}

/** Scheme options saved in a workbook, or none with a note when they cannot be used. */
export function parseSchemeOptions(raw: unknown): { options: SchemeOptionChoices; note: string } {
  if (raw === undefined || raw === null) return { options: NO_SCHEME_OPTIONS, note: "" };
  const r = raw as { settings?: unknown; dimensions?: unknown };
  const settings = typeof r.settings === "object" && r.settings !== null ? (r.settings as Record<string, unknown>) : {};
  const dimensions = Array.isArray(r.dimensions)
    ? r.dimensions.filter((d): d is Dimension => (DIMENSIONS as readonly unknown[]).includes(d))
    : null;
  const checked = resolveSchemeSettings(settings);
  if (!checked.ok)
    return {
      options: { settings: {}, dimensions },
      note: `Saved scheme weights were not used: ${checked.problems.map((p) => p.message).join(" ")}`,
    };
  return { options: { settings, dimensions }, note: "" };
}

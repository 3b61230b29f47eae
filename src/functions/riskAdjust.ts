// CIP.RISKADJUST: the reading of its stage-or-likelihood argument and of its weights table.
import { invalidValue, isProblem, type Num, type Problem } from "../core/problem";
import { readCell } from "../core/readCell";
import { weightOfText, type RiskWeight } from "../core/schemes/riskAdjust";
import { DEFAULT_SCHEME_SETTINGS, LIKELIHOOD_WORDS, RISK_RAGS, type SchemeSettings } from "../core/schemes/schemeSettings";
import { stageOf, type Stage } from "../core/schemes/stages";
import { normaliseHeader } from "../core/normaliseHeader";
import { cellArg, describeArg, errorProblem, isDataTypeArg, isErrorArg } from "./coerce";
import type { CellResult } from "./spill";
import type { Param } from "./params";
import { asMatrix } from "./spill";

const NO_WORDS: ReadonlyMap<string, Stage> = new Map();

/** The stage, risk RAG or likelihood of one cell as a weight, by `settings`. */
export function basisParam(label: string, settings: SchemeSettings): Param {
  return {
    label,
    numberIsItself: false,
    read: (value, name): RiskWeight | Problem | null => {
      const x = cellArg(value);
      if (isErrorArg(x)) return errorProblem(x, name);
      if (typeof x === "boolean" || isDataTypeArg(x))
        return invalidValue(`${name} is ${describeArg(x)}, not a stage, a risk RAG or a likelihood.`);
      return weightOfText(x, name, settings, (text) => stageOf(text, NO_WORDS));
    },
  };
}

export function riskAdjustCell(value: Num, weight: RiskWeight | Problem | null): CellResult {
  if (isProblem(value)) return value;
  if (isProblem(weight)) return weight;
  if (value === null || weight === null) return null;
  return value * weight.weight;
}

/**
 * The weights argument: a two-column range of (stage, RAG or likelihood word; weight) pairs that
 * override the defaults, e.g. {"Planning",0.4;"Red",0.2}. Omitted or empty: the defaults.
 */
export function readWeights(weights: unknown): SchemeSettings | Problem {
  if (weights === null || weights === undefined) return DEFAULT_SCHEME_SETTINGS;
  const m = asMatrix(weights);
  const blank = (v: unknown) => {
    const x = cellArg(v);
    return x === null || (typeof x === "string" && x.trim() === "");
  };
  if (m.every((line) => line.every(blank))) return DEFAULT_SCHEME_SETTINGS;
  if (m.some((line) => !Array.isArray(line) || line.length !== 2))
    return invalidValue('Weights must be two columns: a stage, RAG or likelihood word, and its weight (e.g. "Planning", 40%).');
  const stageWeights = { ...DEFAULT_SCHEME_SETTINGS.stageWeights };
  const ragWeights = { ...DEFAULT_SCHEME_SETTINGS.ragWeights };
  const likelihoodWeights = { ...DEFAULT_SCHEME_SETTINGS.likelihoodWeights };
  for (let r = 0; r < m.length; r++) {
    const [word, w] = m[r];
    if (blank(word) && blank(w)) continue;
    const where = `Weights (row ${r + 1} of the range)`;
    const x = cellArg(w);
    if (isErrorArg(x)) return errorProblem(x, where);
    const weight = typeof x === "string" || typeof x === "number" ? readCell(x, where) : null;
    if (isProblem(weight)) return weight;
    if (weight === null || weight < 0 || weight > 1) return invalidValue(`${where}: the weight must be from 0% to 100%.`);
    const text = cellArg(word);
    const key = typeof text === "string" ? normaliseHeader(text) : "";
    const stage = typeof text === "string" ? stageOf(text, NO_WORDS) : undefined;
    if (stage === "unidentified" && weight !== 0) return invalidValue(`${where}: unidentified savings are weighted 0%.`);
    if (stage !== undefined) stageWeights[stage] = weight;
    else if ((RISK_RAGS as readonly string[]).includes(key)) ragWeights[key as (typeof RISK_RAGS)[number]] = weight;
    else if ((LIKELIHOOD_WORDS as readonly string[]).includes(key))
      likelihoodWeights[key as (typeof LIKELIHOOD_WORDS)[number]] = weight;
    else
      return invalidValue(
        `${where}: ${describeArg(text)} is not a stage, a risk RAG (Green, Amber, Red) or High, Medium or Low.`,
      );
  }
  return { ...DEFAULT_SCHEME_SETTINGS, stageWeights, ragWeights, likelihoodWeights };
}

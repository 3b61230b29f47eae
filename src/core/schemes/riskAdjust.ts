/**
 * The risk-adjusted forecast of a scheme: delivered to date + remaining plan × weight
 * (cip-domain.md, "Scheme registers"). The weight comes from the scheme's likelihood when one is
 * given, else its stage, else its risk RAG; unidentified savings are weighted 0 whatever else is
 * said about them. Every row says which basis it used.
 */
import { normaliseHeader } from "../normaliseHeader";
import { invalidValue, isExcelError, problem, type Problem } from "../problem";
import { parseNumberText } from "../readCell";
import { LIKELIHOOD_WORDS, RISK_RAGS, type LikelihoodWord, type RiskRag, type SchemeSettings } from "./schemeSettings";
import { STAGE_LABELS, type Stage } from "./stages";

export const RISK_BASES = ["none", "unidentified", "likelihood", "stage", "risk"] as const;
export type RiskBasis = (typeof RISK_BASES)[number];

/** What the "basis" output column says for each basis. */
export const RISK_BASIS_LABELS: Readonly<Record<RiskBasis, string>> = {
  none: "",
  unidentified: "Unidentified (0%)",
  likelihood: "Likelihood",
  stage: "Stage",
  risk: "Risk RAG",
};

export interface RiskWeight {
  readonly weight: number;
  readonly basis: RiskBasis;
}

const LIKELIHOOD_BY_WORD: ReadonlyMap<string, LikelihoodWord> = new Map([
  ...LIKELIHOOD_WORDS.map((w) => [w, w] as const),
  ["h", "high"],
  ["med", "medium"],
  ["m", "medium"],
  ["l", "low"],
  ["very high", "high"],
  ["very low", "low"],
]);
const RAG_BY_WORD: ReadonlyMap<string, RiskRag> = new Map([
  ...RISK_RAGS.map((w) => [w, w] as const),
  ["g", "green"],
  ["a", "amber"],
  ["r", "red"],
]);

/** A likelihood as a number: 0-1 is a share (0.8 is 80%, 1 is 100%), above 1 up to 100 a percentage (80 is 80%). */
function likelihoodNumber(x: number, label: string): number | Problem {
  if (!Number.isFinite(x) || x < 0 || x > 100)
    return invalidValue(`${label} is ${Number.isFinite(x) ? x : String(x)}; a likelihood is from 0% to 100%.`);
  return x <= 1 ? x : x / 100;
}

/**
 * A likelihood cell as the share expected: a number or text ("80%", "0.8", "80"), or a word (High,
 * Medium, Low, H/M/L) weighted by the settings. Blank is null; anything else is a problem.
 */
export function readLikelihood(value: unknown, label: string, settings: SchemeSettings): number | null | Problem {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return likelihoodNumber(value, label);
  if (typeof value !== "string") return invalidValue(`${label} is not a likelihood (a % or High, Medium or Low).`);
  const text = value.trim();
  if (text === "") return null;
  if (isExcelError(text)) return problem("excelError", text, `${label} is the error ${text}.`);
  const n = parseNumberText(text);
  if (n !== undefined)
    return text.endsWith("%") && n > 1
      ? invalidValue(`${label} is ${text}; a likelihood is from 0% to 100%.`)
      : likelihoodNumber(n, label);
  const word = LIKELIHOOD_BY_WORD.get(normaliseHeader(text));
  if (word !== undefined) return settings.likelihoodWeights[word];
  return invalidValue(`${label} is "${text}", which is neither a % nor High, Medium or Low.`);
}

/** A risk RAG cell: Green, Amber or Red (or G/A/R) in any case; blank is null, anything else a problem. */
export function readRiskRag(value: unknown, label: string): RiskRag | null | Problem {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") return invalidValue(`${label} is ${String(value)}, not Green, Amber or Red.`);
  const text = value.trim();
  if (text === "") return null;
  if (isExcelError(text)) return problem("excelError", text, `${label} is the error ${text}.`);
  return RAG_BY_WORD.get(normaliseHeader(text)) ?? invalidValue(`${label} is "${text}", not Green, Amber or Red.`);
}

/**
 * The weight of a scheme's remaining plan and the basis it came from; null when nothing about the
 * scheme gives one (no stage, likelihood or risk RAG).
 */
export function riskWeight(
  stage: Stage | null,
  likelihood: number | null,
  rag: RiskRag | null,
  settings: SchemeSettings,
): RiskWeight | null {
  if (stage === "unidentified") return { weight: 0, basis: "unidentified" };
  if (likelihood !== null) return { weight: likelihood, basis: "likelihood" };
  if (stage !== null) return { weight: settings.stageWeights[stage], basis: "stage" };
  if (rag !== null) return { weight: settings.ragWeights[rag], basis: "risk" };
  return null;
}

/**
 * delivered + max(annual − plan to date, 0) × weight. A blank plan to date or actual counts as 0
 * (a scheme yet to start); a blank annual plan gives a blank, as there is nothing to adjust.
 */
export function riskAdjustedForecast(annualPlan: number, ytdPlan: number, ytdActual: number, weight: number): number {
  if (annualPlan !== annualPlan) return NaN;
  const delivered = ytdActual === ytdActual ? ytdActual : 0;
  const planned = ytdPlan === ytdPlan ? ytdPlan : 0;
  return delivered + Math.max(annualPlan - planned, 0) * weight;
}

/** A value × weight for one cell of CIP.RISKADJUST: the weight read from a stage word, a RAG word or a likelihood. */
export function weightOfText(
  value: unknown,
  label: string,
  settings: SchemeSettings,
  stage: (text: string) => Stage | undefined,
): RiskWeight | Problem | null {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) return null;
  if (typeof value === "number") {
    const w = likelihoodNumber(value, label);
    return typeof w === "number" ? { weight: w, basis: "likelihood" } : w;
  }
  if (typeof value === "string") {
    const text = value.trim();
    const s = stage(text);
    if (s !== undefined) return riskWeight(s, null, null, settings);
    const rag = RAG_BY_WORD.get(normaliseHeader(text));
    if (rag !== undefined) return { weight: settings.ragWeights[rag], basis: "risk" };
    const likelihood = readLikelihood(text, label, settings);
    if (typeof likelihood === "number") return { weight: likelihood, basis: "likelihood" };
    if (likelihood !== null && likelihood.kind === "excelError") return likelihood;
    return invalidValue(
      `${label} is "${text}": not a stage (${Object.values(STAGE_LABELS).join(", ")}), a risk RAG (Green, Amber, Red) or a likelihood (a % or High, Medium, Low).`,
    );
  }
  return readLikelihood(value, label, settings) as Problem;
}

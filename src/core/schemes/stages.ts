/**
 * The stages a savings scheme passes through (cip-domain.md, "Scheme registers"): idea or
 * opportunity → planning (PID) → business case and QIA approved → implementation → delivered;
 * "unidentified" is the part of a target no scheme covers yet. Registers name them in many ways
 * ("Gateway 2 - PID", "BC approved", "Live"); the words below are read after normalising, and an
 * analyst may add their own (SchemeSettings.stageWords).
 */
import { normaliseHeader } from "../normaliseHeader";

export const STAGES = ["unidentified", "idea", "planning", "businessCase", "implementation", "delivered"] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  unidentified: "Unidentified",
  idea: "Idea / opportunity",
  planning: "Planning (PID)",
  businessCase: "Business case approved",
  implementation: "Implementation",
  delivered: "Delivered",
};

/** Words (normalised: lower case, punctuation as spaces) that name each stage. */
export const STAGE_WORDS: Readonly<Record<Stage, readonly string[]>> = {
  unidentified: ["unidentified", "tbi", "to be identified", "gap", "unidentified gap", "not identified"],
  idea: [
    "idea",
    "ideas",
    "idea opportunity",
    "opportunity",
    "opportunities",
    "pipeline",
    "concept",
    "proposal",
    "proposed",
    "long list",
  ],
  planning: [
    "planning",
    "planning pid",
    "plan",
    "pid",
    "scoping",
    "in development",
    "development",
    "design",
    "initiation",
    "mobilisation",
  ],
  businessCase: [
    "business case",
    "business case approved",
    "bc approved",
    "bc",
    "approved",
    "qia approved",
    "business case and qia approved",
    "fully developed",
    "ready for implementation",
  ],
  implementation: [
    "implementation",
    "implementing",
    "in implementation",
    "in delivery",
    "delivering",
    "in progress",
    "live",
    "on track",
  ],
  delivered: ["delivered", "complete", "completed", "closed", "achieved", "done", "fully delivered"],
};

const BUILT_IN = new Map<string, Stage>(STAGES.flatMap((stage) => STAGE_WORDS[stage].map((w) => [w, stage] as const)));

/** Normalised text of a stage cell; a leading "Gateway 2 -", "Stage 3:", "G2" numbering is ignored. */
export function stageKey(text: string): string {
  return normaliseHeader(text)
    .replace(/^(gateway|gate|stage|phase|g|s)\s*\d+\s*/, "")
    .replace(/^\d+\s+/, "")
    .trim();
}

/** A stage by its words, the analyst's own words first; undefined when the words are not known. */
export function stageOf(text: string, ownWords: ReadonlyMap<string, Stage>): Stage | undefined {
  const key = stageKey(text);
  const whole = normaliseHeader(text);
  return ownWords.get(whole) ?? ownWords.get(key) ?? BUILT_IN.get(key) ?? BUILT_IN.get(whole);
}

/** The stages known, for a message: "unidentified, idea / opportunity, planning (PID), ...". */
export function knownStagesText(): string {
  return STAGES.map((s) => STAGE_LABELS[s].toLowerCase()).join(", ");
}

/** The message for a stage not known: which stages there are, and how to map the word to one. */
export function unknownStageMessage(text: string, where: string): string {
  return (
    `${where}: the stage "${text}" is not one CIP Analyst knows (${knownStagesText()}). ` +
    `Map "${text}" to one of them in Options › Stage words, or use one of these words in the tracker.`
  );
}

/**
 * A register of schemes (one row per scheme, cip-domain.md "Scheme registers") read on top of the
 * tracker analysis: which organisation each scheme belongs to, its stage, likelihood and risk,
 * its risk-adjusted forecast and the basis used, its full-year effect and recurrent position, and
 * a message per row for what is wrong with it. The amounts come from the analysis (in its working
 * unit), so a scheme's plan to date and actual are exactly the ones its metrics use.
 *
 * Everything per row is kept in typed columns: a million schemes cost a few numbers each, and the
 * roll-ups (dimensionRollup.ts), the bridge (bridge.ts) and the organisation-level analysis
 * (organisationLevel.ts) read these columns rather than the rows.
 */
import type { TrackerAnalysis } from "../trackerAnalysis";
import type { TrackerLayout } from "../trackerLayout";
import { readCell } from "../readCell";
import { isProblem, type Num, type Problem } from "../problem";
import { unitFactor, workingUnit } from "../trackerLayout";
import type { Field, MoneyField, SchemeAmountField } from "../fields";
import { FIELD_LABELS } from "../fields";
import { normaliseHeader } from "../normaliseHeader";
import { organisationNoun } from "./organisationNoun";
import { EMPTY_ROW } from "../rowBlock";
import { readAnalysisAmounts } from "./analysisAmounts";
import { earlierRowsWithSameName } from "./duplicateNames";
import { readLikelihood, readRiskRag, riskAdjustedForecast, RISK_BASES, type RiskBasis } from "./riskAdjust";
import { stageWordMap, type SchemeSettings } from "./schemeSettings";
import { STAGES, stageOf, unknownStageMessage, type Stage } from "./stages";

/** The label of schemes with no organisation when the register has an organisation column. */
export const NO_ORGANISATION = "(no organisation)";

export interface SchemeAnalysis {
  readonly analysis: TrackerAnalysis;
  readonly layout: TrackerLayout;
  readonly settings: SchemeSettings;
  /** Rows are schemes (the register has a scheme column); else rows are organisations as before. */
  readonly isSchemeRegister: boolean;
  /** "trusts", "ICBs", "providers" or "organisations", from the organisation column's header. */
  readonly organisationNoun: string;
  /** Data rows counted as schemes. */
  readonly schemeCount: number;
  /** Organisation names in order of first appearance; rowOrganisation indexes into it. */
  readonly organisations: readonly string[];
  /** Each row's organisation (index into `organisations`), -1 for rows that are no scheme (blank, total, heading). */
  readonly rowOrganisation: Int32Array;
  /** Per row, in the analysis' working unit; NaN where blank or a problem. */
  readonly annualPlan: Float64Array;
  readonly ytdPlan: Float64Array;
  readonly ytdActual: Float64Array;
  readonly shortfall: Float64Array;
  readonly forecast: Float64Array;
  readonly riskAdjusted: Float64Array;
  readonly weight: Float64Array;
  /** Index into RISK_BASES. */
  readonly basis: Uint8Array;
  /** 1 for unidentified savings (stage "unidentified", or a scheme named "Unidentified"/"TBI"). */
  readonly unidentified: Uint8Array;
  /** Index into STAGES + 1; 0: no stage or one not known. */
  readonly stage: Uint8Array;
  /** Full-year effect (the column, else the in-year plan) and its recurrent part, as planned and as forecast (× weight). */
  readonly fullYearEffect: Float64Array;
  readonly recurrentFullYearEffect: Float64Array;
  readonly recurrentFullYearEffectForecast: Float64Array;
  /** Share of the scheme's savings that is non-recurrent, 0 when nothing says so. */
  readonly nonRecurrentShare: Float64Array;
  /** The scheme's delivery is (partly) non-recurrent against a recurrent target. */
  readonly nonRecurrentAgainstTarget: Uint8Array;
  /** Per-row messages, by 0-based row. */
  readonly rowMessages: ReadonlyMap<number, readonly string[]>;
  /** What the analyst should know about the register as a whole. */
  readonly notes: readonly string[];
  /** The risk-adjusted forecast of a row, or the problem that stopped it (for an output cell). */
  riskAdjustedAt(row: number): Num;
  basisAt(row: number): RiskBasis | null;
  stageAt(row: number): Stage | null;
}

const UNIDENTIFIED_NAME = /^(unidentified|tbi|to be identified|gap)\b/;
const UNIDENTIFIED_STAGE = STAGES.indexOf("unidentified") + 1;
const BASIS = Object.fromEntries(RISK_BASES.map((b, i) => [b, i])) as Record<RiskBasis, number>;
/** What a row needs a message for. */
const PROBLEM_NO_ORGANISATION = 1;
const PROBLEM_STAGE = 2;
const PROBLEM_LIKELIHOOD = 4;
const PROBLEM_RAG = 8;

/**
 * Reads a scheme register on top of its tracker analysis (same rows, same layout). `settings`
 * should be resolved (resolveSchemeSettings).
 */
export function analyseSchemes(
  rows: readonly (readonly unknown[])[],
  layout: TrackerLayout,
  analysis: TrackerAnalysis,
  settings: SchemeSettings,
  headers: readonly unknown[] = [],
): SchemeAnalysis {
  const n = rows.length;
  const cols = layout.columns;
  const unit = workingUnit(layout);
  const amountReader = (field: MoneyField | SchemeAmountField) => {
    const c = cols[field];
    if (c === undefined) return null;
    const factor = unitFactor(layout, field, unit);
    return (row: readonly unknown[]): number => {
      const v = row[c];
      if (typeof v === "number") return v * factor;
      const x = readCell(v);
      return typeof x === "number" ? x * factor : NaN;
    };
  };
  const textAt = (field: Field) => {
    const c = cols[field];
    return c === undefined ? null : (row: readonly unknown[]) => cellText(row[c]);
  };
  const annualOf = amountReader("annualPlan");
  const fyeOf = amountReader("fullYearEffect");
  const recFyeOf = amountReader("recurrentFullYearEffect");
  const recOf = amountReader("recurrent");
  const nonRecOf = amountReader("nonRecurrent");
  const orgOf = textAt("organisation");
  const schemeOf = textAt("scheme");
  const stageCol = cols.stage;
  const likelihoodCol = cols.likelihood;
  const riskCol = cols.risk;

  const out = {
    rowOrganisation: new Int32Array(n).fill(-1),
    annualPlan: new Float64Array(n).fill(NaN),
    ytdPlan: new Float64Array(n).fill(NaN),
    ytdActual: new Float64Array(n).fill(NaN),
    shortfall: new Float64Array(n).fill(NaN),
    forecast: new Float64Array(n).fill(NaN),
    riskAdjusted: new Float64Array(n).fill(NaN),
    weight: new Float64Array(n).fill(NaN),
    basis: new Uint8Array(n),
    unidentified: new Uint8Array(n),
    stage: new Uint8Array(n),
    fullYearEffect: new Float64Array(n).fill(NaN),
    recurrentFullYearEffect: new Float64Array(n).fill(NaN),
    recurrentFullYearEffectForecast: new Float64Array(n).fill(NaN),
    nonRecurrentShare: new Float64Array(n),
    nonRecurrentAgainstTarget: new Uint8Array(n),
  };
  const orgIds = new Map<string, number>();
  const organisations: string[] = [];
  const nameIds = new Map<string, number>();
  const nameOf = new Int32Array(n).fill(-1);
  const ownWords = stageWordMap(settings);
  // Registers repeat a handful of stage, likelihood and RAG texts: each is read once, and its
  // weight looked up once (by stage number, or straight from the cell for likelihood and RAG).
  const stageCache = new Map<string, number>();
  const likelihoodCache = new Map<unknown, number | null | Problem>();
  const ragCache = new Map<unknown, number | null | Problem>();
  const stageWeight = STAGES.map((s) => settings.stageWeights[s]);
  const readLikelihoodCell = (v: unknown) => readLikelihood(v, "the likelihood", settings);
  const readRagWeight = (v: unknown) => {
    const rag = readRiskRag(v, "the risk RAG");
    return rag === null || isProblem(rag) ? rag : settings.ragWeights[rag];
  };
  // Per row, what it needs a message for (PROBLEM_* bits); the messages are written at the end,
  // in the order the checks are listed, for the few rows that have any.
  const problems = new Uint8Array(n);
  const isScheme = new Uint8Array(n);
  let schemeCount = 0;
  let noBasisRows = 0;

  // One pass over the rows' cells; the amounts of the analysis, the duplicate names and the
  // risk-adjusted forecast are then worked out on typed columns.
  for (let i = 0; i < n; i++) {
    if (analysis.rowKind(i) !== "data") continue;
    const row = rows[i] ?? EMPTY_ROW;
    isScheme[i] = 1;
    schemeCount++;
    const orgText = orgOf ? orgOf(row) : "";
    const scheme = schemeOf ? schemeOf(row) : "";
    let bits = 0;
    if (orgOf && orgText === "" && schemeOf) bits |= PROBLEM_NO_ORGANISATION;
    const orgName = orgOf ? orgText || NO_ORGANISATION : schemeOf ? "All schemes" : analysis.organisation(i);
    let org = orgIds.get(orgName);
    if (org === undefined) {
      org = organisations.length;
      orgIds.set(orgName, org);
      organisations.push(orgName);
    }
    out.rowOrganisation[i] = org;
    if (scheme !== "") {
      let name = nameIds.get(scheme);
      if (name === undefined) nameIds.set(scheme, (name = nameIds.size));
      nameOf[i] = name;
    }

    const annual = annualOf ? annualOf(row) : NaN;
    out.annualPlan[i] = annual;

    let stage = 0; // index into STAGES + 1, 0: none
    if (stageCol !== undefined) {
      const text = cellText(row[stageCol]);
      if (text !== "") {
        let s = stageCache.get(text);
        if (s === undefined) stageCache.set(text, (s = STAGES.indexOf(stageOf(text, ownWords) as Stage) + 1));
        if (s === 0) bits |= PROBLEM_STAGE;
        stage = s;
      }
    }
    if (stage === 0 && UNIDENTIFIED_NAME.test(normaliseHeader(scheme))) stage = UNIDENTIFIED_STAGE;
    out.stage[i] = stage;
    out.unidentified[i] = stage === UNIDENTIFIED_STAGE ? 1 : 0;

    const likelihood = likelihoodCol === undefined ? null : cached(likelihoodCache, row[likelihoodCol], readLikelihoodCell);
    const rag = riskCol === undefined ? null : cached(ragCache, row[riskCol], readRagWeight);
    if (isProblem(likelihood)) bits |= PROBLEM_LIKELIHOOD;
    if (isProblem(rag)) bits |= PROBLEM_RAG;
    problems[i] = bits;
    // The basis as riskWeight (riskAdjust.ts) chooses it, without an object per row.
    let w = NaN;
    let basis = BASIS.none;
    if (stage === UNIDENTIFIED_STAGE) {
      w = 0;
      basis = BASIS.unidentified;
    } else if (typeof likelihood === "number") {
      w = likelihood;
      basis = BASIS.likelihood;
    } else if (stage !== 0) {
      w = stageWeight[stage - 1];
      basis = BASIS.stage;
    } else if (typeof rag === "number") {
      w = rag;
      basis = BASIS.risk;
    }
    if (basis === BASIS.none) noBasisRows++;
    else {
      out.weight[i] = w;
      out.basis[i] = basis;
    }

    const fye = fyeOf ? fyeOf(row) : annual;
    const rec = recOf ? recOf(row) : NaN;
    const nonRec = nonRecOf ? nonRecOf(row) : NaN;
    let nrShare = 0;
    if (nonRec > 0) nrShare = nonRec / ((rec > 0 ? rec : 0) + nonRec);
    const recFye = recFyeOf ? recFyeOf(row) : fye * (1 - nrShare);
    if (recFyeOf && fye > 0 && recFye === recFye && nrShare === 0) nrShare = Math.min(Math.max(1 - recFye / fye, 0), 1);
    out.fullYearEffect[i] = fye;
    out.recurrentFullYearEffect[i] = recFye;
    out.recurrentFullYearEffectForecast[i] = recFye * w;
    out.nonRecurrentShare[i] = nrShare;
    out.nonRecurrentAgainstTarget[i] = nrShare > 0 ? 1 : 0;
  }

  readAnalysisAmounts(rows, layout, analysis, isScheme, out);
  for (let i = 0; i < n; i++)
    if (out.basis[i] !== BASIS.none)
      out.riskAdjusted[i] = riskAdjustedForecast(out.annualPlan[i], out.ytdPlan[i], out.ytdActual[i], out.weight[i]);

  const earlier = earlierRowsWithSameName(nameOf, nameIds.size, out.rowOrganisation, organisations.length);
  const rowMessages = new Map<number, string[]>();
  for (let i = 0; i < n; i++) {
    if (problems[i] === 0 && earlier[i] < 0) continue;
    const row = rows[i] ?? EMPTY_ROW;
    const scheme = schemeOf ? schemeOf(row) : "";
    const where = `Row ${analysis.rowNumber(i)}`;
    const messages: string[] = [];
    if (problems[i] & PROBLEM_NO_ORGANISATION)
      messages.push(
        `${where}: the scheme${scheme ? ` "${scheme}"` : ""} has no organisation, so it is counted under "${NO_ORGANISATION}". Fill in its organisation.`,
      );
    if (earlier[i] >= 0)
      messages.push(
        `${where}: the scheme "${scheme}" appears twice in ${organisations[out.rowOrganisation[i]]} (rows ${analysis.rowNumber(earlier[i])} and ${analysis.rowNumber(i)}); ` +
          `both are counted. Give each scheme its own name, or remove the repeat if it is one scheme entered twice.`,
      );
    if (problems[i] & PROBLEM_STAGE) messages.push(unknownStageMessage(cellText(row[stageCol as number]), where));
    if (problems[i] & PROBLEM_LIKELIHOOD)
      messages.push(`${where}: ${(likelihoodCache.get(row[likelihoodCol as number]) as Problem).message}`);
    if (problems[i] & PROBLEM_RAG) messages.push(`${where}: ${(ragCache.get(row[riskCol as number]) as Problem).message}`);
    rowMessages.set(i, messages);
  }

  const notes: string[] = [];
  if (stageCol === undefined && likelihoodCol === undefined && riskCol === undefined)
    notes.push(
      `The register has no ${FIELD_LABELS.stage}, ${FIELD_LABELS.likelihood} or ${FIELD_LABELS.risk} column, so no risk-adjusted forecast can be worked out.`,
    );
  else if (noBasisRows > 0)
    notes.push(
      `${noBasisRows} ${noBasisRows === 1 ? "scheme has" : "schemes have"} no stage, likelihood or risk RAG that CIP Analyst can read, so ${noBasisRows === 1 ? "it has" : "they have"} no risk-adjusted forecast and ${noBasisRows === 1 ? "is" : "are"} left out of it.`,
    );
  if (rowMessages.size > 0)
    notes.push(
      `${rowMessages.size} ${rowMessages.size === 1 ? "row has" : "rows have"} a problem with the scheme's details; each is listed with its row.`,
    );

  return {
    analysis,
    layout,
    settings,
    isSchemeRegister: cols.scheme !== undefined,
    organisationNoun: organisationNoun(cols.organisation === undefined ? undefined : headers[cols.organisation]),
    schemeCount,
    organisations,
    ...out,
    rowMessages,
    notes,
    riskAdjustedAt: (row) => riskAdjustedAt(out, row, rowMessages, analysis),
    basisAt: (row) => (out.rowOrganisation[row] < 0 || out.basis[row] === 0 ? null : RISK_BASES[out.basis[row]]),
    stageAt: (row) => (out.stage[row] === 0 ? null : STAGES[out.stage[row] - 1]),
  };
}

function riskAdjustedAt(
  out: { rowOrganisation: Int32Array; riskAdjusted: Float64Array; basis: Uint8Array },
  row: number,
  rowMessages: ReadonlyMap<number, readonly string[]>,
  analysis: TrackerAnalysis,
): Num {
  if (out.rowOrganisation[row] < 0) return null;
  const v = out.riskAdjusted[row];
  if (v === v) return v;
  if (out.basis[row] === 0) {
    const why = rowMessages.get(row)?.[0];
    return {
      kind: "invalidValue",
      error: "#VALUE!",
      message: why ?? `Row ${analysis.rowNumber(row)}: no stage, likelihood or risk RAG, so no risk-adjusted forecast.`,
    };
  }
  return null;
}

/** A cell read once per distinct value: registers repeat a handful of stage, likelihood and RAG texts. */
function cached<T>(cache: Map<unknown, T>, value: unknown, read: (v: unknown) => T): T {
  let x = cache.get(value);
  if (x === undefined && !cache.has(value)) cache.set(value, (x = read(value)));
  return x as T;
}

/** A label cell as text: trimmed text, a number as written, blank for anything else. */
export function cellText(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return "";
}

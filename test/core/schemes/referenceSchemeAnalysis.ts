/**
 * The scheme analysis as it was first written, row by row (every metric read through the analysis'
 * MetricColumns, duplicate names found by walking a chain of rows): the reference the block-wise
 * analyseSchemes must equal to the bit (schemeRegisterFastPath.test.ts); and the roll-up as first
 * written, every row's group worked out as text and looked up by name.
 */
import type { TrackerAnalysis } from "../../../src/core/trackerAnalysis";
import type { TrackerLayout } from "../../../src/core/trackerLayout";
import { readCell } from "../../../src/core/readCell";
import { isProblem, type Problem } from "../../../src/core/problem";
import { unitFactor, workingUnit } from "../../../src/core/trackerLayout";
import type { Field, MoneyField, SchemeAmountField } from "../../../src/core/fields";
import { FIELD_LABELS } from "../../../src/core/fields";
import { normaliseHeader } from "../../../src/core/normaliseHeader";
import { organisationNoun } from "../../../src/core/schemes/organisationNoun";
import {
  readLikelihood,
  readRiskRag,
  riskAdjustedForecast,
  riskWeight,
  RISK_BASES,
  type RiskBasis,
} from "../../../src/core/schemes/riskAdjust";
import { cellText, NO_ORGANISATION, type SchemeAnalysis } from "../../../src/core/schemes/schemeRegister";
import { stageWordMap, type RiskRag, type SchemeSettings } from "../../../src/core/schemes/schemeSettings";
import { STAGES, stageOf, unknownStageMessage, type Stage } from "../../../src/core/schemes/stages";

import { KeyedSums } from "../../../src/core/keyedRollup";
import { RollupBuilder, type GroupSummary, type RollupRow } from "../../../src/core/rollup";
import type { Dimension, DimensionGroup, DimensionRollup } from "../../../src/core/schemes/dimensionRollup";
import { STAGE_LABELS } from "../../../src/core/schemes/stages";

const UNIDENTIFIED_NAME = /^(unidentified|tbi|to be identified|gap)\b/;

/**
 * Reads a scheme register on top of its tracker analysis (same rows, same layout). `settings`
 * should be resolved (resolveSchemeSettings).
 */
export function referenceSchemeAnalysis(
  rows: readonly (readonly unknown[])[],
  layout: TrackerLayout,
  analysis: TrackerAnalysis,
  settings: SchemeSettings,
  headers: readonly unknown[] = [],
): Omit<SchemeAnalysis, "riskAdjustedAt" | "basisAt" | "stageAt"> {
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
  const rowMessages = new Map<number, string[]>();
  const say = (row: number, message: string) => {
    const list = rowMessages.get(row);
    if (list) list.push(message);
    else rowMessages.set(row, [message]);
  };
  const orgIds = new Map<string, number>();
  const organisations: string[] = [];
  // Duplicate names: one map from a name (as written, trimmed: no new strings) to the last row
  // holding it, and a chain through the earlier rows of that name. Registers reuse names across
  // organisations ("E-rostering"), so one map holds far fewer keys than one per organisation would.
  const lastWithName = new Map<string, number>();
  const earlierWithName = new Int32Array(n).fill(-1);
  const ownWords = stageWordMap(settings);
  // Registers repeat a handful of stage, likelihood and RAG texts: each is read once.
  const stageCache = new Map<string, Stage | undefined>();
  const likelihoodCache = new Map<unknown, number | null | Problem>();
  const ragCache = new Map<unknown, RiskRag | null | Problem>();
  const m = analysis.metrics;
  // Built only for a message: a string per row would cost a million allocations.
  const rowName = (i: number) => `Row ${analysis.rowNumber(i)}`;
  const readLikelihoodCell = (v: unknown) => readLikelihood(v, "the likelihood", settings);
  const readRagCell = (v: unknown) => readRiskRag(v, "the risk RAG");
  const BASIS = Object.fromEntries(RISK_BASES.map((b, i) => [b, i])) as Record<RiskBasis, number>;
  let schemeCount = 0;
  let noBasisRows = 0;

  for (let i = 0; i < n; i++) {
    if (analysis.rowKind(i) !== "data") continue;
    const row = rows[i] ?? [];
    schemeCount++;
    const orgText = orgOf ? orgOf(row) : "";
    const scheme = schemeOf ? schemeOf(row) : "";
    if (orgOf && orgText === "" && schemeOf)
      say(
        i,
        `${rowName(i)}: the scheme${scheme ? ` "${scheme}"` : ""} has no organisation, so it is counted under "${NO_ORGANISATION}". Fill in its organisation.`,
      );
    const orgName = orgOf ? orgText || NO_ORGANISATION : schemeOf ? "All schemes" : analysis.organisation(i);
    let org = orgIds.get(orgName);
    if (org === undefined) {
      org = organisations.length;
      orgIds.set(orgName, org);
      organisations.push(orgName);
    }
    out.rowOrganisation[i] = org;
    if (scheme !== "") {
      const last = lastWithName.get(scheme);
      let first = last ?? -1;
      while (first >= 0 && out.rowOrganisation[first] !== org) first = earlierWithName[first];
      earlierWithName[i] = last ?? -1;
      lastWithName.set(scheme, i);
      if (first >= 0)
        say(
          i,
          `${rowName(i)}: the scheme "${scheme}" appears twice in ${orgName} (rows ${analysis.rowNumber(first)} and ${analysis.rowNumber(i)}); ` +
            `both are counted. Give each scheme its own name, or remove the repeat if it is one scheme entered twice.`,
        );
    }

    const annual = annualOf ? annualOf(row) : NaN;
    const plan = m.ytdPlanUsed.numberOrNaN(i);
    const actual = m.ytdActualUsed.numberOrNaN(i);
    out.annualPlan[i] = annual;
    out.ytdPlan[i] = plan;
    out.ytdActual[i] = actual;
    out.shortfall[i] = m.shortfall.numberOrNaN(i);
    out.forecast[i] = m.forecastUsed.numberOrNaN(i);

    let stage: Stage | null = null;
    if (stageCol !== undefined) {
      const text = cellText(row[stageCol]);
      if (text !== "") {
        let s = stageCache.get(text);
        if (s === undefined && !stageCache.has(text)) stageCache.set(text, (s = stageOf(text, ownWords)));
        if (s === undefined) say(i, unknownStageMessage(text, rowName(i)));
        else stage = s;
      }
    }
    if (stage === null && UNIDENTIFIED_NAME.test(normaliseHeader(scheme))) stage = "unidentified";
    if (stage !== null) out.stage[i] = STAGES.indexOf(stage) + 1;
    out.unidentified[i] = stage === "unidentified" ? 1 : 0;

    const likelihood = likelihoodCol === undefined ? null : cached(likelihoodCache, row[likelihoodCol], readLikelihoodCell);
    const rag = riskCol === undefined ? null : cached(ragCache, row[riskCol], readRagCell);
    if (isProblem(likelihood)) say(i, `${rowName(i)}: ${likelihood.message}`);
    if (isProblem(rag)) say(i, `${rowName(i)}: ${rag.message}`);
    const w = riskWeight(stage, isProblem(likelihood) ? null : likelihood, isProblem(rag) ? null : rag, settings);
    if (w === null) {
      noBasisRows++;
    } else {
      out.weight[i] = w.weight;
      out.basis[i] = BASIS[w.basis];
      out.riskAdjusted[i] = riskAdjustedForecast(annual, plan, actual, w.weight);
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
    out.recurrentFullYearEffectForecast[i] = recFye * (w === null ? NaN : w.weight);
    out.nonRecurrentShare[i] = nrShare;
    out.nonRecurrentAgainstTarget[i] = nrShare > 0 ? 1 : 0;
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
  };
}

/** A cell read once per distinct value: registers repeat a handful of stage, likelihood and RAG texts. */
function cached<T>(cache: Map<unknown, T>, value: unknown, read: (v: unknown) => T): T {
  let x = cache.get(value);
  if (x === undefined && !cache.has(value)) cache.set(value, (x = read(value)));
  return x as T;
}

const EXTRA = [
  "identified",
  "unidentified",
  "riskAdjustedForecast",
  "fullYearEffect",
  "recurrentFullYearEffectForecast",
] as const;

/** The register rolled up by `dimension`; a dimension without a column puts every scheme in one group. */
export function referenceRollup(
  scheme: SchemeAnalysis,
  rows: readonly (readonly unknown[])[],
  dimension: Dimension,
): DimensionRollup {
  const keyOf = groupKeyOf(scheme, rows, dimension);
  const builder = new RollupBuilder();
  const sums = new KeyedSums(EXTRA.length);
  const problemRows = new Uint8Array(scheme.rowOrganisation.length);
  for (const row of scheme.analysis.problemRows) problemRows[row] = 1;
  const r: RollupRow = {
    annualPlan: NaN,
    ytdPlan: NaN,
    ytdActual: NaN,
    shortfall: NaN,
    forecast: NaN,
    flags: 0,
    hasProblem: false,
  };
  const flags = scheme.analysis.flags;
  const n = scheme.rowOrganisation.length;
  for (let i = 0; i < n; i++) {
    if (scheme.rowOrganisation[i] < 0) continue;
    const key = keyOf(i);
    const g = builder.groupId(key);
    // Both number groups by first appearance, so a new group is new to both.
    if (g === sums.keys.length) sums.id(key);
    r.annualPlan = scheme.annualPlan[i];
    r.ytdPlan = scheme.ytdPlan[i];
    r.ytdActual = scheme.ytdActual[i];
    r.shortfall = scheme.shortfall[i];
    r.forecast = scheme.forecast[i];
    r.flags = flags[i];
    r.hasProblem = problemRows[i] === 1;
    builder.add(g, r);
    const plan = scheme.annualPlan[i];
    const unidentified = scheme.unidentified[i] === 1;
    sums.add(g, 0, unidentified ? NaN : plan);
    sums.add(g, 1, unidentified ? plan : NaN);
    sums.add(g, 2, scheme.riskAdjusted[i]);
    sums.add(g, 3, scheme.fullYearEffect[i]);
    sums.add(g, 4, scheme.recurrentFullYearEffectForecast[i]);
  }
  const label = FIELD_LABELS[dimension];
  const rollup = builder.finish(`All ${scheme.isSchemeRegister ? "schemes" : scheme.organisationNoun}`);
  const withSums = (summary: GroupSummary, id: number | null): DimensionGroup => {
    const v = (c: number, m: "sum" | "count" = "sum") => (id === null ? sums.total(c, m) : sums.value(id, c, m)) ?? 0;
    return {
      ...summary,
      identified: v(0),
      unidentified: v(1),
      riskAdjustedForecast: v(2),
      riskAdjustedCount: v(2, "count"),
      fullYearEffect: v(3),
      recurrentFullYearEffectForecast: v(4),
    };
  };
  return {
    dimension,
    label,
    groups: rollup.groups.map((g, id) => withSums(g, id)),
    total: withSums(rollup.total, null),
  };
}

function groupKeyOf(
  scheme: SchemeAnalysis,
  rows: readonly (readonly unknown[])[],
  dimension: Dimension,
): (row: number) => string {
  if (dimension === "organisation") return (i) => scheme.organisations[scheme.rowOrganisation[i]];
  if (dimension === "stage") {
    const stageCol = scheme.layout.columns.stage;
    return (i) => {
      const s = scheme.stage[i];
      if (s !== 0) return STAGE_LABELS[STAGES[s - 1]];
      return stageCol !== undefined && cellText(rows[i]?.[stageCol]) !== "" ? "(stage not known)" : "(no stage)";
    };
  }
  const col = scheme.layout.columns[dimension];
  const none = `(no ${FIELD_LABELS[dimension].toLowerCase()})`;
  if (col === undefined) return () => none;
  return (i) => cellText(rows[i]?.[col]) || none;
}

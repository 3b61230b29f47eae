/**
 * A scheme register rolled up by one of its dimensions — organisation, group, division, category,
 * lead or stage — with the group table's columns (rollup.ts) plus identified, unidentified and the
 * risk-adjusted forecast. The summary sheet writes one table per dimension chosen; CIP.ROLLUP
 * sums any measure by any key with the same KeyedSums.
 */
import { FIELD_LABELS, type TextField } from "../fields";
import { KeyedSums } from "../keyedRollup";
import { RollupBuilder, type GroupSummary, type RollupRow } from "../rollup";
import { cellText, type SchemeAnalysis } from "./schemeRegister";
import { STAGE_LABELS, STAGES } from "./stages";

export const DIMENSIONS = [
  "organisation",
  "group",
  "division",
  "category",
  "lead",
  "stage",
] as const satisfies readonly TextField[];
export type Dimension = (typeof DIMENSIONS)[number];

/** A group of one dimension: the group table's columns, then the scheme measures. */
export interface DimensionGroup extends GroupSummary {
  /** Σ annual plan of identified schemes. */
  readonly identified: number;
  /** Σ annual plan of unidentified savings. */
  readonly unidentified: number;
  /** Σ risk-adjusted forecast, over the schemes that have one. */
  readonly riskAdjustedForecast: number;
  /** Schemes with a risk-adjusted forecast. */
  readonly riskAdjustedCount: number;
  readonly fullYearEffect: number;
  readonly recurrentFullYearEffectForecast: number;
}

export interface DimensionRollup {
  readonly dimension: Dimension;
  /** "Division": the dimension as the table's first header says it. */
  readonly label: string;
  readonly groups: readonly DimensionGroup[];
  readonly total: DimensionGroup;
}

/** The dimensions this register has a column for, in the order the Options list offers them. */
export function availableDimensions(scheme: SchemeAnalysis): Dimension[] {
  return DIMENSIONS.filter(
    (d) => scheme.layout.columns[d] !== undefined || (d === "organisation" && scheme.organisations.length > 0),
  );
}

const EXTRA = [
  "identified",
  "unidentified",
  "riskAdjustedForecast",
  "fullYearEffect",
  "recurrentFullYearEffectForecast",
] as const;

/** The register rolled up by `dimension`; a dimension without a column puts every scheme in one group. */
export function rollupBy(scheme: SchemeAnalysis, rows: readonly (readonly unknown[])[], dimension: Dimension): DimensionRollup {
  const builder = new RollupBuilder();
  const sums = new KeyedSums(EXTRA.length);
  const groupOf = groupIdOf(scheme, rows, dimension, (key) => {
    const g = builder.groupId(key);
    // Both number groups by first appearance, so a new group is new to both.
    if (g === sums.keys.length) sums.id(key);
    return g;
  });
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
    const g = groupOf(i);
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

/**
 * Each scheme row's group, registered (`register`, which numbers a name by first appearance) the
 * first time it is met. A row's group comes from a number where there is one — its organisation,
 * its stage — and a text dimension's cell is looked up by the cell value itself, so no row's
 * group name is worked out twice: a register repeats a handful of names a million times.
 */
function groupIdOf(
  scheme: SchemeAnalysis,
  rows: readonly (readonly unknown[])[],
  dimension: Dimension,
  register: (key: string) => number,
): (row: number) => number {
  if (dimension === "organisation") {
    const ids = new Int32Array(scheme.organisations.length).fill(-1);
    return (i) => {
      const org = scheme.rowOrganisation[i];
      if (ids[org] < 0) ids[org] = register(scheme.organisations[org]);
      return ids[org];
    };
  }
  if (dimension === "stage") {
    const stageCol = scheme.layout.columns.stage;
    // By stage number; after the stages, "(stage not known)" and "(no stage)".
    const ids = new Int32Array(STAGES.length + 3).fill(-1);
    return (i) => {
      const s = scheme.stage[i];
      const code =
        s !== 0 ? s : stageCol !== undefined && cellText(rows[i]?.[stageCol]) !== "" ? STAGES.length + 1 : STAGES.length + 2;
      if (ids[code] < 0)
        ids[code] = register(
          s !== 0 ? STAGE_LABELS[STAGES[s - 1]] : code === STAGES.length + 1 ? "(stage not known)" : "(no stage)",
        );
      return ids[code];
    };
  }
  const col = scheme.layout.columns[dimension];
  const none = `(no ${FIELD_LABELS[dimension].toLowerCase()})`;
  if (col === undefined) {
    let id = -1;
    return () => (id < 0 ? (id = register(none)) : id);
  }
  const byCell = new Map<unknown, number>();
  return (i) => {
    const cell = rows[i]?.[col];
    let id = byCell.get(cell);
    if (id === undefined) byCell.set(cell, (id = register(cellText(cell) || none)));
    return id;
  };
}

import { FLAG_NAMES, FLAGS, type FlagName } from "./flags";

const FLAG_BITS = FLAG_NAMES.map((name) => FLAGS[name]);

/** Totals for one group, or for the whole tracker. */
export interface GroupSummary {
  readonly group: string;
  /** Rows with any data, total rows left out. */
  readonly organisations: number;
  /** Organisations with both a YTD plan and a YTD actual: the ones "behind" can be judged for. */
  readonly compared: number;
  readonly behindPlan: number;
  /** behindPlan / compared, or null when nothing could be compared. */
  readonly behindPlanShare: number | null;
  readonly annualPlan: number;
  /** Σ YTD plan and Σ YTD actual over the compared organisations, so that delivery = actual / plan. */
  readonly ytdPlan: number;
  readonly ytdActual: number;
  /** Σ actual − Σ plan: the net miss ("missed its £544m target by £79m"). */
  readonly variance: number;
  /** Σ of each organisation's own shortfall: what the organisations behind are missing between them. */
  readonly shortfall: number;
  /**
   * Σ actual / Σ plan, or null when Σ plan is 0. Every sum and share here may be ±Infinity or NaN
   * when the figures add up past what a number holds (about 1.8e308): readers pass them through
   * totals.ts before they reach a cell or a sentence.
   */
  readonly deliveryPct: number | null;
  /**
   * Σ YTD actual / Σ annual plan over organisations with both: the share of the year's target
   * delivered so far ("North delivered 47% of its £1.6bn full-year target in six months").
   */
  readonly progressPct: number | null;
  readonly forecast: number;
  /** Organisations with a forecast (the one in use). */
  readonly forecastCount: number;
  /**
   * Σ annual plan and Σ forecast over the organisations that have both, so that "forecast to
   * deliver all but 9%" compares like with like.
   */
  readonly annualPlanWithForecast: number;
  readonly forecastWithAnnualPlan: number;
  readonly flags: Readonly<Record<FlagName, number>>;
  /** Rows whose data has a problem (a bad cell, a negative plan, inconsistent columns). */
  readonly problemRows: number;
}

/**
 * What the roll-up needs of one row, each amount a number or NaN where the row has a blank or a
 * problem. One object is reused for every row.
 */
export interface RollupRow {
  annualPlan: number;
  ytdPlan: number;
  ytdActual: number;
  shortfall: number;
  forecast: number;
  flags: number;
  hasProblem: boolean;
}

/** Running sums for one group, kept as plain numbers so adding a row allocates nothing. */
class Accumulator {
  organisations = 0;
  compared = 0;
  behindPlan = 0;
  annualPlan = 0;
  ytdPlan = 0;
  ytdActual = 0;
  shortfall = 0;
  forecast = 0;
  forecastCount = 0;
  annualPlanWithForecast = 0;
  forecastWithAnnualPlan = 0;
  annualPlanWithActual = 0;
  actualWithAnnualPlan = 0;
  problemRows = 0;
  readonly flagCounts = new Float64Array(FLAG_NAMES.length);

  add(r: RollupRow): void {
    this.organisations++;
    if (r.hasProblem) this.problemRows++;
    // NaN stands for "not a number here"; every comparison with it is false, so each sum below
    // takes only the rows that have what it needs. A negative plan is invalid (the row lists it as
    // a problem) and must not shrink the totals.
    const annual = r.annualPlan >= 0 ? r.annualPlan : NaN;
    const { ytdPlan: plan, ytdActual: actual, shortfall, forecast, flags } = r;
    if (plan === plan && actual === actual && shortfall === shortfall) {
      this.compared++;
      this.ytdPlan += plan;
      this.ytdActual += actual;
      this.shortfall += shortfall;
      this.behindPlan += +((flags & FLAGS.BEHIND_PLAN) !== 0);
    }
    if (annual === annual) this.annualPlan += annual;
    if (annual === annual && actual === actual) {
      this.annualPlanWithActual += annual;
      this.actualWithAnnualPlan += actual;
    }
    if (forecast === forecast) {
      this.forecast += forecast;
      this.forecastCount++;
      if (annual === annual) {
        this.annualPlanWithForecast += annual;
        this.forecastWithAnnualPlan += forecast;
      }
    }
    // Counted without a branch per flag: which flags a row has follows no pattern the processor could guess.
    if (flags !== 0) for (let b = 0; b < FLAG_BITS.length; b++) this.flagCounts[b] += +((flags & FLAG_BITS[b]) !== 0);
  }

  /** Adds another group's sums to this one's. */
  merge(other: Accumulator): this {
    this.organisations += other.organisations;
    this.compared += other.compared;
    this.behindPlan += other.behindPlan;
    this.annualPlan += other.annualPlan;
    this.ytdPlan += other.ytdPlan;
    this.ytdActual += other.ytdActual;
    this.shortfall += other.shortfall;
    this.forecast += other.forecast;
    this.forecastCount += other.forecastCount;
    this.annualPlanWithForecast += other.annualPlanWithForecast;
    this.forecastWithAnnualPlan += other.forecastWithAnnualPlan;
    this.annualPlanWithActual += other.annualPlanWithActual;
    this.actualWithAnnualPlan += other.actualWithAnnualPlan;
    this.problemRows += other.problemRows;
    for (let b = 0; b < this.flagCounts.length; b++) this.flagCounts[b] += other.flagCounts[b];
    return this;
  }

  summary(group: string): GroupSummary {
    const flags = {} as Record<FlagName, number>;
    FLAG_NAMES.forEach((name, b) => {
      flags[name] = this.flagCounts[b];
    });
    return {
      group,
      organisations: this.organisations,
      compared: this.compared,
      behindPlan: this.behindPlan,
      behindPlanShare: this.compared > 0 ? this.behindPlan / this.compared : null,
      annualPlan: this.annualPlan,
      ytdPlan: this.ytdPlan,
      ytdActual: this.ytdActual,
      variance: this.ytdActual - this.ytdPlan,
      shortfall: this.shortfall,
      deliveryPct: shareOf(this.ytdActual, this.ytdPlan),
      progressPct: shareOf(this.actualWithAnnualPlan, this.annualPlanWithActual),
      forecast: this.forecast,
      forecastCount: this.forecastCount,
      annualPlanWithForecast: this.annualPlanWithForecast,
      forecastWithAnnualPlan: this.forecastWithAnnualPlan,
      flags,
      problemRows: this.problemRows,
    };
  }
}

/**
 * part / whole, null when the whole is 0, NaN when either sum overflowed: 5 / Infinity would
 * otherwise read as a plausible 0%, where the share cannot be known.
 */
function shareOf(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Number.isFinite(part) && Number.isFinite(whole) ? part / whole : NaN;
}

export interface Rollup {
  readonly total: GroupSummary;
  /** In order of first appearance in the tracker. */
  readonly groups: readonly GroupSummary[];
}

/** The roll-up's group for rows whose group cell is blank. */
export const NO_GROUP = "(no group)";

/**
 * Builds the roll-up as rows stream past, so a million rows need no second pass. Each row is added
 * to its group only; the total is the groups' sums added up at the end.
 */
export class RollupBuilder {
  private readonly byGroup: Accumulator[] = [];
  private readonly names: string[] = [];
  private readonly ids = new Map<string, number>();

  /** The group's id, registering it on first sight; ids follow first appearance. */
  groupId(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
      this.byGroup.push(new Accumulator());
    }
    return id;
  }

  add(groupId: number, r: RollupRow): void {
    this.byGroup[groupId].add(r);
  }

  finish(totalLabel = "All organisations"): Rollup {
    const total = this.byGroup.reduce((sum, group) => sum.merge(group), new Accumulator());
    return {
      total: total.summary(totalLabel),
      groups: this.byGroup.map((acc, id) => acc.summary(this.names[id])),
    };
  }
}

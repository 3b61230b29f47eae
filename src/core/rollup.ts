import type { RowResult } from "./analyseRow";
import { FLAG_NAMES, FLAGS, type FlagName } from "./flags";
import type { Num } from "./problem";

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
  /** Σ actual / Σ plan, or null when Σ plan is 0. */
  readonly deliveryPct: number | null;
  /**
   * Σ YTD actual / Σ annual plan over organisations with both: the share of the year's target
   * delivered so far ("North delivered 47% of its £1.6bn full-year target in six months").
   */
  readonly progressPct: number | null;
  readonly forecast: number;
  /** Organisations with a forecast (the one in use), and their annual plans: for "forecast to deliver all but 9%". */
  readonly forecastCount: number;
  readonly annualPlanWithForecast: number;
  readonly flags: Readonly<Record<FlagName, number>>;
  /** Rows with at least one problem (a bad cell, a zero denominator, a negative plan). */
  readonly problemRows: number;
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
  annualPlanWithActual = 0;
  actualWithAnnualPlan = 0;
  problemRows = 0;
  readonly flagCounts = new Float64Array(FLAG_NAMES.length);

  add(annual: Num, r: RowResult, hasProblem: boolean): void {
    this.organisations++;
    if (hasProblem) this.problemRows++;
    // A negative plan is invalid (the row lists it as a problem); it must not shrink the totals.
    if (typeof annual === "number" && annual < 0) annual = null;
    if (typeof annual === "number") this.annualPlan += annual;
    const plan = r.ytdPlanUsed;
    const actual = r.ytdActualUsed;
    if (typeof plan === "number" && typeof actual === "number" && typeof r.shortfall === "number") {
      this.compared++;
      this.ytdPlan += plan;
      this.ytdActual += actual;
      this.shortfall += r.shortfall;
      if (r.flags & FLAGS.BEHIND_PLAN) this.behindPlan++;
    }
    if (typeof annual === "number" && typeof actual === "number") {
      this.annualPlanWithActual += annual;
      this.actualWithAnnualPlan += actual;
    }
    const f = r.forecastUsed;
    if (typeof f === "number") {
      this.forecast += f;
      this.forecastCount++;
      if (typeof annual === "number") this.annualPlanWithForecast += annual;
    }
    const flags = r.flags;
    if (flags !== 0) for (let b = 0; b < FLAG_BITS.length; b++) if (flags & FLAG_BITS[b]) this.flagCounts[b]++;
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
      deliveryPct: this.ytdPlan !== 0 ? this.ytdActual / this.ytdPlan : null,
      progressPct: this.annualPlanWithActual !== 0 ? this.actualWithAnnualPlan / this.annualPlanWithActual : null,
      forecast: this.forecast,
      forecastCount: this.forecastCount,
      annualPlanWithForecast: this.annualPlanWithForecast,
      flags,
      problemRows: this.problemRows,
    };
  }
}

export interface Rollup {
  readonly total: GroupSummary;
  /** In order of first appearance in the tracker. */
  readonly groups: readonly GroupSummary[];
}

/** Builds the roll-up as rows stream past, so a million rows need no second pass. */
export class RollupBuilder {
  private readonly total = new Accumulator();
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

  groupName(id: number): string {
    return this.names[id];
  }

  add(groupId: number, annualPlan: Num, r: RowResult, hasProblem: boolean): void {
    this.total.add(annualPlan, r, hasProblem);
    if (groupId >= 0) this.byGroup[groupId].add(annualPlan, r, hasProblem);
  }

  finish(totalLabel = "All organisations"): Rollup {
    return {
      total: this.total.summary(totalLabel),
      groups: this.byGroup.map((acc, id) => acc.summary(this.names[id])),
    };
  }
}

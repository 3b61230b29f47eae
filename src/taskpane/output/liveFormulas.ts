// Live formulas: one formula per output column, in the first data row, spilling over every data
// row, built on the CIP.* functions so that the workbook shows where each figure comes from and
// recalculates with the add-in loaded. Each CIP.* function is the core's own function for the
// metric (functions.ts), so a column is written with one only where that function is the metric the
// values mode writes; the inputs around it are plain dynamic-array Excel:
// - A unit conversion is IF(r="","",r*factor): multiplying a range outright would turn blank cells
//   into 0, which the core never does.
// - CIP.DELIVERY is a plain share with no sign check on its numerator; where the core's metric
//   requires the numerator not to be negative (annual plan in CIP % of turnover, unidentified
//   savings in the unidentified share), the range is wrapped so a negative cell is #NUM! first.
// - YTD actual added up from monthly actuals has no CIP.* function (CIP.YTDPLAN refuses negative
//   months, which are reversals in actuals): it is a plain sum, written out month by month.
// - Every column reaches a function as IF(r="","",r), never as a bare range: Excel on Windows
//   hands a function each empty cell of a bare range as 0.
// - A RAG with equal cut-offs where lower is better cannot be given to CIP.RAG (equal cut-offs read
//   as "higher is better"), nor one with a cut-off of 0 (read as "not given"), so those are an
//   ordinary MATCH over the cut-offs.
// - Flags: none. CIP.FLAGS applies the default thresholds only, knows only the five delivery
//   flags, and returns an error for a negative plan or a bad surplus cell where the core simply
//   leaves the flag unset, so it is not the core's Flags column. The task pane writes that column's
//   portable formula row by row instead (outputPlan.ts), which is live all the same.
// Where the inputs hold text or errors, the same differences as for portable formulas apply (see
// portableFormulas.ts), and a custom function returns #VALUE! for input errors other than #DIV/0!,
// #N/A, #NUM!, #VALUE! and #NULL! (excelValue.ts).
import { ACTUAL_MONTH_FIELDS, PLAN_MONTH_FIELDS, type Field, type NumericField } from "../../core/fields";
import type { Settings } from "../../core/settings";
import type { OutputColumn } from "./outputColumns";
import { usesActualMonths, usesPlanMonths } from "../../core/trackerLayout";
import { lit, monthRuns, NUM_ERROR, ragFormula, type FormulaLayout, type RagRule } from "./portableFormulas";

export type { FormulaLayout } from "./portableFormulas";

/** functions.ts's names for the forecast methods (forecastMethod.ts). */
const METHOD_WORD: Readonly<Record<Settings["forecastMethod"], string>> = {
  deliveryRatio: "ratio",
  remainingPlan: "plan",
  runRate: "runrate",
};

/** A range times its unit factor; the range itself when the factor is 1. */
const times = (range: string, factor: number): string => (factor === 1 ? range : `${range}*${lit(factor)}`);

/**
 * CIP.RAG where it reads the cut-offs as the settings mean them, else the MATCH over the cut-offs:
 * CIP.RAG takes equal cut-offs as "higher is better" and a cut-off of 0 as not given (an empty
 * cut-off cell arrives as 0 on Windows), so neither may reach it.
 */
function rag(value: string, rule: RagRule): string {
  const { greenAt, amberAt } = rule.bands;
  const readsAsMeant = rule.higherIsBetter ? greenAt >= amberAt : greenAt < amberAt;
  if (!readsAsMeant || greenAt === 0 || amberAt === 0) return ragFormula(value, rule);
  return `CIP.RAG(${value},${lit(greenAt)},${lit(amberAt)})`;
}

class LiveFormulas {
  private readonly k: number;

  constructor(
    private readonly layout: FormulaLayout,
    private readonly s: Settings,
    private readonly hasForecastColumn: boolean,
  ) {
    this.k = s.monthsElapsed;
  }

  private has(field: Field): boolean {
    return this.layout.columns[field] !== undefined;
  }

  /** The data rows of a column: D2:D73, 'Tracker data'!D2:D73. */
  private range(field: Field): string {
    const spec = this.layout.columns[field] as string;
    const letters = spec.slice(spec.lastIndexOf("!") + 1);
    return `${spec}${this.layout.firstRow}:${letters}${this.layout.lastRow}`;
  }

  private factor(field: NumericField): number {
    return this.layout.factors?.[field] ?? 1;
  }

  /**
   * A column in the working unit, blanks kept blank, with the factor 1 too: Excel on Windows hands
   * a function a bare range's empty cells as 0, which no function can tell from a typed 0, where
   * IF(r="","",r) hands it "". An unmapped field is an empty text: blank.
   */
  amount(field: NumericField): string {
    if (!this.has(field)) return '""';
    const r = this.range(field);
    return `IF(${r}="","",${times(r, this.factor(field))})`;
  }

  /** As `amount`, a negative cell made #NUM! (the core's nonNegative). */
  private nonNegative(field: NumericField): string {
    if (!this.has(field)) return '""';
    const r = this.range(field);
    const f = this.factor(field);
    return `IF(${r}="","",IF(${r}<0,${NUM_ERROR},${times(r, f)}))`;
  }

  /** The twelve plan months as one n×12 argument for CIP.YTDPLAN. */
  private phasing(): string {
    const runs = monthRuns(this.layout, PLAN_MONTH_FIELDS);
    if (runs.length === 1) {
      const { first, last, factor } = runs[0];
      const r = `${first}${this.layout.firstRow}:${last.slice(last.lastIndexOf("!") + 1)}${this.layout.lastRow}`;
      return `IF(${r}="","",${times(r, factor)})`;
    }
    // Columns apart (or in different units) are put side by side; IF keeps an empty cell blank,
    // where CHOOSE alone would make it 0.
    const months = PLAN_MONTH_FIELDS.map((f) => {
      const r = this.range(f);
      const factor = this.factor(f);
      return `IF(${r}="","",${times(r, factor)})`;
    });
    return `CHOOSE({${PLAN_MONTH_FIELDS.map((_, i) => i + 1).join(",")}},${months.join(",")})`;
  }

  /** The YTD plan used: the column, where blank the phasing (analyseRow). */
  plan(): string {
    const fromPhasing = usesPlanMonths(this.layout.columns) ? `CIP.YTDPLAN(${this.phasing()},${this.k})` : null;
    if (fromPhasing === null) return this.amount("ytdPlan");
    if (!this.has("ytdPlan")) return fromPhasing;
    const r = this.range("ytdPlan");
    const f = this.factor("ytdPlan");
    return `IF(${r}="",${fromPhasing},${times(r, f)})`;
  }

  /**
   * The YTD actual used: the column, where blank the months to date (phasing.ts sumMonths: an
   * error in a month to date first, blank when no month holds a number; 0×sum passes the error on).
   */
  actual(): string {
    if (!usesActualMonths(this.layout.columns, this.k)) return this.amount("ytdActual");
    const toDate = ACTUAL_MONTH_FIELDS.slice(0, this.k).map((f) => {
      const r = this.range(f);
      const factor = this.factor(f);
      return `IF(${r}="",0,${times(r, factor)})`;
    });
    const sum = toDate.join("+");
    const count = ACTUAL_MONTH_FIELDS.filter((f) => this.has(f))
      .map((f) => `ISNUMBER(${this.range(f)})`)
      .join("+");
    const fromMonths = `IF(0*(${sum})+${count}=0,"",${sum})`;
    if (!this.has("ytdActual")) return fromMonths;
    const r = this.range("ytdActual");
    const f = this.factor("ytdActual");
    return `IF(${r}="",${fromMonths},${times(r, f)})`;
  }

  forecastUsed(): string {
    if (this.s.forecastBasis === "reported" && this.hasForecastColumn) {
      if (!this.has("forecast")) {
        throw new Error("The tracker has a forecast column, but the formula layout does not say where it is.");
      }
      // The reported forecast as read: a bare range would show its empty cells as 0.
      return this.amount("forecast");
    }
    const method = METHOD_WORD[this.s.forecastMethod];
    return `CIP.FORECAST(${this.amount("annualPlan")},${this.plan()},${this.actual()},"${method}",${this.k})`;
  }

  column(column: OutputColumn): string | null {
    const s = this.s;
    switch (column.id) {
      case "variance":
        return `CIP.VARIANCE(${this.plan()},${this.actual()})`;
      case "shortfall":
        return `CIP.SHORTFALL(${this.plan()},${this.actual()})`;
      case "shortfallPct":
        return `CIP.SHORTFALLPCT(${this.plan()},${this.actual()})`;
      case "deliveryPct":
        return this.deliveryPct();
      case "progressPct":
        return `CIP.DELIVERY(${this.actual()},${this.amount("annualPlan")})`;
      case "forecast":
        return this.forecastUsed();
      case "forecastShortfallPct":
        return this.forecastShortfallPct();
      case "deliveryRag":
        // Higher is better and the green cut-off is never below the amber one (settings.ts), which
        // is how CIP.RAG reads green_at ≥ amber_at.
        return rag(this.deliveryPct(), { bands: s.deliveryRag, higherIsBetter: true });
      case "forecastRag":
        return rag(this.forecastShortfallPct(), { bands: s.forecastShortfallRag, higherIsBetter: false });
      case "cipOfTurnover":
        return `CIP.DELIVERY(${this.nonNegative("annualPlan")},${this.amount("turnover")})`;
      case "nonRecurrentShare":
        return `CIP.NRSHARE(${this.amount("recurrent")},${this.amount("nonRecurrent")})`;
      case "unidentifiedShare":
        return `CIP.DELIVERY(${this.nonNegative("unidentified")},${this.amount("annualPlan")})`;
      case "flags":
      case "notes":
      case "riskAdjusted":
      case "riskBasis":
        return null;
    }
  }

  private deliveryPct(): string {
    return `CIP.DELIVERY(${this.actual()},${this.plan()})`;
  }

  private forecastShortfallPct(): string {
    return `CIP.SHORTFALLPCT(${this.amount("annualPlan")},${this.forecastUsed()})`;
  }
}

/**
 * One formula per column ("=..."), placed in the first data row, spilling down over all data
 * rows; null for columns with no CIP.* form (flags: write the portable formula; notes: values).
 */
export function liveFormulaFor(
  column: OutputColumn,
  layout: FormulaLayout,
  settings: Settings,
  hasForecastColumn: boolean,
): string | null {
  const body = new LiveFormulas(layout, settings, hasForecastColumn).column(column);
  return body === null ? null : `=${body}`;
}

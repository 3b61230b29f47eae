// Portable formulas: ordinary Excel formulas that give the core's numbers in a workbook opened
// without the add-in, so a reviewer can check every figure and the sheet still recalculates when
// an input is corrected. Only functions every Excel since 2010 has are used (IF, OR, AND, IFERROR,
// ISNUMBER, N, MAX, MIN, SUM, COUNT, SQRT, MATCH, CHOOSE, MID, array constants); no LET, so a
// sub-result needed twice (the YTD plan added up from the phasing) is written out twice.
//
// How they follow the core (analyseRow.ts and the files it calls):
// - Each result is IF(OR(<stop per input>),"",<arithmetic>), the inputs in the order the core's
//   `blocker` looks at them. A stop is TRUE for a blank, FALSE for a number and an error for a
//   problem; OR returns the first error among its arguments, so the first problem wins over any
//   blank, as in the core. A plan that cannot be negative stops with SQRT(-1) (#NUM!) when it is.
// - A zero denominator is left to Excel's own #DIV/0!, which is the core's divideByZero.
// - Money is in the working unit: each input is multiplied by its unit's factor, both worked out
//   by the core's own rules (trackerLayout.ts), as are the monthly columns used.
// - Cut-offs (RAG bands, flag thresholds) are constants with the core's tolerance of a billionth
//   (compare.ts, imported, not restated) already applied, so a value on a cut-off falls on the same side as in the core.
//
// Where they can differ from the core, all in input cells that hold something other than a number
// or an empty cell:
// - Text. The core reads numbers typed as text ("£1,234", "(5)", "12%") and treats text that is
//   only spaces as blank; Excel's arithmetic converts only some of these (it depends on the
//   locale) and gives #VALUE! for the rest, and SUM/MIN/COUNT over the phasing ignore text where
//   the core reports #VALUE!. Flags treat any text as "no number", where the core may parse it.
// - Errors. Excel's error is the input's own; the add-in returns #VALUE! for the errors custom
//   functions cannot return, but that concerns live formulas only. When one phasing month holds an
//   error and an earlier one is negative, Excel reports the error and the core #NUM!.
// - Overflow. Results beyond ±1.8e308 are #NUM! in both, but which input's error wins may differ.
// - Constants are written with up to 17 significant digits; Excel keeps 15, which moves a cut-off
//   by less than 1e-15 relative.
import { columnLetter, parseColumn } from "../../core/excelConventions";
import { sheetPrefix } from "../geometry/rect";
import { ACTUAL_MONTH_FIELDS, PLAN_MONTH_FIELDS, type Field, type NumericField } from "../../core/fields";
import { aboveLimit, belowLimit, RELATIVE_TOLERANCE } from "../../core/compare";
import { FLAGS, type FlagName } from "../../core/flags";
import type { Bands, Settings } from "../../core/settings";
import { unitFactors, usesActualMonths, usesPlanMonths, type TrackerLayout } from "../../core/trackerLayout";
import type { OutputColumn } from "./outputColumns";

/** Where the inputs of the tracker are, for building formulas. */
export interface FormulaLayout {
  /**
   * Field -> the input column's letter(s) as used in a formula, e.g. "D", or with sheet prefix
   * "'Tracker data'!D" when the output is on another sheet.
   */
  readonly columns: Partial<Record<Field, string>>;
  /**
   * Factor that turns each numeric field's unit into the tracker's working unit (the analysis
   * unit, see trackerLayout.ts); 1 or absent when the same.
   */
  readonly factors?: Partial<Record<NumericField, number>>;
  /** Sheet row numbers of the first and last data rows (the header is above the first). */
  readonly firstRow: number;
  readonly lastRow: number;
}

/**
 * The FormulaLayout of a tracker as the core reads it (recogniseColumns' mapping): letters from
 * the 0-based indices (`firstColumn` is the sheet column of index 0), factors by the rule the
 * analysis uses (trackerLayout.ts), so the formulas convert units exactly as the analysis does.
 */
export function formulaLayout(
  tracker: TrackerLayout,
  rows: { firstRow: number; lastRow: number; firstColumn?: number; sheet?: string },
): FormulaLayout {
  const prefix = rows.sheet === undefined ? "" : sheetPrefix(rows.sheet);
  const columns: Partial<Record<Field, string>> = {};
  for (const [field, index] of Object.entries(tracker.columns) as [Field, number][]) {
    columns[field] = prefix + columnLetter(index + (rows.firstColumn ?? 0));
  }
  return { columns, factors: unitFactors(tracker), firstRow: rows.firstRow, lastRow: rows.lastRow };
}

// ---------------------------------------------------------------------------------------------
// Building blocks shared with liveFormulas.ts.

/** A number as a formula constant; JavaScript's shortest exact form, which Excel parses. */
export const lit = (x: number): string => String(x);

/** The #NUM! of a negative plan, made without a function Excel 2010 lacks. */
export const NUM_ERROR = "SQRT(-1)";

/**
 * Month fields as runs of adjacent columns on one sheet with one factor, in month order: SUM over
 * F2:K2 instead of F2,G2,...,K2 keeps a formula short enough to read.
 */
export function monthRuns(
  layout: FormulaLayout,
  fields: readonly NumericField[],
): { first: string; last: string; factor: number; count: number }[] {
  const runs: { first: string; last: string; factor: number; count: number; prefix: string; index: number }[] = [];
  for (const f of fields) {
    const spec = layout.columns[f] as string;
    const factor = layout.factors?.[f] ?? 1;
    const parsed = parseColumn(spec);
    const run = runs[runs.length - 1];
    if (
      parsed !== null &&
      run !== undefined &&
      run.prefix === parsed.prefix &&
      run.factor === factor &&
      run.index + 1 === parsed.index
    ) {
      run.last = parsed.prefix + parsed.letters;
      run.index = parsed.index;
      run.count++;
    } else {
      runs.push({ first: spec, last: spec, factor, count: 1, prefix: parsed?.prefix ?? "\u0001", index: parsed?.index ?? -2 });
    }
  }
  return runs.map(({ first, last, factor, count }) => ({ first, last, factor, count }));
}

/** How one result of the core relates to its inputs, for formulas in either mode. */
export interface RagRule {
  readonly bands: Bands;
  readonly higherIsBetter: boolean;
}

/**
 * RAG text for a value that is a number, "" or an error. MATCH over the cut-offs reads the value
 * once, where nested IFs would repeat its formula. Higher is better: green from the green cut-off
 * up, amber from the amber one up, red below; lower is better: green up to the green cut-off,
 * amber up to the amber one, red above. Equal cut-offs leave no amber band.
 */
export function ragFormula(value: string, rule: RagRule): string {
  const { greenAt, amberAt } = rule.bands;
  if (rule.higherIsBetter) {
    const g = belowLimit(greenAt);
    const a = belowLimit(amberAt);
    const pick =
      g === a
        ? `CHOOSE(MATCH(${value},{-1e+308,${lit(g)}},1),"Red","Green")`
        : `CHOOSE(MATCH(${value},{-1e+308,${lit(a)},${lit(g)}},1),"Red","Amber","Green")`;
    return `IF(${value}="","",${pick})`;
  }
  const g = aboveLimit(greenAt);
  const a = aboveLimit(amberAt);
  const pick =
    g === a
      ? `CHOOSE(MATCH(${value},{1e+308,${lit(g)}},-1),"Red","Green")`
      : `CHOOSE(MATCH(${value},{1e+308,${lit(a)},${lit(g)}},-1),"Red","Amber","Green")`;
  return `IF(${value}="","",${pick})`;
}

// ---------------------------------------------------------------------------------------------
// Portable formulas, one row at a time.

/** Stands for the row number while a formula is built; split on once, so each row is a join. */
const ROW = "\u0000";

/**
 * One input or intermediate result in a formula: `num` is its value wherever it is a number;
 * `stop` is TRUE for a blank, FALSE for a number and the error for a problem; `stopNonNegative`
 * is `stop` with a negative value turned into #NUM! (the core's nonNegative).
 */
interface Value {
  readonly num: string;
  readonly stop: string;
  readonly stopNonNegative: string;
  /** TRUE exactly when it is a number (on the cell itself: a blank times a factor is 0). */
  readonly isNumber: string;
}

/** An input the tracker does not have: always blank. */
const ABSENT: Value = { num: "0", stop: "TRUE", stopNonNegative: "TRUE", isNumber: "FALSE" };

/**
 * A cell in the working unit. The product is bracketed so that its factor stays with its cell
 * wherever it lands: C2/J2*1000 would divide by J2 and then multiply, a factor of a million off.
 */
const scaled = (ref: string, factor: number): string => (factor === 1 ? ref : `(${ref}*${lit(factor)})`);

function cellValue(ref: string, factor: number): Value {
  return {
    num: scaled(ref, factor),
    stop: `${ref}=""`,
    // The factor is positive, so the sign can be tested on the cell as it is.
    stopNonNegative: `IF(${ref}<0,${NUM_ERROR},${ref}="")`,
    isNumber: `ISNUMBER(${ref})`,
  };
}

function computed(formula: string): Value {
  return {
    num: formula,
    stop: `${formula}=""`,
    stopNonNegative: `IF(${formula}<0,${NUM_ERROR},${formula}="")`,
    isNumber: `ISNUMBER(${formula})`,
  };
}

/** `calc`, or "" when an input is blank, or the first input's error: the core's `blocker`. */
function guard(stops: readonly string[], calc: string): string {
  const live = stops.filter((s) => s !== "TRUE");
  const result = live.length < stops.length ? '""' : calc;
  if (live.length === 0) return result;
  return `IF(${live.length === 1 ? live[0] : `OR(${live.join(",")})`},"",${result})`;
}

/** The formulas of one tracker's row results, with ROW for the row number. */
class RowFormulas {
  private readonly k: number;
  readonly plan: Value;
  readonly actual: Value;
  readonly annual: Value;
  readonly planMonths: boolean;

  constructor(
    private readonly layout: FormulaLayout,
    private readonly s: Settings,
    private readonly hasForecastColumn: boolean,
  ) {
    this.k = s.monthsElapsed;
    this.planMonths = usesPlanMonths(layout.columns);
    this.annual = this.input("annualPlan");
    this.plan = this.withFallback("ytdPlan", this.planMonths ? this.planToDateFromPhasing() : null);
    this.actual = this.withFallback("ytdActual", usesActualMonths(layout.columns, this.k) ? this.actualToDateFromMonths() : null);
  }

  input(field: NumericField): Value {
    const spec = this.layout.columns[field];
    return spec === undefined ? ABSENT : cellValue(spec + ROW, this.layout.factors?.[field] ?? 1);
  }

  /** The column's cell, or where it is blank the months' sum (analyseRow: `x.ytdPlan === null`). */
  private withFallback(field: NumericField, fromMonths: string | null): Value {
    const spec = this.layout.columns[field];
    if (fromMonths === null) return this.input(field);
    if (spec === undefined) return computed(fromMonths);
    const ref = spec + ROW;
    return computed(`IF(${ref}="",${fromMonths},${scaled(ref, this.layout.factors?.[field] ?? 1)})`);
  }

  private refs(fields: readonly NumericField[]): string {
    return monthRuns(this.layout, fields)
      .map((r) => (r.count === 1 ? r.first + ROW : `${r.first}${ROW}:${r.last.slice(r.last.lastIndexOf("!") + 1)}${ROW}`))
      .join(",");
  }

  private sum(fields: readonly NumericField[]): string {
    const byFactor = new Map<number, NumericField[]>();
    for (const f of fields) {
      const factor = this.layout.factors?.[f] ?? 1;
      byFactor.set(factor, [...(byFactor.get(factor) ?? []), f]);
    }
    const parts = [...byFactor].map(([factor, group]) => scaled(`SUM(${this.refs(group)})`, factor));
    return parts.length === 1 ? parts[0] : `(${parts.join("+")})`;
  }

  private mappedActualMonths(): NumericField[] {
    return ACTUAL_MONTH_FIELDS.filter((f) => this.layout.columns[f] !== undefined);
  }

  /**
   * phasing.ts sumMonths: an error or a negative month to date first; blank when no month of the
   * year holds a number; else the months to date, blanks counting as nothing planned.
   */
  private planToDateFromPhasing(): string {
    const toDate = PLAN_MONTH_FIELDS.slice(0, this.k);
    return `IF(MIN(${this.refs(toDate)})<0,${NUM_ERROR},IF(COUNT(${this.refs(PLAN_MONTH_FIELDS)})=0,"",${this.sum(toDate)}))`;
  }

  /** As the plan, negative months allowed (reversals); 0×SUM passes on an error in the months to date. */
  private actualToDateFromMonths(): string {
    const toDate = ACTUAL_MONTH_FIELDS.slice(0, this.k);
    const sum = this.sum(toDate);
    return `IF(COUNT(${this.refs(this.mappedActualMonths())})+0*(${sum})=0,"",${sum})`;
  }

  /** Plan months 7-12 as a share of the annual plan (phasing.ts h2ShareOfAnnualPlan). */
  private h2ShareOfAnnualPlan(): string {
    const h2 = PLAN_MONTH_FIELDS.slice(6);
    const months = computed(
      `IF(MIN(${this.refs(h2)})<0,${NUM_ERROR},IF(COUNT(${this.refs(PLAN_MONTH_FIELDS)})=0,"",${this.sum(h2)}))`,
    );
    return guard([months.stop, this.annual.stopNonNegative], `${months.num}/${this.annual.num}`);
  }

  /** The projection by the forecast method, or the reported forecast (analyseRow: forecastUsed). */
  forecastUsed(): string {
    const { annual: n, plan: p, actual: a } = this;
    if (this.s.forecastBasis === "reported" && this.hasForecastColumn) {
      if (this.layout.columns.forecast === undefined) {
        throw new Error("The tracker has a forecast column, but the formula layout does not say where it is.");
      }
      const f = this.input("forecast");
      return guard([f.stop], f.num);
    }
    const remaining = `MAX(${n.num}-${p.num},0)`;
    switch (this.s.forecastMethod) {
      case "runRate":
        return guard([a.stop], `${a.num}*12/${this.k}`);
      case "remainingPlan":
        return guard([n.stopNonNegative, p.stopNonNegative, a.stop], `${a.num}+${remaining}`);
      case "deliveryRatio":
        // formulas.ts deliveryRatioForecastOf, in the same order of operations.
        return guard(
          [n.stopNonNegative, p.stopNonNegative, a.stop],
          `IF(${remaining}=0,${a.num},IF(${p.num}=0,${a.num}+${remaining},${a.num}+${a.num}/${p.num}*${remaining}))`,
        );
    }
  }

  deliveryPct(): string {
    return guard([this.plan.stopNonNegative, this.actual.stop], `${this.actual.num}/${this.plan.num}`);
  }

  forecastShortfallPct(): string {
    const f = computed(this.forecastUsed());
    return guard([this.annual.stopNonNegative, f.stop], `MAX(${this.annual.num}-${f.num},0)/${this.annual.num}`);
  }

  nonRecurrentShare(): string {
    const r = this.input("recurrent");
    const nr = this.input("nonRecurrent");
    return guard([r.stopNonNegative, nr.stopNonNegative], `${nr.num}/(${r.num}+${nr.num})`);
  }

  unidentifiedShare(): string {
    const u = this.input("unidentified");
    return guard([this.annual.stopNonNegative, u.stopNonNegative], `${u.num}/${this.annual.num}`);
  }

  /** The formula of a column, without the "=". */
  column(column: OutputColumn): string | null {
    const { plan: p, actual: a, annual: n } = this;
    switch (column.id) {
      case "variance":
        return guard([p.stopNonNegative, a.stop], `${a.num}-${p.num}`);
      case "shortfall":
        return guard([p.stopNonNegative, a.stop], `MAX(${p.num}-${a.num},0)`);
      case "shortfallPct":
        return guard([p.stopNonNegative, a.stop], `MAX(${p.num}-${a.num},0)/${p.num}`);
      case "deliveryPct":
        return this.deliveryPct();
      case "progressPct":
        return guard([n.stopNonNegative, a.stop], `${a.num}/${n.num}`);
      case "forecast":
        return this.forecastUsed();
      case "forecastShortfallPct":
        return this.forecastShortfallPct();
      case "deliveryRag":
        return ragFormula(this.deliveryPct(), { bands: this.s.deliveryRag, higherIsBetter: true });
      case "forecastRag":
        return ragFormula(this.forecastShortfallPct(), { bands: this.s.forecastShortfallRag, higherIsBetter: false });
      case "flags":
        return this.flags();
      case "cipOfTurnover": {
        const t = this.input("turnover");
        return guard([t.stopNonNegative, n.stopNonNegative], `${n.num}/${t.num}`);
      }
      case "nonRecurrentShare":
        return this.nonRecurrentShare();
      case "unidentifiedShare":
        return this.unidentifiedShare();
      case "notes":
      case "riskAdjusted":
      case "riskBasis":
        return null;
    }
  }

  /**
   * flags.ts flagsOf and flagText: each flag ", NAME" or "", joined, the first separator dropped.
   * A flag needs its inputs to be numbers; an error in one leaves the flag unset (IFERROR), as NaN
   * does in the core. The flags in `fixed.mask` are not tested: each is the constant `fixed.flags` says.
   */
  flags(fixed: FixedFlags = { flags: 0, mask: 0 }): string {
    const s = this.s;
    const mapped = (...fields: Field[]) => fields.every((f) => this.layout.columns[f] !== undefined);
    const hasPlan = this.planMonths || mapped("ytdPlan");
    const hasActual = mapped("ytdActual") || usesActualMonths(this.layout.columns, this.k);
    const { plan: p, actual: a, annual: n } = this;
    const below = (value: string, share: number, of: string) => {
      const limit = share === 1 ? of : `${lit(share)}*${of}`;
      // isBelow(value, limit); the limit is never negative where the test counts.
      return `${value}<${limit}-${lit(RELATIVE_TOLERANCE)}*MAX(${limit},1)`;
    };
    const onPlan = [p.isNumber, a.isNumber, `${p.num}>=0`];
    const onAnnual = [n.isNumber, a.isNumber, `${n.num}>=0`];
    const sd = this.input("surplusDeficit");
    const tests: Partial<Record<FlagName, readonly string[]>> = {};
    if (hasPlan && hasActual) {
      tests.BEHIND_PLAN = [...onPlan, below(a.num, 1, p.num)];
      tests.SEVERELY_BEHIND = [...onPlan, below(a.num, s.severelyBehindBelow, p.num)];
    }
    if (mapped("annualPlan") && hasActual) tests.UNDER_FIFTH = [...onAnnual, below(a.num, s.underFifthBelow, n.num)];
    if (mapped("surplusDeficit")) tests.DEFICIT = [sd.isNumber, `${sd.num}<0`];
    if (tests.SEVERELY_BEHIND && tests.UNDER_FIFTH && tests.DEFICIT) {
      tests.DISTRESS = [...tests.SEVERELY_BEHIND, ...tests.UNDER_FIFTH.filter((t) => t !== a.isNumber), ...tests.DEFICIT];
    }
    // The shares' cut-offs are above 0, so N() turning a blank share into 0 never raises a flag.
    const above = (share: string, threshold: number) => [`N(${share})>${lit(aboveLimit(threshold))}`];
    if (mapped("recurrent", "nonRecurrent")) tests.HIGH_NON_RECURRENT = above(this.nonRecurrentShare(), s.highNonRecurrentAbove);
    if (mapped("annualPlan", "unidentified")) tests.HIGH_UNIDENTIFIED = above(this.unidentifiedShare(), s.highUnidentifiedAbove);
    if (this.planMonths) tests.BACK_LOADED = above(this.h2ShareOfAnnualPlan(), s.backLoadedAbove);
    const terms = (Object.keys(FLAGS) as FlagName[]).flatMap((name) => {
      if ((fixed.mask & FLAGS[name]) !== 0) return (fixed.flags & FLAGS[name]) !== 0 ? [`", ${name}"`] : [];
      const test = tests[name];
      if (test === undefined) return [];
      const condition = test.length === 1 ? test[0] : `AND(${test.join(",")})`;
      return [`IFERROR(IF(${condition},", ${name}",""),"")`];
    });
    return terms.length === 0 ? '""' : `MID(${terms.join("&")},3,255)`;
  }
}

/**
 * The portable formula of an output column, compiled once, called per row: (sheet row) => "=...".
 * Null for a column that has no formula form (notes: written as values).
 */
export function portableFormulaFor(
  column: OutputColumn,
  layout: FormulaLayout,
  settings: Settings,
  hasForecastColumn: boolean,
): ((sheetRow: number) => string) | null {
  const body = new RowFormulas(layout, settings, hasForecastColumn).column(column);
  return body === null ? null : perRow(body);
}

/** Flags given as constants rather than tested: those in `mask`, set where `flags` sets them. */
export interface FixedFlags {
  readonly flags: number;
  readonly mask: number;
}

/** The Flags column's portable formula with some flags fixed (a scheme row's organisation's: organisationColumns.ts). */
export function portableFlagsFormula(layout: FormulaLayout, settings: Settings, fixed: FixedFlags): (sheetRow: number) => string {
  return perRow(new RowFormulas(layout, settings, false).flags(fixed));
}

/** A formula body with ROW for the row number, as (sheet row) => "=...". */
function perRow(body: string): (sheetRow: number) => string {
  const parts = `=${body}`.split(ROW);
  if (parts.length === 1) {
    const constant = parts[0];
    return () => constant;
  }
  return (sheetRow: number) => parts.join(String(sheetRow));
}

/**
 * A row's annual plan, YTD plan used and YTD actual used as formula parts in the working unit, for
 * the scheme register's columns (schemeColumns.ts); `at` puts the sheet row into a formula built on them.
 */
export function rowAmountFormulas(
  layout: FormulaLayout,
  settings: Settings,
): { annualIsNumber: string; annual: string; plan: string; actual: string; at(formula: string, sheetRow: number): string } {
  const f = new RowFormulas(layout, settings, false);
  return {
    annualIsNumber: f.annual.isNumber,
    annual: f.annual.num,
    plan: f.plan.num,
    actual: f.actual.num,
    at: (formula, sheetRow) => formula.split(ROW).join(String(sheetRow)),
  };
}

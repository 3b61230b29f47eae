// Trackers made up at random, for checking the formulas the task pane writes against the core:
// any subset of the fields, each amount column in a unit of its own (£, £k, £m), cells that are
// numbers, zeros, negatives, blanks or errors, any month from 1 to 12 and every forecast choice.
// The layout is given, not recognised from headers, so every combination of units occurs.
import fc from "fast-check";
import { ACTUAL_MONTH_FIELDS, MONEY_FIELDS, PLAN_MONTH_FIELDS, type Field, type NumericField } from "../../src/core/fields";
import { DEFAULT_SETTINGS, FORECAST_BASES, FORECAST_METHODS, type Bands, type Settings } from "../../src/core/settings";
import type { TrackerLayout } from "../../src/core/trackerLayout";
import { UNITS, type Unit } from "../../src/core/units";

export interface GeneratedTracker {
  readonly header: readonly string[];
  /** Cells as the sheet holds them: "" an empty cell, "#N/A" and "#DIV/0!" error cells. */
  readonly rows: readonly (readonly unknown[])[];
  readonly tracker: TrackerLayout;
  readonly settings: Settings;
}

/** A cell as a formula engine is given it: null empty, an error made by a formula. */
export const sheetCell = (v: unknown): unknown =>
  v === "" || v === undefined ? null : v === "#N/A" ? "=NA()" : v === "#DIV/0!" ? "=1/0" : v;

const amountOf = (negatives: boolean) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 20_000 }).map((x) => x / 4) },
    { weight: 2, arbitrary: fc.constant(0) },
    { weight: negatives ? 1 : 0, arbitrary: fc.integer({ min: -500, max: -1 }) },
    { weight: 2, arbitrary: fc.constant("") },
    { weight: 1, arbitrary: fc.constantFrom("#N/A", "#DIV/0!") },
  );
const amount = amountOf(true);

/**
 * Whole month columns often come blank or all there; mix both in. No negative plan month: with an
 * error in a later month Excel shows the error where the core says #NUM! (portableFormulas.ts
 * lists this difference), which the hand-made rows of portableFormulas.test.ts cover.
 */
const months = (blankShare: number, negatives: boolean) =>
  fc.array(
    fc.oneof({ weight: 10 - blankShare, arbitrary: amountOf(negatives) }, { weight: blankShare, arbitrary: fc.constant("") }),
    { minLength: 12, maxLength: 12 },
  );

const share = fc.integer({ min: 0, max: 20 }).map((x) => x / 20);

/** Two cut-offs in either order, sometimes equal, sometimes 0. */
const bands = (higherIsBetter: boolean): fc.Arbitrary<Bands> =>
  fc.tuple(share, share).map(([a, b]) => {
    const [low, high] = a < b ? [a, b] : [b, a];
    return higherIsBetter ? { greenAt: high, amberAt: low } : { greenAt: low, amberAt: high };
  });

const settings: fc.Arbitrary<Settings> = fc
  .record({
    monthsElapsed: fc.integer({ min: 1, max: 12 }),
    forecastBasis: fc.constantFrom(...FORECAST_BASES),
    forecastMethod: fc.constantFrom(...FORECAST_METHODS),
    deliveryRag: bands(true),
    forecastShortfallRag: bands(false),
    severelyBehindBelow: share,
    underFifthBelow: share,
    highNonRecurrentAbove: share.filter((x) => x > 0),
    highUnidentifiedAbove: share.filter((x) => x > 0),
    backLoadedAbove: share.filter((x) => x > 0),
  })
  .map((s) => ({ ...DEFAULT_SETTINGS, ...s }));

const MONTH_LAYOUTS = ["none", "all", "someActuals"] as const;

export const generatedTracker: fc.Arbitrary<GeneratedTracker> = fc
  .record({
    money: fc.subarray([...MONEY_FIELDS], { minLength: 1 }),
    planMonths: fc.boolean(),
    actualMonths: fc.constantFrom(...MONTH_LAYOUTS),
    units: fc.array(fc.constantFrom<Unit>(...UNITS), { minLength: 64, maxLength: 64 }),
    settings,
    rowCount: fc.integer({ min: 1, max: 8 }),
  })
  .chain(({ money, planMonths, actualMonths, units, settings, rowCount }) => {
    const actuals = actualMonths === "all" ? 12 : actualMonths === "someActuals" ? Math.max(1, settings.monthsElapsed - 1) : 0;
    const numeric: NumericField[] = [
      ...money,
      ...(planMonths ? PLAN_MONTH_FIELDS : []),
      ...ACTUAL_MONTH_FIELDS.slice(0, actuals),
    ];
    const fields: Field[] = ["organisation", ...numeric];
    const columns = Object.fromEntries(fields.map((f, i) => [f, i])) as Partial<Record<Field, number>>;
    const unitOf = Object.fromEntries(numeric.map((f, i) => [f, units[i % units.length]])) as Partial<Record<NumericField, Unit>>;
    const row = fc
      .tuple(
        fc.array(amount, { minLength: money.length, maxLength: money.length }),
        months(planMonths ? 2 : 0, false),
        months(4, true),
      )
      .map(([m, plan, actual]) => [...m, ...(planMonths ? plan : []), ...actual.slice(0, actuals)]);
    return fc.array(row, { minLength: rowCount, maxLength: rowCount }).map((cells) => ({
      header: fields.map((f) => (f === "organisation" ? "Organisation" : `${f} ${unitOf[f as NumericField]}`)),
      rows: cells.map((c, r) => [`Org ${r + 1}`, ...c]),
      tracker: { columns, units: unitOf },
      settings,
    }));
  });

/**
 * A generated tracker (with an annual plan) made a scheme register: a scheme, stage and likelihood
 * column after the others, holding stage words known and unknown, likelihoods as shares, percentages,
 * words and out of range, and blanks; organisations repeat, as in a register.
 */
export const generatedSchemeRegister: fc.Arbitrary<GeneratedTracker> = generatedTracker
  .filter((t) => t.tracker.columns.annualPlan !== undefined)
  .chain((t) => {
    const details = fc.tuple(
      fc.constantFrom("Idea", "Planning", "BC approved", "Implementation", "Delivered", "Unidentified", "Gate 9", ""),
      fc.constantFrom<unknown>("", 0.8, 0, 1, 65, "High", "Low", "70%", 150, "maybe"),
      fc.constantFrom("Scheme A", "Scheme B", "TBI", ""),
    );
    return fc.array(details, { minLength: t.rows.length, maxLength: t.rows.length }).map((extra) => {
      const width = t.header.length;
      return {
        ...t,
        header: [...t.header, "Scheme", "Stage", "Likelihood"],
        rows: t.rows.map((row, r) => [`Org ${(r % 2) + 1}`, ...row.slice(1), extra[r][2], extra[r][0], extra[r][1]]),
        tracker: { ...t.tracker, columns: { ...t.tracker.columns, scheme: width, stage: width + 1, likelihood: width + 2 } },
      };
    });
  });

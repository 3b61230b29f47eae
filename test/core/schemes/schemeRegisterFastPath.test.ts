// analyseSchemes works a register out in one pass over the cells and then on typed columns: the
// analysis' amounts block by block (analysisAmounts.ts), duplicate names by a sort of the name
// numbers (duplicateNames.ts), the weights without an object per row. It must give exactly what
// the row-by-row version gave (referenceSchemeAnalysis.ts), so compare the two over random
// registers: repeated and blank names and organisations, unknown stages, bad likelihoods and
// RAGs, blanks, text numbers and bad amounts, phasing, every forecast setting, registers longer
// than a block, registers sorted as real ones are (cells repeating the one above), and the
// analysis on its checked path only.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseTracker, type TrackerLayout } from "../../../src/core/analyseTracker";
import { PLAN_MONTH_FIELDS } from "../../../src/core/fields";
import { BLOCK_ROWS } from "../../../src/core/rowBlock";
import { DEFAULT_SETTINGS, FORECAST_BASES, FORECAST_METHODS, type Settings } from "../../../src/core/settings";
import { DIMENSIONS, rollupBy } from "../../../src/core/schemes/dimensionRollup";
import { organisationLevel } from "../../../src/core/schemes/organisationLevel";
import { analyseSchemes } from "../../../src/core/schemes/schemeRegister";
import { DEFAULT_SCHEME_SETTINGS } from "../../../src/core/schemes/schemeSettings";
import { referenceRollup, referenceSchemeAnalysis } from "./referenceSchemeAnalysis";

const FIELDS = [
  "organisation",
  "scheme",
  "stage",
  "likelihood",
  "risk",
  "annualPlan",
  "ytdPlan",
  "ytdActual",
  "forecast",
  "fullYearEffect",
  "recurrentFullYearEffect",
  "recurrent",
  "nonRecurrent",
  "division",
  "turnover",
  "surplusDeficit",
  ...PLAN_MONTH_FIELDS,
] as const;

const amount = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 1000 }) },
  { weight: 2, arbitrary: fc.double({ min: -100, max: 1e4, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom("", null, "n/a", "#N/A", "£1,200", "(12)", 0, Infinity) },
);
const text = (...values: unknown[]) => fc.constantFrom(...values);
const cell: Record<(typeof FIELDS)[number], fc.Arbitrary<unknown>> = {
  organisation: text("Trust A", "Trust B", " Trust A ", "", null, 7),
  scheme: text("E-rostering", "Agency", "Agency ", "Unidentified", "TBI gap", "", 12),
  stage: text("Idea", "Planning", "Gate 3", "Delivered", "Unidentified", "", null, 3),
  likelihood: text("", "80%", "High", "Medium", "0.5", "150%", "maybe", 0.3, 120, "#N/A", null),
  risk: text("Green", "A", "red", "", "Purple", 2, null),
  annualPlan: amount,
  ytdPlan: amount,
  ytdActual: amount,
  forecast: amount,
  fullYearEffect: amount,
  recurrentFullYearEffect: amount,
  recurrent: amount,
  nonRecurrent: amount,
  division: text("Surgery", " Surgery", "", null, 4, "Medicine"),
  turnover: fc.constantFrom(1000, 2000, "", "£1,000", -0),
  surplusDeficit: fc.constantFrom(-50, 0, -0, "", "n/a", 20),
  ...(Object.fromEntries(PLAN_MONTH_FIELDS.map((f) => [f, amount])) as Record<
    (typeof PLAN_MONTH_FIELDS)[number],
    fc.Arbitrary<unknown>
  >),
};
const row = fc.tuple(...FIELDS.map((f) => cell[f]));

// Each field mapped or not (organisation and scheme too), money in £k or £.
const layout: fc.Arbitrary<TrackerLayout> = fc
  .record({ dropped: fc.subarray([...FIELDS], { maxLength: 5 }), pounds: fc.boolean() })
  .map(({ dropped, pounds }) => {
    const columns: Record<string, number> = {};
    const units: Record<string, string> = {};
    FIELDS.forEach((field, i) => {
      if (dropped.includes(field) && field !== "annualPlan") return;
      columns[field] = i;
      units[field] = pounds && i % 2 === 0 ? "£" : "£k";
    });
    return { columns, units } as TrackerLayout;
  });

const settings = fc.record({
  monthsElapsed: fc.integer({ min: 1, max: 12 }),
  forecastMethod: fc.constantFrom(...FORECAST_METHODS),
  forecastBasis: fc.constantFrom(...FORECAST_BASES),
});

const groupKey = (r: readonly unknown[]) =>
  ["organisation", "scheme", "stage"].map((f) => String(r[FIELDS.indexOf(f as (typeof FIELDS)[number])])).join("|");

// Short registers, or a long one that crosses block boundaries (its rows repeated, so names repeat too).
const register = fc.oneof(
  // Grouped as registers are (by organisation, scheme and stage), so cells often repeat the one above.
  fc.array(row, { minLength: 1, maxLength: 60 }).map((rows) => [...rows].sort((a, b) => groupKey(a).localeCompare(groupKey(b)))),
  fc.array(row, { minLength: 1, maxLength: 30 }),
  fc
    .array(row, { minLength: 1, maxLength: 40 })
    .map((rows) => Array.from({ length: BLOCK_ROWS + 37 }, (_, i) => rows[(i * 7) % rows.length])),
);

describe("the block-wise scheme analysis", () => {
  it("gives exactly the row-by-row analysis' columns, messages and notes", () => {
    fc.assert(
      fc.property(register, layout, settings, fc.boolean(), (rows, shape, over, checkedPathOnly) => {
        const s: Settings = { ...DEFAULT_SETTINGS, ...over };
        const analysis = analyseTracker(rows, shape, s, { checkedPathOnly });
        const fast = analyseSchemes(rows, shape, analysis, DEFAULT_SCHEME_SETTINGS);
        const reference = referenceSchemeAnalysis(rows, shape, analysis, DEFAULT_SCHEME_SETTINGS);
        for (const [key, value] of Object.entries(reference)) {
          const actual = (fast as unknown as Record<string, unknown>)[key];
          // toEqual tells NaN from NaN and 0 from -0 in typed arrays alike (Object.is).
          expect([key, actual]).toEqual([key, value]);
        }
        expect([...fast.rowMessages.keys()]).toEqual([...reference.rowMessages.keys()]);
        for (const dimension of DIMENSIONS)
          expect(rollupBy(fast, rows, dimension)).toEqual(referenceRollup(fast, rows, dimension));
        // Organisation totals as first written: (total ?? 0) + amount in row order, turnover as given once.
        const level = organisationLevel(fast, rows, s);
        fast.organisations.forEach((_, org) => {
          let plan: number | null = null;
          for (let i = 0; i < rows.length; i++)
            if (fast.rowOrganisation[i] === org && fast.annualPlan[i] === fast.annualPlan[i])
              plan = (plan ?? 0) + fast.annualPlan[i];
          expect(level.rows[org][1]).toEqual(plan);
        });
      }),
      { numRuns: 150 },
    );
  });
});

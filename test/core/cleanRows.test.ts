// analyseTracker takes a fast path for clean rows (src/core/cleanRows.ts) and the checked,
// cell-by-cell path (analyseRow) for everything else. Both must give exactly the same results, so
// compare every analysis with the same one forced down the checked path, over random layouts,
// units, text numbers, blanks, bad cells, phasing and monthly actuals.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseTracker, type TrackerLayout } from "../../src/core/analyseTracker";
import { ACTUAL_MONTH_FIELDS, MONEY_FIELDS, PLAN_MONTH_FIELDS, type NumericField } from "../../src/core/fields";
import { METRIC_NAMES, RAG_NAMES } from "../../src/core/metrics";
import { BLOCK_ROWS } from "../../src/core/rowBlock";
import { DEFAULT_SETTINGS, FORECAST_BASES, FORECAST_METHODS, type Settings } from "../../src/core/settings";
import { UNITS } from "../../src/core/units";

const NUMERIC: readonly NumericField[] = [...MONEY_FIELDS, ...PLAN_MONTH_FIELDS, ...ACTUAL_MONTH_FIELDS];

const amount = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 100000 }) },
  { weight: 3, arbitrary: fc.double({ min: -1e6, max: 1e7, noNaN: true }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 99999 }).map((n) => `£${n.toLocaleString("en-GB")}`) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, "", null, "n/a", "#N/A", 1e-300, 1e300, "(12)", "12.5%") },
);
const row = fc.tuple(
  fc.constantFrom("Leeds", "Total", "", "North total"),
  fc.constantFrom("North", "South", ""),
  ...NUMERIC.map(() => amount),
);

// Each numeric field is mapped or not, with a unit or none.
const layout: fc.Arbitrary<TrackerLayout> = fc
  .record({
    dropped: fc.subarray([...NUMERIC], { maxLength: 6 }),
    units: fc.array(fc.option(fc.constantFrom(...UNITS), { nil: undefined }), {
      minLength: NUMERIC.length,
      maxLength: NUMERIC.length,
    }),
  })
  .map(({ dropped, units }) => {
    const columns: Record<string, number> = { organisation: 0, group: 1 };
    const unitOf: Record<string, string> = {};
    NUMERIC.forEach((field, i) => {
      if (dropped.includes(field)) return;
      columns[field] = 2 + i;
      if (units[i]) unitOf[field] = units[i] as string;
    });
    return { columns, units: unitOf } as TrackerLayout;
  });

const settings = fc.record({
  monthsElapsed: fc.integer({ min: 1, max: 12 }),
  forecastMethod: fc.constantFrom(...FORECAST_METHODS),
  forecastBasis: fc.constantFrom(...FORECAST_BASES),
});

describe("the fast path for clean rows", () => {
  it("gives exactly the checked path's metrics, RAGs, flags, roll-up and headlines", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), layout, settings, (rows, shape, over) => {
        const s: Settings = { ...DEFAULT_SETTINGS, ...over };
        const fast = analyseTracker(rows, shape, s);
        const checked = analyseTracker(rows, shape, s, { checkedPathOnly: true });
        for (let i = 0; i < rows.length; i++) {
          expect(fast.rowKind(i)).toBe(checked.rowKind(i));
          for (const name of METRIC_NAMES)
            expect([i, name, fast.metrics[name].get(i)]).toEqual([i, name, checked.metrics[name].get(i)]);
          for (const name of RAG_NAMES) expect([i, name, fast.rag(name, i)]).toEqual([i, name, checked.rag(name, i)]);
          expect([i, fast.flags[i]]).toEqual([i, checked.flags[i]]);
        }
        expect(fast.problemRows).toEqual(checked.problemRows);
        expect(fast.rollup).toEqual(checked.rollup);
        expect(fast.headlines).toEqual(checked.headlines);
      }),
      { numRuns: 400 },
    );
  });

  // The fast path works a block of rows at a time (BLOCK_ROWS), and the checked rows' metrics are
  // stored in a store that grows: trackers longer than a block, with many checked rows, cross both.
  it("gives the same results across blocks, whichever order the metrics are read in", () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: BLOCK_ROWS * 2 + 1, maxLength: BLOCK_ROWS * 3 }),
        layout,
        settings,
        (rows, shape, over) => {
          const s: Settings = { ...DEFAULT_SETTINGS, ...over };
          const fast = analyseTracker(rows, shape, s);
          const checked = analyseTracker(rows, shape, s, { checkedPathOnly: true });
          // Down each column here, along each row above: a clean row's metrics are worked out
          // again when read, and the last row worked out is kept.
          for (const name of METRIC_NAMES) {
            const got = rows.map((_, i) => fast.metrics[name].get(i));
            expect([name, got]).toEqual([name, rows.map((_, i) => checked.metrics[name].get(i))]);
          }
          expect(Array.from(fast.flags)).toEqual(Array.from(checked.flags));
          expect(fast.problemRows).toEqual(checked.problemRows);
          expect(fast.rollup).toEqual(checked.rollup);
          expect(fast.worst).toEqual(checked.worst);
        },
      ),
      // Shrinking a thousand-row counterexample takes minutes: report the first one as found.
      { numRuns: 12, endOnFailure: true },
    );
  });
});

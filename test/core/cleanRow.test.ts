// The fast path for clean rows must give exactly what the checked path gives. analyseTracker takes
// the fast path whenever it can, so compare it with analyseRow (the checked path) row by row.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseRow, emptyRowInput } from "../../src/core/analyseRow";
import { analyseTracker } from "../../src/core/analyseTracker";
import { PLAN_MONTH_FIELDS } from "../../src/core/fields";
import { METRIC_NAMES, RAG_NAMES } from "../../src/core/metrics";
import { DEFAULT_SETTINGS, FORECAST_BASES, FORECAST_METHODS, type Settings } from "../../src/core/settings";

// Annual plan, YTD plan, YTD actual, forecast, recurrent, non-recurrent, unidentified, turnover, surplus, 12 months.
const columns = {
  annualPlan: 0,
  ytdPlan: 1,
  ytdActual: 2,
  forecast: 3,
  recurrent: 4,
  nonRecurrent: 5,
  unidentified: 6,
  turnover: 7,
  surplusDeficit: 8,
  ...Object.fromEntries(PLAN_MONTH_FIELDS.map((f, m) => [f, 9 + m])),
};

const amount = fc.oneof(
  fc.double({ min: -1e6, max: 1e7, noNaN: true }),
  fc.integer({ min: -1000, max: 100000 }),
  fc.constantFrom(0, "", 1e-300, 1e300),
);
const row = fc.array(amount, { minLength: 21, maxLength: 21 });
const settings = fc.record({
  monthsElapsed: fc.integer({ min: 1, max: 12 }),
  forecastMethod: fc.constantFrom(...FORECAST_METHODS),
  forecastBasis: fc.constantFrom(...FORECAST_BASES),
});

describe("the fast path for clean rows", () => {
  it("gives exactly the checked path's metrics, RAGs and flags", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), settings, (rows, over) => {
        const s: Settings = { ...DEFAULT_SETTINGS, ...over };
        const a = analyseTracker(rows, { columns }, s);
        rows.forEach((cells, i) => {
          const input = emptyRowInput();
          const num = (v: unknown) => (v === "" ? null : (v as number));
          input.annualPlan = num(cells[0]);
          input.ytdPlan = num(cells[1]);
          input.ytdActual = num(cells[2]);
          input.forecast = num(cells[3]);
          input.recurrent = num(cells[4]);
          input.nonRecurrent = num(cells[5]);
          input.unidentified = num(cells[6]);
          input.turnover = num(cells[7]);
          input.surplusDeficit = num(cells[8]);
          input.planMonths = cells.slice(9).map(num);
          const expected = analyseRow(input, s, true);
          if (a.rowKind(i) === "blank") return;
          for (const name of METRIC_NAMES) expect([name, a.metrics[name].get(i)]).toEqual([name, expected[name]]);
          for (const name of RAG_NAMES) expect([name, a.rag(name, i)]).toEqual([name, expected[name]]);
          expect(a.flags[i]).toBe(expected.flags);
        });
      }),
      { numRuns: 500 },
    );
  });
});

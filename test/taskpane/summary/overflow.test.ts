// Totals past the largest number a double holds (about 1.8e308): every figure that cannot be
// represented is #NUM! in its cell, a sentence says the totals are too large, and no cell or
// sentence of the headlines, the summary sheet or CIP.SUMMARY ever shows Infinity or NaN.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseTracker } from "../../../src/core/analyseTracker";
import { recogniseColumns } from "../../../src/core/recogniseColumns";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { summaryTable } from "../../../src/functions/summary";
import { planSummary } from "../../../src/taskpane/summary/summaryPlan";
import { ERROR_CODES, FakeError } from "../../support/functionsBundle";

beforeAll(() => {
  (globalThis as Record<string, unknown>).CustomFunctions = { Error: FakeError, ErrorCode: ERROR_CODES };
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>).CustomFunctions;
});

const HEADER = ["Trust", "Region", "Annual plan £", "YTD plan £", "YTD actual £", "Forecast £", "Surplus £"];

function everything(rows: unknown[][]) {
  const analysis = analyseTracker(rows, recogniseColumns(HEADER), DEFAULT_SETTINGS);
  const plan = planSummary({ analysis, trackerAddress: "A1:G9", outputAddress: "H1:T9", ranAt: "now", moneyFormat: "#,##0" });
  const cells = plan.blocks.flatMap((b) => b.cells.flat());
  const column = (i: number) => rows.map((r) => [r[i]]);
  const fn = summaryTable(column(2), column(3), column(4), column(1)).flat();
  return { analysis, cells, fn };
}

const shows = (x: unknown) => (typeof x === "number" ? !Number.isFinite(x) : /Infinity|NaN/.test(JSON.stringify(x)));

describe("totals too large to represent", () => {
  const big = 1.7e308;
  const rows = [
    ["A", "North", big, big, big * 0.9, big, 1],
    ["B", "North", big, big, big * 0.5, big, -1],
    ["C", "South", 10, 10, 5, 10, 1],
  ];

  it("are #NUM! in the summary's cells and CIP.SUMMARY's, never Infinity or NaN", () => {
    const { cells, fn } = everything(rows);
    expect(cells.filter(shows)).toEqual([]);
    expect(fn.filter(shows)).toEqual([]);
    expect(cells).toContain("#NUM!");
    expect(fn.some((c) => typeof c === "object" && c !== null && JSON.stringify(c).includes("#NUM!"))).toBe(true);
  });

  it("are named in a headline that says they are too large", () => {
    const { analysis } = everything(rows);
    expect(analysis.headlines.filter((h) => /Infinity|NaN/.test(h))).toEqual([]);
    expect(analysis.headlines.join(" ")).toMatch(/too large/);
  });

  it("never show as Infinity or NaN, whatever finite figures a tracker holds", () => {
    const amount = fc.oneof(fc.double({ min: -1.7e308, max: 1.7e308, noNaN: true }), fc.constantFrom(1.7e308, -1.7e308, 0, ""));
    const row = fc.tuple(fc.constantFrom("North", "South"), fc.array(amount, { minLength: 5, maxLength: 5 }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), (made) => {
        const { analysis, cells, fn } = everything(made.map(([g, xs], i) => [`Org ${i}`, g, ...xs]));
        expect(analysis.headlines.filter((h) => /Infinity|NaN/.test(h))).toEqual([]);
        expect(cells.filter(shows)).toEqual([]);
        expect(fn.filter(shows)).toEqual([]);
      }),
      { numRuns: 200, seed: 3 },
    );
  });
});

// The one place where custom-function arguments become core values and results become cells.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ytdShortfall } from "../../src/core/delivery";
import { readForecastMethod } from "../../src/functions/forecastMethod";
import { scalarArgument, spill } from "../../src/functions/spill";

class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const ErrorCode = {
  divisionByZero: "#DIV/0!",
  notAvailable: "#N/A",
  invalidNumber: "#NUM!",
  invalidValue: "#VALUE!",
  nullReference: "#NULL!",
};

beforeAll(() => {
  (globalThis as Record<string, unknown>).CustomFunctions = { Error: FakeError, ErrorCode };
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>).CustomFunctions;
});

const codes = (cells: unknown[][]) => cells.map((line) => line.map((c) => (c instanceof FakeError ? c.code : c)));

describe("spill", () => {
  it("works row by row over ranges and spreads a single cell over every row", () => {
    expect(
      spill(
        [
          [[100], [50]],
          [[30], [80]],
        ],
        ["Plan", "Actual"],
        ytdShortfall,
      ),
    ).toEqual([[70], [0]]);
    expect(spill([[[100], [50]], [[30]]], ["Plan", "Actual"], ytdShortfall)).toEqual([[70], [20]]);
    expect(spill([100, 30], ["Plan", "Actual"], ytdShortfall)).toEqual([[70]]);
  });

  it("keeps a blank blank and names a bad cell by its place in the range", () => {
    const out = spill(
      [
        [[100], [50]],
        [[""], ["n/a"]],
      ],
      ["Plan", "Actual"],
      ytdShortfall,
    );
    expect(out[0][0]).toBe("");
    const bad = out[1][0] as unknown as FakeError;
    expect(bad.code).toBe("#VALUE!");
    expect(bad.message).toBe('Actual (row 2 of the range) is the text "n/a", not a number.');
  });

  it("refuses ranges of different sizes with one error saying which", () => {
    const out = spill(
      [
        [[1], [2], [3]],
        [[1], [2]],
      ],
      ["Plan", "Actual"],
      ytdShortfall,
    );
    expect(out).toHaveLength(1);
    expect((out[0][0] as unknown as FakeError).message).toBe(
      "Plan (3×1) and Actual (2×1) must be the same size, or one of them a single cell.",
    );
  });

  it("returns errors Excel allows: an input #REF! comes back as #VALUE! naming it", () => {
    expect(codes(spill([[[new FakeError("#REF!")]], [[1]]], ["Plan", "Actual"], ytdShortfall))).toEqual([["#VALUE!"]]);
    expect(codes(spill([[[new FakeError("#N/A")]], [[1]]], ["Plan", "Actual"], ytdShortfall))).toEqual([["#N/A"]]);
  });
});

describe("single-value arguments", () => {
  it("accepts a cell and refuses a range", () => {
    expect(scalarArgument([[6]], "Months elapsed")).toBe(6);
    expect(scalarArgument(6, "Months elapsed")).toBe(6);
    expect(scalarArgument([[1], [2]], "Months elapsed")).toMatchObject({
      message: "Months elapsed must be a single cell or value, not a range.",
    });
  });

  it("reads the forecast method as an analyst types it", () => {
    expect(readForecastMethod(null)).toBe("deliveryRatio");
    expect(readForecastMethod("Run rate")).toBe("runRate");
    expect(readForecastMethod([["remaining-plan"]])).toBe("remainingPlan");
    expect(readForecastMethod("guess")).toMatchObject({ error: "#VALUE!" });
  });
});

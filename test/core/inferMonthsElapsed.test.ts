import { describe, expect, it } from "vitest";
import { inferMonthsElapsed } from "../../src/core/inferMonthsElapsed";
import { recogniseColumns } from "../../src/core/recogniseColumns";

const infer = (header: string[], rows: unknown[][]) => inferMonthsElapsed(header, rows, recogniseColumns(header));

describe("inferMonthsElapsed", () => {
  it("takes the last monthly actual anyone filled in", () => {
    const header = ["Trust", "Annual plan", "Actual Apr", "Actual May", "Actual Jun", "Actual Jul"];
    const result = infer(header, [
      ["A", 100, 5, 6, "", ""],
      ["B", 100, 5, 6, 7, null],
    ]);
    expect(result).toEqual({ monthsElapsed: 3, reason: "the last monthly actual filled in is Jun" });
  });

  it("reads a month number or a month name from the YTD header", () => {
    expect(infer(["Trust", "YTD plan", "YTD actual M6"], [["A", 1, 1]])?.monthsElapsed).toBe(6);
    expect(infer(["Trust", "YTD plan to Sept", "YTD actual"], [["A", 1, 1]])?.monthsElapsed).toBe(6);
  });

  it("does not guess from a header without a month, or from a month outside 1-12", () => {
    expect(infer(["Trust", "YTD plan", "YTD actual"], [["A", 1, 1]])).toBeNull();
    expect(infer(["Trust", "YTD plan", "YTD actual M13"], [["A", 1, 1]])).toBeNull();
  });

  it("ignores monthly actual columns that hold only text or blanks", () => {
    const header = ["Trust", "YTD plan", "YTD actual", "Actual Apr"];
    expect(infer(header, [["A", 1, 1, "n/a"]])).toBeNull();
  });
});

// The one place where custom-function arguments become core values and results become cells.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ytdShortfall } from "../../src/core/delivery";
import type { Num } from "../../src/core/problem";
import { amount, optional, optionalNonZero } from "../../src/functions/params";
import { spill } from "../../src/functions/spill";

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
        [amount("Plan"), amount("Actual")],
        ytdShortfall,
      ),
    ).toEqual([[70], [0]]);
    expect(spill([[[100], [50]], [[30]]], [amount("Plan"), amount("Actual")], ytdShortfall)).toEqual([[70], [20]]);
    expect(spill([100, 30], [amount("Plan"), amount("Actual")], ytdShortfall)).toEqual([[70]]);
  });

  it("keeps a blank blank and names a bad cell by its place in the range", () => {
    const out = spill(
      [
        [[100], [50]],
        [[""], ["n/a"]],
      ],
      [amount("Plan"), amount("Actual")],
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
      [amount("Plan"), amount("Actual")],
      ytdShortfall,
    );
    expect(out).toHaveLength(1);
    expect((out[0][0] as unknown as FakeError).message).toBe(
      "Plan (3×1) and Actual (2×1) must be the same size, or one of them a single cell.",
    );
  });

  it("returns errors Excel allows: an input #REF! comes back as #VALUE! naming it", () => {
    expect(codes(spill([[[new FakeError("#REF!")]], [[1]]], [amount("Plan"), amount("Actual")], ytdShortfall))).toEqual([
      ["#VALUE!"],
    ]);
    expect(codes(spill([[[new FakeError("#N/A")]], [[1]]], [amount("Plan"), amount("Actual")], ytdShortfall))).toEqual([
      ["#N/A"],
    ]);
  });
});

describe("parameters", () => {
  it("reads a one-cell argument once, not once per row", () => {
    let reads = 0;
    const counted = { label: "Method", read: (v: unknown) => (reads++, v), numberIsItself: false };
    const out = spill([[[1], [2], [3]], "x"], [amount("Plan"), counted], (a: Num) => a);
    expect(out).toEqual([[1], [2], [3]]);
    expect(reads).toBe(1);
  });

  it("an optional number falls back to its default when omitted or empty, and reports bad text", () => {
    const opt = optional("Green at", 0.95);
    expect(opt.read(null, "Green at")).toBe(0.95);
    expect(opt.read("", "Green at")).toBe(0.95);
    expect(opt.read(" 0.5 ", "Green at")).toBe(0.5);
    expect(opt.read("high", "Green at")).toMatchObject({
      error: "#VALUE!",
      message: 'Green at is the text "high", not a number.',
    });
    expect(optional("Surplus", null).read("", "Surplus")).toBeNull();
    // 0 is a number here: where it is used, 0 and "not given" give the same result.
    expect(optional("Surplus", null).read(0, "Surplus")).toBe(0);
  });

  it("an optional number for which 0 is never meant falls back on 0 too, an empty cell as Excel on Windows hands it", () => {
    const cut = optionalNonZero("Green at", 0.95);
    for (const empty of [null, "", 0, { type: "Empty", basicValue: "" }, { type: "Double", basicValue: 0 }]) {
      expect(cut.read(empty, "Green at"), JSON.stringify(empty)).toBe(0.95);
    }
    expect(cut.read({ type: "Double", basicValue: 0.5 }, "Green at")).toBe(0.5);
    expect(cut.read({ type: "Error", basicValue: "#N/A" }, "Green at")).toMatchObject({ error: "#N/A" });
    // Its zeros must reach the reader: spill may not pass a number through unread.
    expect(cut.numberIsItself).toBe(false);
  });
});

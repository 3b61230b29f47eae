// CIP.YTDPLAN, CIP.H2SHARE and CIP.SUMMARY through the built bundle, in each client's argument
// mode (see functions-catalogue.test.ts).
import { beforeAll, describe, expect, inject, it } from "vitest";
import { caller, codes, errorCode, FakeError, loadFunctions, MODES, type Fn } from "../support/functionsBundle";

let fns: Map<string, Fn>;
beforeAll(() => {
  fns = loadFunctions(inject("prodDist")).associations;
});

const col = (...values: unknown[]) => values.map((v) => [v]);
const na = () => new FakeError("#N/A");

const HEADER = [
  "Group",
  "Organisations",
  "Behind plan",
  "Behind plan %",
  "Annual plan",
  "YTD plan",
  "YTD actual",
  "YTD shortfall",
  "YTD delivery %",
  "Forecast",
];

describe.each(MODES)("in the $name mode", (mode) => {
  const { call, one } = caller(() => fns, mode);

  const PHASING: unknown[] = [5, 5, 5, 5, 5, 5, 10, 10, 10, 10, 15, 15];

  describe("CIP.YTDPLAN and CIP.H2SHARE", () => {
    it("take a row of 12 or a column of 12", () => {
      expect(call("YTDPLAN", [PHASING], 6)).toEqual([[30]]);
      expect(call("YTDPLAN", col(...PHASING), 6)).toEqual([[30]]);
      expect(call("H2SHARE", [PHASING])).toEqual([[0.7]]);
      expect(call("H2SHARE", col(...PHASING))).toEqual([[0.7]]);
    });

    it("spill one result per row when given several rows of 12", () => {
      const flat = Array(12).fill(10);
      expect(call("YTDPLAN", [PHASING, flat, PHASING], 3)).toEqual([[15], [30], [15]]);
      expect(call("YTDPLAN", [PHASING, flat], col(6, 12))).toEqual([[30], [120]]);
      expect(call("H2SHARE", [PHASING, flat])).toEqual([[0.7], [0.5]]);
    });

    it("sum nothing at month 0 and everything at month 12; other months elapsed are #VALUE!", () => {
      expect(one("YTDPLAN", [PHASING], 0)).toBe(0);
      expect(one("YTDPLAN", [PHASING], 12)).toBe(100);
      for (const months of [-1, 13, 2.5, "June"])
        expect(errorCode(one("YTDPLAN", [PHASING], months)), String(months)).toBe("#VALUE!");
    });

    it("refuse any other shape with #VALUE! saying which shapes work", () => {
      expect(one("YTDPLAN", [PHASING.slice(0, 11)], 6)).toMatch(/^#VALUE!: .*12 months.*1×11/);
      expect(one("H2SHARE", col(...PHASING.slice(0, 6)))).toMatch(/^#VALUE!: .*6×1/);
      expect(
        one("H2SHARE", [
          [1, 2],
          [3, 4],
        ]),
      ).toMatch(/^#VALUE!/);
    });

    it("count an empty month as nothing planned, and an all-empty phasing as empty (on Windows: all 0)", () => {
      const gappy = [...PHASING];
      gappy[1] = "";
      gappy[8] = null;
      expect(one("YTDPLAN", [gappy], 6)).toBe(25);
      expect(one("YTDPLAN", [Array(12).fill("")], 6)).toBe("");
      // On Windows twelve empty cells arrive as twelve 0s: a phasing that adds up to 0.
      expect(errorCode(one("H2SHARE", [Array(12).fill(null)]))).toBe(mode.name === "windows" ? "#DIV/0!" : "");
      expect(one("YTDPLAN", [Array(12).fill(null)], 6)).toBe(mode.name === "windows" ? 0 : "");
    });

    it("name a bad month; a month after those elapsed does not spoil the plan to date", () => {
      const bad = [...PHASING];
      bad[9] = "tbc";
      expect(one("YTDPLAN", [bad], 6)).toBe(30);
      expect(one("YTDPLAN", [bad], 12)).toMatch(/^#VALUE!: Monthly plan, Jan is the text "tbc"/);
      expect(one("H2SHARE", [bad])).toMatch(/^#VALUE!: .*Jan.*"tbc"/);
      bad[9] = -10;
      expect(errorCode(one("H2SHARE", [bad]))).toBe("#NUM!");
      bad[9] = na();
      expect(errorCode(one("YTDPLAN", [bad], 12))).toBe("#N/A");
    });

    it("H2SHARE of a phasing that adds up to 0 is #DIV/0!", () => {
      expect(errorCode(one("H2SHARE", [Array(12).fill(0)]))).toBe("#DIV/0!");
    });

    it("one bad row of several spoils only its own result", () => {
      expect(codes(call("YTDPLAN", [PHASING, [...PHASING.slice(0, 2), "x", ...PHASING.slice(3)], PHASING], 6))).toEqual([
        [30],
        ["#VALUE!"],
        [30],
      ]);
    });
  });

  describe("CIP.SUMMARY", () => {
    // Five organisations in two regions, one with no region, one with a bad actual, one with no plan.
    const annual = col(100, 200, 50, 80, 60, "", 40);
    const plan = col(40, 100, 20, 30, 30, 10, -5);
    const actual = col(30, 110, 10, "tbc", 15, 5, 5);
    const group = col("North", "South", "North", "South", "", "North", "South");

    it("spills a header, one row per group in order of first appearance, then All", () => {
      const table = call("SUMMARY", annual, plan, actual, group) as unknown[][];
      expect(table[0]).toEqual(HEADER);
      expect(table.map((line) => line[0])).toEqual(["Group", "North", "South", "(no group)", "All"]);
      // North: 100/40/30 (behind; forecast 30 + 0.75 × 60 = 75) and 50/20/10 (behind; 10 + 0.5 × 30 = 25).
      expect(table[1]).toEqual(["North", 2, 2, 1, 150, 60, 40, 20, 40 / 60, 100]);
      // South: only 200/100/110 counts (80/30/"tbc" has a bad actual, 40/-5/5 a negative plan).
      expect(table[2]).toEqual(["South", 1, 0, 0, 200, 100, 110, 0, 1.1, 220]);
      // No group: 60/30/15, behind; forecast 15 + 0.5 × 30 = 30.
      expect(table[3]).toEqual(["(no group)", 1, 1, 1, 60, 30, 15, 15, 0.5, 30]);
      expect(table[4]).toEqual(["All", 4, 3, 0.75, 410, 190, 165, 35, 165 / 190, 350]);
    });

    it("without groups gives only the header and All", () => {
      const table = call("SUMMARY", annual, plan, actual, null) as unknown[][];
      expect(table).toHaveLength(2);
      expect(table[1]).toEqual(["All", 4, 3, 0.75, 410, 190, 165, 35, 165 / 190, 350]);
    });

    it("a YTD plan adding up to 0 makes that group's delivery % #DIV/0!", () => {
      const table = call("SUMMARY", col(100), col(0), col(0), null) as unknown[][];
      expect((codes(table) as unknown[][])[1]).toEqual(["All", 1, 0, 0, 100, 0, 0, 0, "#DIV/0!", 100]);
    });

    it("with no usable rows still gives All with zero organisations", () => {
      const table = call("SUMMARY", col("", "x"), col(1, 2), col(1, 2), null) as unknown[][];
      expect((codes(table) as unknown[][])[1]).toEqual(["All", 0, 0, "#DIV/0!", 0, 0, 0, 0, "#DIV/0!", 0]);
    });

    it("refuses ranges of different sizes with #VALUE! saying so", () => {
      const table = call("SUMMARY", col(1, 2, 3), col(1, 2), col(1, 2, 3), null) as string[][];
      expect(table).toEqual([[expect.stringMatching(/^#VALUE!: The ranges must be the same size.*3×1.*2×1/)]]);
      const grouped = call("SUMMARY", col(1, 2), col(1, 2), col(1, 2), col("A", "B", "C")) as string[][];
      expect(grouped[0][0]).toMatch(/^#VALUE!/);
    });

    it("names a group holding an error by that error, so the row is not lost", () => {
      const table = call("SUMMARY", col(10, 10), col(5, 5), col(5, 5), col("North", na())) as unknown[][];
      expect(table.map((line) => line[0])).toEqual(["Group", "North", "#N/A", "All"]);
    });
  });
});

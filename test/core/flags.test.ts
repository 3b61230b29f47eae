import { describe, expect, it } from "vitest";
import { FLAGS, FLAG_DESCRIPTIONS, FLAG_NAMES, flagNames, rowFlags, type FlagInputs } from "../../src/core/flags";
import { readCell } from "../../src/core/readCell";
import { DEFAULT_SETTINGS as S } from "../../src/core/settings";

const NA = readCell("#N/A", "Surplus in row 2");

const none: FlagInputs = {
  annualPlan: null,
  ytdPlan: null,
  ytdActual: null,
  surplusDeficit: null,
  nonRecurrentShare: null,
  unidentifiedShare: null,
  h2Share: null,
};
const flagsOf = (x: Partial<FlagInputs>, s = S) => flagNames(rowFlags({ ...none, ...x }, s));

describe("flag bits", () => {
  it("are distinct powers of two, one per name, each with a description", () => {
    const bits = FLAG_NAMES.map((n) => FLAGS[n]);
    expect(bits).toEqual([1, 2, 4, 8, 16, 32, 64, 128]);
    for (const n of FLAG_NAMES) expect(FLAG_DESCRIPTIONS[n].length).toBeGreaterThan(0);
  });

  it("flagNames lists the set flags in order", () => {
    expect(flagNames(0)).toEqual([]);
    expect(flagNames(31)).toEqual(["BEHIND_PLAN", "SEVERELY_BEHIND", "UNDER_FIFTH", "DEFICIT", "DISTRESS"]);
    expect(flagNames(128 + 1)).toEqual(["BEHIND_PLAN", "BACK_LOADED"]);
  });
});

describe("rowFlags", () => {
  it("no data, no flags", () => {
    expect(rowFlags(none, S)).toBe(0);
  });

  it("BEHIND_PLAN: actual below YTD plan", () => {
    expect(flagsOf({ ytdPlan: 100, ytdActual: 99 })).toEqual(["BEHIND_PLAN"]);
    expect(flagsOf({ ytdPlan: 100, ytdActual: 100 })).toEqual([]);
    expect(flagsOf({ ytdPlan: 100, ytdActual: 120 })).toEqual([]);
  });

  it("SEVERELY_BEHIND: actual below half the YTD plan (exactly half is not)", () => {
    expect(flagsOf({ ytdPlan: 100, ytdActual: 49 })).toEqual(["BEHIND_PLAN", "SEVERELY_BEHIND"]);
    expect(flagsOf({ ytdPlan: 100, ytdActual: 50 })).toEqual(["BEHIND_PLAN"]);
    expect(flagsOf({ ytdPlan: 100, ytdActual: -5 })).toEqual(["BEHIND_PLAN", "SEVERELY_BEHIND"]);
  });

  it("UNDER_FIFTH: actual below a fifth of the annual plan (exactly a fifth is not)", () => {
    expect(flagsOf({ annualPlan: 1000, ytdActual: 199 })).toEqual(["UNDER_FIFTH"]);
    expect(flagsOf({ annualPlan: 1000, ytdActual: 200 })).toEqual([]);
  });

  it("UNDER_FIFTH: exactly 20% of £24m (4.8 in £m) is not under a fifth", () => {
    expect(flagsOf({ annualPlan: 24, ytdActual: 4.8 })).toEqual([]);
  });

  it("DEFICIT: a negative surplus only", () => {
    expect(flagsOf({ surplusDeficit: -1 })).toEqual(["DEFICIT"]);
    expect(flagsOf({ surplusDeficit: 0 })).toEqual([]);
    expect(flagsOf({ surplusDeficit: 5 })).toEqual([]);
    expect(flagsOf({ surplusDeficit: NA })).toEqual([]);
  });

  describe("DISTRESS needs all three tests", () => {
    // annual 1000, YTD plan 400, actual 150: under a fifth (150 < 200) and severely behind (150 < 200).
    const distressed = { annualPlan: 1000, ytdPlan: 400, ytdActual: 150, surplusDeficit: -5 };

    it("all three → DISTRESS", () => {
      expect(flagsOf(distressed)).toEqual(["BEHIND_PLAN", "SEVERELY_BEHIND", "UNDER_FIFTH", "DEFICIT", "DISTRESS"]);
      expect(rowFlags({ ...none, ...distressed }, S)).toBe(31);
    });

    it("not in deficit → no DISTRESS", () => {
      expect(flagsOf({ ...distressed, surplusDeficit: 5 })).toEqual(["BEHIND_PLAN", "SEVERELY_BEHIND", "UNDER_FIFTH"]);
    });

    it("surplus unknown → no DEFICIT, no DISTRESS", () => {
      expect(flagsOf({ ...distressed, surplusDeficit: null })).toEqual(["BEHIND_PLAN", "SEVERELY_BEHIND", "UNDER_FIFTH"]);
    });

    it("not under a fifth → no DISTRESS", () => {
      // 150 of 500 is 30% of the annual plan.
      expect(flagsOf({ ...distressed, annualPlan: 500 })).toEqual(["BEHIND_PLAN", "SEVERELY_BEHIND", "DEFICIT"]);
    });

    it("not severely behind → no DISTRESS", () => {
      // 150 of a YTD plan of 250 is 60%.
      expect(flagsOf({ ...distressed, ytdPlan: 250 })).toEqual(["BEHIND_PLAN", "UNDER_FIFTH", "DEFICIT"]);
    });

    it("annual plan unknown → no DISTRESS", () => {
      expect(flagsOf({ ...distressed, annualPlan: null })).toEqual(["BEHIND_PLAN", "SEVERELY_BEHIND", "DEFICIT"]);
    });
  });

  it("HIGH_NON_RECURRENT above 50% (50% is not)", () => {
    expect(flagsOf({ nonRecurrentShare: 0.5 })).toEqual([]);
    expect(flagsOf({ nonRecurrentShare: 0.51 })).toEqual(["HIGH_NON_RECURRENT"]);
  });

  it("HIGH_UNIDENTIFIED above 25% (25% is not)", () => {
    expect(flagsOf({ unidentifiedShare: 0.25 })).toEqual([]);
    expect(flagsOf({ unidentifiedShare: 0.444 })).toEqual(["HIGH_UNIDENTIFIED"]);
  });

  it("BACK_LOADED above 65% in H2 (65% is not)", () => {
    expect(flagsOf({ h2Share: 0.65 })).toEqual([]);
    expect(flagsOf({ h2Share: 0.7 })).toEqual(["BACK_LOADED"]);
  });

  it("share flags stay unset when the share is blank or a problem", () => {
    expect(flagsOf({ nonRecurrentShare: NA, unidentifiedShare: null, h2Share: NA })).toEqual([]);
  });

  it("a problem or negative plan never raises the behind flags", () => {
    expect(flagsOf({ ytdPlan: NA, ytdActual: 0 })).toEqual([]);
    expect(flagsOf({ ytdPlan: -100, ytdActual: -500 })).toEqual([]);
    expect(flagsOf({ annualPlan: -100, ytdActual: -500 })).toEqual([]);
    expect(flagsOf({ ytdPlan: 100, ytdActual: NA })).toEqual([]);
  });

  it("thresholds come from the settings", () => {
    const s = {
      ...S,
      severelyBehindBelow: 0.6,
      underFifthBelow: 0.25,
      highNonRecurrentAbove: 0.3,
      highUnidentifiedAbove: 0.1,
      backLoadedAbove: 0.55,
    };
    expect(flagsOf({ ytdPlan: 100, ytdActual: 55 }, s)).toEqual(["BEHIND_PLAN", "SEVERELY_BEHIND"]);
    expect(flagsOf({ annualPlan: 1000, ytdActual: 240 }, s)).toEqual(["UNDER_FIFTH"]);
    expect(flagsOf({ nonRecurrentShare: 0.35, unidentifiedShare: 0.12, h2Share: 0.6 }, s)).toEqual([
      "HIGH_NON_RECURRENT",
      "HIGH_UNIDENTIFIED",
      "BACK_LOADED",
    ]);
  });
});

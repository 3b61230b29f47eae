import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  UNITS,
  UNIT_FACTORS,
  detectUnit,
  isUnit,
  mentionsBillions,
  removeUnits,
  unreadUnitMarker,
  type Unit,
} from "../../src/core/units";
import { recogniseColumns } from "../../src/core/recogniseColumns";

describe("UNIT_FACTORS", () => {
  it("gives the pounds in one of each unit", () => {
    expect(UNIT_FACTORS).toEqual({ "£": 1, "£k": 1000, "£m": 1_000_000 });
    expect(UNITS).toEqual(["£", "£k", "£m"]);
  });

  it("isUnit accepts exactly the three units", () => {
    for (const unit of UNITS) expect(isUnit(unit)).toBe(true);
    for (const other of ["£bn", "k", "£K", "", null, undefined, 1000, {}]) expect(isUnit(other)).toBe(false);
  });
});

describe("detectUnit", () => {
  const cases: [string, Unit | null][] = [
    // thousands
    ["Plan £k", "£k"],
    ["Plan £K", "£k"],
    ["Plan £ k", "£k"],
    ["(£000)", "£k"],
    ["(£000) YTD actual", "£k"],
    ["£'000s", "£k"],
    ["£’000s", "£k"],
    ["£'000", "£k"],
    ["£000", "£k"],
    ["£000s", "£k"],
    ["£000's", "£k"],
    ["£ 000", "£k"],
    ["Plan (£ 000s)", "£k"],
    ["£ thousands", "£k"],
    ["£thousand", "£k"],
    ["Plan '000s", "£k"],
    ["Plan (000)", "£k"],
    ["Plan 000s", "£k"],
    ["Plan (k)", "£k"],
    ["Plan (thousands)", "£k"],
    ["GBP 000", "£k"],
    ["GBPk", "£k"],
    ["Turnover £k 2011/12", "£k"],
    // the forms analysts write with a bracket or a space after the pound sign
    ["£ (000)", "£k"],
    ["YTD plan £ (000)", "£k"],
    ["£ (000s)", "£k"],
    ["£ (thousands)", "£k"],
    ["£ '000", "£k"],
    ["£ ’000s", "£k"],
    ["£(k)", "£k"],
    // millions
    ["£m", "£m"],
    ["£M", "£m"],
    ["£mn", "£m"],
    ["£ m", "£m"],
    ["£'m", "£m"],
    ["£ millions", "£m"],
    ["£million", "£m"],
    ["(£m)", "£m"],
    ["Forecast outturn (£m)", "£m"],
    ["Surplus/(deficit) £m", "£m"],
    ["Plan (millions)", "£m"],
    ["Margin £m", "£m"],
    ["£ (m)", "£m"],
    ["£ (millions)", "£m"],
    ["(£ms)", "£m"],
    ["£ms", "£m"],
    ["£mm", "£m"],
    ["Plan £MM", "£m"],
    ["£ (mn)", "£m"],
    // pounds
    ["£", "£"],
    ["£s", "£"],
    ["Savings £", "£"],
    ["(£)", "£"],
    ["£ saved", "£"],
    ["GBP", "£"],
    ["Plan (pounds)", "£"],
    // none
    ["Plan", null],
    ["Apr", null],
    ["Margin", null],
    ["M1", null],
    ["Month 12", null],
    ["2011/12", null],
    ["Milestone", null],
    ["Kingston", null],
    ["", null],
    ["£bn", null],
    ["Plan £bn", null],
  ];
  it.each(cases)("%j -> %s", (header, unit) => {
    expect(detectUnit(header)).toBe(unit);
  });

  it("takes the first unit a header states", () => {
    expect(detectUnit("Plan £k (was £m)")).toBe("£k");
    expect(detectUnit("Plan £m (was £000)")).toBe("£m");
    expect(detectUnit("Plan £bn (£m)")).toBe("£m");
  });

  it("does not read a unit out of a word that merely starts like one", () => {
    expect(detectUnit("£ mid-year")).toBe("£");
    expect(detectUnit("£M1")).toBe("£");
    expect(detectUnit("GBPX")).toBe(null);
  });

  it("returns null for anything that is not text", () => {
    for (const value of [null, undefined, 1000, true, {}]) expect(detectUnit(value as unknown as string)).toBe(null);
  });
});

describe("mentionsBillions", () => {
  it("spots £bn headers, which no unit holds", () => {
    expect(mentionsBillions("Plan £bn")).toBe(true);
    expect(mentionsBillions("Plan (£ billions)")).toBe(true);
    expect(mentionsBillions("Plan £m")).toBe(false);
    expect(mentionsBillions("Plan")).toBe(false);
  });
});

describe("unreadUnitMarker", () => {
  it.each([
    ["Plan £ (hundreds)", "£ (hundreds)"],
    ["Plan £x", "£x"],
    ["Plan £00", "£00"],
    ["Plan £'00", "£'00"],
    ["Plan (£ tens)", "£ tens"],
  ])("%j states a unit that is not read: %j", (header, marker) => {
    expect(unreadUnitMarker(header)).toBe(marker);
    expect(detectUnit(header)).toBe(null);
  });

  it.each(["Plan £k", "£ (000)", "£", "£s", "£ saved", "£ mid-year", "£M1", "Plan", "(£)", "Turnover £ 2011/12", "£bn"])(
    "%j has none",
    (header) => {
      expect(unreadUnitMarker(header)).toBe(null);
    },
  );
});

describe("removeUnits", () => {
  it("blanks every unit mention and leaves the words", () => {
    expect(removeUnits("Plan £k").trim()).toBe("Plan");
    expect(removeUnits("(£000) YTD actual").replace(/\s+/g, " ").trim()).toBe("( ) YTD actual");
    expect(removeUnits("£k £m £ £bn").trim()).toBe("");
    expect(removeUnits("Margin")).toBe("Margin");
  });
});

describe("detectUnit properties", () => {
  it("never throws and answers a unit or null for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const unit = detectUnit(text);
        expect(unit === null || isUnit(unit)).toBe(true);
      }),
    );
  });

  it("finds the unit appended to any header with no unit of its own", () => {
    const words = fc
      .stringMatching(/^[A-Za-z][A-Za-z ]{0,20}$/)
      .filter((w) => detectUnit(w) === null && !/gbp|pounds|thousands|millions/i.test(w));
    fc.assert(
      fc.property(
        words,
        fc.constantFrom<[string, Unit]>(["£k", "£k"], ["(£000)", "£k"], ["£m", "£m"], ["(£m)", "£m"], ["£", "£"]),
        (word, [suffix, unit]) => {
          expect(detectUnit(`${word} ${suffix}`)).toBe(unit);
        },
      ),
    );
  });
});

describe("units assigned to the recognised columns", () => {
  it("takes the unit each header states", () => {
    const mapping = recogniseColumns(["Annual plan £m", "YTD plan £k", "YTD actual (£000)", "Turnover £"]);
    expect(mapping.units).toEqual({
      annualPlan: "£m",
      ytdPlan: "£k",
      ytdActual: "£k",
      turnover: "£",
    });
  });

  it("gives columns that state none the unit most money headers state", () => {
    const mapping = recogniseColumns(["Trust", "Plan £k", "Actual £k", "Forecast £m", "Recurrent", "Apr"]);
    expect(mapping.units).toEqual({
      annualPlan: "£k",
      ytdActual: "£k",
      forecast: "£m",
      recurrent: "£k",
      planM1: "£k",
    });
    expect(mapping.units).not.toHaveProperty("organisation");
    expect(mapping.messages).toEqual([
      "Columns E and F state no unit, so £k is assumed, the unit most amount columns state.",
      "Plan phasing was found for only 1 of the 12 months; May, Jun, Jul, Aug, Sep, Oct, Nov, Dec, Jan, Feb and Mar are missing.",
    ]);
  });

  it("breaks a tie between stated units in favour of the first stated", () => {
    const mapping = recogniseColumns(["Plan £m", "Actual £k", "Forecast"]);
    expect(mapping.units.forecast).toBe("£m");
    expect(mapping.messages).toEqual([
      'Column C "Forecast" states no unit, so £m is assumed, the first unit stated; other columns state a different unit as often.',
    ]);
  });

  it("reads the bracketed forms analysts write, so a £k plan is not taken for pounds", () => {
    const mapping = recogniseColumns([
      "Trust",
      "Annual plan £ (000)",
      "YTD plan £ (thousands)",
      "YTD actual £'000",
      "Turnover (£ms)",
    ]);
    expect(mapping.units).toEqual({ annualPlan: "£k", ytdPlan: "£k", ytdActual: "£k", turnover: "£m" });
    expect(mapping.messages).toEqual([]);
  });

  it("says so when a header states a unit it cannot read, instead of reading it as £", () => {
    const mapping = recogniseColumns(["Trust", "Annual plan £k", "YTD actual £ (hundreds)"]);
    expect(mapping.units.ytdActual).toBe("£k");
    expect(mapping.messages).toEqual([
      'Column C "YTD actual £ (hundreds)" states its unit as "£ (hundreds)", which CIP Analyst does not read (only £, £k and £m); it is read as £k, so set its unit if that is wrong.',
    ]);
  });

  it("falls back to £, and says so", () => {
    const mapping = recogniseColumns(["Trust", "Plan"]);
    expect(mapping.units).toEqual({ annualPlan: "£" });
    expect(mapping.messages).toEqual([
      'Column B "Plan" states no unit and no other column does, so amounts are read as £ (pounds); if they are in £k or £m, set the unit.',
    ]);
  });

  it("orders the sources: header, then column choice, then default, then the usual unit", () => {
    const mapping = recogniseColumns(["Plan £k", "Actual", "Forecast", "Recurrent £k"], {
      units: { 0: "£m", 1: "£m" },
      defaultUnit: "£",
    });
    expect(mapping.units).toEqual({
      annualPlan: "£k",
      ytdActual: "£m",
      forecast: "£",
      recurrent: "£k",
    });
    expect(mapping.messages).toEqual(['Column A "Plan £k" states £k, so the £m set for it is not used.']);
  });

  it("ignores a unit set for a column that is not an amount", () => {
    const mapping = recogniseColumns(["Trust", "Plan £k"], {
      units: { 0: "£k" },
    });
    expect(mapping.messages).toEqual([
      'The unit £k set for column A "Trust" is ignored because the column is not read as an amount.',
    ]);
  });

  it("warns about £bn, which it cannot hold", () => {
    const mapping = recogniseColumns(["Plan £bn", "Actual £m"]);
    expect(mapping.units).toEqual({ annualPlan: "£m", ytdActual: "£m" });
    expect(mapping.messages).toEqual([
      'Column A "Plan £bn" is in £bn, which CIP Analyst does not read (only £, £k and £m); it is read as £m, so convert it or its figures will be wrong.',
    ]);
  });
});

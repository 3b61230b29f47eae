import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forecastShortfallPct } from "../../src/core/forecast";
import { ytdDeliveryPct } from "../../src/core/delivery";
import { readCell } from "../../src/core/readCell";
import { AMBER, GREEN, RED, ragCodeWithin, ragHigherIsBetter, ragLimits, ragLowerIsBetter } from "../../src/core/rag";
import { DEFAULT_SETTINGS as S } from "../../src/core/settings";
import { nonRecurrentShare } from "../../src/core/shares";

const NA = readCell("#N/A", "YTD plan in row 9");

describe("delivery RAG (higher is better: green ≥ 95%, amber ≥ 80%)", () => {
  it.each([
    [1.2, "Green"],
    [1, "Green"],
    [0.95, "Green"],
    [0.9499, "Amber"],
    [0.9, "Amber"],
    [0.8, "Amber"],
    [0.7999, "Red"],
    [0.5, "Red"],
    [0, "Red"],
    [-0.1, "Red"],
  ])("%s → %s", (value, rag) => {
    expect(ragHigherIsBetter(value, S.deliveryRag)).toBe(rag);
  });

  it("exact cut-offs reached by division are on the cut-off", () => {
    expect(ragHigherIsBetter(ytdDeliveryPct(200, 190), S.deliveryRag)).toBe("Green");
    expect(ragHigherIsBetter(ytdDeliveryPct(200, 160), S.deliveryRag)).toBe("Amber");
    expect(ragHigherIsBetter(ytdDeliveryPct(111.78, 89.424), S.deliveryRag)).toBe("Amber");
  });
});

describe("forecast shortfall RAG (lower is better: green ≤ 5%, amber ≤ 10%)", () => {
  it.each([
    [-0.2, "Green"],
    [0, "Green"],
    [0.05, "Green"],
    [0.0501, "Amber"],
    [0.08, "Amber"],
    [0.1, "Amber"],
    [0.1001, "Red"],
    [0.349, "Red"],
  ])("%s → %s", (value, rag) => {
    expect(ragLowerIsBetter(value, S.forecastShortfallRag)).toBe(rag);
  });

  it("5% and 10% reached from whole amounts", () => {
    expect(ragLowerIsBetter(forecastShortfallPct(100, 95), S.forecastShortfallRag)).toBe("Green");
    expect(ragLowerIsBetter(forecastShortfallPct(100, 90), S.forecastShortfallRag)).toBe("Amber");
    expect(ragLowerIsBetter(forecastShortfallPct(10000, 8999), S.forecastShortfallRag)).toBe("Red");
  });

  // £1m plan, £0.95m forecast (in £m): exactly 5%, computed as 0.050000000000000044.
  it("exactly 5% in £m decimals is green, exactly 10% is amber", () => {
    expect(ragLowerIsBetter(forecastShortfallPct(1, 0.95), S.forecastShortfallRag)).toBe("Green");
    expect(ragLowerIsBetter(forecastShortfallPct(0.2, 0.18), S.forecastShortfallRag)).toBe("Amber");
  });
});

describe("share RAGs ('> 25% amber' means 25% is green)", () => {
  it.each([
    ["nonRecurrentRag", 0.25, "Green"],
    ["nonRecurrentRag", 0.2501, "Amber"],
    ["nonRecurrentRag", 0.5, "Amber"],
    ["nonRecurrentRag", 0.5001, "Red"],
    ["unidentifiedRag", 0.1, "Green"],
    ["unidentifiedRag", 0.1001, "Amber"],
    ["unidentifiedRag", 0.25, "Amber"],
    ["unidentifiedRag", 0.2501, "Red"],
    ["h2ShareRag", 0.55, "Green"],
    ["h2ShareRag", 0.5501, "Amber"],
    ["h2ShareRag", 0.65, "Amber"],
    ["h2ShareRag", 0.6501, "Red"],
    ["cipOfTurnoverRag", 0.04, "Green"],
    ["cipOfTurnoverRag", 0.045, "Amber"],
    ["cipOfTurnoverRag", 0.05, "Amber"],
    ["cipOfTurnoverRag", 0.0501, "Red"],
    ["runRateRag", 1.5, "Green"],
    ["runRateRag", 1.51, "Amber"],
    ["runRateRag", 2, "Amber"],
    ["runRateRag", 2.01, "Red"],
    ["runRateRag", -0.5, "Green"],
  ] as const)("%s: %s → %s", (key, value, rag) => {
    expect(ragLowerIsBetter(value, S[key])).toBe(rag);
  });

  // 0.23 of 0.92 (£m) is exactly 25% non-recurrent, computed as 0.25000000000000006.
  it("exactly 25% non-recurrent from £m decimals is green", () => {
    expect(ragLowerIsBetter(nonRecurrentShare(0.69, 0.23), S.nonRecurrentRag)).toBe("Green");
  });
});

describe("RAG of a blank or a problem", () => {
  it("a blank metric has a blank RAG", () => {
    expect(ragHigherIsBetter(null, S.deliveryRag)).toBeNull();
    expect(ragLowerIsBetter(null, S.forecastShortfallRag)).toBeNull();
  });

  it("a problem metric has that problem as its RAG", () => {
    expect(ragHigherIsBetter(NA, S.deliveryRag)).toBe(NA);
    expect(ragLowerIsBetter(NA, S.forecastShortfallRag)).toBe(NA);
  });
});

describe("custom bands", () => {
  it("green cut-off equal to the amber one leaves no amber band", () => {
    const bands = { greenAt: 0.1, amberAt: 0.1 };
    expect(ragLowerIsBetter(0.1, bands)).toBe("Green");
    expect(ragLowerIsBetter(0.11, bands)).toBe("Red");
    expect(ragHigherIsBetter(0.1, bands)).toBe("Green");
    expect(ragHigherIsBetter(0.09, bands)).toBe("Red");
  });

  it("stricter delivery bands move the cut-offs", () => {
    const bands = { greenAt: 1, amberAt: 0.9 };
    expect(ragHigherIsBetter(0.95, bands)).toBe("Amber");
    expect(ragHigherIsBetter(0.89, bands)).toBe("Red");
  });
});

describe("RAG codes worked out without branching", () => {
  // The branching definition, as the RAG bands are written: green unless past the green cut-off;
  // past it, red if past the amber cut-off too, else amber.
  const byBranches = (value: number, greenAt: number, amberAt: number, higher: boolean) => {
    const past = (limit: number) => (higher ? value < limit : value > limit);
    if (!past(greenAt)) return GREEN;
    return past(amberAt) ? RED : AMBER;
  };

  it("match the branching definition for any value and cut-offs, either way round", () => {
    const value = fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0.8, 0.95, 0.05, 0.1, -0, NaN));
    fc.assert(
      fc.property(value, fc.double({ noNaN: true }), fc.double({ noNaN: true }), fc.boolean(), (v, greenAt, amberAt, higher) => {
        const limits = ragLimits({ greenAt, amberAt }, higher);
        expect(ragCodeWithin(v, limits)).toBe(byBranches(v, limits.greenAt, limits.amberAt, higher));
      }),
      { numRuns: 2000 },
    );
  });
});

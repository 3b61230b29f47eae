import { describe, expect, it } from "vitest";
import { formatCount, formatMoney, formatPercent } from "../../src/core/format";

describe("formatMoney (amounts in pounds, as the seed articles write them)", () => {
  it.each([
    [544e6, "£544m"],
    [79e6, "£79m"],
    [752e6, "£752m"],
    [532e6, "£532m"],
    [1.3e9, "£1.3bn"],
    [1.6e9, "£1.6bn"],
    [1.4e9, "£1.4bn"],
    [2.5e9, "£2.5bn"],
    [4.8e9, "£4.8bn"],
    [20e9, "£20bn"],
    [100e9, "£100bn"],
    [5.952380952e9, "£5.95bn"],
    [3.452380952e9, "£3.45bn"],
    [38.3e6, "£38.3m"],
    [17e6, "£17m"],
    [1.25e6, "£1.25m"],
    [879e3, "£879k"],
    [12_345, "£12.35k"],
    [8.4e6, "£8.4m"],
    [72.82e6, "£72.82m"],
    [111.78e6, "£112m"],
    [38.96e6, "£38.96m"],
    [10.5e6, "£10.5m"],
    [1.05e6, "£1.05m"],
    [1_500, "£1.5k"],
    [950, "£950"],
    [0, "£0"],
  ])("%s → %s", (pounds, text) => {
    expect(formatMoney(pounds)).toBe(text);
  });

  it.each([
    [-79e6, "-£79m"],
    [-1.3e9, "-£1.3bn"],
    [-950, "-£950"],
  ])("negative %s → %s", (pounds, text) => {
    expect(formatMoney(pounds)).toBe(text);
  });

  it("£72.82m keeps its two decimals, as documented", () => {
    expect(formatMoney(72.82e6)).toBe("£72.82m");
  });

  it.each([
    [99.99e6, "£99.99m"],
    [99.994e6, "£99.99m"],
    [99.996e6, "£100m"],
    [100e6, "£100m"],
    [100.4e6, "£100m"],
    [123.45e6, "£123m"],
    [999.4e6, "£999m"],
    [99_999, "£100k"],
    [150.4e3, "£150k"],
    [99.5, "£99.5"],
    [123.45, "£123"],
  ])("up to two decimals below 100 of a unit, none from 100: %s → %s", (pounds, text) => {
    expect(formatMoney(pounds)).toBe(text);
  });

  it.each([
    [1.1e9, "£1.1bn"],
    [1.2e6, "£1.2m"],
    [2e3, "£2k"],
    [50.1e6, "£50.1m"],
    [7.05e6, "£7.05m"],
  ])("trailing zeros are trimmed: %s → %s", (pounds, text) => {
    expect(formatMoney(pounds)).toBe(text);
  });

  it("rounding up to 1000 of a unit moves to the next unit", () => {
    expect(formatMoney(999_999_999)).toBe("£1bn");
    expect(formatMoney(999_950)).toBe("£1m");
    expect(formatMoney(999.999)).toBe("£1k");
    expect(formatMoney(-999_999_999)).toBe("-£1bn");
  });

  it("just below the carry stays in its unit", () => {
    expect(formatMoney(999_499_999)).toBe("£999m");
    expect(formatMoney(999_400)).toBe("£999k");
  });
});

describe("formatPercent (whole per cent, half up)", () => {
  it.each([
    [79 / 544, "15%"],
    [0.1452, "15%"],
    [38.96 / 111.78, "35%"],
    [17 / 38.3, "44%"],
    [0.47, "47%"],
    [0.38, "38%"],
    [0.42, "42%"],
    [0.24, "24%"],
    [0.145, "15%"],
    [0.125, "13%"],
    [0.144999, "14%"],
    [0.005, "1%"],
    [0, "0%"],
    [1, "100%"],
    [1.2, "120%"],
  ])("%s → %s", (share, text) => {
    expect(formatPercent(share)).toBe(text);
  });
});

describe("thousands and figures too large to show", () => {
  it("groups thousands in counts, amounts and percentages", () => {
    expect(formatCount(97_972)).toBe("97,972");
    expect(formatCount(76_234)).toBe("76,234");
    expect(formatCount(999)).toBe("999");
    expect(formatMoney(1_431e9)).toBe("£1,431bn");
    expect(formatMoney(-1_431_500e9)).toBe("-£1,431,500bn");
    expect(formatPercent(12.345)).toBe("1,235%");
  });

  it("never writes Infinity or NaN", () => {
    for (const x of [Infinity, -Infinity, NaN]) {
      for (const text of [formatMoney(x), formatPercent(x), formatCount(x)]) {
        expect(text).not.toMatch(/Infinity|NaN/);
        expect(text).toBe("(too large to show)");
      }
    }
    expect(formatMoney(1.7e308)).toBe("£1.70 × 10^299bn");
  });
});

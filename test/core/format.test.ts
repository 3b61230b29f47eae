import { describe, expect, it } from "vitest";
import { formatMoney, formatPercent } from "../../src/core/format";

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

  it("rounding up to 1000 of a unit moves to the next unit", () => {
    expect(formatMoney(999_999_999)).toBe("£1bn");
    expect(formatMoney(999_950)).toBe("£1m");
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

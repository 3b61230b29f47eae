import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { headerTokens, normaliseHeader } from "../../src/core/normaliseHeader";

describe("normaliseHeader", () => {
  const cases: [string, string][] = [
    ["Surplus/(deficit) £k", "surplus deficit"],
    ["Surplus/(deficit) £m", "surplus deficit"],
    ["Surplus / (Deficit)", "surplus deficit"],
    ["Plan £k", "plan"],
    ["(£000) YTD actual", "ytd actual"],
    ["YTD Actual (£'000s)", "ytd actual"],
    ["  Forecast   outturn (£m) ", "forecast outturn"],
    ["Forecast\noutturn\t£k", "forecast outturn"],
    ["Non-recurrent", "non recurrent"],
    ["One-off", "one off"],
    ["Org. code", "org code"],
    ["Trust's plan", "trust s plan"],
    ["CIP target 2011/12", "cip target 2011 12"],
    ["QIPP target (£m)", "qipp target"],
    ["Plan 11-12", "plan 11 12"],
    ["Apr-11", "apr 11"],
    ["Month 12", "month 12"],
    ["M1", "m1"],
    ["Plan – revised", "plan revised"],
    ["RAG*", "rag"],
    ["% delivered", "delivered"],
    ["CIP: Shortfall £k", "cip shortfall"],
    ["£", ""],
    ["", ""],
    ["   ", ""],
  ];
  it.each(cases)("%j -> %j", (header, normalised) => {
    expect(normaliseHeader(header)).toBe(normalised);
  });

  it("keeps the meaning of '&': 'I&E' and 'I and E' normalise alike", () => {
    expect(normaliseHeader("I&E")).toBe("i and e");
    expect(normaliseHeader("I & E")).toBe(normaliseHeader("I and E"));
    expect(normaliseHeader("Income & expenditure £k")).toBe("income and expenditure");
  });

  it("folds full-width and other compatibility characters", () => {
    expect(normaliseHeader("ＡＰＲ")).toBe("apr");
  });

  it("returns '' for anything that is not text", () => {
    for (const value of [null, undefined, 12, true, {}, []]) expect(normaliseHeader(value as unknown as string)).toBe("");
  });
});

describe("headerTokens", () => {
  it("splits the normalised header into words", () => {
    expect(headerTokens("Plan to date £k")).toEqual(["plan", "to", "date"]);
    expect(headerTokens(" £m ")).toEqual([]);
  });
});

describe("normaliseHeader properties", () => {
  const text = fc.oneof(
    fc.string({ unit: "grapheme" }),
    fc.string({ unit: "binary" }),
    fc.constantFrom("Surplus/(deficit) £k", "£'000s", "I&E", "İ", "Ｍ１"),
  );

  it("gives lower-case words separated by single spaces", () => {
    fc.assert(
      fc.property(text, (header) => {
        const normalised = normaliseHeader(header);
        expect(normalised).toBe(normalised.trim());
        expect(normalised).not.toMatch(/\s{2}|[A-Z£&/()'.-]/);
      }),
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(text, (header) => {
        const once = normaliseHeader(header);
        expect(normaliseHeader(once)).toBe(once);
      }),
    );
  });
});

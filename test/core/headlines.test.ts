// Headlines: counts and amounts with thousands separators, and no sentence stating a zero that
// could not be measured.
import { describe, expect, it } from "vitest";
import { analyseTracker } from "../../src/core/analyseTracker";
import { MONTHS } from "../../src/core/fields";
import { recogniseColumns } from "../../src/core/recogniseColumns";
import { DEFAULT_SETTINGS } from "../../src/core/settings";

describe("headlines", () => {
  it("write counts and amounts with thousands separators", () => {
    // 1,200 organisations, each planning £1.5bn (1,500 £m) and delivering 1,000 £m; one ahead.
    const rows = Array.from({ length: 1_200 }, (_, i) => [`Org ${i}`, 1_500, i === 0 ? 2_000 : 1_000]);
    const a = analyseTracker(rows, recogniseColumns(["Trust", "YTD plan £m", "YTD actual £m"]), DEFAULT_SETTINGS);
    expect(a.headlines[0]).toMatch(/^1,199 of 1,200 organisations \(100%\) are behind plan to date/);
    expect(a.headlines[1]).toMatch(
      /^Between them they planned £1,800bn to date and delivered £1,201bn, missing the plan by £599bn/,
    );
  });

  it("say nothing about back-loading when the monthly plan columns are incomplete and so not used", () => {
    const header = ["Trust", "Annual plan £k", "YTD plan £k", "YTD actual £k", ...MONTHS.slice(0, 9).map((m) => `${m} plan £k`)];
    const rows = [["A", 120, 60, 50, ...Array(9).fill(10)]];
    const mapping = recogniseColumns(header);
    expect(mapping.hasFullPhasing).toBe(false);
    const a = analyseTracker(rows, mapping, DEFAULT_SETTINGS);
    expect(a.headlines.join(" ")).not.toMatch(/second half/);
  });

  it("say how many phase their plan into the second half when the phasing is complete", () => {
    const header = ["Trust", "Annual plan £k", "YTD plan £k", "YTD actual £k", ...MONTHS.map((m) => `${m} plan £k`)];
    const rows = [["A", 120, 60, 50, ...Array(12).fill(10)]];
    const a = analyseTracker(rows, recogniseColumns(header), DEFAULT_SETTINGS);
    expect(a.headlines.join(" ")).toMatch(/None phase more than 65% of their plan into the second half/);
  });
});

// The whole core on the sample trackers, as the task pane will run it: recognise the header, then
// analyse the rows. The trust sample is built to match the HSJ half-year report, so the headlines
// must come out as the article put them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyseTracker } from "../../src/core/analyseTracker";
import { recogniseColumns } from "../../src/core/recogniseColumns";
import { DEFAULT_SETTINGS } from "../../src/core/settings";

interface Sample {
  monthsElapsed: number;
  header: unknown[];
  rows: unknown[][];
}

const load = (name: string): Sample => JSON.parse(readFileSync(join(__dirname, "../../assets", name), "utf8"));

function analyse(sample: Sample) {
  const mapping = recogniseColumns(sample.header);
  return {
    mapping,
    analysis: analyseTracker(sample.rows, mapping, { ...DEFAULT_SETTINGS, monthsElapsed: sample.monthsElapsed }),
  };
}

describe("the trust CIP sample", () => {
  const { mapping, analysis } = analyse(load("sample-trust-cip-tracker.json"));

  it("has every column recognised", () => {
    expect(mapping.unmapped).toEqual([]);
    expect(mapping.ambiguous).toEqual([]);
    expect(mapping.hasFullPhasing).toBe(true);
  });

  it("reproduces the HSJ headline", () => {
    expect(analysis.headlines[0]).toBe(
      "49 of 72 organisations (68%) are behind plan to date; 7 have delivered less than a fifth of their annual plan; 5 meet all three distress tests.",
    );
    expect(analysis.headlines[1]).toBe(
      "Between them they planned £544m to date and delivered £465m, missing the plan by £79m (15%) net; " +
        "those behind plan are £86.26m short between them (the sum of shortfalls), £7.26m of it offset by others ahead of plan.",
    );
    expect(analysis.headlines).toContain("They forecast £1.18bn against annual plans of £1.3bn: all but 9% (£117m short).");
  });

  it("counts the trusts in deficit and leaves no row out", () => {
    expect(analysis.rollup.total.organisations).toBe(72);
    expect(analysis.rollup.total.flags.DEFICIT).toBe(30);
    expect(analysis.problemRows).toEqual([]);
    expect(analysis.rollup.groups).toHaveLength(4);
  });
});

describe("the PCT QIPP sample", () => {
  const { analysis } = analyse(load("sample-pct-qipp-tracker.json"));

  it("gives the cluster shares of the full-year target from the article", () => {
    const byGroup = Object.fromEntries(analysis.rollup.groups.map((g) => [g.group, g.progressPct]));
    expect(byGroup["North of England"]).toBeCloseTo(0.47, 10);
    expect(byGroup["South of England"]).toBeCloseTo(0.38, 10);
  });

  it("reproduces NHS Sussex's forecast: £72.82m of £111.78m, 35% short", () => {
    // The Sussex cluster's four PCTs; the seed gives the cluster's totals.
    const sussex = ["NHS West Sussex", "NHS Brighton and Hove", "NHS East Sussex Downs and Weald", "NHS Hastings and Rother"];
    const rows = Array.from({ length: analysis.rowCount }, (_, i) => i).filter((i) => sussex.includes(analysis.organisation(i)));
    expect(rows).toHaveLength(4);
    const sum = (metric: "forecastUsed" | "forecastShortfall") =>
      rows.reduce((t, i) => t + (analysis.metrics[metric].get(i) as number), 0);
    expect(sum("forecastUsed")).toBeCloseTo(72820, 6);
    expect(sum("forecastShortfall")).toBeCloseTo(38960, 6);
    expect(sum("forecastShortfall") / 111780).toBeCloseTo(0.3485, 4);
  });
});

import { describe, expect, it } from "vitest";
import { invalidValue } from "../../src/core/problem";
import { NO_GROUP } from "../../src/core/rollup";
import { summariseColumns, type SummaryInput } from "../../src/core/summariseColumns";

const row = (
  group: string | null,
  annualPlan: SummaryInput["annualPlan"],
  ytdPlan: SummaryInput["ytdPlan"],
  ytdActual: SummaryInput["ytdActual"],
) => ({
  group,
  annualPlan,
  ytdPlan,
  ytdActual,
});

describe("summariseColumns", () => {
  it("sums by group in order of first appearance, blank groups together, and in all", () => {
    const { rollup, leftOut } = summariseColumns([
      row("South", 200, 100, 110),
      row("North", 100, 40, 30),
      row(null, 60, 30, 15),
      row("North", 50, 20, 10),
    ]);
    expect(leftOut).toBe(0);
    expect(rollup.groups.map((g) => g.group)).toEqual(["South", "North", NO_GROUP]);
    const north = rollup.groups[1];
    expect([north.organisations, north.behindPlan, north.annualPlan, north.ytdPlan, north.ytdActual, north.shortfall]).toEqual([
      2, 2, 150, 60, 40, 20,
    ]);
    // Ratio forecasts: 30 + 0.75 × 60 = 75 and 10 + 0.5 × 30 = 25.
    expect(north.forecast).toBe(100);
    expect(rollup.total.group).toBe("All");
    expect(rollup.total.organisations).toBe(4);
    expect(rollup.total.forecast).toBe(220 + 100 + 30);
  });

  it("leaves out, and counts, rows with a blank, invalid or negative amount", () => {
    const { rollup, leftOut } = summariseColumns([
      row("A", 100, 50, 40),
      row("A", null, 50, 40),
      row("A", 100, invalidValue("bad"), 40),
      row("A", 100, -5, 40),
      row("A", -100, 5, 4),
      row("B", 100, 50, null),
    ]);
    expect(leftOut).toBe(5);
    expect(rollup.total.organisations).toBe(1);
    expect(rollup.total.annualPlan).toBe(100);
    // A group whose every row was left out does not appear.
    expect(rollup.groups.map((g) => g.group)).toEqual(["A"]);
  });
});

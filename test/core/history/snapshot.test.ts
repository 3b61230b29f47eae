import { describe, expect, it } from "vitest";
import { rowKey } from "../../../src/core/history/runKey";
import { run, SEPTEMBER, type Row } from "./runs";

describe("run snapshot", () => {
  it("keeps each organisation's figures in the run's unit, keyed by name", () => {
    const s = run(SEPTEMBER, "2025-10-03T09:00:00Z", { monthsElapsed: 6 });
    expect(s.info).toMatchObject({ unit: "£k", monthsElapsed: 6, forecastBasis: "reported", trackerAddress: "Tracker!A1:G9" });
    expect(s.detail?.keys).toEqual(SEPTEMBER.map((r) => rowKey(r[0])));
    expect(Array.from(s.detail?.amounts.forecast ?? [])).toEqual([900, 400, 300, 200]);
    expect(Array.from(s.detail?.amounts.unidentified ?? [])).toEqual([100, 0, 200, NaN]);
    expect(s.totals).toEqual({ rows: 4, forecast: 1800, ytdPlan: 1100, ytdActual: 900, unidentified: 300, annualPlan: 2200 });
    expect(s.dimensions.Group.map((g) => [g.value, g.forecast])).toEqual([
      ["North", 1300],
      ["South", 500],
    ]);
    expect(Array.from(s.detail?.sourceRows ?? [])).toEqual([0, 1, 2, 3]);
    expect(s.ragCounts.forecastRag?.reduce((a, b) => a + b)).toBe(4);
    expect(s.messages).toEqual([]);
  });

  it("matches names whatever their case and spacing", () => {
    expect(rowKey("  Acute   TRUST ")).toBe(rowKey("acute trust"));
    expect(rowKey("Acute trust", "Prescribing")).not.toBe(rowKey("Acute trust"));
    expect(rowKey("Acute trust", "Prescribing")).not.toBe(rowKey("Acute trust Prescribing"));
  });

  it("leaves duplicate keys out of the row detail with a message each, and keeps them in the totals", () => {
    const rows: Row[] = [
      ...SEPTEMBER,
      ["ACUTE TRUST ", "North", 10, 5, 5, 10, 0],
      ["Ambulance trust", "South", 1, 1, 1, 1, 0],
      ["Ambulance trust", "South", 1, 1, 1, 1, 0],
    ];
    const s = run(rows, "2025-10-03T09:00:00Z");
    expect(s.detail?.organisations).toEqual(["Community trust", "Mental health trust"]);
    expect(s.messages).toEqual([
      `"Acute trust" appears in 2 rows (rows 2 and 6): the history cannot tell them apart, so they are not compared with other runs. Give each its own name (or add a scheme column).`,
      `"Ambulance trust" appears in 3 rows (rows 5, 7 and 8): the history cannot tell them apart, so they are not compared with other runs. Give each its own name (or add a scheme column).`,
    ]);
    expect(s.totals.rows).toBe(7);
  });

  it("says which rows have figures but no name", () => {
    const s = run([...SEPTEMBER, ["", "North", 10, 5, 5, 10, 0]], "2025-10-03T09:00:00Z");
    expect(s.messages).toEqual(["1 row has figures but no organisation name (row 6), so it is not compared with other runs."]);
    expect(s.detail?.count).toBe(4);
  });

  it("rounds amounts to hundredths of the unit", () => {
    const s = run([["A", "N", 10, 5, 5, 1.23456, 0]], "2025-10-03T09:00:00Z");
    expect(s.detail?.amounts.forecast[0]).toBe(1.23);
  });
});

import { describe, expect, it } from "vitest";
import { computeMovement, forecastMovementByRow, matchRows } from "../../../src/core/history/movement";
import { keyHashes } from "../../../src/core/history/runKey";
import { FIRST_RUN_HEADLINE, movementHeadline } from "../../../src/core/history/movementHeadline";
import { run, SEPTEMBER, type Row } from "./runs";

const sep = run(SEPTEMBER, "2025-10-03T09:00:00Z", { monthsElapsed: 6 });

function october(rows: Row[]) {
  return run(rows, "2025-11-04T09:00:00Z", { monthsElapsed: 7 });
}

describe("movement since the last run", () => {
  it("says the first run has nothing to compare with", () => {
    const m = computeMovement(null, sep);
    expect(m.first).toBe(true);
    expect(m.totals).toBeNull();
    expect(Array.from(m.rowMovement).every(Number.isNaN)).toBe(true);
    expect(movementHeadline(m)).toBe(FIRST_RUN_HEADLINE);
  });

  it("matches rows by name after the tracker was sorted", () => {
    const changed: Row[] = [...SEPTEMBER].reverse().map((r) => [...r] as Row);
    changed[0][5] = 150; // Ambulance 200 -> 150
    changed[3][5] = 760; // Acute 900 -> 760
    const now = october(changed);
    const m = computeMovement(sep, now);
    expect(m.added).toEqual([]);
    expect(m.removed).toEqual([]);
    expect(m.totals?.forecast).toEqual({ before: 1800, after: 1610, change: -190 });
    expect(Array.from(forecastMovementByRow(m, now.detail, 4))).toEqual([-50, 0, 0, -140]);
    expect(m.movers.map((x) => [x.name, x.change, x.sourceRow])).toEqual([
      ["Acute trust", -140, 3],
      ["Ambulance trust", -50, 0],
    ]);
    expect(movementHeadline(m)).toBe(
      "Forecast down £190k since the September run; biggest movers: Acute trust down £140k, Ambulance trust down £50k.",
    );
    expect(m.dimensions.Group.map((g) => [g.value, g.forecast.change])).toEqual([
      ["North", -140],
      ["South", -50],
    ]);
  });

  it("shows a renamed organisation as removed and added, and says why", () => {
    const renamed = SEPTEMBER.map((r) => [...r] as Row);
    renamed[1][0] = "Community services trust";
    const now = october(renamed);
    const m = computeMovement(sep, now);
    expect(m.removed).toEqual([{ name: "Community trust", sourceRow: null }]);
    expect(m.added).toEqual([{ name: "Community services trust", sourceRow: 1 }]);
    expect(Number.isNaN(forecastMovementByRow(m, now.detail, 4)[1])).toBe(true);
    expect(m.notes.join(" ")).toContain("a row renamed since the last run shows as one removed and one added");
  });

  it("finds rows added (inserted in the middle) and removed, and leaves a new row's movement blank", () => {
    const rows: Row[] = [SEPTEMBER[0], ["New trust", "East", 100, 50, 40, 80, 0], SEPTEMBER[2], SEPTEMBER[3]];
    const now = october(rows);
    const m = computeMovement(sep, now);
    expect(m.added.map((a) => a.name)).toEqual(["New trust"]);
    expect(m.removed.map((a) => a.name)).toEqual(["Community trust"]);
    const column = Array.from(forecastMovementByRow(m, now.detail, 4));
    expect(column[0]).toBe(0);
    expect(Number.isNaN(column[1])).toBe(true);
    const east = m.dimensions.Group.find((g) => g.value === "East");
    expect(east?.forecast).toEqual({ before: 0, after: 80, change: 80 });
    expect(east?.rowsBefore).toBe(0);
  });

  it("lists RAG changes from and to, and counts worse ones by group", () => {
    const rows = SEPTEMBER.map((r) => [...r] as Row);
    rows[1][5] = 300; // Community trust: forecast 400 of 400 -> 300 (25% short): green -> red
    const m = computeMovement(sep, october(rows));
    const forecastRag = m.ragChanges.filter((c) => c.rag === "forecastRag");
    expect(forecastRag).toEqual([
      { name: "Community trust", sourceRow: 1, rag: "forecastRag", from: "Green", to: "Red", worse: true },
    ]);
    expect(m.dimensions.Group.find((g) => g.value === "North")?.ragWorse).toBe(1);
  });

  it("leaves duplicates out of row movement but not out of the totals", () => {
    const rows: Row[] = [...SEPTEMBER, ["Acute trust", "North", 10, 5, 5, 10, 0]];
    const m = computeMovement(sep, october(rows));
    expect(m.removed.map((r) => r.name)).toEqual(["Acute trust"]);
    expect(m.notes[0]).toContain(`"Acute trust" appears in 2 rows`);
    expect(m.totals?.forecast.change).toBe(10);
  });

  it("converts the last run's amounts when the unit changed", () => {
    const header = ["Organisation", "Group", "Annual plan £m", "YTD plan £m", "YTD actual £m", "Forecast £m", "Unidentified £m"];
    const inMillions = run(
      SEPTEMBER.map((r) => [r[0], r[1], 1, 0.5, 0.5, 0.9, 0] as Row),
      "2025-11-04T09:00:00Z",
      { monthsElapsed: 7 },
      header,
    );
    const m = computeMovement(inMillions, october(SEPTEMBER));
    expect(m.totals?.forecast.before).toBeCloseTo(3600);
    expect(m.notes).toContain("The last run was in £m; its amounts are converted to £k to compare.");
  });

  it("names a re-run in the same month by its date", () => {
    const again = run(SEPTEMBER, "2025-10-05T09:00:00Z", { monthsElapsed: 6 });
    expect(movementHeadline(computeMovement(sep, again))).toBe("Forecast unchanged since the last run (3 Oct 2025).");
  });

  it("compares totals only when the last run kept no row detail", () => {
    const m = computeMovement({ ...sep, detail: null }, october(SEPTEMBER));
    expect(m.rowLevel).toBe(false);
    expect(m.totals?.forecast.change).toBe(0);
    expect(m.notes).toContain("The last run kept its totals only, so rows are not compared one by one.");
  });

  it("matches keys in place until the first difference, then by map", () => {
    const keyed = (keys: string[]) => ({ keys, hashes: keyHashes(keys) });
    expect(Array.from(matchRows(keyed(["a", "b", "c"]), keyed(["a", "c", "d", "b"])))).toEqual([0, 2, -1, 1]);
    expect(Array.from(matchRows(keyed(["a", "b"]), keyed(["a", "b"])))).toEqual([0, 1]);
    // Keys whose hashes collide are still told apart by their text.
    const collide = { keys: ["x", "y", "z"], hashes: Uint32Array.of(5, 5, 5) };
    expect(Array.from(matchRows({ keys: ["z", "y", "x"], hashes: Uint32Array.of(5, 5, 5) }, collide))).toEqual([2, 1, 0]);
  });
});

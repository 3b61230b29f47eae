import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  appendRun,
  DETAIL_BUDGET,
  EMPTY_HISTORY,
  HISTORY_LIMIT,
  parseHistory,
  serialiseHistory,
  type History,
} from "../../../src/core/history/historyFormat";
import { RAG_NAMES } from "../../../src/core/metrics";
import { buildSnapshot, type RunSnapshot, type SnapshotSource } from "../../../src/core/history/snapshot";
import { FORECAST_BASES, FORECAST_METHODS } from "../../../src/core/settings";
import { UNITS } from "../../../src/core/units";
import { run, SEPTEMBER } from "./runs";

const amount = fc.oneof(fc.constant(NaN), fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 10000 }));
const name = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("Acute trust", "North", "£ 'quoted' \"x\" \\ é 😀"));

/** Any run: rows with any names (duplicates, blanks), amounts, RAGs and dimension values. */
const anySnapshot = fc
  .record({
    rows: fc.array(
      fc.tuple(name, name, name, fc.array(amount, { minLength: 5, maxLength: 5 }), fc.integer({ min: 0, max: 3 }), fc.boolean()),
      { maxLength: 30 },
    ),
    scheme: fc.boolean(),
    unit: fc.constantFrom(...UNITS),
    basis: fc.constantFrom(...FORECAST_BASES),
    method: fc.constantFrom(...FORECAST_METHODS),
    months: fc.integer({ min: 1, max: 12 }),
  })
  .map(({ rows, scheme, unit, basis, method, months }): RunSnapshot => {
    const source: SnapshotSource = {
      info: {
        runAt: "2025-10-03T09:00:00.000Z",
        monthsElapsed: months,
        forecastBasis: basis,
        forecastMethod: method,
        unit,
        trackerAddress: "'My tracker'!A1:Z9",
      },
      rowCount: rows.length,
      isData: (r) => rows[r][5],
      organisation: (r) => rows[r][0],
      scheme: scheme ? (r) => rows[r][1] : undefined,
      dimensions: { Group: (r) => rows[r][2], Category: (r) => rows[r][1] },
      amount: (a, r) => rows[r][3][["forecast", "ytdPlan", "ytdActual", "unidentified", "annualPlan"].indexOf(a)],
      rags: RAG_NAMES,
      ragCode: (g, r) => (rows[r][4] + RAG_NAMES.indexOf(g)) % 4,
      sheetRow: (r) => r + 2,
    };
    return buildSnapshot(source);
  });

/** What a stored run reads back as: positions are not stored. */
const stored = (s: RunSnapshot): RunSnapshot => (s.detail ? { ...s, detail: { ...s.detail, sourceRows: null } } : s);

describe("history serialisation", () => {
  it("reads back any history as written", () => {
    fc.assert(
      fc.property(fc.array(anySnapshot, { maxLength: 4 }), (runs) => {
        const history = runs.reduce<History>((h, r) => appendRun(h, r), EMPTY_HISTORY);
        const parsed = parseHistory(serialiseHistory(history));
        expect(parsed).toEqual({ ok: true, history: { runs: history.runs.map(stored) } });
      }),
      { numRuns: 150 },
    );
  });

  it("keeps the last 13 runs, dropping the oldest, and the row detail of the newest only", () => {
    let history = EMPTY_HISTORY;
    for (let month = 1; month <= 14; month++) {
      history = appendRun(
        history,
        run(SEPTEMBER, `2025-${String(((month - 1) % 12) + 1).padStart(2, "0")}-0${1 + Math.floor(month / 13)}T09:00:00Z`),
      );
    }
    expect(HISTORY_LIMIT).toBe(13);
    expect(history.runs).toHaveLength(13);
    expect(history.runs[0].info.runAt).toBe("2025-02-01T09:00:00Z"); // the 2nd run: the 1st was dropped
    expect(history.runs[12].info.runAt).toBe("2025-02-02T09:00:00Z");
    expect(history.runs.map((r) => r.detail !== null)).toEqual([...new Array(12).fill(false), true]);
  });

  it("keeps only the totals of a run too large to store row by row, and says so", () => {
    const rows = Math.ceil(DETAIL_BUDGET / 12) + 1;
    const big = buildSnapshot({
      info: run(SEPTEMBER, "2025-10-03T09:00:00Z").info,
      rowCount: rows,
      isData: () => true,
      organisation: (r) => `Trust ${r}`,
      dimensions: {},
      amount: () => 1,
      rags: [],
      ragCode: () => 0,
      sheetRow: (r) => r + 2,
    });
    const kept = appendRun(EMPTY_HISTORY, big).runs[0];
    expect(kept.detail).toBeNull();
    expect(kept.totals.rows).toBe(rows);
    expect(kept.messages.at(-1)).toMatch(/keeps the totals of this run but not its [\d,]+ rows one by one/);
    expect(serialiseHistory({ runs: [kept] }).length).toBeLessThan(2000);
  });

  it("gives a message for a damaged, foreign or newer history, never a throw", () => {
    const good = serialiseHistory(appendRun(EMPTY_HISTORY, run(SEPTEMBER, "2025-10-03T09:00:00Z")));
    const cases: [string, RegExp][] = [
      ["", /not valid JSON/],
      [good.slice(0, good.length / 2), /not valid JSON/],
      ['{"hello":1}', /not one CIP Analyst wrote/],
      ["[1,2]", /not one CIP Analyst wrote/],
      [good.replace('"version":1', '"version":2'), /version 2, which this version of CIP Analyst cannot read/],
      [good.replace('"monthsElapsed":6', '"monthsElapsed":13'), /run 1 info months elapsed is not 1 to 12/],
      [good.replace('"unit":"£k"', '"unit":"$"'), /unit is not £, £k or £m/],
      [good.replace(/"forecast":\[[^\]]*\]/, '"forecast":[1]'), /forecast holds 1 values for 4 rows/],
      [good.replace(/"forecastRag":"\d+"/, '"forecastRag":"12x4"'), /forecastRag is not 4 RAG digits/],
      [good.replace('"runs":[', '"runs":[null,'), /run 1 is not an object/],
    ];
    for (const [text, message] of cases) {
      const parsed = parseHistory(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(message);
    }
  });

  it("never throws on any text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        expect(typeof parseHistory(text).ok).toBe("boolean");
      }),
    );
  });
});

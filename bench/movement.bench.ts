/**
 * `npm run bench`: movement since the last run over 1,048,576 rows (a full sheet), the two runs'
 * snapshots in memory with their row detail, and the second run's rows in another order (every
 * row found through the key map, the slow path). Goal on a 2-core machine: ≤ 0.3 s.
 * Also: what serialising the history costs, and its size once a run that large keeps totals only.
 */
import { appendRun, EMPTY_HISTORY, serialiseHistory } from "../src/core/history/historyFormat";
import { computeMovement } from "../src/core/history/movement";
import { movementHeadline } from "../src/core/history/movementHeadline";
import { buildSnapshot, type AmountName, type SnapshotSource } from "../src/core/history/snapshot";
import { RAG_NAMES } from "../src/core/metrics";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_048_576);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const GROUPS = ["North of England", "Midlands and East", "London", "South of England", "North West", "Yorkshire", "South West"];

function source(month: number, order: (row: number) => number): SnapshotSource {
  const amount = (name: AmountName, row: number) => ((order(row) * 7919 + name.length * 104729 + month * 31) % 100_000) / 10;
  return {
    info: {
      runAt: `2025-${String(month + 3).padStart(2, "0")}-03T09:00:00Z`,
      monthsElapsed: month,
      forecastBasis: "reported",
      forecastMethod: "deliveryRatio",
      unit: "£k",
      trackerAddress: "Tracker!A1:X1048576",
    },
    rowCount: ROWS,
    isData: () => true,
    organisation: (row) => `Organisation ${order(row)}`,
    dimensions: { Group: (row) => GROUPS[order(row) % GROUPS.length] },
    amount,
    rags: RAG_NAMES,
    // One row in fifty changes its RAGs from one month to the next.
    ragCode: (g, row) => (order(row) + g.length + (order(row) % 50 === 0 ? month : 0)) % 4,
    sheetRow: (row) => row + 2,
  };
}

const before = buildSnapshot(source(6, (row) => row));
// The next run sorted another way: row r holds what was row (r × 7) mod N (7 is coprime with 2^20).
const after = buildSnapshot(source(7, (row) => (row * 7) % ROWS));
const times: number[] = [];
let headline = "";
for (let run = 0; run < RUNS; run++) {
  gc();
  const start = process.hrtime.bigint();
  const movement = computeMovement(before, after);
  times.push(Number(process.hrtime.bigint() - start) / 1e9);
  headline = movementHeadline(movement);
}
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
console.log("");
console.log(`CIP Analyst movement benchmark — ${ROWS.toLocaleString("en-GB")} rows, the second run in another order`);
console.log(
  `movement      : ${median.toFixed(3)} s median of ${RUNS} (best ${Math.min(...times).toFixed(3)} s)  [goal ≤ 0.3 s: ${median <= 0.3 ? "meets goal" : "MISSES goal"}]`,
);
const start = process.hrtime.bigint();
const text = serialiseHistory(appendRun(appendRun(EMPTY_HISTORY, before), after));
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(
  `history       : ${Math.ceil(text.length / 1024)} KB for two runs of this size (row detail over the budget is kept as totals), serialised in ${seconds.toFixed(3)} s`,
);
console.log(`headline      : ${headline}`);

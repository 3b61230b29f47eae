/**
 * `npm run bench`: the full analysis (column recognition, every metric, RAG, flag, forecast, the
 * roll-up, worst list and headlines) over 1,048,576 rows — a full Excel sheet — in Excel's shape,
 * against a bare loop that only subtracts two columns of the same data.
 * Goals on a 2-core machine: ≤ 1 s, ≤ 600 MB peak, ≤ 8 × the bare loop.
 * Run with --expose-gc (the npm script does) so runs do not pay for each other's garbage.
 */
import { analyseTracker } from "../src/core/analyseTracker";
import { METRIC_NAMES } from "../src/core/metrics";
import { recogniseColumns } from "../src/core/recogniseColumns";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { SYNTHETIC_HEADER, syntheticTracker } from "../packages/synthetic-tracker";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_048_576);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;
// Results live mostly in typed arrays, outside the JS heap: count both.
const held = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

function time<T>(work: () => T): { seconds: number; result: T } {
  const start = process.hrtime.bigint();
  const result = work();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, result };
}

/** The floor: read two columns, subtract, store. No parsing, no checks. */
function bareLoop(rows: readonly (readonly unknown[])[], a: number, b: number): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    out[i] = (row[a] as number) - (row[b] as number);
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)];
}

gc();
const heapBefore = process.memoryUsage().heapUsed;
const { seconds: buildSeconds, result: rows } = time(() => syntheticTracker(ROWS));
gc();
const inputBytes = process.memoryUsage().heapUsed - heapBefore;
const rssWithInput = process.memoryUsage().rss;
console.log(
  `CIP Analyst benchmark — ${ROWS.toLocaleString("en-GB")} rows × ${SYNTHETIC_HEADER.length} columns (Node ${process.version})`,
);
console.log(`input: built in ${buildSeconds.toFixed(2)} s, holds ${mb(inputBytes)} of heap; process RSS ${mb(rssWithInput)}`);

const mapping = recogniseColumns(SYNTHETIC_HEADER);
const plan = mapping.columns.ytdPlan as number;
const actual = mapping.columns.ytdActual as number;

const bare: number[] = [];
const full: number[] = [];
let heapPeakDelta = 0;
let lastHeadline = "";
// Peak RSS is taken right after the first analysis: later runs would also count the previous
// run's typed arrays, which V8 frees a little after the garbage collection that drops them.
let peak = 0;
for (let run = 0; run < RUNS; run++) {
  gc();
  bare.push(time(() => bareLoop(rows, actual, plan)).seconds);
  gc();
  const heapStart = held();
  const { seconds, result } = time(() => analyseTracker(rows, mapping, DEFAULT_SETTINGS));
  full.push(seconds);
  heapPeakDelta = Math.max(heapPeakDelta, held() - heapStart);
  lastHeadline = result.headlines[0] ?? "";
  if (result.rowCount !== ROWS) throw new Error(`analysis returned ${result.rowCount} rows for ${ROWS}`);
  if (run === 0) peak = peakRss();
}

// A clean row's metrics are not stored but worked out again when read (metricColumn.ts): what
// reading every metric of every row back costs, row by row as the task pane writes them out.
const readBackColumns = Object.values(analyseTracker(rows, mapping, DEFAULT_SETTINGS).metrics);
gc();
const { seconds: readBackSeconds, result: numbersRead } = time(() => {
  let numbers = 0;
  for (let row = 0; row < ROWS; row++) for (const column of readBackColumns) if (typeof column.get(row) === "number") numbers++;
  return numbers;
});

const fullMedian = median(full);
const bareMedian = median(bare);
const fullBest = Math.min(...full);
const ratio = fullMedian / bareMedian;
const verdict = (ok: boolean) => (ok ? "meets goal" : "MISSES goal");
console.log("");
console.log(
  `full analysis : ${fullMedian.toFixed(3)} s median of ${RUNS} (best ${fullBest.toFixed(3)} s, first ${full[0].toFixed(3)} s) = ${Math.round(ROWS / fullMedian).toLocaleString("en-GB")} rows/s  [goal ≤ 1 s: ${verdict(fullMedian <= 1)}]`,
);
console.log(`bare loop     : ${bareMedian.toFixed(3)} s median (subtract two columns into a Float64Array)`);
console.log(`ratio         : ${ratio.toFixed(1)} × the bare loop  [goal ≤ 8: ${verdict(ratio <= 8)}]`);
console.log(
  `memory        : analysis result holds ${mb(heapPeakDelta)} (heap + typed arrays); peak process RSS ${mb(peak)}, of which ${mb(rssWithInput)} before the analysis (the input, the runtime)  [goal ≤ 600 MB: ${verdict(peak <= 600 * 1048576)}]`,
);
console.log(
  `read back     : ${readBackSeconds.toFixed(3)} s to read all ${METRIC_NAMES.length} metrics of every row afterwards (${numbersRead.toLocaleString("en-GB")} numbers), as the task pane does when it writes them out`,
);
console.log(`headline      : ${lastHeadline}`);

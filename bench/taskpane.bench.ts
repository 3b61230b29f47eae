/**
 * The task pane on a 1,048,576-row × 12-column tracker (Excel's last row), through the real
 * controller and gateway against the Excel double, which measures every request as Excel would and
 * rejects any over 5 MB or any read over 5,000,000 cells: Use selection, Analyse (which reads the
 * tracker again) and Analyse once more on the unchanged tracker. Prints syncs, the largest request and
 * response, wall time and peak memory, for a first run and for a re-run on the unchanged tracker
 * (which reads the previous block back, proves it unchanged and keeps for an undo only what the new
 * block changes). The double's own bookkeeping is in the figures: they bound the pane's cost from
 * above, they are not Excel's speed.
 */
import { PAYLOAD_LIMIT_BYTES, createWorkbookDouble } from "../packages/excel-double";
import { serialiseHistory } from "../src/core/history/historyFormat";
import { attach } from "../test/support/paneHarness";
import { SYNTHETIC_HEADER, syntheticTracker } from "../packages/synthetic-tracker";

const ROWS = 1_048_575; // data rows under the header: the sheet's 1,048,576 rows in all
const COLUMNS = 12;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
/** JS heap and typed arrays: what the pane's own data lives in (the process's peak RSS never comes down). */
const heapNow = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

const built = performance.now();
const rows = syntheticTracker(ROWS).map((row) => row.slice(0, COLUMNS).map((v) => (v === "" ? null : v)));
const book = createWorkbookDouble({ sheets: { Tracker: [SYNTHETIC_HEADER.slice(0, COLUMNS), ...rows] }, active: "Tracker" });
rows.length = 0;
console.log(
  `taskpane bench: ${(ROWS + 1).toLocaleString("en-GB")} rows × ${COLUMNS} columns in the double (built in ${((performance.now() - built) / 1000).toFixed(1)} s)`,
);

// Memory is sampled at every sync, the moments when what a phase holds is largest.
let heapPeak = 0;
let writePeak = 0;
let writing = false;
let writeSyncs = 0;
const GC_EVERY = 20;
const run = book.run;
book.run = (batch) =>
  run((context) => {
    const sync = context.sync.bind(context);
    context.sync = (async (value?: unknown) => {
      const out = await sync(value);
      // Within the output write, what is held (garbage collected first, every few syncs: a collection
      // takes a while): the figure the undo's backup moves, held from the first write to the last.
      if (writing && ++writeSyncs % GC_EVERY === 1) gc();
      const now = heapNow();
      heapPeak = Math.max(heapPeak, now);
      writePeak = Math.max(writePeak, now);
      return out;
    }) as typeof context.sync;
    return batch(context);
  });
/** Runs a phase from a collected heap, giving its time, the double's stats and its peak heap above the start (garbage included). */
async function phase(action: () => Promise<void>) {
  gc();
  const base = heapNow();
  heapPeak = base;
  book.resetStats();
  const t = performance.now();
  await action();
  return { seconds: (performance.now() - t) / 1000, stats: { ...book.stats }, heap: heapPeak - base };
}

const pane = attach(book);
// The output write alone (checks, previous block, undo backup, the block): its own peak heap.
const writes: number[] = [];
const writeOutput = pane.gateway.writeOutput.bind(pane.gateway);
pane.gateway.writeOutput = async (...args) => {
  gc();
  const base = heapNow();
  writePeak = base;
  writing = true;
  writeSyncs = 0;
  const out = await writeOutput(...args);
  writing = false;
  writes.push(writePeak - base);
  return out;
};
pane.book.select("Tracker!A1");
pane.controller.changeOptions({ monthsElapsed: 6 });

const read = await phase(() => pane.controller.readSelection());
if (pane.state().phase !== "mapped") throw new Error(`read failed: ${pane.state().status.text} ${pane.state().status.detail}`);
const write = await phase(() => pane.controller.analyse());
if (pane.state().phase !== "done") throw new Error(`analyse failed: ${pane.state().status.text} ${pane.state().status.detail}`);
// Analyse again on the unchanged tracker, straight away: it reads the tracker once more (the only
// proof Excel offers that it is unchanged is its cells), never twice, then writes over the first block.
const rewrite = await phase(() => pane.controller.analyse());
if (pane.state().phase !== "done") throw new Error(`re-run failed: ${pane.state().status.text} ${pane.state().status.detail}`);

const row = (label: string, { seconds, stats: s, heap }: typeof read) =>
  console.log(
    `${label}: ${seconds.toFixed(1)} s, ${s.syncs} syncs, largest request ${mb(s.largestRequestBytes)}, largest response ${mb(s.largestResponseBytes)}, ` +
      `largest read ${s.largestReadCells.toLocaleString("en-GB")} cells, peak heap ${mb(heap)} above its start`,
  );
console.log(`(times include the collections made to measure memory in the output write)`);
row("Use selection                                 ", read);
row("Analyse (read again, write, summary)          ", write);
row("Analyse again on the unchanged tracker (re-run)", rewrite);
console.log(
  `output write, most held (after a collection, every ${GC_EVERY} syncs): first run ${mb(writes[0])} (the double's new cells among them), ` +
    `re-run ${mb(writes[1])} (the previous block read back, what an undo needs kept): ` +
    `${(writes[1] / Math.max(1, writes[0])).toFixed(2)} × the first run's  [goal ≤ 1.3×]`,
);
console.log(`output: ${pane.state().result?.outputAddress}; peak RSS ${mb(peakRss())}`);
const largest = Math.max(
  ...[read, write, rewrite].flatMap(({ stats }) => [stats.largestRequestBytes, stats.largestResponseBytes]),
);
console.log(
  `limit check: largest payload ${mb(largest)} of ${mb(PAYLOAD_LIMIT_BYTES)} allowed — ${largest < PAYLOAD_LIMIT_BYTES ? "under" : "OVER"}`,
);

// The run history at this size, read and written on its own: what Analyse adds before and after the rest.
const got: { read?: Awaited<ReturnType<typeof pane.gateway.readHistory>> } = {};
const historyRead = await phase(async () => {
  got.read = await pane.gateway.readHistory();
});
if (!got.read?.ok) throw new Error("history read failed");
const history = got.read.history;
let historyNote = "";
const historyWrite = await phase(async () => {
  historyNote = await pane.gateway.writeHistory(history, false);
});
if (historyNote) throw new Error(`history write failed: ${historyNote}`);
row("run history read                               ", historyRead);
row("run history write                              ", historyWrite);
const newest = history.runs.at(-1);
console.log(
  `run history: ${history.runs.length} runs, ${serialiseHistory(history).length.toLocaleString("en-GB")} characters; ` +
    `the newest kept ${newest?.detail ? `${newest.detail.count.toLocaleString("en-GB")} rows one by one` : "its totals only (too many rows to keep one by one)"}`,
);
const historyLargest = Math.max(
  ...[historyRead, historyWrite].flatMap(({ stats }) => [stats.largestRequestBytes, stats.largestResponseBytes]),
);
console.log(
  `history limit check: largest payload ${mb(historyLargest)} of ${mb(PAYLOAD_LIMIT_BYTES)} allowed — ${historyLargest < PAYLOAD_LIMIT_BYTES ? "under" : "OVER"}`,
);

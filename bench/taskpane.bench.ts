/**
 * The task pane on a 1,048,576-row × 12-column tracker (Excel's last row), through the real
 * controller and gateway against the Excel double, which measures every request as Excel would and
 * rejects any over 5 MB or any read over 5,000,000 cells: Use selection, Analyse (which reads the
 * tracker again) and Analyse once more on the unchanged tracker. Prints syncs, the largest request
 * and response, wall time and peak memory. The double's own bookkeeping is in the figures: they bound
 * the pane's cost from above, they are not Excel's speed.
 */
import { PAYLOAD_LIMIT_BYTES, createWorkbookDouble } from "../packages/excel-double";
import { serialiseHistory } from "../src/core/history/historyFormat";
import { attach } from "../test/support/paneHarness";
import { SYNTHETIC_HEADER, syntheticTracker } from "../packages/synthetic-tracker";

const ROWS = 1_048_575; // data rows under the header: the sheet's 1,048,576 rows in all
const COLUMNS = 12;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

const built = performance.now();
const rows = syntheticTracker(ROWS).map((row) => row.slice(0, COLUMNS).map((v) => (v === "" ? null : v)));
const book = createWorkbookDouble({ sheets: { Tracker: [SYNTHETIC_HEADER.slice(0, COLUMNS), ...rows] }, active: "Tracker" });
rows.length = 0;
console.log(
  `taskpane bench: ${(ROWS + 1).toLocaleString("en-GB")} rows × ${COLUMNS} columns in the double (built in ${((performance.now() - built) / 1000).toFixed(1)} s)`,
);

const pane = attach(book);
pane.book.select("Tracker!A1");
pane.controller.changeOptions({ monthsElapsed: 6 });

book.resetStats();
let t = performance.now();
await pane.controller.readSelection();
const readSeconds = (performance.now() - t) / 1000;
const read = { ...book.stats };
const readPeak = peakRss();
if (pane.state().phase !== "mapped") throw new Error(`read failed: ${pane.state().status.text} ${pane.state().status.detail}`);

book.resetStats();
t = performance.now();
await pane.controller.analyse();
const writeSeconds = (performance.now() - t) / 1000;
const write = { ...book.stats };
const writePeak = peakRss();
if (pane.state().phase !== "done") throw new Error(`analyse failed: ${pane.state().status.text} ${pane.state().status.detail}`);

// Analyse again on the unchanged tracker: it is read once more (the only proof Excel offers that it is
// unchanged is its cells), then written over the first run's block.
book.resetStats();
t = performance.now();
await pane.controller.analyse();
const againSeconds = (performance.now() - t) / 1000;
const again = { ...book.stats };
if (pane.state().phase !== "done") throw new Error(`re-run failed: ${pane.state().status.text} ${pane.state().status.detail}`);

const row = (label: string, seconds: number, s: typeof read) =>
  console.log(
    `${label}: ${seconds.toFixed(1)} s, ${s.syncs} syncs, largest request ${mb(s.largestRequestBytes)}, largest response ${mb(s.largestResponseBytes)}, ` +
      `largest read ${s.largestReadCells.toLocaleString("en-GB")} cells`,
  );
row("read selection                        ", readSeconds, read);
row("analyse (read again, write, summary)  ", writeSeconds, write);
row("analyse again on the unchanged tracker", againSeconds, again);
console.log(
  `output: ${pane.state().result?.outputAddress}; peak RSS ${mb(readPeak)} after Use selection, ${mb(writePeak)} after Analyse, ${mb(peakRss())} after Analyse again`,
);
const largest = Math.max(...[read, write, again].flatMap((s) => [s.largestRequestBytes, s.largestResponseBytes]));
console.log(
  `limit check: largest payload ${mb(largest)} of ${mb(PAYLOAD_LIMIT_BYTES)} allowed — ${largest < PAYLOAD_LIMIT_BYTES ? "under" : "OVER"}`,
);

// The run history at this size, read and written on its own: what Analyse adds before and after the rest.
book.resetStats();
t = performance.now();
const stored = await pane.gateway.readHistory();
const historyReadSeconds = (performance.now() - t) / 1000;
const historyRead = { ...book.stats };
if (!stored.ok) throw new Error(`history read failed: ${stored.message} ${stored.detail}`);
book.resetStats();
t = performance.now();
const historyNote = await pane.gateway.writeHistory(stored.history, false);
const historyWriteSeconds = (performance.now() - t) / 1000;
const historyWrite = { ...book.stats };
if (historyNote) throw new Error(`history write failed: ${historyNote}`);
row("run history read                      ", historyReadSeconds, historyRead);
row("run history write                     ", historyWriteSeconds, historyWrite);
const newest = stored.history.runs.at(-1);
console.log(
  `run history: ${stored.history.runs.length} runs, ${serialiseHistory(stored.history).length.toLocaleString("en-GB")} characters; ` +
    `the newest kept ${newest?.detail ? `${newest.detail.count.toLocaleString("en-GB")} rows one by one` : "its totals only (too many rows to keep one by one)"}`,
);
const historyLargest = Math.max(...[historyRead, historyWrite].flatMap((s) => [s.largestRequestBytes, s.largestResponseBytes]));
console.log(
  `history limit check: largest payload ${mb(historyLargest)} of ${mb(PAYLOAD_LIMIT_BYTES)} allowed — ${historyLargest < PAYLOAD_LIMIT_BYTES ? "under" : "OVER"}`,
);

/**
 * `npm run bench`: a 1,048,576-row scheme register — recognition, the tracker analysis, the scheme
 * analysis (risk-adjusted forecast, basis, recurrent position, per-row checks), the organisation
 * level, the bridges, the headlines and roll-ups by four dimensions (organisation, division,
 * category, stage). Goals on a 2-core machine: ≤ 1.5 s and ≤ 700 MB peak.
 */
import { analyseTracker } from "../src/core/analyseTracker";
import { recogniseColumns } from "../src/core/recogniseColumns";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { schemeReport } from "../src/core/schemes/schemeReport";
import { DEFAULT_SCHEME_SETTINGS } from "../src/core/schemes/schemeSettings";
import { SYNTHETIC_REGISTER_HEADER, syntheticRegister } from "./syntheticRegister";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_048_576);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DIMENSIONS = ["organisation", "division", "category", "stage"] as const;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

function time<T>(work: () => T): { seconds: number; result: T } {
  const start = process.hrtime.bigint();
  const result = work();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, result };
}

const rows = syntheticRegister(ROWS);
gc();
const rssWithInput = process.memoryUsage().rss;
console.log("");
console.log(
  `Scheme register — ${ROWS.toLocaleString("en-GB")} schemes × ${SYNTHETIC_REGISTER_HEADER.length} columns, roll-ups by ${DIMENSIONS.join(", ")}`,
);

const settings = { ...DEFAULT_SETTINGS, monthsElapsed: 6 };
const runs: number[] = [];
const parts = { analysis: 0, schemes: 0, rollups: 0 };
let peak = 0;
let headline = "";
for (let run = 0; run < RUNS; run++) {
  gc();
  const { seconds } = time(() => {
    const t0 = process.hrtime.bigint();
    const mapping = recogniseColumns(SYNTHETIC_REGISTER_HEADER, { financialYear: 2025 });
    const layout = { columns: mapping.columns, units: mapping.units };
    const analysis = analyseTracker(rows, layout, settings);
    const t1 = process.hrtime.bigint();
    const report = schemeReport({
      rows,
      header: SYNTHETIC_REGISTER_HEADER,
      layout,
      analysis,
      settings,
      schemeSettings: DEFAULT_SCHEME_SETTINGS,
    });
    const t2 = process.hrtime.bigint();
    for (const d of DIMENSIONS)
      if (report.rollup(d).total.organisations !== report.schemes.schemeCount) throw new Error(`roll-up by ${d} lost schemes`);
    const t3 = process.hrtime.bigint();
    if (run === RUNS - 1) {
      parts.analysis = Number(t1 - t0) / 1e9;
      parts.schemes = Number(t2 - t1) / 1e9;
      parts.rollups = Number(t3 - t2) / 1e9;
    }
    headline = report.headlines[0];
  });
  runs.push(seconds);
  if (run === 0) peak = peakRss();
}
const sorted = [...runs].sort((a, b) => a - b);
const medianSeconds = sorted[Math.floor(sorted.length / 2)];
const verdict = (ok: boolean) => (ok ? "meets goal" : "MISSES goal");
console.log(
  `scheme report : ${medianSeconds.toFixed(3)} s median of ${RUNS} (last run: analysis ${parts.analysis.toFixed(3)} s, schemes, organisations, bridges and headlines ${parts.schemes.toFixed(3)} s, four roll-ups ${parts.rollups.toFixed(3)} s)  [goal ≤ 1.5 s: ${verdict(medianSeconds <= 1.5)}]`,
);
console.log(
  `memory        : peak process RSS ${mb(peak)}, of which ${mb(rssWithInput)} before the analysis  [goal ≤ 700 MB: ${verdict(peak <= 700 * 1048576)}]`,
);
console.log(`headline      : ${headline}`);

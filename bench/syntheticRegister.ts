/**
 * A scheme register in Excel's shape of any size, for the benchmark: one row per scheme across 42
 * trusts (an NHS region's worth), with division, category, stage, likelihood (a third of rows) and
 * risk RAG, this year's and next year's plan, full-year effects, and the trust's turnover and
 * surplus repeated on each row; about 2% of amounts blank. Deterministic.
 */
import { seededRandom } from "../packages/synthetic-tracker";

export const SYNTHETIC_REGISTER_HEADER = [
  "Trust",
  "Scheme",
  "Division",
  "Category",
  "Lead",
  "Stage",
  "Likelihood",
  "Risk RAG",
  "Plan 2025/26 £k",
  "Plan 2026/27 £k",
  "FYE £k",
  "Recurrent FYE £k",
  "YTD plan £k",
  "YTD actual £k",
  "Trust turnover £k",
  "Trust surplus/(deficit) £k",
];

const TRUSTS = Array.from({ length: 42 }, (_, i) => `Trust ${i + 1}`);
const DIVISIONS = ["Surgery", "Medicine", "Women and children", "Clinical support", "Corporate", "Estates"];
const CATEGORIES = [
  "Workforce",
  "Procurement",
  "Medicines",
  "Estates",
  "Clinical productivity",
  "Corporate",
  "Income",
  "Non-recurrent",
];
const LEADS = Array.from({ length: 60 }, (_, i) => `Lead ${i + 1}`);
const STAGES = ["Delivered", "Implementation", "Business case approved", "Planning", "Idea", "Unidentified"];
const LIKELIHOODS = ["", "", "", "", "80%", "High", "Medium", "0.5"];
const RAGS = ["Green", "Amber", "Red"];

export function syntheticRegister(rows: number, seed = 7): unknown[][] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const maybe = (value: number): unknown => (random() < 0.02 ? "" : value);
  const out: unknown[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const trust = i % TRUSTS.length;
    const annual = Math.round(20 + random() * 400);
    const ytdPlan = Math.round(annual * (0.2 + random() * 0.4));
    const category = pick(CATEGORIES);
    const fye = category === "Non-recurrent" ? annual : Math.round(annual * (1 + random() * 0.6));
    out[i] = [
      TRUSTS[trust],
      `Scheme ${Math.floor(i / TRUSTS.length) + 1}`,
      pick(DIVISIONS),
      category,
      pick(LEADS),
      pick(STAGES),
      pick(LIKELIHOODS),
      pick(RAGS),
      maybe(annual),
      maybe(Math.round(annual * 1.05)),
      maybe(fye),
      maybe(category === "Non-recurrent" ? 0 : fye),
      maybe(ytdPlan),
      maybe(Math.round(ytdPlan * (0.4 + random() * 0.8))),
      400000 + trust * 10000,
      -2000 + trust * 100,
    ];
  }
  return out;
}

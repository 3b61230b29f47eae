#!/usr/bin/env node
/**
 * Generates the sample tracker data in assets/:
 *   sample-trust-cip-tracker.json / .csv   72 non-FT acute trusts, 2011/12, month 6 (£k)
 *   sample-pct-qipp-tracker.json / .csv    51 PCTs in the 4 SHA clusters, 2011/12, month 6 (£k)
 *   sample-scheme-register.json / .csv     364 schemes of 6 trusts of one ICS, 2025/26, month 6 (£k)
 *
 * Deterministic: a seeded PRNG (mulberry32), no Math.random, no dates, so re-running gives
 * byte-identical files. Every figure is an integer number of £k, so every exact-sum constraint
 * (months = annual plan, months 1-6 = YTD plan, actual months = YTD actual, recurrent +
 * non-recurrent + unidentified = annual plan, the HSJ aggregates, the cluster percentages) holds
 * exactly in the numbers written. The script checks all of them before writing anything.
 *
 * Usage: node scripts/make-sample-data.mjs [--out <dir>]   (default: assets/)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { makeSchemeRegister } from "./schemeRegisterSample.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const outArg = process.argv.indexOf("--out");
const OUT_DIR = outArg > 0 && process.argv[outArg + 1] ? resolve(process.argv[outArg + 1]) : join(ROOT, "assets");

// ---------------------------------------------------------------------------------------------
// Deterministic helpers
// ---------------------------------------------------------------------------------------------

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRng(seed) {
  const next = mulberry32(seed);
  return {
    next,
    range: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor((hi - lo + 1) * next()),
    pick: (list) => list[Math.floor(list.length * next())],
  };
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

function check(cond, message) {
  if (!cond) throw new Error(`make-sample-data: ${message}`);
}

/**
 * Splits an integer total into integers proportional to the weights (largest remainder, ties to
 * the earlier index). Weights may include negatives (a reversal month) as long as they sum > 0.
 */
function splitInt(total, weights) {
  check(Number.isInteger(total), `splitInt total ${total} is not an integer`);
  const sw = sum(weights);
  check(sw > 0, "splitInt weights must sum to more than 0");
  const raw = weights.map((w) => (total * w) / sw);
  const out = raw.map(Math.floor);
  const rem = total - sum(out);
  const order = raw.map((r, i) => [r - out[i], i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < rem; k++) out[order[k][1]] += 1;
  return out;
}

/**
 * Moves `residual` (an integer) onto the items, one £k at a time, largest first, only where
 * `ok(item, newValue)` allows. Used to make rounded figures hit an exact total.
 */
function settleResidual(items, get, set, residual, ok) {
  const order = [...items].sort((a, b) => get(b) - get(a));
  const step = Math.sign(residual);
  let left = Math.abs(residual);
  let guard = 0;
  while (left > 0) {
    let moved = false;
    for (const it of order) {
      if (left === 0) break;
      const v = get(it) + step;
      if (ok(it, v)) {
        set(it, v);
        left -= 1;
        moved = true;
      }
    }
    check(moved && ++guard < 100000, "could not settle a rounding residual within the constraints");
  }
}

/** Solves f(x) = target for increasing f on [lo, hi] by bisection (deterministic). */
function solve(f, target, lo, hi) {
  check(f(lo) <= target && f(hi) >= target, `solve: target ${target} outside [${f(lo)}, ${f(hi)}]`);
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

const MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];
const K = 6; // months elapsed

/** Back-loaded monthly plan: months 1-6 sum to ytdPlan, 7-12 to annual - ytdPlan. */
function phasePlan(rng, annual, ytdPlan) {
  const h1 = [0.8, 0.9, 0.97, 1.03, 1.1, 1.2].map((w) => w * rng.range(0.9, 1.1));
  const h2 = [0.93, 0.97, 1.0, 1.02, 1.04, 1.06].map((w) => w * rng.range(0.93, 1.07));
  return [...splitInt(ytdPlan, h1), ...splitInt(annual - ytdPlan, h2)];
}

/** Monthly actuals for months 1-6 summing to ytdActual; `reversal` puts a negative month in. */
function phaseActual(rng, ytdActual, planMonths, reversal) {
  const w = planMonths.slice(0, K).map((p) => Math.max(p, 1) * rng.range(0.65, 1.3));
  if (reversal) {
    const m = reversal - 1;
    w[m] = -0.35 * (sum(w) / K);
  }
  const out = splitInt(ytdActual, w);
  if (reversal) check(out[reversal - 1] < 0, "reversal month should be negative");
  return out;
}

// ---------------------------------------------------------------------------------------------
// Seed article references (files in the project's seeds folder)
// ---------------------------------------------------------------------------------------------

const A000 = "HSJ, 'More than two thirds of NHS hospital trusts fell behind on their savings plans' (seed 000; DH figures for 2011-12 month 6)";
const A001 = "DH Q2 2011-12 quarterly report as reported in 'The NHS saved around £2.5bn in the first half of this financial year' (seed 001)";
const A002 = "NHS London board papers, 'The capital's trusts are likely to miss their savings targets' (seed 002; 2010-11 position at the end of January, month 10)";
const A003 = "HSJ, 'PCTs make slow progress with QIPP' (seed 003; PCT QIPP reports for 2010-11, months 5-6)";
const A004 = "GP, 'How PCTs are struggling to hit £20bn savings target' (seed 004; 2011/12 board papers from December 2011 to January 2012)";

// ---------------------------------------------------------------------------------------------
// Trust file
// ---------------------------------------------------------------------------------------------

const NORTH = "North of England";
const MIDS = "Midlands and East";
const LONDON = "London";
const SOUTH = "South of England";
const CLUSTERS = [NORTH, MIDS, LONDON, SOUTH];

/*
 * role: ahead (YTD actual >= YTD plan), behind, distress (under a fifth AND < half of YTD plan AND
 * deficit), fifth (under a fifth of the annual plan but not distress). def: in deficit at month 6.
 * size: L / M / S turnover band. h: fixed H2 share (else drawn). Seed trusts carry their figures.
 */
const TRUSTS = [
  // North of England (NE, NW, Yorkshire and the Humber SHAs)
  { name: "Pennine Acute Hospitals NHS Trust", code: "RW6", cluster: NORTH, role: "behind", def: true, size: "L" },
  { name: "Southport and Ormskirk Hospital NHS Trust", code: "RVY", cluster: NORTH, role: "behind", size: "S" },
  { name: "St Helens and Knowsley Teaching Hospitals NHS Trust", code: "RBN", cluster: NORTH, role: "ahead", size: "M" },
  { name: "East Lancashire Hospitals NHS Trust", code: "RXR", cluster: NORTH, role: "behind", size: "M" },
  { name: "North Cumbria University Hospitals NHS Trust", code: "RNL", cluster: NORTH, role: "distress", def: true, size: "M", h: 0.62 },
  { name: "Royal Liverpool and Broadgreen University Hospitals NHS Trust", code: "RQ6", cluster: NORTH, role: "ahead", size: "M", h: 0.52 },
  { name: "East Cheshire NHS Trust", code: "RJN", cluster: NORTH, role: "behind", def: true, size: "S" },
  { name: "Leeds Teaching Hospitals NHS Trust", code: "RR8", cluster: NORTH, role: "behind", size: "L" },
  { name: "Hull and East Yorkshire Hospitals NHS Trust", code: "RWA", cluster: NORTH, role: "ahead", size: "L" },
  { name: "Mid Yorkshire Hospitals NHS Trust", code: "RXF", cluster: NORTH, role: "behind", def: true, size: "M", h: 0.665 },
  { name: "Scarborough and North East Yorkshire Healthcare NHS Trust", code: "RCC", cluster: NORTH, role: "fifth", def: true, size: "S", h: 0.72, r: 0.62 },
  { name: "Trafford Healthcare NHS Trust", code: "RM4", cluster: NORTH, role: "ahead", def: true, size: "S" },
  // Midlands and East (East Midlands, West Midlands, East of England SHAs)
  {
    name: "University Hospitals of North Staffordshire NHS Trust", code: "RJE", cluster: MIDS, role: "behind", def: true, size: "M",
    seed: { annual: 24000, ytdPlan: 10600, ytdActual: 4800, turnover: 480000, surplus: -2400, reversal: 2 },
    prov: `seed: ${A000}: made just 20 per cent of its £24m savings target in the first half of 2011-12 (annual plan 24,000, YTD actual 4,800 = 20.0%, so NOT under a fifth); YTD plan, phasing, forecast, split, turnover and deficit synthetic`,
  },
  { name: "University Hospitals Coventry and Warwickshire NHS Trust", code: "RKB", cluster: MIDS, role: "behind", size: "L" },
  { name: "Sandwell and West Birmingham Hospitals NHS Trust", code: "RXK", cluster: MIDS, role: "ahead", size: "L" },
  { name: "George Eliot Hospital NHS Trust", code: "RLT", cluster: MIDS, role: "distress", def: true, size: "S", h: 0.68 },
  { name: "Worcestershire Acute Hospitals NHS Trust", code: "RWP", cluster: MIDS, role: "behind", def: true, size: "M" },
  { name: "Wye Valley NHS Trust", code: "RLQ", cluster: MIDS, role: "behind", size: "S" },
  { name: "Shrewsbury and Telford Hospital NHS Trust", code: "RXW", cluster: MIDS, role: "behind", def: true, size: "M" },
  { name: "Royal Wolverhampton Hospitals NHS Trust", code: "RL4", cluster: MIDS, role: "ahead", size: "M" },
  { name: "Walsall Healthcare NHS Trust", code: "RBK", cluster: MIDS, role: "behind", size: "S" },
  { name: "University Hospitals of Leicester NHS Trust", code: "RWE", cluster: MIDS, role: "behind", def: true, size: "L" },
  { name: "Nottingham University Hospitals NHS Trust", code: "RX1", cluster: MIDS, role: "ahead", size: "L" },
  { name: "Northampton General Hospital NHS Trust", code: "RNS", cluster: MIDS, role: "behind", size: "M" },
  { name: "United Lincolnshire Hospitals NHS Trust", code: "RWD", cluster: MIDS, role: "behind", def: true, size: "M" },
  { name: "Princess Alexandra Hospital NHS Trust", code: "RQW", cluster: MIDS, role: "ahead", size: "S" },
  { name: "East and North Hertfordshire NHS Trust", code: "RWH", cluster: MIDS, role: "behind", size: "M" },
  { name: "West Hertfordshire Hospitals NHS Trust", code: "RWG", cluster: MIDS, role: "behind", def: true, size: "M" },
  { name: "Bedford Hospital NHS Trust", code: "RC1", cluster: MIDS, role: "behind", size: "S" },
  { name: "Hinchingbrooke Health Care NHS Trust", code: "RQQ", cluster: MIDS, role: "distress", def: true, size: "S", h: 0.66 },
  { name: "Mid Essex Hospital Services NHS Trust", code: "RQ8", cluster: MIDS, role: "ahead", size: "M" },
  { name: "Ipswich Hospital NHS Trust", code: "RGQ", cluster: MIDS, role: "ahead", size: "M" },
  { name: "West Suffolk Hospitals NHS Trust", code: "RGR", cluster: MIDS, role: "behind", size: "S" },
  // London (NHS London)
  {
    name: "Barking, Havering and Redbridge University Hospitals NHS Trust", code: "RF4", cluster: LONDON, role: "distress", def: true, size: "L",
    seed: { annual: 42000, ytdPlan: 18480, shortfall: 12900, turnover: 540000, surplus: -24600, g: 0.3 },
    prov: `seed: ${A002}: £12.9m off target (a 2010-11 month-10 figure, used here as the 2011/12 month-6 shortfall: YTD plan - YTD actual = 12,900); ${A001}: forecasting a £50m deficit for 2011-12 (month-6 deficit of 24,600 shown, about half of it); other figures synthetic`,
  },
  {
    name: "Newham University Hospital NHS Trust", code: "RNH", cluster: LONDON, role: "distress", def: true, size: "M",
    seed: { annual: 26000, ytdPlan: 11700, shortfall: 8400, turnover: 320000, surplus: -6300, g: 0.28 },
    prov: `seed: ${A002}: £8.4[m] behind plan, transformation scheme not fully implemented (a 2010-11 month-10 figure, used here as the 2011/12 month-6 shortfall: YTD plan - YTD actual = 8,400); other figures synthetic`,
  },
  {
    name: "St George's Healthcare NHS Trust", code: "RJ7", cluster: LONDON, role: "behind", size: "L",
    seed: { annual: 36000, ytdPlan: 15840, shortfall: 8200, turnover: 620000, surplus: 1300, g: 0.12 },
    prov: `seed: ${A002}: £8.2m behind (a 2010-11 month-10 figure, used here as the 2011/12 month-6 shortfall: YTD plan - YTD actual = 8,200); other figures synthetic`,
  },
  {
    name: "Whipps Cross University Hospital NHS Trust", code: "RGC", cluster: LONDON, role: "behind", def: true, size: "M",
    seed: { surplus: -4100 },
    prov: `seed: ${A001}: the only organisation forecasting a 2011-12 deficit for the first time at the end of Q2 (shown in deficit at month 6); all figures synthetic`,
  },
  {
    name: "Imperial College Healthcare NHS Trust", code: "RYJ", cluster: LONDON, role: "behind", def: true, size: "L",
    seed: { annual: 58000, turnover: 1000000, surplus: -16900 },
    prov: `seed: ${A001}: forecast deficit raised by £5m to £35m for 2011-12 (month-6 deficit of 16,900 shown, about half of it); all other figures synthetic`,
  },
  { name: "Barnet and Chase Farm Hospitals NHS Trust", code: "RVL", cluster: LONDON, role: "behind", def: true, size: "M" },
  { name: "Barts and The London NHS Trust", code: "RNJ", cluster: LONDON, role: "behind", def: true, size: "L" },
  { name: "Ealing Hospital NHS Trust", code: "RC3", cluster: LONDON, role: "ahead", size: "S", h: 0.66 },
  { name: "Epsom and St Helier University Hospitals NHS Trust", code: "RVR", cluster: LONDON, role: "behind", def: true, size: "M" },
  { name: "Kingston Hospital NHS Trust", code: "RAX", cluster: LONDON, role: "ahead", size: "S" },
  { name: "Lewisham Healthcare NHS Trust", code: "RJ2", cluster: LONDON, role: "behind", size: "M" },
  { name: "North West London Hospitals NHS Trust", code: "RV8", cluster: LONDON, role: "behind", def: true, size: "M" },
  { name: "Whittington Hospital NHS Trust", code: "RKE", cluster: LONDON, role: "ahead", size: "S" },
  { name: "North Middlesex University Hospital NHS Trust", code: "RAP", cluster: LONDON, role: "behind", size: "M" },
  { name: "Croydon Health Services NHS Trust", code: "RJ6", cluster: LONDON, role: "behind", def: true, size: "M" },
  { name: "Royal Free Hampstead NHS Trust", code: "RAL", cluster: LONDON, role: "ahead", size: "L" },
  { name: "South London Healthcare NHS Trust", code: "RYQ", cluster: LONDON, role: "behind", def: true, size: "L" },
  { name: "West Middlesex University Hospital NHS Trust", code: "RFW", cluster: LONDON, role: "ahead", size: "S" },
  { name: "Great Ormond Street Hospital for Children NHS Trust", code: "RP4", cluster: LONDON, role: "ahead", size: "M", h: 0.53 },
  { name: "Royal National Orthopaedic Hospital NHS Trust", code: "RAN", cluster: LONDON, role: "fifth", size: "S", h: 0.6, r: 0.4 },
  { name: "The Hillingdon Hospitals NHS Trust", code: "RAS", cluster: LONDON, role: "behind", size: "M" },
  // South of England (South East Coast, South Central, South West SHAs)
  { name: "Brighton and Sussex University Hospitals NHS Trust", code: "RXH", cluster: SOUTH, role: "behind", size: "L" },
  { name: "East Sussex Healthcare NHS Trust", code: "RXC", cluster: SOUTH, role: "behind", def: true, size: "M" },
  { name: "Western Sussex Hospitals NHS Trust", code: "RYR", cluster: SOUTH, role: "ahead", size: "M" },
  { name: "Surrey and Sussex Healthcare NHS Trust", code: "RTP", cluster: SOUTH, role: "ahead", size: "S" },
  { name: "Dartford and Gravesham NHS Trust", code: "RN7", cluster: SOUTH, role: "behind", def: true, size: "S" },
  { name: "Maidstone and Tunbridge Wells NHS Trust", code: "RWF", cluster: SOUTH, role: "behind", size: "M" },
  { name: "Portsmouth Hospitals NHS Trust", code: "RHU", cluster: SOUTH, role: "behind", def: true, size: "L", h: 0.7 },
  { name: "Oxford Radcliffe Hospitals NHS Trust", code: "RTH", cluster: SOUTH, role: "ahead", size: "L" },
  { name: "Buckinghamshire Healthcare NHS Trust", code: "RXQ", cluster: SOUTH, role: "behind", size: "M" },
  { name: "Winchester and Eastleigh Healthcare NHS Trust", code: "RN1", cluster: SOUTH, role: "behind", size: "S" },
  { name: "Southampton University Hospitals NHS Trust", code: "RHM", cluster: SOUTH, role: "ahead", size: "L" },
  { name: "Nuffield Orthopaedic Centre NHS Trust", code: "RBF", cluster: SOUTH, role: "ahead", size: "S" },
  { name: "North Bristol NHS Trust", code: "RVJ", cluster: SOUTH, role: "behind", def: true, size: "L" },
  { name: "Weston Area Health NHS Trust", code: "RA3", cluster: SOUTH, role: "behind", def: true, size: "S" },
  { name: "Royal United Hospital Bath NHS Trust", code: "RD1", cluster: SOUTH, role: "ahead", size: "M" },
  { name: "Plymouth Hospitals NHS Trust", code: "RK9", cluster: SOUTH, role: "behind", def: true, size: "L" },
  { name: "Royal Cornwall Hospitals NHS Trust", code: "REF", cluster: SOUTH, role: "behind", size: "M" },
  { name: "Northern Devon Healthcare NHS Trust", code: "RBZ", cluster: SOUTH, role: "ahead", size: "S" },
];

const TRUST_SCHEMES = [
  ["Workforce", ["Reduce agency and locum spend", "Skill mix review", "Nursing establishment review", "Medical staffing rota redesign"]],
  ["Clinical productivity", ["Theatre productivity", "Reduce length of stay", "Outpatient follow-up reduction", "Ward reconfiguration"]],
  ["Procurement", ["Procurement and supplies", "Drug switching and pharmacy"]],
  ["Estates and facilities", ["Estates rationalisation", "Energy and facilities contracts"]],
  ["Back office", ["Back office restructuring", "Management cost reduction"]],
];
const NON_RECURRENT_SCHEMES = ["Vacancy freeze", "Reserve releases", "Deferred IT spend"];

const ragFromForecast = (annual, forecast) => {
  const s = Math.max(annual - forecast, 0) / annual;
  return s <= 0.05 ? "Green" : s <= 0.1 ? "Amber" : "Red";
};

/** The HSJ headline (seed 000) the trust file reproduces, all in £k. */
const HSJ = {
  count: 72,
  behind: 49,
  underFifth: 7,
  distress: 5,
  annual: 1300000, // "£1.3bn target for the year"
  ytdPlan: 544000, // "£544m savings target" (to date)
  ytdActual: 465000, // missed by £79m
  forecast: 1183000, // "deliver all but 9 per cent of its £1.3bn target"
  deficitCount: 30,
  net: -135000, // "net deficit of £135m at 30 September"
};
/** NHS London providers (seed 002, 2010-11): shortfall 17%, savings 4.6% of turnover. */
const LONDON_TRUST_FORECAST_SHARE = 0.83;
const LONDON_TRUST_SAVINGS_OF_TURNOVER = 0.046;

function makeTrusts() {
  const rng = makeRng(20111130);
  check(TRUSTS.length === HSJ.count, `expected ${HSJ.count} trusts, have ${TRUSTS.length}`);
  const t = TRUSTS.map((d) => ({ ...d, seed: d.seed ?? {} }));

  // 1. Annual plan and turnover: CIP % of turnover mostly 3-6%.
  for (const r of t) {
    const band = { L: [700000, 1000000], M: [360000, 600000], S: [170000, 320000] }[r.size];
    r.rawTurnover = rng.range(band[0], band[1]);
    r.pct = rng.next() < 0.1 ? rng.range(6.0, 7.2) / 100 : rng.next() < 0.08 ? rng.range(2.6, 3.0) / 100 : rng.range(3.3, 5.9) / 100;
  }
  const fixedA = t.filter((r) => r.seed.annual);
  const freeA = t.filter((r) => !r.seed.annual);
  for (const r of fixedA) r.annual = r.seed.annual;
  const aLeft = HSJ.annual - sum(fixedA.map((r) => r.annual));
  const aSplit = splitInt(aLeft, freeA.map((r) => r.rawTurnover * r.pct));
  freeA.forEach((r, i) => (r.annual = aSplit[i]));
  for (const r of t) r.turnover = r.seed.turnover ?? Math.round(r.annual / r.pct / 100) * 100;

  // 2. YTD plan via the H2 share (back-loading), hitting Σ YTD plan = 544,000 exactly.
  for (const r of t) if (r.h === undefined && !r.seed.ytdPlan) r.hRaw = rng.range(0.555, 0.64);
  const fixedP = t.filter((r) => r.seed.ytdPlan || r.h !== undefined);
  const freeP = t.filter((r) => !(r.seed.ytdPlan || r.h !== undefined));
  for (const r of fixedP) r.ytdPlan = r.seed.ytdPlan ?? Math.round(r.annual * (1 - r.h));
  const pLeft = HSJ.ytdPlan - sum(fixedP.map((r) => r.ytdPlan));
  const hOf = (r, lam) => 0.55 + lam * (r.hRaw - 0.55);
  const lam = solve((l) => -sum(freeP.map((r) => r.annual * (1 - hOf(r, l)))), -pLeft, 0, 3);
  for (const r of freeP) r.ytdPlan = Math.round(r.annual * (1 - hOf(r, lam)));
  settleResidual(freeP, (r) => r.ytdPlan, (r, v) => (r.ytdPlan = v), pLeft - sum(freeP.map((r) => r.ytdPlan)), (r, v) => {
    const h = 1 - v / r.annual;
    return h >= 0.55 && h <= 0.65;
  });
  for (const r of t) r.plan = phasePlan(rng, r.annual, r.ytdPlan);

  // 3. YTD actual by role, hitting Σ YTD actual = 465,000 exactly.
  const isFixedY = (r) => r.seed.ytdActual !== undefined || r.seed.shortfall !== undefined || r.role !== "behind";
  for (const r of t) {
    if (r.seed.ytdActual !== undefined) r.ytdActual = r.seed.ytdActual;
    else if (r.seed.shortfall !== undefined) r.ytdActual = r.ytdPlan - r.seed.shortfall;
    else if (r.role === "ahead") r.ytdActual = Math.max(r.ytdPlan, Math.round(r.ytdPlan * rng.range(1.0, 1.09)));
    else if (r.role === "distress") r.ytdActual = Math.round(r.ytdPlan * rng.range(0.3, 0.44));
    else if (r.role === "fifth") r.ytdActual = Math.round(r.ytdPlan * r.r);
    else r.rRaw = rng.range(0.7, 0.97);
  }
  const freeY = t.filter((r) => !isFixedY(r));
  const yLeft = HSJ.ytdActual - sum(t.filter(isFixedY).map((r) => r.ytdActual));
  // Scale every free trust's shortfall (1 - r) by mu.
  const yOf = (r, mu) => r.ytdPlan * (1 - mu * (1 - r.rRaw));
  const mu = solve((m) => -sum(freeY.map((r) => yOf(r, m))), -yLeft, 0.01, 3);
  for (const r of freeY) r.ytdActual = Math.round(yOf(r, mu));
  const behindOk = (r, v) => v < r.ytdPlan && 5 * v >= r.annual && 2 * v >= r.ytdPlan;
  settleResidual(freeY, (r) => r.ytdActual, (r, v) => (r.ytdActual = v), yLeft - sum(freeY.map((r) => r.ytdActual)), behindOk);

  // Monthly actuals: a few trusts show a reversal (a negative month).
  const reversals = new Map([["RQ6", 4], ["RWP", 5], ["RYQ", 3], ["RD1", 6], ["RNL", 4]]);
  for (const r of t) r.actual = phaseActual(rng, r.ytdActual, r.plan, r.seed.reversal ?? reversals.get(r.code));

  // 4. Forecast outturn: Σ = 91% of Σ annual plan; London trusts 83% (seed 002's 17% provider shortfall).
  for (const r of t) {
    // London's providers forecast a far bigger shortfall (seed 002), so its draws run higher.
    const lon = r.cluster === LONDON;
    if (r.seed.g !== undefined) r.gRaw = r.seed.g;
    else if (r.role === "ahead") r.gRaw = lon ? rng.range(0.02, 0.08) : rng.next() < 0.15 ? 0 : rng.range(0.0, 0.03);
    else if (r.role === "behind") r.gRaw = lon ? rng.range(0.1, 0.26) : rng.range(0.02, 0.14);
    else r.gRaw = rng.range(0.16, 0.32);
  }
  const fitForecast = (group, target) => {
    const free = group.filter((r) => r.seed.g === undefined);
    const fixed = group.filter((r) => r.seed.g !== undefined);
    for (const r of fixed) r.forecast = r.annual - Math.round(r.gRaw * r.annual);
    const left = target - sum(fixed.map((r) => r.forecast));
    const fOf = (r, nu) => r.annual * (1 - Math.min(nu * r.gRaw, 0.4));
    const nu = solve((n) => -sum(free.map((r) => fOf(r, n))), -left, 0, 10);
    for (const r of free) r.forecast = Math.round(fOf(r, nu));
    settleResidual(free, (r) => r.forecast, (r, v) => (r.forecast = v), left - sum(free.map((r) => r.forecast)), (r, v) => v <= r.annual && v > r.ytdActual);
    return nu;
  };
  const london = t.filter((r) => r.cluster === LONDON);
  const rest = t.filter((r) => r.cluster !== LONDON);
  const londonAnnual = sum(london.map((r) => r.annual));
  const londonForecast = Math.round(LONDON_TRUST_FORECAST_SHARE * londonAnnual);
  const nuLondon = fitForecast(london, londonForecast);
  const nuRest = fitForecast(rest, HSJ.forecast - londonForecast);

  // London turnover: savings (forecast) = 4.6% of turnover (seed 002). Scale synthetic turnovers.
  const londonT = Math.round(londonForecast / LONDON_TRUST_SAVINGS_OF_TURNOVER);
  const lFixedT = london.filter((r) => r.seed.turnover);
  const lFreeT = london.filter((r) => !r.seed.turnover);
  const tSplit = splitInt(londonT - sum(lFixedT.map((r) => r.turnover)), lFreeT.map((r) => r.turnover));
  lFreeT.forEach((r, i) => (r.turnover = tSplit[i]));

  // 5. Recurrent / non-recurrent / unidentified.
  const heavyNR = new Set(["RCC", "RLT", "RQQ", "RNH", "RYQ", "RA3", "RJE"]);
  const bigGap = new Set(["RNL", "RF4", "RWD", "RN7", "RVR"]);
  for (const r of t) {
    const u = bigGap.has(r.code) ? rng.range(0.26, 0.36) : rng.next() < 0.35 ? 0 : rng.range(0.01, 0.12);
    r.unidentified = Math.round(u * r.annual);
    const identified = r.annual - r.unidentified;
    const n = heavyNR.has(r.code) ? rng.range(0.52, 0.75) : rng.range(0.08, 0.4);
    r.nonRecurrent = Math.round(n * identified);
    r.recurrent = identified - r.nonRecurrent;
  }

  // 6. Surplus/(deficit) at month 6: 30 in deficit, net -135,000.
  for (const r of t) {
    if (r.seed.surplus !== undefined) r.surplus = r.seed.surplus;
    else if (r.def) r.sRaw = -(r.size === "L" ? rng.range(4000, 12000) : r.size === "M" ? rng.range(1500, 7000) : rng.range(400, 3500));
    else r.surplus = Math.round(r.turnover * rng.range(0.0005, 0.006));
  }
  const freeS = t.filter((r) => r.surplus === undefined);
  const sLeft = HSJ.net - sum(t.filter((r) => r.surplus !== undefined).map((r) => r.surplus));
  const sSplit = splitInt(-sLeft, freeS.map((r) => -r.sRaw));
  freeS.forEach((r, i) => (r.surplus = -sSplit[i]));

  // 7. Text columns.
  for (const r of t) {
    const nrShare = r.nonRecurrent / (r.recurrent + r.nonRecurrent);
    if (nrShare > 0.5) {
      r.category = "Non-recurrent measures";
      r.scheme = rng.pick(NON_RECURRENT_SCHEMES);
    } else {
      const [cat, schemes] = rng.pick(TRUST_SCHEMES);
      r.category = cat;
      r.scheme = rng.pick(schemes);
    }
    r.risk = ragFromForecast(r.annual, r.forecast);
  }

  // 8. Check everything before writing.
  const behind = t.filter((r) => r.ytdActual < r.ytdPlan);
  const underFifth = t.filter((r) => 5 * r.ytdActual < r.annual);
  const distress = underFifth.filter((r) => 2 * r.ytdActual < r.ytdPlan && r.surplus < 0);
  const deficits = t.filter((r) => r.surplus < 0);
  check(behind.length === HSJ.behind, `behind ${behind.length}`);
  check(underFifth.length === HSJ.underFifth, `under a fifth ${underFifth.length}`);
  check(distress.length === HSJ.distress, `distress ${distress.length}`);
  check(deficits.length === HSJ.deficitCount, `deficits ${deficits.length}`);
  check(sum(t.map((r) => r.annual)) === HSJ.annual, "Σ annual");
  check(sum(t.map((r) => r.ytdPlan)) === HSJ.ytdPlan, "Σ YTD plan");
  check(sum(t.map((r) => r.ytdActual)) === HSJ.ytdActual, "Σ YTD actual");
  check(sum(t.map((r) => r.forecast)) === HSJ.forecast, "Σ forecast");
  check(sum(t.map((r) => r.surplus)) === HSJ.net, "Σ surplus/(deficit)");
  for (const r of t) {
    check(r.role === "ahead" ? r.ytdActual >= r.ytdPlan : r.ytdActual < r.ytdPlan, `${r.name}: role ${r.role}`);
    check(!!r.def === r.surplus < 0 && r.surplus !== 0, `${r.name}: deficit flag`);
    check(r.forecast > r.ytdActual && r.forecast <= r.annual, `${r.name}: forecast ${r.forecast}`);
    check(r.recurrent >= 0 && r.nonRecurrent >= 0 && r.unidentified >= 0, `${r.name}: split`);
    check(r.plan.every((m) => m > 0), `${r.name}: plan month <= 0`);
  }
  return { rows: t, stats: { lam, mu, nuLondon, nuRest } };
}

// ---------------------------------------------------------------------------------------------
// PCT file
// ---------------------------------------------------------------------------------------------

/** DH Q2 2011-12 (seed 001): share of the full-year QIPP target delivered in months 1-6. */
const CLUSTER_DELIVERED = { [NORTH]: 0.47, [MIDS]: 0.42, [LONDON]: 0.41, [SOUTH]: 0.38 };
/** NHS London PCTs (seed 002, 2010-11): 14% shortfall, savings 2.8% of resources. */
const LONDON_PCT_FORECAST_SHARE = 0.86;
const LONDON_PCT_SAVINGS_OF_RESOURCES = 0.028;

const sussexProv = (extra) =>
  `seed: ${A004}: NHS Sussex cluster forecasts £72.82m of QIPP savings against a £111.78m plan, a 35% shortfall (the cluster figures are shared across its four PCTs in this file, which sum to exactly 111,780 plan and 72,820 forecast; the split between PCTs is synthetic)${extra}`;
const staffsProv = `seed: ${A004}: Staffordshire CCGs confident of delivering at least 80% (circa £9m) of the 2011/12 QIPP target (shared between the two county PCTs here: together 11,250 plan and 9,000 forecast = 80%; split synthetic); month-6 figures synthetic`;
const london002 = `seed: ${A002}: one of the eight PCTs unable to break even without support from the London Challenged Trust Board (a 2010-11 statement; shown here as a 2011/12 forecast deficit before support); QIPP figures synthetic`;

/*
 * Each PCT: seed figures (annual, forecast, unidentified, nonRecurrent, surplus, risk) are kept
 * exactly; everything else is drawn. Surplus/(deficit) in this file is the forecast year-end
 * position (what PCT board reports headline), not the month-6 position.
 */
const PCTS = [
  // North of England
  {
    name: "NHS Central and Eastern Cheshire", code: "5NP", cluster: NORTH, size: "M", r: 0.84,
    seed: { annual: 32500, forecast: 20300, surplus: -5200 }, category: "Prescribing", scheme: "Medicines management (29% of the QIPP target)",
    prov: `seed: ${A003}: plans to save £32.5m but could miss by £12.2m (forecast 20,300), throwing the PCT into a £5.2m deficit; prescribing 29% of the QIPP target (2010-11 figures, used here as 2011/12); month-6 figures synthetic`,
  },
  {
    name: "NHS Tameside and Glossop", code: "5LH", cluster: NORTH, size: "M", r: 0.86,
    seed: { annual: 24900, nonRecurrent: 13100, forecast: 20200, risk: "Red" }, category: "Urgent care", scheme: "Regional reforms: urgent and planned care (£6.8m)",
    prov: `seed: ${A003}: plans to save £24.9m, £13.1m of it non-recurrent; £4.7m at risk rated 'red - high risk' (forecast 24,900 - 4,700 = 20,200) (2010-11 September report, used here as 2011/12); month-6 figures synthetic`,
  },
  {
    name: "NHS Redcar and Cleveland", code: "5QR", cluster: NORTH, size: "S", r: 0.8,
    seed: { annual: 12600, forecast: 7600 }, category: "Acute contracts", scheme: "QIPP efficiencies with South Tees Hospitals FT",
    prov: `seed: ${A004}: will miss its QIPP savings target by £5m (annual plan synthetic at 12,600, forecast 7,600); month-6 figures synthetic`,
  },
  {
    name: "NHS East Riding of Yorkshire", code: "5NW", cluster: NORTH, size: "M",
    seed: { annual: 7300 }, category: "Prescribing", scheme: "Prescribing (34% of the QIPP plan)",
    prov: `seed: ${A003}: plans to save £7.3m, 34% of it from prescribing (2010-11 plan, used here as the 2011/12 annual plan); other figures synthetic`,
  },
  {
    name: "NHS Sheffield", code: "5N4", cluster: NORTH, size: "L", category: "Planned care", scheme: "Reducing variations in elective care",
    prov: `seed: ${A003}: £43m planned savings over 2010-2014 (four years), 37% from reducing variations in elective care and 19% from urgent care for the over-75s; the 2011/12 figures here are synthetic (not derived from the four-year total)`,
  },
  {
    name: "NHS Manchester", code: "5NT", cluster: NORTH, size: "L", category: "Planned care", scheme: "Managing referrals: reducing demand for hospital services",
    prov: `seed: ${A003}: referral management is the largest saving (11%) in a £231m multi-year plan shared by several Manchester PCTs; the 2011/12 figures here are synthetic`,
  },
  { name: "NHS Leeds", code: "5N1", cluster: NORTH, size: "L" },
  { name: "NHS Bradford and Airedale", code: "5NY", cluster: NORTH, size: "M" },
  { name: "NHS Liverpool", code: "5NL", cluster: NORTH, size: "L" },
  { name: "NHS Cumbria", code: "5NE", cluster: NORTH, size: "M", noScheme: true },
  { name: "NHS County Durham", code: "5ND", cluster: NORTH, size: "M" },
  { name: "NHS Newcastle", code: "5D7", cluster: NORTH, size: "M" },
  { name: "NHS North Lancashire", code: "5NF", cluster: NORTH, size: "M" },
  { name: "NHS Hull", code: "5NX", cluster: NORTH, size: "M", def: true },
  // Midlands and East
  {
    name: "NHS Norfolk", code: "5GC", cluster: MIDS, size: "L",
    seed: { annual: 38300, unidentified: 17000 },
    prov: `seed: ${A003}: plans to save £38.3m this year, £17m (44%) as yet unidentified (2010-11 figures, used here as the 2011/12 plan); other figures synthetic`,
  },
  {
    name: "NHS Bassetlaw", code: "5ET", cluster: MIDS, size: "S",
    seed: { annual: 2400, forecast: 2400, plan: [100, 120, 140, 160, 180, 180, 230, 240, 250, 260, 270, 270], actual: [20, 30, 38, 50, 65, 97] },
    prov: `seed: ${A003}: says it will meet its £2.4m savings by year end (forecast 2,400) but by the end of August was 71% behind plan (months 1-5: 203 delivered against 700 planned = 29%); a 2010-11 month-5 figure, kept at month 5 in the monthly columns of this 2011/12 file; month 6 synthetic`,
  },
  {
    name: "NHS Wolverhampton", code: "5MV", cluster: MIDS, size: "M",
    seed: { annual: 18000, forecast: 16200 },
    prov: `seed: ${A003}: forecast shortfall of 10%, the smallest in HSJ's sample (a 2010-11 figure, used here as the 2011/12 forecast: 16,200 of 18,000); plan size and month-6 figures synthetic`,
  },
  { name: "NHS North Staffordshire", code: "5PH", cluster: MIDS, size: "S", seed: { annual: 4950, forecast: 3960 }, prov: staffsProv },
  { name: "NHS South Staffordshire", code: "5PK", cluster: MIDS, size: "S", seed: { annual: 6300, forecast: 5040 }, prov: staffsProv },
  { name: "NHS Birmingham East and North", code: "5PG", cluster: MIDS, size: "M" },
  { name: "NHS Coventry", code: "5MD", cluster: MIDS, size: "M" },
  { name: "NHS Leicester City", code: "5PC", cluster: MIDS, size: "M", def: true },
  { name: "NHS Nottinghamshire County", code: "5N8", cluster: MIDS, size: "L" },
  { name: "NHS Lincolnshire", code: "5N9", cluster: MIDS, size: "L" },
  { name: "NHS Suffolk", code: "5PT", cluster: MIDS, size: "L" },
  { name: "NHS Hertfordshire", code: "5QV", cluster: MIDS, size: "L", noScheme: true },
  { name: "NHS Cambridgeshire", code: "5PP", cluster: MIDS, size: "L", def: true },
  // London
  {
    name: "NHS Kingston", code: "5A5", cluster: LONDON, size: "S", category: "Planned care", scheme: "GP referral management: 10% cut in referrals (£975k)",
    prov: `seed: ${A004}: plans a 10% cut in GP referrals across all practices, saving £975k in 2011/12 (named as the main scheme); QIPP figures synthetic`,
  },
  { name: "NHS Barnet", code: "5A9", cluster: LONDON, size: "M", def: true, prov: london002 },
  { name: "NHS Enfield", code: "5C1", cluster: LONDON, size: "M", def: true, prov: london002 },
  { name: "NHS Haringey", code: "5C9", cluster: LONDON, size: "M", def: true, prov: london002 },
  { name: "NHS Harrow", code: "5K6", cluster: LONDON, size: "S", def: true, prov: london002 },
  { name: "NHS Hounslow", code: "5HY", cluster: LONDON, size: "S", def: true, prov: london002 },
  { name: "NHS Sutton and Merton", code: "5M7", cluster: LONDON, size: "M", def: true, prov: london002 },
  { name: "NHS Waltham Forest", code: "5NC", cluster: LONDON, size: "S", def: true, prov: london002 },
  { name: "NHS Barking and Dagenham", code: "5C2", cluster: LONDON, size: "S", def: true, prov: london002 },
  { name: "NHS Camden", code: "5K7", cluster: LONDON, size: "M" },
  { name: "NHS Lambeth", code: "5LD", cluster: LONDON, size: "M" },
  { name: "NHS Tower Hamlets", code: "5C4", cluster: LONDON, size: "M", noScheme: true },
  // South of England
  {
    name: "NHS West Sussex", code: "5P9", cluster: SOUTH, size: "L",
    seed: { annual: 50000, forecast: 26000 }, category: "Prescribing", scheme: "Medicines management and prescribing",
    prov: sussexProv(`; ${A003}: West Sussex forecast the largest shortfall in HSJ's sample, 48% (a 2010-11 figure, used here as West Sussex's 2011/12 forecast shortfall: 26,000 of 50,000)`),
  },
  { name: "NHS Brighton and Hove", code: "5LQ", cluster: SOUTH, size: "M", seed: { annual: 21400, forecast: 15200 }, category: "Prescribing", scheme: "Medicines management and prescribing", prov: sussexProv("") },
  { name: "NHS East Sussex Downs and Weald", code: "5P7", cluster: SOUTH, size: "M", seed: { annual: 24600, forecast: 18400 }, category: "Maternity", scheme: "Maternity pathway redesign", prov: sussexProv("") },
  { name: "NHS Hastings and Rother", code: "5P8", cluster: SOUTH, size: "S", seed: { annual: 15780, forecast: 13220 }, category: "Estates", scheme: "Estates rationalisation", prov: sussexProv("") },
  {
    name: "NHS Oxfordshire", code: "5QC", cluster: SOUTH, size: "L",
    seed: { annual: 20769, forecast: 15369 }, category: "Urgent care", scheme: "Emergency admissions and excess bed days",
    prov: `seed: ${A004}: 2011/12 plan will fall short by £5.4m, 26% of the target savings (annual plan 20,769 so that 5,400 is 26.0%); the cluster's four-year £206m share not used; month-6 figures synthetic`,
  },
  {
    name: "NHS Buckinghamshire", code: "5QD", cluster: SOUTH, size: "M",
    seed: { annual: 26250, forecast: 19950 }, category: "Urgent care", scheme: "Urgent care pathway",
    prov: `seed: ${A004}: 2011/12 shortfall of £6.3m, 24% (annual plan 26,250 so that 6,300 is 24.0%; with Oxfordshire the cluster misses by 24.9%, 'almost a quarter'); month-6 figures synthetic`,
  },
  {
    name: "NHS Bath and North East Somerset", code: "5FL", cluster: SOUTH, size: "S",
    seed: { unidentified: 879, surplus: 1800 }, category: "Continuing care", scheme: "Non-acute placements review",
    prov: `seed: ${A004}: predicting a surplus for 2011/12 (forecast surplus of 1,800 synthetic); £879k of QIPP savings yet to be identified (a 2012/13 figure, used here as the 2011/12 unidentified amount); other figures synthetic`,
  },
  { name: "NHS Hampshire", code: "5QF", cluster: SOUTH, size: "L" },
  { name: "NHS Surrey", code: "5P5", cluster: SOUTH, size: "L", def: true },
  { name: "NHS Devon", code: "5QQ", cluster: SOUTH, size: "L" },
  { name: "NHS Bristol", code: "5QJ", cluster: SOUTH, size: "M" },
  { name: "NHS Wiltshire", code: "5QW", cluster: SOUTH, size: "M" },
];

const PCT_SCHEMES = [
  ["Acute contracts", ["Acute contract challenges", "Outpatient first-to-follow-up ratios"]],
  ["Prescribing", ["Medicines management", "Generic prescribing switches"]],
  ["Urgent care", ["Reducing emergency admissions", "Urgent care centre redirection"]],
  ["Planned care", ["Referral management", "Procedures of limited clinical value"]],
  ["Long term conditions", ["Community matrons and case management", "Telehealth for COPD and heart failure"]],
  ["Continuing care", ["Continuing healthcare review", "Placement costs review"]],
  ["Mental health", ["Out of area placements"]],
  ["Running costs", ["Management cost reduction"]],
];

/** PCT allocations are drawn by size band (£k); synthetic QIPP plans are 2.5-5% of allocation. */
function makePcts() {
  const rng = makeRng(20120124);
  const p = PCTS.map((d) => ({ ...d, seed: d.seed ?? {} }));

  // 1. Annual plan and allocation.
  for (const r of p) {
    const band = { L: [850000, 1700000], M: [400000, 750000], S: [220000, 380000] }[r.size];
    r.allocation = Math.round(rng.range(band[0], band[1]) / 100) * 100;
    r.annual = r.seed.annual ?? Math.round((r.allocation * rng.range(0.025, 0.05)) / 10) * 10;
  }
  // Make each cluster's Σ annual a multiple of 100 so the delivered % can be exact.
  for (const c of CLUSTERS) {
    const free = p.filter((r) => r.cluster === c && !r.seed.annual);
    const s = sum(p.filter((r) => r.cluster === c).map((r) => r.annual));
    free[free.length - 1].annual += (100 - (s % 100)) % 100;
  }

  // 2. YTD plan: QIPP plans flatter than trust CIPs (North 45-54% in H2, elsewhere 52-62%).
  for (const r of p) {
    if (r.seed.plan) {
      r.plan = r.seed.plan;
      r.ytdPlan = sum(r.plan.slice(0, K));
      continue;
    }
    const h = r.cluster === NORTH ? rng.range(0.45, 0.54) : rng.range(0.52, 0.62);
    r.ytdPlan = Math.round(r.annual * (1 - h));
    r.plan = phasePlan(rng, r.annual, r.ytdPlan);
  }

  // 3. YTD actual: cluster Σ YTD actual = delivered % × Σ annual plan, exactly.
  const stats = {};
  for (const c of CLUSTERS) {
    const group = p.filter((r) => r.cluster === c);
    const target = Math.round(CLUSTER_DELIVERED[c] * sum(group.map((r) => r.annual)));
    const fixed = group.filter((r) => r.seed.actual || r.r !== undefined);
    const free = group.filter((r) => !(r.seed.actual || r.r !== undefined));
    for (const r of fixed) r.ytdActual = r.seed.actual ? sum(r.seed.actual) : Math.round(r.ytdPlan * r.r);
    for (const r of free) r.rRaw = rng.range(0.78, 1.04);
    const left = target - sum(fixed.map((r) => r.ytdActual));
    const m = solve((x) => sum(free.map((r) => r.ytdPlan * r.rRaw * x)), left, 0.2, 3);
    for (const r of free) r.ytdActual = Math.round(r.ytdPlan * r.rRaw * m);
    settleResidual(free, (r) => r.ytdActual, (r, v) => (r.ytdActual = v), left - sum(free.map((r) => r.ytdActual)), (r, v) => v > 0 && v < r.annual);
    stats[c] = m;
  }
  const reversals = new Map([["5NY", 3], ["5PT", 5], ["5C4", 4], ["5QF", 2]]);
  for (const r of p) r.actual = r.seed.actual ?? phaseActual(rng, r.ytdActual, r.plan, reversals.get(r.code));

  // 4. Forecast: seed forecasts kept; London Σ forecast = 86% of Σ plan (seed 002's 14% PCT shortfall).
  for (const r of p) {
    if (r.seed.forecast !== undefined) r.forecast = r.seed.forecast;
    else {
      const behind = r.ytdActual < r.ytdPlan ? (r.ytdPlan - r.ytdActual) / r.ytdPlan : 0;
      r.gRaw = Math.min(0.45, behind * rng.range(0.8, 1.6) + rng.range(0, 0.06));
      r.forecast = r.annual - Math.round(r.gRaw * r.annual);
    }
  }
  {
    const group = p.filter((r) => r.cluster === LONDON);
    const target = Math.round(LONDON_PCT_FORECAST_SHARE * sum(group.map((r) => r.annual)));
    const free = group.filter((r) => r.seed.forecast === undefined);
    const left = target - sum(group.filter((r) => r.seed.forecast !== undefined).map((r) => r.forecast));
    const fOf = (r, nu) => r.annual * (1 - Math.min(0.6, nu * (r.gRaw + 0.02)));
    const nu = solve((n) => -sum(free.map((r) => fOf(r, n))), -left, 0, 10);
    for (const r of free) r.forecast = Math.round(fOf(r, nu));
    settleResidual(free, (r) => r.forecast, (r, v) => (r.forecast = v), left - sum(free.map((r) => r.forecast)), (r, v) => v <= r.annual && v > r.ytdActual);
    stats.londonNu = nu;
    // Allocation: London Σ forecast savings = 2.8% of Σ resources.
    const allocTarget = Math.round(target / LONDON_PCT_SAVINGS_OF_RESOURCES);
    const split = splitInt(allocTarget, group.map((r) => r.allocation));
    group.forEach((r, i) => (r.allocation = split[i]));
  }

  // 5. Split and position.
  for (const r of p) {
    r.unidentified = r.seed.unidentified ?? (rng.next() < 0.4 ? 0 : Math.round(r.annual * rng.range(0.02, 0.2)));
    const identified = r.annual - r.unidentified;
    r.nonRecurrent = r.seed.nonRecurrent ?? Math.round(identified * rng.range(0.05, 0.35));
    r.recurrent = identified - r.nonRecurrent;
    if (r.seed.surplus !== undefined) r.surplus = r.seed.surplus;
    else if (r.def) r.surplus = -Math.round(r.allocation * rng.range(0.002, 0.009));
    else r.surplus = Math.round(r.allocation * rng.range(0.001, 0.01));
    r.risk = r.seed.risk ?? ragFromForecast(r.annual, r.forecast);
    if (r.category === undefined) {
      const [cat, schemes] = rng.pick(PCT_SCHEMES);
      r.category = cat;
      r.scheme = r.noScheme ? "" : rng.pick(schemes);
    }
  }

  for (const r of p) {
    check(r.forecast > r.ytdActual && r.forecast <= r.annual, `${r.name}: forecast`);
    check(r.recurrent >= 0 && r.nonRecurrent >= 0 && r.unidentified >= 0, `${r.name}: split`);
    check(r.plan.every((m) => m > 0), `${r.name}: plan month`);
    check(r.surplus !== 0, `${r.name}: break-even`);
  }
  for (const c of CLUSTERS) {
    const g = p.filter((r) => r.cluster === c);
    check(100 * sum(g.map((r) => r.ytdActual)) === Math.round(100 * CLUSTER_DELIVERED[c]) * sum(g.map((r) => r.annual)), `${c} delivered %`);
  }
  return { rows: p, stats };
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

const MONEY_HEADERS = [
  "Annual plan £k",
  "YTD plan £k",
  "YTD actual £k",
  "Forecast outturn £k",
  "Recurrent £k",
  "Non-recurrent £k",
  "Unidentified £k",
];

function headerFor(orgWord, sizeWord) {
  return [
    orgWord,
    "Org code",
    "Cluster",
    "Category",
    "Main scheme",
    ...MONEY_HEADERS,
    sizeWord,
    "Surplus/(deficit) £k",
    "Risk",
    ...MONTHS,
    ...MONTHS.slice(0, K).map((m) => `Actual ${m}`),
  ];
}

const toRow = (r) => [
  r.name,
  r.code,
  r.cluster,
  r.category,
  r.scheme,
  r.annual,
  r.ytdPlan,
  r.ytdActual,
  r.forecast,
  r.recurrent,
  r.nonRecurrent,
  r.unidentified,
  r.turnover ?? r.allocation,
  r.surplus,
  r.risk,
  ...r.plan,
  ...r.actual,
];

/** JSON with one row per line: readable in a diff, still plain JSON. */
function toJson(doc) {
  const s = (v) => JSON.stringify(v);
  const lines = ["{"];
  const keys = Object.keys(doc);
  keys.forEach((k, i) => {
    const v = doc[k];
    const comma = i < keys.length - 1 ? "," : "";
    if (Array.isArray(v) && (k === "rows" || k === "about" || k === "provenance")) {
      lines.push(`  ${s(k)}: [`);
      v.forEach((item, j) => lines.push(`    ${s(item)}${j < v.length - 1 ? "," : ""}`));
      lines.push(`  ]${comma}`);
    } else {
      lines.push(`  ${s(k)}: ${s(v)}${comma}`);
    }
  });
  lines.push("}");
  return lines.join("\n") + "\n";
}

/** RFC 4180: CRLF line ends; a field is quoted if it holds a comma, quote, CR or LF. */
function toCsv(header, rows) {
  const field = (v) => {
    const t = typeof v === "number" ? String(v) : v;
    return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  return "\uFEFF" + [header, ...rows].map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
}

function write(base, doc) {
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, `${base}.json`), toJson(doc), "utf8");
  writeFileSync(join(OUT_DIR, `${base}.csv`), toCsv(doc.header, doc.rows), "utf8");
}

function main() {
  const trusts = makeTrusts();
  const tr = trusts.rows;
  const trustDoc = {
    title: "Sample trust CIP tracker: non-foundation acute trusts, 2011/12, month 6",
    description:
      "One row per trust: the 2011/12 cost improvement plan (CIP) with its monthly phasing, delivery to the end of September (month 6), forecast outturn, recurrent / non-recurrent / unidentified split, turnover and the month-6 surplus/(deficit). All money in £k. Built so that the sector totals reproduce the HSJ report of the Department of Health's half-year figures.",
    financialYear: "2011/12",
    monthsElapsed: K,
    unit: "£k",
    about: [
      `Built to reproduce the headline of ${A000}: 49 of the 72 trusts (68%) behind plan to date; 7 made less than a fifth of their annual savings; 5 made less than 20% of the annual plan, were more than 50% behind plan to date and were in deficit; savings to date £465m against £544m planned (missed by £79m, 14.5%); 30 trusts in deficit with a net deficit of £135m at 30 September; forecast outturn £1,183m of a £1.3bn target (all but 9%). The individual rows that make up these totals are synthetic.`,
      `From the seed articles: University Hospitals of North Staffordshire made 20% of its £24m target in the first half (${A000}). Barking, Havering and Redbridge (£12.9m off target), Newham (£8.4m behind) and St George's (£8.2m behind) come from ${A002}; those 2010-11 figures are used here as each trust's 2011/12 month-6 CIP shortfall (YTD plan minus YTD actual). Barking, Havering and Redbridge's £50m forecast deficit, Imperial College Healthcare's £35m forecast deficit and Whipps Cross forecasting a deficit come from ${A001}; they are shown as month-6 deficits consistent with those forecasts. The rest of each of these rows is synthetic.`,
      `The London cluster's forecast outturn is 83% of its plan and equals 4.6% of its turnover, echoing the 17% provider shortfall and the savings of 4.6% of turnover in the same NHS London papers (2010-11 figures).`,
      "Every other trust name is a plausible NHS trust of the era chosen for realism; their figures, and every figure not listed above, are synthetic and do not describe the real organisations. The 72 names are not the Department of Health's actual list, and the org codes are given for realism only.",
      "Surplus/(deficit) is the month-6 (30 September) position. Monthly plan columns Apr to Mar sum to the annual plan; Apr to Sep sum to the YTD plan; Actual Apr to Actual Sep sum to the YTD actual (a negative month is a reversal of savings booked earlier); recurrent + non-recurrent + unidentified = annual plan. Risk is the RAG of the forecast shortfall (Green up to 5%, Amber up to 10%, else Red).",
    ],
    header: headerFor("Trust", "Turnover £k"),
    rows: tr.map(toRow),
    provenance: tr.map((r) => r.prov ?? "synthetic"),
  };
  write("sample-trust-cip-tracker", trustDoc);

  const pcts = makePcts();
  const pr = pcts.rows;
  const pctDoc = {
    title: "Sample PCT QIPP tracker: primary care trusts in the four SHA clusters, 2011/12, month 6",
    description:
      "One row per primary care trust (PCT): the 2011/12 QIPP savings plan with its monthly phasing, delivery to the end of September (month 6), forecast outturn, recurrent / non-recurrent / unidentified split, allocation (resources) and forecast year-end surplus/(deficit). All money in £k. Built so that the cluster totals reproduce the Department of Health's Q2 2011-12 cluster figures (North of England 47%, South of England 38% of the full-year target delivered at month 6).",
    financialYear: "2011/12",
    monthsElapsed: K,
    unit: "£k",
    about: [
      `Built to reproduce ${A001}: the North of England cluster delivered 47% of its full-year QIPP target in the first six months and the South of England 38% (YTD actual / annual plan, summed over the cluster). This file holds only ${pr.length} PCTs, so the cluster totals are far smaller than the article's £1.6bn (North) and £1.4bn (South); the percentages are reproduced exactly. Midlands and East (42%) and London (41%) are synthetic, set so that all four clusters together deliver about 42% of the year's target, as nationally.`,
      `Figures from ${A004}: NHS Sussex (£111.78m plan, £72.82m forecast, shared across its four PCTs), Oxfordshire (£5.4m short, 26%), Buckinghamshire (£6.3m short, 24%), Redcar and Cleveland (£5m miss), Staffordshire (80%, about £9m, shared between North and South Staffordshire), Kingston (£975k referral management scheme) and Bath and North East Somerset (forecast surplus; £879k unidentified, a 2012/13 figure used here for 2011/12). Those forecasts were made at months 9-10 and are shown here as the month-6 forecast outturn.`,
      `Figures from ${A003} are for 2010-11 and are used here as 2011/12 figures: NHS Norfolk (£38.3m plan, £17m unidentified), NHS Bassetlaw (£2.4m plan, forecast to meet it, 71% behind plan at the end of August: kept at month 5 in the monthly columns), NHS Central and Eastern Cheshire (£32.5m plan, £12.2m forecast miss, £5.2m deficit), NHS Tameside and Glossop (£24.9m plan, £13.1m non-recurrent, £4.7m at red risk), NHS Wolverhampton (10% forecast shortfall), West Sussex (48% forecast shortfall), NHS East Riding of Yorkshire (£7.3m plan), NHS Sheffield and NHS Manchester (main schemes only; their multi-year totals are not used).`,
      `From ${A002}: the eight London PCTs unable to break even without support are shown with forecast deficits before support; the London cluster's forecast is 86% of its plan and equals 2.8% of its allocation, echoing the 14% PCT shortfall and savings of 2.8% of resources reported there.`,
      "Every other figure, and every PCT not named above, is synthetic and does not describe the real organisation; org codes are given for realism only. Surplus/(deficit) in this file is the forecast year-end position. QIPP phasing is flatter than trust CIP phasing (second-half share 45-62%). Monthly plan columns sum to the annual plan, Apr to Sep to the YTD plan, Actual Apr to Actual Sep to the YTD actual; recurrent + non-recurrent + unidentified = annual plan. A blank Main scheme is an empty string.",
    ],
    header: headerFor("PCT", "Allocation £k"),
    rows: pr.map(toRow),
    provenance: pr.map((r) => r.prov ?? "synthetic"),
  };
  write("sample-pct-qipp-tracker", pctDoc);

  const register = makeSchemeRegister({ makeRng, splitInt, check, sum });
  write("sample-scheme-register", register);

  if (process.argv.includes("--verbose")) console.log(JSON.stringify({ trust: trusts.stats, pct: pcts.stats }));
  console.log(`wrote ${trustDoc.rows.length} trusts, ${pctDoc.rows.length} PCTs and ${register.rows.length} schemes to ${OUT_DIR}`);
}

main();

/**
 * The sample tracker files in assets/ (made by scripts/make-sample-data.mjs). Everything here is
 * worked out from the data itself, independently of src/core, so a wrong file fails.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

type Cell = string | number;

interface SampleFile {
  title: string;
  description: string;
  financialYear: string;
  monthsElapsed: number;
  unit: string;
  about: string[];
  header: string[];
  rows: Cell[][];
  provenance: string[];
}

interface Org {
  name: string;
  code: string;
  group: string;
  category: string;
  scheme: string;
  risk: string;
  annual: number;
  ytdPlan: number;
  ytdActual: number;
  forecast: number;
  recurrent: number;
  nonRecurrent: number;
  unidentified: number;
  size: number;
  surplus: number;
  plan: number[];
  actual: number[];
  provenance: string;
}

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ASSETS = join(ROOT, "assets");
const TRUST = "sample-trust-cip-tracker";
const PCT = "sample-pct-qipp-tracker";

const MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];
const K = 6;

const expectedHeader = (org: string, size: string): string[] => [
  org,
  "Org code",
  "Cluster",
  "Category",
  "Main scheme",
  "Annual plan £k",
  "YTD plan £k",
  "YTD actual £k",
  "Forecast outturn £k",
  "Recurrent £k",
  "Non-recurrent £k",
  "Unidentified £k",
  size,
  "Surplus/(deficit) £k",
  "Risk",
  ...MONTHS,
  ...MONTHS.slice(0, K).map((m) => `Actual ${m}`),
];

const FILES = [
  { base: TRUST, org: "Trust", size: "Turnover £k" },
  { base: PCT, org: "PCT", size: "Allocation £k" },
] as const;

const readAsset = (name: string): string => readFileSync(join(ASSETS, name), "utf8");
const load = (base: string): SampleFile => JSON.parse(readAsset(`${base}.json`)) as SampleFile;

function toOrgs(f: SampleFile, org: string, size: string): Org[] {
  const at = (h: string): number => {
    const i = f.header.indexOf(h);
    if (i < 0) throw new Error(`no column ${h}`);
    return i;
  };
  const n = (row: Cell[], h: string): number => row[at(h)] as number;
  const s = (row: Cell[], h: string): string => row[at(h)] as string;
  return f.rows.map((row, i) => ({
    name: s(row, org),
    code: s(row, "Org code"),
    group: s(row, "Cluster"),
    category: s(row, "Category"),
    scheme: s(row, "Main scheme"),
    risk: s(row, "Risk"),
    annual: n(row, "Annual plan £k"),
    ytdPlan: n(row, "YTD plan £k"),
    ytdActual: n(row, "YTD actual £k"),
    forecast: n(row, "Forecast outturn £k"),
    recurrent: n(row, "Recurrent £k"),
    nonRecurrent: n(row, "Non-recurrent £k"),
    unidentified: n(row, "Unidentified £k"),
    size: n(row, size),
    surplus: n(row, "Surplus/(deficit) £k"),
    plan: MONTHS.map((m) => n(row, m)),
    actual: MONTHS.slice(0, K).map((m) => n(row, `Actual ${m}`)),
    provenance: f.provenance[i],
  }));
}

const total = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const sumOf = (orgs: Org[], get: (o: Org) => number): number => total(orgs.map(get));

function byName(orgs: Org[], name: string): Org {
  const found = orgs.filter((o) => o.name === name);
  expect(found, name).toHaveLength(1);
  return found[0];
}

/** RFC 4180 reader: CRLF records, fields quoted when needed, "" inside quotes. Strict. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') {
      if (field !== "" || wasQuoted) throw new Error(`stray quote at ${i}`);
      quoted = wasQuoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
      wasQuoted = false;
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      wasQuoted = false;
      i++;
    } else if (c === "\r" || c === "\n") {
      throw new Error(`bare line break at ${i}`);
    } else {
      if (wasQuoted) throw new Error(`text after a closing quote at ${i}`);
      field += c;
    }
  }
  if (quoted) throw new Error("unterminated quote");
  if (field !== "" || row.length > 0) throw new Error("last record has no CRLF");
  return rows;
}

describe.each(FILES)("$base: shape and exact sums", ({ base, org, size }) => {
  const f = load(base);
  const orgs = toOrgs(f, org, size);
  const header = expectedHeader(org, size);
  const textCols = new Set([org, "Org code", "Cluster", "Category", "Main scheme", "Risk"]);

  it("has the metadata and the header the add-in recognises", () => {
    expect(f.title.length).toBeGreaterThan(10);
    expect(f.description.length).toBeGreaterThan(10);
    expect(f.financialYear).toBe("2011/12");
    expect(f.monthsElapsed).toBe(K);
    expect(f.unit).toBe("£k");
    expect(f.about.length).toBeGreaterThanOrEqual(3);
    for (const s of f.about) expect(typeof s).toBe("string");
    expect(f.about.join(" ")).toMatch(/synthetic/);
    expect(f.header).toEqual(header);
  });

  it("every row has the header's width, text in text columns and whole £k elsewhere", () => {
    expect(f.rows.length).toBeGreaterThan(0);
    for (const row of f.rows) {
      expect(row).toHaveLength(header.length);
      row.forEach((cell, i) => {
        if (textCols.has(header[i])) expect(typeof cell, `${row[0]} ${header[i]}`).toBe("string");
        else expect(Number.isInteger(cell), `${row[0]} ${header[i]} = ${String(cell)}`).toBe(true);
      });
    }
    for (const o of orgs) {
      expect(o.name.length).toBeGreaterThan(0);
      expect(o.code).toMatch(/^[0-9A-Z]{3}$/);
      expect(["Red", "Amber", "Green"]).toContain(o.risk);
    }
    expect(new Set(orgs.map((o) => o.name)).size).toBe(orgs.length);
    expect(new Set(orgs.map((o) => o.code)).size).toBe(orgs.length);
  });

  it("provenance has one entry per row, each 'synthetic' or 'seed: ...'", () => {
    expect(f.provenance).toHaveLength(f.rows.length);
    for (const p of f.provenance) expect(p === "synthetic" || p.startsWith("seed: ")).toBe(true);
  });

  it("holds every exact-sum constraint in every row", () => {
    for (const o of orgs) {
      expect(total(o.plan), `${o.name}: months = annual plan`).toBe(o.annual);
      expect(total(o.plan.slice(0, K)), `${o.name}: months 1-6 = YTD plan`).toBe(o.ytdPlan);
      expect(total(o.actual), `${o.name}: actual months = YTD actual`).toBe(o.ytdActual);
      expect(o.recurrent + o.nonRecurrent + o.unidentified, `${o.name}: split`).toBe(o.annual);
      expect(o.recurrent).toBeGreaterThanOrEqual(0);
      expect(o.nonRecurrent).toBeGreaterThanOrEqual(0);
      expect(o.unidentified).toBeGreaterThanOrEqual(0);
      expect(
        o.plan.every((m) => m > 0),
        `${o.name}: plan months positive`,
      ).toBe(true);
      expect(o.forecast).toBeGreaterThan(o.ytdActual);
      expect(o.forecast).toBeLessThanOrEqual(o.annual);
      expect(o.size).toBeGreaterThan(o.annual);
    }
  });

  it("has a few reversals (negative actual months), not many", () => {
    const withReversal = orgs.filter((o) => o.actual.some((m) => m < 0)).length;
    expect(withReversal).toBeGreaterThanOrEqual(2);
    expect(withReversal).toBeLessThanOrEqual(Math.ceil(orgs.length / 8));
  });

  it("the CSV copy agrees with the JSON cell for cell (UTF-8 BOM, RFC 4180)", () => {
    const raw = readFileSync(join(ASSETS, `${base}.csv`));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const csv = parseCsv(text.slice(1));
    expect(csv).toHaveLength(f.rows.length + 1);
    expect(csv[0]).toEqual(f.header);
    f.rows.forEach((row, r) => {
      expect(csv[r + 1]).toHaveLength(row.length);
      row.forEach((cell, c) => expect(csv[r + 1][c], `row ${r + 1} col ${f.header[c]}`).toBe(String(cell)));
    });
    // Names with a comma are quoted, and "£" survives as UTF-8.
    if (f.rows.some((row) => String(row[0]).includes(","))) expect(text).toMatch(/\r\n"[^"\r\n]*,[^"\r\n]*",/);
    expect(text).toContain("Annual plan £k");
  });
});

describe("trust CIP file reproduces the HSJ half-year figures (seed 000)", () => {
  const f = load(TRUST);
  const t = toOrgs(f, "Trust", "Turnover £k");
  const behind = t.filter((o) => o.ytdActual < o.ytdPlan);
  const underFifth = t.filter((o) => o.ytdActual / o.annual < 0.2);
  const severelyBehind = t.filter((o) => o.ytdActual / o.ytdPlan < 0.5);
  const deficit = t.filter((o) => o.surplus < 0);
  const distress = underFifth.filter((o) => severelyBehind.includes(o) && deficit.includes(o));

  it("72 non-FT acute trusts in 4 SHA clusters", () => {
    expect(t).toHaveLength(72);
    expect(new Set(t.map((o) => o.group))).toEqual(
      new Set(["North of England", "Midlands and East", "London", "South of England"]),
    );
    for (const o of t) expect(o.name).toMatch(/NHS Trust$/);
  });

  it("49 of 72 (68%) behind plan to date", () => {
    expect(behind).toHaveLength(49);
    expect(Math.round((100 * behind.length) / t.length)).toBe(68);
  });

  it("7 made less than a fifth of the year's savings; 5 also > 50% behind and in deficit", () => {
    expect(underFifth).toHaveLength(7);
    // Same answer with integer arithmetic, so no rounding decides it.
    expect(t.filter((o) => 5 * o.ytdActual < o.annual)).toHaveLength(7);
    expect(distress).toHaveLength(5);
  });

  it("missed the £544m to-date target by £79m (14.5%, '15 per cent')", () => {
    const plan = sumOf(t, (o) => o.ytdPlan);
    const actual = sumOf(t, (o) => o.ytdActual);
    expect(plan).toBe(544000);
    expect(actual).toBe(465000);
    expect(actual - plan).toBe(-79000);
    const pct = (100 * (plan - actual)) / plan;
    expect(pct.toFixed(1)).toBe("14.5");
    expect(Math.round(pct)).toBe(15);
  });

  it("30 trusts in deficit, net deficit £135m", () => {
    expect(deficit).toHaveLength(30);
    expect(sumOf(t, (o) => o.surplus)).toBe(-135000);
    expect(t.some((o) => o.surplus === 0)).toBe(false);
  });

  it("forecasts all but 9% of a £1.3bn target", () => {
    const annual = sumOf(t, (o) => o.annual);
    const forecast = sumOf(t, (o) => o.forecast);
    expect(annual).toBe(1300000);
    expect(1 - forecast / annual).toBeCloseTo(0.09, 10);
  });

  it("London echoes NHS London's provider figures (seed 002): 17% short, savings 4.6% of turnover", () => {
    const l = t.filter((o) => o.group === "London");
    const forecast = sumOf(l, (o) => o.forecast);
    expect((1 - forecast / sumOf(l, (o) => o.annual)).toFixed(3)).toBe("0.170");
    expect(((100 * forecast) / sumOf(l, (o) => o.size)).toFixed(2)).toBe("4.60");
  });

  it("looks like real plans: back-loaded phasing, CIP 3-6% of turnover, non-recurrent and unidentified outliers", () => {
    const h2 = t.map((o) => 1 - o.ytdPlan / o.annual);
    expect(h2.filter((h) => h >= 0.55 && h <= 0.76).length).toBeGreaterThanOrEqual(65);
    const over65 = h2.filter((h) => h > 0.65).length;
    expect(over65).toBeGreaterThanOrEqual(3);
    expect(over65).toBeLessThanOrEqual(10);
    expect(h2.every((h) => h >= 0.5 && h <= 0.76)).toBe(true);
    const cipPct = t.map((o) => o.annual / o.size);
    expect(cipPct.filter((p) => p >= 0.03 && p <= 0.06).length).toBeGreaterThanOrEqual(54);
    expect(t.filter((o) => o.nonRecurrent / (o.recurrent + o.nonRecurrent) > 0.5).length).toBeGreaterThanOrEqual(3);
    expect(t.filter((o) => o.unidentified / o.annual > 0.25).length).toBeGreaterThanOrEqual(3);
  });

  it("keeps what the seeds say about the named trusts", () => {
    const uhns = byName(t, "University Hospitals of North Staffordshire NHS Trust");
    expect(uhns.annual).toBe(24000); // £24m target
    expect(uhns.ytdActual).toBe(4800); // "just 20 per cent" in the first half
    expect(uhns.ytdActual / uhns.annual).toBe(0.2);
    expect(underFifth).not.toContain(uhns); // exactly a fifth is not "less than a fifth"

    const bhr = byName(t, "Barking, Havering and Redbridge University Hospitals NHS Trust");
    expect(bhr.ytdPlan - bhr.ytdActual).toBe(12900);
    expect(bhr.surplus).toBeLessThan(0); // forecasting a £50m deficit
    const newham = byName(t, "Newham University Hospital NHS Trust");
    expect(newham.ytdPlan - newham.ytdActual).toBe(8400);
    const stg = byName(t, "St George's Healthcare NHS Trust");
    expect(stg.ytdPlan - stg.ytdActual).toBe(8200);
    expect(byName(t, "Whipps Cross University Hospital NHS Trust").surplus).toBeLessThan(0);
    expect(byName(t, "Imperial College Healthcare NHS Trust").surplus).toBeLessThan(0);

    expect(uhns.provenance).toMatch(/^seed: .*£24m/);
    expect(bhr.provenance).toMatch(/^seed: .*£12\.9m.*£50m/);
    expect(newham.provenance).toMatch(/^seed: .*8\.4/);
    expect(stg.provenance).toMatch(/^seed: .*£8\.2m/);
    const seeded = t.filter((o) => o.provenance !== "synthetic").map((o) => o.name);
    expect(new Set(seeded)).toEqual(
      new Set([
        "University Hospitals of North Staffordshire NHS Trust",
        "Barking, Havering and Redbridge University Hospitals NHS Trust",
        "Newham University Hospital NHS Trust",
        "St George's Healthcare NHS Trust",
        "Whipps Cross University Hospital NHS Trust",
        "Imperial College Healthcare NHS Trust",
      ]),
    );
  });
});

describe("PCT QIPP file reproduces the DH Q2 cluster figures (seed 001)", () => {
  const f = load(PCT);
  const p = toOrgs(f, "PCT", "Allocation £k");
  const cluster = (name: string): Org[] => p.filter((o) => o.group === name);
  const deliveredPct = (orgs: Org[]): number => (100 * sumOf(orgs, (o) => o.ytdActual)) / sumOf(orgs, (o) => o.annual);

  it("at least 40 PCTs in the 4 SHA clusters", () => {
    expect(p.length).toBeGreaterThanOrEqual(40);
    const groups = new Set(p.map((o) => o.group));
    expect(groups).toEqual(new Set(["North of England", "Midlands and East", "London", "South of England"]));
    for (const g of groups) expect(cluster(g).length).toBeGreaterThanOrEqual(8);
    for (const o of p) expect(o.name).toMatch(/^NHS /);
  });

  it("North delivered 47% of its full-year target at month 6, South 38%, all about 42%", () => {
    const north = cluster("North of England");
    const south = cluster("South of England");
    expect(deliveredPct(north).toFixed(1)).toBe("47.0");
    expect(deliveredPct(south).toFixed(1)).toBe("38.0");
    // Exactly, in whole £k: 100 × Σ YTD actual = 47 × Σ annual plan.
    expect(100 * sumOf(north, (o) => o.ytdActual)).toBe(47 * sumOf(north, (o) => o.annual));
    expect(100 * sumOf(south, (o) => o.ytdActual)).toBe(38 * sumOf(south, (o) => o.annual));
    expect(Math.round(deliveredPct(p))).toBe(42);
  });

  it("London echoes NHS London's PCT figures (seed 002): 14% short, savings 2.8% of resources", () => {
    const l = cluster("London");
    const forecast = sumOf(l, (o) => o.forecast);
    expect((1 - forecast / sumOf(l, (o) => o.annual)).toFixed(3)).toBe("0.140");
    expect(((100 * forecast) / sumOf(l, (o) => o.size)).toFixed(2)).toBe("2.80");
  });

  it("keeps what the seeds say about the named PCTs and clusters", () => {
    const sussex = ["NHS West Sussex", "NHS Brighton and Hove", "NHS East Sussex Downs and Weald", "NHS Hastings and Rother"].map(
      (n) => byName(p, n),
    );
    expect(sumOf(sussex, (o) => o.annual)).toBe(111780);
    expect(sumOf(sussex, (o) => o.forecast)).toBe(72820);
    expect(Math.round(100 * (1 - 72820 / 111780))).toBe(35);
    const ws = byName(p, "NHS West Sussex");
    expect((ws.annual - ws.forecast) / ws.annual).toBeCloseTo(0.48, 10);

    const norfolk = byName(p, "NHS Norfolk");
    expect(norfolk).toMatchObject({ annual: 38300, unidentified: 17000 });
    expect(Math.round((100 * norfolk.unidentified) / norfolk.annual)).toBe(44);

    const bassetlaw = byName(p, "NHS Bassetlaw");
    expect(bassetlaw).toMatchObject({ annual: 2400, forecast: 2400 });
    const toAugustPlan = total(bassetlaw.plan.slice(0, 5));
    const toAugustActual = total(bassetlaw.actual.slice(0, 5));
    expect(Math.round(100 * (1 - toAugustActual / toAugustPlan))).toBe(71);
    expect(bassetlaw.group).toBe("Midlands and East");

    const cec = byName(p, "NHS Central and Eastern Cheshire");
    expect(cec).toMatchObject({ annual: 32500, surplus: -5200 });
    expect(cec.annual - cec.forecast).toBe(12200);

    const tg = byName(p, "NHS Tameside and Glossop");
    expect(tg).toMatchObject({ annual: 24900, nonRecurrent: 13100, risk: "Red" });
    expect(tg.annual - tg.forecast).toBe(4700);

    const wolves = byName(p, "NHS Wolverhampton");
    expect((wolves.annual - wolves.forecast) / wolves.annual).toBeCloseTo(0.1, 10);

    const oxon = byName(p, "NHS Oxfordshire");
    expect(oxon.annual - oxon.forecast).toBe(5400);
    expect(Math.round((100 * (oxon.annual - oxon.forecast)) / oxon.annual)).toBe(26);
    const bucks = byName(p, "NHS Buckinghamshire");
    expect(bucks.annual - bucks.forecast).toBe(6300);
    expect(Math.round((100 * (bucks.annual - bucks.forecast)) / bucks.annual)).toBe(24);
    const bo = [oxon, bucks];
    const boShort = 1 - sumOf(bo, (o) => o.forecast) / sumOf(bo, (o) => o.annual);
    expect(boShort).toBeGreaterThan(0.23); // "almost a quarter"
    expect(boShort).toBeLessThan(0.25);

    const redcar = byName(p, "NHS Redcar and Cleveland");
    expect(redcar.annual - redcar.forecast).toBe(5000);

    const staffs = [byName(p, "NHS North Staffordshire"), byName(p, "NHS South Staffordshire")];
    expect(sumOf(staffs, (o) => o.forecast)).toBe(9000);
    expect(sumOf(staffs, (o) => o.forecast) / sumOf(staffs, (o) => o.annual)).toBeCloseTo(0.8, 10);

    expect(byName(p, "NHS East Riding of Yorkshire").annual).toBe(7300);
    expect(byName(p, "NHS Kingston").scheme).toContain("£975k");
    const banes = byName(p, "NHS Bath and North East Somerset");
    expect(banes.unidentified).toBe(879);
    expect(banes.surplus).toBeGreaterThan(0);

    const needSupport = [
      "Barnet",
      "Enfield",
      "Haringey",
      "Harrow",
      "Hounslow",
      "Sutton and Merton",
      "Waltham Forest",
      "Barking and Dagenham",
    ];
    for (const n of needSupport) expect(byName(p, `NHS ${n}`).surplus, n).toBeLessThan(0);

    const seeded = new Set(p.filter((o) => o.provenance !== "synthetic").map((o) => o.name));
    const named = [
      ...sussex.map((o) => o.name),
      "NHS Norfolk",
      "NHS Bassetlaw",
      "NHS Central and Eastern Cheshire",
      "NHS Tameside and Glossop",
      "NHS Wolverhampton",
      "NHS Oxfordshire",
      "NHS Buckinghamshire",
      "NHS Redcar and Cleveland",
      "NHS North Staffordshire",
      "NHS South Staffordshire",
      "NHS East Riding of Yorkshire",
      "NHS Kingston",
      "NHS Bath and North East Somerset",
      "NHS Sheffield",
      "NHS Manchester",
      ...needSupport.map((n) => `NHS ${n}`),
    ];
    expect(seeded).toEqual(new Set(named));
    // Figures from a different year or month say so.
    for (const n of ["NHS Norfolk", "NHS Bassetlaw", "NHS Wolverhampton", "NHS Tameside and Glossop"]) {
      expect(byName(p, n).provenance, n).toMatch(/2010-11/);
    }
    expect(banes.provenance).toMatch(/2012\/13/);
  });
});

describe("the generator", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("is deterministic and reproduces the committed files byte for byte", () => {
    const script = join(ROOT, "scripts", "make-sample-data.mjs");
    for (let run = 0; run < 2; run++) {
      const out = mkdtempSync(join(tmpdir(), "cip-sample-"));
      dirs.push(out);
      execFileSync(process.execPath, [script, "--out", out], { stdio: "pipe" });
      for (const base of [TRUST, PCT]) {
        for (const ext of ["json", "csv"]) {
          const made = readFileSync(join(out, `${base}.${ext}`));
          const committed = readFileSync(join(ASSETS, `${base}.${ext}`));
          expect(made.equals(committed), `${base}.${ext} run ${run + 1}`).toBe(true);
        }
      }
    }
  });
});

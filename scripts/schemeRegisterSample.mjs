/**
 * The sample scheme register: one row per savings scheme across the six trusts of a fictional
 * integrated care system, 2025/26 at month 6, the way trust PMOs and ICB system teams keep them
 * (docs: cip-domain.md, "Scheme registers"). Called by make-sample-data.mjs with its seeded,
 * deterministic helpers, so the file is byte-stable; every amount is a whole £k and the checks at
 * the end hold exactly in the numbers written.
 */

export const SCHEME_MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];
const K = 6;

const ICS = "Northshire and Dale ICS";
// Fictional organisations: no real trust of these names exists; the figures are synthetic.
const TRUSTS = [
  { name: "Northshire Teaching Hospitals NHS Foundation Trust", turnover: 980000, surplus: -18400, schemes: 82 },
  { name: "Dale Valley Hospitals NHS Trust", turnover: 520000, surplus: -9600, schemes: 66 },
  { name: "Eastport General Hospital NHS Trust", turnover: 410000, surplus: 1200, schemes: 58 },
  { name: "Northshire Community Health NHS Trust", turnover: 260000, surplus: 300, schemes: 52 },
  { name: "Riverside and Moor Mental Health NHS Foundation Trust", turnover: 330000, surplus: -2100, schemes: 56 },
  { name: "Northshire and Dale Ambulance Service NHS Trust", turnover: 210000, surplus: -700, schemes: 44 },
];
const DIVISIONS = ["Surgery", "Medicine", "Women and children", "Clinical support", "Corporate", "Estates and facilities"];
/** Categories with scheme names typical of each; `nr` marks non-recurrent schemes. */
const CATEGORIES = [
  {
    name: "Workforce: agency",
    schemes: ["Agency cap", "Agency to bank conversion", "Medical locum rates", "Off-framework agency exit"],
  },
  { name: "Workforce: e-rostering", schemes: ["E-rostering roll-out", "Rota optimisation", "Annual leave planning"] },
  { name: "Workforce: skill mix", schemes: ["Skill mix review", "Nursing establishment review", "Admin restructure"] },
  {
    name: "Procurement",
    schemes: ["Consumables contract", "Theatre supplies catalogue", "Orthopaedic implants", "Stock management"],
  },
  { name: "Medicines", schemes: ["Biosimilar switch", "Homecare review", "Antimicrobial stewardship", "Generic switching"] },
  { name: "Estates and facilities", schemes: ["Energy efficiency", "Site rationalisation", "Catering review", "Car parking"] },
  {
    name: "Clinical productivity",
    schemes: ["Theatre utilisation", "Length of stay", "Outpatient follow-up reduction", "Day case conversion"],
  },
  {
    name: "Corporate services",
    schemes: ["Digital mailroom", "Shared back office", "Printing reduction", "Licence rationalisation"],
  },
  { name: "Non-recurrent", schemes: ["Vacancy slippage", "Reserve release", "Balance sheet review"], nr: true },
  { name: "Income", schemes: ["Private patient income", "Overseas visitor recovery", "Research income"] },
];
const LEADS = [
  "A. Patel",
  "B. Okafor",
  "C. Hughes",
  "D. Nowak",
  "E. Singh",
  "F. Murray",
  "G. Adeyemi",
  "H. Clarke",
  "I. Rossi",
  "J. Evans",
];
/** Stage, its share of schemes, when such schemes start, and how well they deliver. */
const STAGES = [
  { word: "Delivered", share: 0.12, start: [1, 1], delivery: [0.95, 1.05] },
  { word: "Implementation", share: 0.36, start: [1, 4], delivery: [0.7, 1.05] },
  { word: "Business case approved", share: 0.2, start: [3, 8], delivery: [0.55, 0.95] },
  { word: "Planning (PID)", share: 0.18, start: [6, 10], delivery: [0.2, 0.8] },
  { word: "Idea", share: 0.14, start: [9, 12], delivery: [0, 0] },
];
const QIA = {
  Delivered: "Approved",
  Implementation: "Approved",
  "Business case approved": "Approved",
  "Planning (PID)": "Pending",
  Idea: "Not started",
};

export const SCHEME_HEADER = [
  "Trust",
  "Scheme",
  "Division",
  "Category",
  "Lead",
  "Stage",
  "QIA status",
  "Likelihood",
  "Risk RAG",
  "WTE",
  "Plan 2025/26 £k",
  "Plan 2026/27 £k",
  "Full-year effect £k",
  "Recurrent FYE £k",
  "YTD plan £k",
  "YTD actual £k",
  "Trust turnover £k",
  "Trust surplus/(deficit) £k",
  ...SCHEME_MONTHS.map((m) => `${m} plan £k`),
  ...SCHEME_MONTHS.slice(0, K).map((m) => `${m} actual £k`),
];

export function makeSchemeRegister({ makeRng, splitInt, check, sum }) {
  const rng = makeRng(20252026);
  const rows = [];
  for (const trust of TRUSTS) {
    const names = new Set();
    for (let s = 0; s < trust.schemes; s++) {
      const category = CATEGORIES[(s * 7 + rng.int(0, 2)) % CATEGORIES.length];
      const division = category.name === "Estates and facilities" ? "Estates and facilities" : rng.pick(DIVISIONS);
      let name = `${rng.pick(category.schemes)}: ${division.toLowerCase()}`;
      for (let n = 2; names.has(name); n++) name = `${name.replace(/ \(phase \d+\)$/, "")} (phase ${n})`;
      names.add(name);
      const stage = pickStage(rng, s, trust.schemes);
      const start = rng.int(stage.start[0], stage.start[1]);
      const monthly = rng.int(4, category.nr ? 40 : 70) * (trust.turnover > 500000 ? 2 : 1);
      const live = 13 - start;
      const plan = splitInt(
        monthly * live,
        SCHEME_MONTHS.map((_, m) => (m + 1 >= start ? 1 + 0.04 * (m + 1 - start) : 0)),
      );
      const annual = sum(plan);
      const fye = category.nr ? annual : monthly * 12;
      const recurrentFye = category.nr ? 0 : fye;
      const ytdPlan = sum(plan.slice(0, K));
      const delivered = Math.round(ytdPlan * rng.range(stage.delivery[0], stage.delivery[1]));
      const actual =
        ytdPlan > 0
          ? splitInt(
              delivered,
              plan.slice(0, K).map((p) => (p > 0 ? p * rng.range(0.7, 1.3) : 0)),
            )
          : [0, 0, 0, 0, 0, 0];
      const rag =
        stage.word === "Delivered"
          ? "Green"
          : delivered >= ytdPlan * 0.9
            ? rng.pick(["Green", "Green", "Amber"])
            : rng.pick(["Amber", "Red"]);
      // A third give a likelihood: most as a %, some as a word.
      const likelihoodRoll = rng.next();
      const likelihood =
        likelihoodRoll < 0.22
          ? `${5 * rng.int(stage.word === "Idea" ? 2 : 8, 20)}%`
          : likelihoodRoll < 0.32
            ? rng.pick(["High", "Medium", "Low"])
            : "";
      const wte = category.name.startsWith("Workforce") ? Math.max(1, Math.round(monthly / 8)) : "";
      rows.push([
        trust.name,
        name,
        division,
        category.name,
        rng.pick(LEADS),
        stage.word,
        QIA[stage.word],
        likelihood,
        rag,
        wte,
        annual,
        category.nr ? 0 : Math.round(fye * rng.range(0.95, 1.1)),
        fye,
        recurrentFye,
        ytdPlan,
        delivered,
        trust.turnover,
        trust.surplus,
        ...plan,
        ...actual,
      ]);
    }
    // The part of the trust's target no scheme covers yet: registers carry it as a line.
    const gap = 100 * Math.round(sum(rows.filter((r) => r[0] === trust.name).map((r) => r[10])) * 0.0012);
    rows.push([
      trust.name,
      "Unidentified",
      "",
      "",
      "",
      "Unidentified",
      "",
      "",
      "",
      "",
      gap,
      gap,
      gap,
      gap,
      0,
      0,
      trust.turnover,
      trust.surplus,
      ...splitInt(
        gap,
        SCHEME_MONTHS.map((_, m) => (m < K ? 0 : 1)),
      ),
      0,
      0,
      0,
      0,
      0,
      0,
    ]);
  }
  for (const row of rows) {
    check(row.length === SCHEME_HEADER.length, "scheme row length");
    check(sum(row.slice(18, 30)) === row[10], `months of ${row[1]} add up to its plan`);
    check(sum(row.slice(18, 24)) === row[14], `Apr-Sep of ${row[1]} add up to its YTD plan`);
    check(sum(row.slice(30, 36)) === row[15], `actuals of ${row[1]} add up to its YTD actual`);
  }
  const stages = new Set(rows.map((r) => r[5]));
  check(stages.size === STAGES.length + 1, "every stage is used");
  check(new Set(rows.map((r) => r[3]).filter(Boolean)).size >= 6, "at least 6 categories");
  check(rows.filter((r) => r[12] !== r[10]).length > 50, "many schemes have a full-year effect different from in year");
  return {
    title: `Sample scheme register: ${ICS}, 2025/26, month 6`,
    description: `One row per savings scheme of the six trusts of ${ICS} (fictional), with division, category, lead, stage, QIA status, likelihood, risk RAG, WTE, the 2025/26 plan and the 2026/27 plan beside it, full-year effect and its recurrent part, monthly phasing and actuals to the end of September (month 6), and each trust's turnover and surplus/(deficit). All money in £k.`,
    financialYear: "2025/26",
    monthsElapsed: K,
    unit: "£k",
    about: [
      'Every organisation, scheme, lead and figure is synthetic: the trusts and the ICS are fictional. The register follows how trust PMOs keep them: a scheme that starts mid-year saves only its remaining months in year and its full monthly rate next year (Full-year effect £k); non-recurrent schemes (vacancy slippage, reserve releases) have no recurrent full-year effect; each trust carries an "Unidentified" line for the part of its target no scheme covers yet.',
      'Monthly plan columns sum to the 2025/26 plan, Apr to Sep plan to the YTD plan, Apr to Sep actual to the YTD actual. "Plan 2026/27 £k" is next year\'s plan, kept as context: the add-in analyses the plan of the financial year you choose. Likelihood is given for about a third of schemes, as a % or High/Medium/Low; the risk-adjusted forecast uses it where given, else the stage.',
    ],
    header: SCHEME_HEADER,
    rows,
    provenance: rows.map(() => "synthetic"),
  };
}

function pickStage(rng, s, count) {
  // The first schemes of each trust cover every stage; the rest follow the usual pipeline shares.
  if (s < STAGES.length) return STAGES[s];
  let roll = rng.next();
  for (const stage of STAGES) {
    if (roll < stage.share) return stage;
    roll -= stage.share;
  }
  check(count > 0);
  return STAGES[STAGES.length - 1];
}

function check(cond) {
  if (!cond) throw new Error("schemeRegisterSample: no stage chosen");
}

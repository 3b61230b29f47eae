/**
 * The canonical fields of a CIP/QIPP tracker and the header words analysts use for them
 * (see docs: cip-domain.md, "Typical tracker columns"). Everything that recognises, reads or
 * writes tracker columns works in terms of these ids.
 */

export const TEXT_FIELDS = [
  "organisation",
  "orgCode",
  "group",
  "scheme",
  "category",
  "risk",
  // Scheme registers (cip-domain.md, "Scheme registers"): read by src/core/schemes/, not by the
  // trust-level analysis. A likelihood may be a % or High/Medium/Low, so it is read as a label.
  "division",
  "lead",
  "stage",
  "likelihood",
  "qia",
] as const;

export const MONEY_FIELDS = [
  "annualPlan",
  "ytdPlan",
  "ytdActual",
  "forecast",
  "recurrent",
  "nonRecurrent",
  "unidentified",
  "turnover",
  "surplusDeficit",
] as const;

/**
 * Amounts of a scheme register beyond the trust tracker's: in the tracker's units like every
 * amount, but kept out of MONEY_FIELDS so that the trust-level analysis (rowReader.ts) reads
 * exactly what it read before. src/core/schemes/ reads them.
 */
export const SCHEME_AMOUNT_FIELDS = ["fullYearEffect", "recurrentFullYearEffect"] as const;
/** Counts that are no money (whole-time equivalents). */
export const COUNT_FIELDS = ["wte"] as const;

export const MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"] as const;

const monthFields = <P extends string>(prefix: P) =>
  MONTHS.map((_, i) => `${prefix}${i + 1}` as `${P}${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12}`);

/** Monthly plan phasing, month 1 = April (the NHS financial year). */
export const PLAN_MONTH_FIELDS = monthFields("planM");
/** Optional monthly actuals, month 1 = April. */
export const ACTUAL_MONTH_FIELDS = monthFields("actualM");

export type TextField = (typeof TEXT_FIELDS)[number];
export type MoneyField = (typeof MONEY_FIELDS)[number];
export type SchemeAmountField = (typeof SCHEME_AMOUNT_FIELDS)[number];
export type CountField = (typeof COUNT_FIELDS)[number];
export type PlanMonthField = (typeof PLAN_MONTH_FIELDS)[number];
export type ActualMonthField = (typeof ACTUAL_MONTH_FIELDS)[number];
export type NumericField = MoneyField | SchemeAmountField | PlanMonthField | ActualMonthField;
export type Field = TextField | NumericField | CountField;

export const NUMERIC_FIELDS: readonly NumericField[] = [
  ...MONEY_FIELDS,
  ...SCHEME_AMOUNT_FIELDS,
  ...PLAN_MONTH_FIELDS,
  ...ACTUAL_MONTH_FIELDS,
];
export const ALL_FIELDS: readonly Field[] = [...TEXT_FIELDS, ...NUMERIC_FIELDS, ...COUNT_FIELDS];

const TEXT_FIELD_SET: ReadonlySet<string> = new Set(TEXT_FIELDS);
const ALL_FIELD_SET: ReadonlySet<string> = new Set(ALL_FIELDS);

export function isField(name: string): name is Field {
  return ALL_FIELD_SET.has(name);
}

export function isTextField(field: Field): field is TextField {
  return TEXT_FIELD_SET.has(field);
}

/** Words an analyst would use for each field in a report or a problem message. */
export const FIELD_LABELS: Readonly<Record<Field, string>> = {
  organisation: "Organisation",
  orgCode: "Org code",
  group: "Group",
  scheme: "Scheme",
  category: "Category",
  risk: "Risk",
  division: "Division",
  lead: "Lead",
  stage: "Stage",
  likelihood: "Likelihood",
  qia: "QIA status",
  fullYearEffect: "Full-year effect",
  recurrentFullYearEffect: "Recurrent full-year effect",
  wte: "WTE",
  annualPlan: "Annual plan",
  ytdPlan: "YTD plan",
  ytdActual: "YTD actual",
  forecast: "Forecast",
  recurrent: "Recurrent",
  nonRecurrent: "Non-recurrent",
  unidentified: "Unidentified",
  turnover: "Turnover",
  surplusDeficit: "Surplus/(deficit)",
  ...(Object.fromEntries(PLAN_MONTH_FIELDS.map((f, i) => [f, `Plan ${MONTHS[i]}`])) as Record<PlanMonthField, string>),
  ...(Object.fromEntries(ACTUAL_MONTH_FIELDS.map((f, i) => [f, `Actual ${MONTHS[i]}`])) as Record<ActualMonthField, string>),
};

/**
 * Header words per non-monthly field, as analysts write them (cip-domain.md). Matching ignores
 * case, spacing, punctuation and unit markers, so these are written plainly.
 */
export const HEADER_WORDS: Readonly<Record<TextField | MoneyField | SchemeAmountField | CountField, readonly string[]>> = {
  organisation: [
    "Trust",
    "Organisation",
    "Organization",
    "Org",
    "Provider",
    "Commissioner",
    "CCG",
    "PCT",
    "ICB",
    "Org name",
    "Organisation name",
    "Trust name",
    "Name",
  ],
  orgCode: [
    "Org code",
    "ODS code",
    "Trust code",
    "Code",
    "Organisation code",
    "ODS",
    "Provider code",
    "Commissioner code",
    "CCG code",
    "PCT code",
    "ICB code",
  ],
  group: ["Region", "Cluster", "ICS", "STP", "System", "SHA", "Sector", "Group", "ICB"],
  scheme: [
    "Scheme",
    "Project",
    "Projects",
    "Initiative",
    "Opportunity",
    "CIP scheme",
    "QIPP scheme",
    "Scheme name",
    "Scheme title",
    "Project name",
  ],
  category: [
    "Workstream",
    "Theme",
    "Category",
    "Programme",
    "POD",
    "Point of delivery",
    "Efficiency type",
    "Scheme type",
    "Scheme category",
  ],
  risk: ["RAG", "Risk", "Confidence", "Risk rating", "Delivery risk", "Risk RAG", "Scheme RAG"],
  division: ["Division", "Directorate", "Care group", "Business unit", "CBU", "Clinical business unit", "Service line"],
  lead: ["Lead", "Owner", "SRO", "Executive lead", "Scheme lead", "Accountable officer", "Scheme owner", "Project lead"],
  stage: [
    "Stage",
    "Gateway",
    "Status",
    "Maturity",
    "Pipeline stage",
    "Scheme stage",
    "Scheme status",
    "Project stage",
    "Delivery stage",
    "Gateway stage",
  ],
  likelihood: ["Likelihood", "Probability", "Delivery confidence", "Likelihood of delivery", "Confidence level"],
  qia: ["QIA", "QIA status", "Quality impact assessment", "EQIA", "QEIA", "QIA approved"],
  fullYearEffect: ["FYE", "Full year effect", "FYE plan", "Full year effect plan", "Planned FYE"],
  recurrentFullYearEffect: ["Recurrent FYE", "Recurrent full year effect", "FYE recurrent", "Rec FYE", "Recurrent FYE plan"],
  wte: ["WTE", "FTE", "Posts", "WTE reduction", "FTE reduction", "Whole time equivalents"],
  annualPlan: [
    "Annual plan",
    "Plan",
    "Target",
    "Full year plan",
    "In year plan",
    "CIP target",
    "QIPP target",
    "Planned saving",
    "Planned savings",
    "Annual target",
    "CIP plan",
    "QIPP plan",
  ],
  ytdPlan: ["YTD plan", "Year to date plan", "Plan to date", "Cumulative plan", "YTD target"],
  ytdActual: [
    "YTD actual",
    "Year to date actual",
    "Actual to date",
    "Delivered",
    "Achieved",
    "Savings to date",
    "YTD delivered",
    "YTD achieved",
    "Actual",
    "Cumulative actual",
    "YTD savings",
  ],
  forecast: ["Forecast", "FOT", "Forecast outturn", "Year end forecast", "Projected", "Forecast out turn", "Full year forecast"],
  recurrent: ["Recurrent", "Rec", "Recurrent savings"],
  nonRecurrent: ["Non-recurrent", "Non recurrent", "NR", "One-off", "Non rec", "Non-recurrent savings"],
  unidentified: ["Unidentified", "Gap", "To be identified", "Unidentified savings", "TBI"],
  turnover: ["Turnover", "Income", "Operating expenditure", "Opex", "Allocation", "Resources", "Total income"],
  surplusDeficit: [
    "Surplus/(deficit)",
    "Surplus",
    "Deficit",
    "I&E",
    "Net position",
    "Surplus deficit",
    "I and E",
    "Income and expenditure",
  ],
};

/** How a monthly column may name its month: "Apr", "April", "M1", "Month 1". */
export const MONTH_WORDS: readonly (readonly string[])[] = [
  ["Apr", "April"],
  ["May"],
  ["Jun", "June"],
  ["Jul", "July"],
  ["Aug", "August"],
  ["Sep", "Sept", "September"],
  ["Oct", "October"],
  ["Nov", "November"],
  ["Dec", "December"],
  ["Jan", "January"],
  ["Feb", "February"],
  ["Mar", "March"],
].map((names, i) => [...names, `M${i + 1}`, `Month ${i + 1}`]);

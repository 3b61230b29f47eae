/**
 * The canonical fields of a CIP/QIPP tracker and the header words analysts use for them
 * (see docs: cip-domain.md, "Typical tracker columns"). Everything that recognises, reads or
 * writes tracker columns works in terms of these ids.
 */

export const TEXT_FIELDS = ["organisation", "orgCode", "group", "scheme", "category", "risk"] as const;

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

export const MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"] as const;

const monthFields = <P extends string>(prefix: P) =>
  MONTHS.map((_, i) => `${prefix}${i + 1}` as `${P}${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12}`);

/** Monthly plan phasing, month 1 = April (the NHS financial year). */
export const PLAN_MONTH_FIELDS = monthFields("planM");
/** Optional monthly actuals, month 1 = April. */
export const ACTUAL_MONTH_FIELDS = monthFields("actualM");

export type TextField = (typeof TEXT_FIELDS)[number];
export type MoneyField = (typeof MONEY_FIELDS)[number];
export type PlanMonthField = (typeof PLAN_MONTH_FIELDS)[number];
export type ActualMonthField = (typeof ACTUAL_MONTH_FIELDS)[number];
export type NumericField = MoneyField | PlanMonthField | ActualMonthField;
export type Field = TextField | NumericField;

export const NUMERIC_FIELDS: readonly NumericField[] = [...MONEY_FIELDS, ...PLAN_MONTH_FIELDS, ...ACTUAL_MONTH_FIELDS];
export const ALL_FIELDS: readonly Field[] = [...TEXT_FIELDS, ...NUMERIC_FIELDS];

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
export const HEADER_WORDS: Readonly<Record<TextField | MoneyField, readonly string[]>> = {
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
  scheme: ["Scheme", "Project", "Initiative", "CIP scheme", "QIPP scheme", "Scheme name"],
  category: ["Workstream", "Theme", "Category", "Programme", "POD", "Point of delivery"],
  risk: ["RAG", "Risk", "Confidence", "Risk rating"],
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

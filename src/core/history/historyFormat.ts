/**
 * The run history as text, and back. One JSON document, versioned, columnar: each row amount is
 * one array, each RAG one string of digits (a character a row), repeated strings (groups,
 * dimension values, organisations of a scheme register) stored once with a code per row. Only
 * the newest run keeps its row detail (movement compares with the last run only); older runs
 * keep their totals, per-dimension totals and RAG counts, for a trend.
 *
 * Size: a row costs about 30-60 characters (its name, five amounts, seven RAG digits), so row
 * detail is kept while it stays under DETAIL_BUDGET (4 million characters: about 100,000 rows).
 * A larger tracker keeps its totals only, and its next run says why it cannot compare row by
 * row. The whole history therefore stays within a few MB, whatever the tracker's size.
 *
 * Parsing trusts nothing: a damaged, foreign or newer history gives a message, never a throw.
 */
import { RAG_NAMES, type RagName } from "../metrics";
import { FORECAST_BASES, FORECAST_METHODS } from "../settings";
import { isUnit } from "../units";
import { keyHashes, rowKey } from "./runKey";
import {
  AMOUNTS,
  type AmountName,
  type GroupTotals,
  type RowDetail,
  type RunInfo,
  type RunSnapshot,
  type Totals,
} from "./snapshot";

export const HISTORY_FORMAT = "cip-analyst-history";
export const HISTORY_VERSION = 1;
/** The most runs kept: this run and the twelve before it, a year and a month. */
export const HISTORY_LIMIT = 13;
/** The most characters the newest run's row detail may take. */
export const DETAIL_BUDGET = 4_000_000;

/** The runs kept, oldest first. */
export interface History {
  readonly runs: readonly RunSnapshot[];
}

export const EMPTY_HISTORY: History = { runs: [] };

export type ParsedHistory = { ok: true; history: History } | { ok: false; message: string };

/**
 * The history with `run` added as the newest: the oldest runs dropped beyond `limit`, older runs'
 * row detail dropped, and this run's dropped too (with a message) when it would not fit the budget.
 */
export function appendRun(history: History, run: RunSnapshot, limit = HISTORY_LIMIT): History {
  const older = history.runs
    .slice(Math.max(0, history.runs.length - (limit - 1)))
    .map((r) => (r.detail ? { ...r, detail: null } : r));
  return { runs: [...older, fitDetail(run)] };
}

/** The run as kept: its detail left out when too large to store. */
export function fitDetail(run: RunSnapshot): RunSnapshot {
  if (!run.detail) return run;
  const cheapest = 12 + Object.keys(run.detail.rags).length; // characters a row costs at the very least
  const fits = run.detail.count * cheapest <= DETAIL_BUDGET && JSON.stringify(encodeDetail(run.detail)).length <= DETAIL_BUDGET;
  if (fits) return run;
  const message = `The history keeps the totals of this run but not its ${run.detail.count.toLocaleString("en-GB")} rows one by one (too many to store in the workbook), so the next run compares totals, groups and dimensions only.`;
  return { ...run, detail: null, messages: [...run.messages, message] };
}

export function serialiseHistory(history: History): string {
  return JSON.stringify({ format: HISTORY_FORMAT, version: HISTORY_VERSION, runs: history.runs.map(encodeRun) });
}

export function parseHistory(text: string): ParsedHistory {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message:
        "The stored run history is damaged (it is not valid JSON), so there is no earlier run to compare with; this run starts a new history.",
    };
  }
  if (!isObject(doc) || doc.format !== HISTORY_FORMAT)
    return {
      ok: false,
      message: "The stored run history is not one CIP Analyst wrote, so it is not used; this run starts a new history.",
    };
  if (doc.version !== HISTORY_VERSION)
    return {
      ok: false,
      message: `The stored run history is version ${String(doc.version)}, which this version of CIP Analyst cannot read (it reads version ${HISTORY_VERSION}); this run starts a new history.`,
    };
  try {
    const runs = array(doc.runs, "runs").map((run, i) => decodeRun(run, `run ${i + 1}`));
    return { ok: true, history: { runs } };
  } catch (error) {
    if (!(error instanceof Damage)) throw error;
    return {
      ok: false,
      message: `The stored run history is damaged (${error.message}), so there is no earlier run to compare with; this run starts a new history.`,
    };
  }
}

// ---- encoding

function encodeRun(run: RunSnapshot): unknown {
  return {
    info: run.info,
    totals: totalsRow(run.totals),
    dimensions: Object.fromEntries(
      Object.entries(run.dimensions).map(([d, groups]) => [d, groups.map((g) => [g.value, ...totalsRow(g)])]),
    ),
    ragCounts: run.ragCounts,
    messages: run.messages,
    detail: run.detail ? encodeDetail(run.detail) : null,
  };
}

function encodeDetail(d: RowDetail): unknown {
  return {
    n: d.count,
    organisations: encodeStrings(d.organisations),
    schemes: d.schemes ? encodeStrings(d.schemes) : null,
    amounts: Object.fromEntries(AMOUNTS.map((a) => [a, Array.from(d.amounts[a], (v) => (v === v ? v : null))])),
    rags: Object.fromEntries(Object.entries(d.rags).map(([g, codes]) => [g, codes.join("")])),
    dimensions: Object.fromEntries(Object.entries(d.dimensions).map(([name, values]) => [name, encodeStrings(values)])),
  };
}

const totalsRow = (t: Totals): number[] => [t.rows, ...AMOUNTS.map((a) => t[a])];

/** Repeated strings once each, with a code a row; unique strings as they are. */
function encodeStrings(values: readonly string[]): unknown {
  const codes = new Map<string, number>();
  for (const v of values) if (!codes.has(v)) codes.set(v, codes.size);
  if (codes.size * 2 > values.length) return values;
  return { dictionary: [...codes.keys()], codes: values.map((v) => codes.get(v)) };
}

// ---- decoding

class Damage extends Error {}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

function fail(message: string): never {
  throw new Damage(message);
}

function object(x: unknown, where: string): Record<string, unknown> {
  return isObject(x) ? x : fail(`${where} is not an object`);
}

function array(x: unknown, where: string): unknown[] {
  return Array.isArray(x) ? x : fail(`${where} is not a list`);
}

function string(x: unknown, where: string): string {
  return typeof x === "string" ? x : fail(`${where} is not text`);
}

function finite(x: unknown, where: string): number {
  return typeof x === "number" && Number.isFinite(x) ? x : fail(`${where} is not a number`);
}

function oneOf<T extends string>(x: unknown, allowed: readonly T[], where: string): T {
  return typeof x === "string" && (allowed as readonly string[]).includes(x)
    ? (x as T)
    : fail(`${where} is not one of ${allowed.join(", ")}`);
}

function decodeRun(x: unknown, where: string): RunSnapshot {
  const run = object(x, where);
  const info = decodeInfo(run.info, `${where} info`);
  const dims = object(run.dimensions, `${where} dimensions`);
  const ragCounts = object(run.ragCounts, `${where} RAG counts`);
  return {
    info,
    totals: decodeTotals(run.totals, `${where} totals`),
    dimensions: Object.fromEntries(
      Object.entries(dims).map(([d, groups]) => [
        d,
        array(groups, `${where} ${d}`).map((g, i) => decodeGroup(g, `${where} ${d} ${i + 1}`)),
      ]),
    ),
    ragCounts: Object.fromEntries(
      Object.entries(ragCounts).map(([g, counts]) => {
        const c = array(counts, `${where} ${g} counts`).map((v) => finite(v, `${where} ${g} count`));
        if (c.length !== 3) fail(`${where} ${g} counts are not three numbers`);
        return [oneOf(g, RAG_NAMES, `${where} RAG`), c as [number, number, number]];
      }),
    ),
    messages: array(run.messages, `${where} messages`).map((m) => string(m, `${where} message`)),
    detail: run.detail === null ? null : decodeDetail(run.detail, `${where} rows`),
  };
}

function decodeInfo(x: unknown, where: string): RunInfo {
  const o = object(x, where);
  const monthsElapsed = finite(o.monthsElapsed, `${where} months elapsed`);
  if (!Number.isInteger(monthsElapsed) || monthsElapsed < 1 || monthsElapsed > 12) fail(`${where} months elapsed is not 1 to 12`);
  const runAt = string(o.runAt, `${where} run time`);
  if (Number.isNaN(Date.parse(runAt))) fail(`${where} run time is not a date`);
  return {
    runAt,
    monthsElapsed,
    forecastBasis: oneOf(o.forecastBasis, FORECAST_BASES, `${where} forecast basis`),
    forecastMethod: oneOf(o.forecastMethod, FORECAST_METHODS, `${where} forecast method`),
    unit: isUnit(o.unit) ? o.unit : fail(`${where} unit is not £, £k or £m`),
    trackerAddress: string(o.trackerAddress, `${where} tracker address`),
  };
}

function decodeTotals(x: unknown, where: string): Totals {
  const values = array(x, where).map((v) => finite(v, where));
  if (values.length !== AMOUNTS.length + 1) fail(`${where} do not hold ${AMOUNTS.length + 1} numbers`);
  return { rows: values[0], ...(Object.fromEntries(AMOUNTS.map((a, i) => [a, values[i + 1]])) as Record<AmountName, number>) };
}

function decodeGroup(x: unknown, where: string): GroupTotals {
  const [value, ...totals] = array(x, where);
  return { value: string(value, where), ...decodeTotals(totals, where) };
}

function decodeDetail(x: unknown, where: string): RowDetail {
  const o = object(x, where);
  const n = finite(o.n, `${where} count`);
  if (!Number.isInteger(n) || n < 0) fail(`${where} count is not a whole number`);
  const organisations = decodeStrings(o.organisations, n, `${where} organisations`);
  const schemes = o.schemes === null ? null : decodeStrings(o.schemes, n, `${where} schemes`);
  const amountsIn = object(o.amounts, `${where} amounts`);
  const amounts = Object.fromEntries(
    AMOUNTS.map((a) => {
      const values = array(amountsIn[a], `${where} ${a}`);
      if (values.length !== n) fail(`${where} ${a} holds ${values.length} values for ${n} rows`);
      return [a, Float64Array.from(values, (v) => (v === null ? NaN : finite(v, `${where} ${a}`)))];
    }),
  ) as Record<AmountName, Float64Array>;
  const rags = Object.fromEntries(
    Object.entries(object(o.rags, `${where} RAGs`)).map(([g, digits]) => {
      const text = string(digits, `${where} ${g}`);
      if (text.length !== n || !/^[0-3]*$/.test(text)) fail(`${where} ${g} is not ${n} RAG digits`);
      return [oneOf(g, RAG_NAMES, `${where} RAG`) as RagName, Uint8Array.from(text, (c) => c.charCodeAt(0) - 48)];
    }),
  );
  const dimensions = Object.fromEntries(
    Object.entries(object(o.dimensions, `${where} dimensions`)).map(([d, values]) => [
      d,
      decodeStrings(values, n, `${where} ${d}`),
    ]),
  );
  const keys = organisations.map((org, i) => rowKey(org, schemes?.[i] ?? ""));
  if (new Set(keys).size !== n || keys.includes("")) fail(`${where} hold a row key twice or a row with no name`);
  return { count: n, organisations, schemes, keys, hashes: keyHashes(keys), amounts, rags, dimensions, sourceRows: null };
}

function decodeStrings(x: unknown, n: number, where: string): string[] {
  let values: string[];
  if (Array.isArray(x)) values = x.map((v) => string(v, where));
  else {
    const o = object(x, where);
    const dictionary = array(o.dictionary, where).map((v) => string(v, where));
    values = array(o.codes, where).map((c) => {
      const code = finite(c, where);
      return Number.isInteger(code) && code >= 0 && code < dictionary.length
        ? dictionary[code]
        : fail(`${where} has a code outside its list`);
    });
  }
  if (values.length !== n) fail(`${where} holds ${values.length} values for ${n} rows`);
  return values;
}

// What CIP Analyst keeps in the workbook (Office document settings travel with the file), so a
// reviewer who opens it sees the same months elapsed, thresholds and column mappings, and so a
// re-run finds exactly the cells the last run wrote. Pure: parsing is defensive because the JSON
// may come from an older version of the add-in or from a workbook someone edited.
import { isField, type Field } from "../core/fields";
import { resolveSettings, upgradeSettings, type Settings } from "../core/settings";
import type { Destination, ForecastChoice, OutputMode } from "./options";
import { isFingerprint, type BlockFingerprint } from "./output/fingerprint";
import { parseSchemeOptions, type SchemeOptionChoices } from "./schemeOptions";

export const STATE_KEY = "CIPAnalyst.state";
const VERSION = 1;
/** Header layouts remembered; the oldest is forgotten first. */
const MAX_LAYOUTS = 25;

/** One output block the add-in wrote: the workbook name that marks it, and what it holds. */
export interface OutputRecord {
  /** Workbook-scoped name whose range is the block, header row included. */
  readonly name: string;
  /** The source tracker's sheet (by id: names change) and its header row's sheet row (0-based). */
  readonly sourceSheetId: string;
  readonly sourceHeaderRow: number;
  readonly sourceFirstColumn: number;
  readonly destination: Destination;
  /** The header cells it wrote, to recognise the block as ours before replacing it. */
  readonly header: readonly string[];
  /**
   * What it wrote in every cell, hashed (output/fingerprint.ts), so a re-run can prove the block
   * still holds only that before it overwrites or clears it. Missing in records of older versions:
   * such a block cannot be checked, so a re-run refuses to touch it and says so.
   */
  readonly fingerprint?: BlockFingerprint;
  /** The widths of the block's columns before the add-in first wrote there, to put back when it moves away. */
  readonly widthsBefore?: readonly number[];
}

export interface RunRecord {
  readonly at: string;
  readonly monthsElapsed: number;
  readonly outputAddress: string;
}

export interface WorkbookState {
  readonly settings: Partial<Settings>;
  readonly forecast: ForecastChoice | null;
  readonly outputMode: OutputMode;
  readonly destination: Destination;
  /** Analyst's column choices per header layout (see layoutKey). */
  readonly mappings: Readonly<Record<string, Partial<Record<Field, number | null>>>>;
  readonly outputs: readonly OutputRecord[];
  /** The id of the "CIP Summary" sheet this add-in made, so it never rebuilds someone else's. */
  readonly summarySheetId: string | null;
  readonly lastRun: RunRecord | null;
  /** A scheme register's weights, stage words, year and dimensions, as the last run used them. */
  readonly schemeOptions?: SchemeOptionChoices;
}

export const EMPTY_STATE: WorkbookState = {
  settings: {},
  forecast: null,
  outputMode: "values",
  destination: "beside",
  mappings: {},
  outputs: [],
  summarySheetId: null,
  lastRun: null,
};

/** A key for a header layout: its cells, trimmed and lower-cased, in order. */
export function layoutKey(header: readonly unknown[]): string {
  // The prefix keeps keys from looking like integers, which objects list first and so forget first.
  return "layout:" + header.map((h) => (h === null || h === undefined ? "" : String(h).trim().toLowerCase())).join("\u241f");
}

export function parseState(raw: unknown): { state: WorkbookState; note: string } {
  if (raw === null || raw === undefined) return { state: EMPTY_STATE, note: "" };
  let value: unknown = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      return {
        state: EMPTY_STATE,
        note: "The add-in's saved settings in this workbook could not be read, so the defaults are used.",
      };
    }
  }
  if (!isRecord(value) || value.version !== VERSION) {
    return {
      state: EMPTY_STATE,
      note: "The add-in's saved settings in this workbook are from another version, so the defaults are used.",
    };
  }
  // Kept in today's names, so a threshold changed later merges with what an older version saved.
  const upgraded = upgradeSettings(value.settings);
  const saved = isRecord(upgraded) ? upgraded : {};
  // resolveSettings names what is wrong with anything that is not a set of settings.
  const settings = resolveSettings(upgraded ?? {});
  // A fingerprint that cannot be read leaves its block unverifiable, never wrongly verified.
  const outputs = Array.isArray(value.outputs)
    ? value.outputs
        .filter(isOutputRecord)
        .map(({ fingerprint, ...r }) => (isFingerprint(fingerprint) ? { ...r, fingerprint } : r))
    : [];
  const mappings = parseMappings(value.mappings);
  const notes: string[] = [];
  if (!settings.ok) notes.push(`Saved thresholds were not used: ${settings.problems.map((p) => p.message).join(" ")}`);
  if (Array.isArray(value.outputs) && outputs.length < value.outputs.length) {
    notes.push(
      "The record of an earlier run's output could not be read, so that block will not be replaced and its cells count as taken.",
    );
  }
  if (mappings.dropped) notes.push("Some saved column choices could not be read and were left out.");
  const scheme = parseSchemeOptions(value.schemeOptions);
  if (scheme.note) notes.push(scheme.note);
  return {
    state: {
      settings: settings.ok ? (saved as Partial<Settings>) : {},
      forecast: oneOf(value.forecast, ["deliveryRatio", "runRate", "remainingPlan", "reported"] as const, null),
      outputMode: oneOf(value.outputMode, ["values", "live", "portable"] as const, "values"),
      destination: oneOf(value.destination, ["beside", "newSheet"] as const, "beside"),
      mappings: mappings.mappings,
      outputs,
      summarySheetId: typeof value.summarySheetId === "string" ? value.summarySheetId : null,
      lastRun: isRunRecord(value.lastRun) ? value.lastRun : null,
      ...(value.schemeOptions === undefined ? {} : { schemeOptions: scheme.options }),
    },
    note: notes.join(" "),
  };
}

export function serialiseState(state: WorkbookState): string {
  return JSON.stringify({ version: VERSION, ...state });
}

/** Remembers the analyst's choices for a header layout (most recent last, oldest dropped). */
export function rememberMapping(
  state: WorkbookState,
  key: string,
  fields: Partial<Record<Field, number | null>> | null,
): WorkbookState {
  const mappings: Record<string, Partial<Record<Field, number | null>>> = { ...state.mappings };
  delete mappings[key];
  if (fields !== null && Object.keys(fields).length > 0) mappings[key] = fields;
  const keys = Object.keys(mappings);
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_LAYOUTS))) delete mappings[old];
  return { ...state, mappings };
}

/** What a run that wrote its block leaves for the next one: its options, its block's record and when it ran. */
export function recordRun(
  state: WorkbookState,
  run: {
    readonly options: Pick<WorkbookState, "settings" | "forecast" | "outputMode" | "destination" | "schemeOptions">;
    readonly output: OutputRecord;
    readonly lastRun: RunRecord;
  },
): WorkbookState {
  return {
    ...state,
    ...run.options,
    // A re-run reuses its block's name, so the record under that name is the one replaced; any other
    // record of the same tracker is of a block that is gone (the run replaced or found it cleared).
    outputs: [...state.outputs.filter((r) => r.name !== run.output.name && !sameTracker(r, run.output)), run.output],
    lastRun: run.lastRun,
  };
}

/** Forgets a block that is no longer in the workbook, so a later run does not look for it. */
export function forgetOutput(state: WorkbookState, name: string): WorkbookState {
  return { ...state, outputs: state.outputs.filter((r) => r.name !== name) };
}

function sameTracker(a: OutputRecord, b: OutputRecord): boolean {
  return (
    a.sourceSheetId === b.sourceSheetId && a.sourceHeaderRow === b.sourceHeaderRow && a.sourceFirstColumn === b.sourceFirstColumn
  );
}

function oneOf<T extends string, D>(value: unknown, allowed: readonly T[], fallback: D): T | D {
  return typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function parseMappings(value: unknown): { mappings: WorkbookState["mappings"]; dropped: boolean } {
  if (value === undefined) return { mappings: {}, dropped: false };
  if (!isRecord(value)) return { mappings: {}, dropped: true };
  const out: Record<string, Partial<Record<Field, number | null>>> = {};
  let dropped = false;
  for (const [key, fields] of Object.entries(value)) {
    if (!isRecord(fields)) {
      dropped = true;
      continue;
    }
    const clean: Partial<Record<Field, number | null>> = {};
    for (const [field, index] of Object.entries(fields)) {
      const usable = isField(field) && (index === null || (Number.isInteger(index) && (index as number) >= 0));
      if (usable) clean[field] = index as number | null;
      else dropped = true;
    }
    out[key] = clean;
  }
  return { mappings: out, dropped };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isOutputRecord(value: unknown): value is OutputRecord {
  const r = value as OutputRecord;
  return (
    typeof r === "object" &&
    r !== null &&
    typeof r.name === "string" &&
    /^CIPAnalyst_Output_\d+$/.test(r.name) &&
    typeof r.sourceSheetId === "string" &&
    Number.isInteger(r.sourceHeaderRow) &&
    Number.isInteger(r.sourceFirstColumn) &&
    (r.destination === "beside" || r.destination === "newSheet") &&
    Array.isArray(r.header) &&
    r.header.every((h) => typeof h === "string") &&
    (r.widthsBefore === undefined ||
      (Array.isArray(r.widthsBefore) && r.widthsBefore.every((w) => typeof w === "number" && w >= 0)))
  );
}

function isRunRecord(value: unknown): value is RunRecord {
  const r = value as RunRecord;
  return (
    typeof r === "object" &&
    r !== null &&
    typeof r.at === "string" &&
    Number.isInteger(r.monthsElapsed) &&
    typeof r.outputAddress === "string"
  );
}

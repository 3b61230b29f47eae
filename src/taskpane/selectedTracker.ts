// The tracker the analyst selected, as the pane holds it between events: the cells as read, what
// recognition made of its header and the analyst's corrections. Pure: the controller reads the
// cells through the gateway and keeps the result of these functions.
import { NUMERIC_FIELDS, type Field } from "../core/fields";
import { recogniseColumns, type ColumnMapping } from "../core/recogniseColumns";
import type { TrackerRange } from "./excel/readTracker";
import { sheetAddress } from "./geometry/rect";
import { missingFields } from "./mappingView";
import type { PaneStatus } from "./view/paneState";
import { layoutKey, type WorkbookState } from "./workbookState";

export type ColumnChoices = Partial<Record<Field, number | null>>;

export interface SelectedTracker {
  readonly range: TrackerRange;
  readonly header: readonly unknown[];
  /** The header layout's key, under which the analyst's corrections are remembered. */
  readonly key: string;
  readonly mapping: ColumnMapping;
  /** What recognition made of the header on its own, before the analyst's choices. */
  readonly recognised: ColumnMapping;
  readonly overrides: ColumnChoices;
  /** The financial year whose year-qualified columns are analysed (Options); absent: the year of the run. */
  readonly financialYear?: number;
}

export const READY: PaneStatus = {
  kind: "info",
  text: "Select your tracker, including its header row, then press Use selection.",
  detail: "Or click any one cell inside it: CIP Analyst takes the table or block around it.",
};

/** Why a block of cells is not a tracker, or null when it can be one. */
export function checkShape(range: TrackerRange): PaneStatus | null {
  const texts = range.header.filter((h) => typeof h === "string" && h.trim() !== "").length;
  if (range.header.every((h) => h === null || h === "")) {
    return {
      kind: "error",
      text: "The first row of the selection is empty, so it has no headers.",
      detail: "Select from the tracker's header row down.",
    };
  }
  // Month columns may be headed by dates (numbers), so figures only mean "no header" when nothing is recognised.
  const numbers = range.header.filter((h) => typeof h === "number").length;
  if (texts === 0 || (numbers > texts && Object.keys(recogniseColumns(range.header).columns).length === 0)) {
    return {
      kind: "error",
      text: "The first row of the selection holds figures, not headers.",
      detail: "Include the header row: select from the row with the column names down to the last organisation.",
    };
  }
  if (range.rows.length === 0) {
    return {
      kind: "error",
      text: "The selection is only a header row, with no organisations below it.",
      detail: "Select the header row and the rows below it.",
    };
  }
  if (range.rows.every((row) => row.every((v) => v === null || v === ""))) {
    return {
      kind: "error",
      text: "The rows below the header are all empty.",
      detail: "Select the header row and the rows of figures below it.",
    };
  }
  return null;
}

/** The tracker in a block of cells, with the corrections this workbook remembers for its header layout. */
export function selectTracker(range: TrackerRange, workbook: WorkbookState): SelectedTracker {
  const trimmed = withoutEarlierOutput(range);
  const header = trimmed.header;
  const key = layoutKey(header);
  const overrides = workbook.mappings[key] ?? {};
  const firstColumn = trimmed.rect.column;
  const recognised = recogniseColumns(header, { firstColumn });
  const mapping = Object.keys(overrides).length > 0 ? recogniseColumns(header, { fields: overrides, firstColumn }) : recognised;
  return { range: trimmed, header, key, mapping, recognised, overrides };
}

/** An earlier run's block sits right of the data; the tracker is what is left of it. */
function withoutEarlierOutput(range: TrackerRange): TrackerRange {
  const header = range.header;
  const outputs = new Set(recogniseColumns(header).previousOutputs);
  let width = header.length;
  while (width > 0 && (outputs.has(width - 1) || (header[width - 1] === null && outputs.has(width - 2)))) width--;
  if (width === header.length || width === 0) return range;
  const rect = { ...range.rect, columns: width };
  return {
    ...range,
    header: header.slice(0, width),
    rect,
    address: sheetAddress(range.sheetName, rect),
    numberFormats: range.numberFormats.slice(0, width),
  };
}

export function withOverrides(t: SelectedTracker, overrides: ColumnChoices): SelectedTracker {
  const { financialYear } = t;
  return {
    ...t,
    overrides,
    mapping: recogniseColumns(t.header, { fields: overrides, firstColumn: t.range.rect.column, financialYear }),
  };
}

/** The tracker read for another financial year (null: the year of the run): which year's columns are analysed changes. */
export function withFinancialYear(t: SelectedTracker, year: number | null): SelectedTracker {
  const financialYear = year ?? undefined;
  if (financialYear === t.financialYear) return t;
  const firstColumn = t.range.rect.column;
  const recognised = recogniseColumns(t.header, { firstColumn, financialYear });
  const mapping =
    Object.keys(t.overrides).length > 0
      ? recogniseColumns(t.header, { fields: t.overrides, firstColumn, financialYear })
      : recognised;
  return { ...t, financialYear, recognised, mapping };
}

/** What the pane says once a tracker is read or its columns corrected. */
export function readStatus(t: SelectedTracker | null): PaneStatus {
  if (!t) return READY;
  const rows = t.range.rows.length;
  const missing = missingFields(t.mapping.columns);
  if (!NUMERIC_FIELDS.some((f) => t.mapping.columns[f] !== undefined)) {
    return {
      kind: "error",
      text: "None of these columns holds savings figures CIP Analyst recognises, such as Annual plan, YTD plan or YTD actual.",
      detail: "Select the whole tracker, header row included, or choose the columns in the list below.",
    };
  }
  if (missing.length > 0) {
    return {
      kind: "warning",
      text: "Some columns CIP Analyst needs were not found.",
      detail: "Choose them in the column list below.",
    };
  }
  const hidden = t.range.hiddenRows ?? 0;
  return {
    kind: "info",
    text: `Read ${rows.toLocaleString("en-GB")} rows. Check the columns and options, then press Analyse.`,
    detail:
      hidden > 0
        ? `${hidden.toLocaleString("en-GB")} of them ${hidden === 1 ? "is" : "are"} hidden or filtered out; Analyse includes ${hidden === 1 ? "it" : "them"} all the same.`
        : "",
  };
}

/**
 * The tracker without its cells, once Analyse is about to read them again: its place, header and
 * row count stay (for the pane and for finding it again), the values go.
 */
export function withoutCells(range: TrackerRange): TrackerRange {
  return { ...range, rows: new Array<readonly unknown[]>(range.rows.length) };
}

/** What changed in the tracker's size between Use selection and Analyse, "" when nothing. */
export function trackerChangeNote(before: TrackerRange, now: TrackerRange): string {
  const was = before.rows.length;
  const is = now.rows.length;
  if (was === is) return "";
  return `The tracker has ${is.toLocaleString("en-GB")} rows now (${was.toLocaleString("en-GB")} at Use selection); all of them were analysed.`;
}

/** e.g. "Tracker!A1:AG73: 72 rows, 33 columns"; "" when nothing is read. */
export function selectionText(t: SelectedTracker | null): string {
  return t ? `${t.range.address}: ${t.range.rows.length.toLocaleString("en-GB")} rows, ${t.header.length} columns` : "";
}

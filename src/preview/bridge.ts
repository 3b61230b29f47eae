// What the preview page and the task pane's frame share. The workbook double lives in the pane's
// frame, beside the real taskpane.js, so that errors, arrays and promises the pane sees come from
// its own window as they would from office.js; the preview page reaches it through this bridge.
import type { WorkbookDouble } from "../../packages/excel-double";

/** Which workbook the preview opens, from the page's query string (the frame gets the same one). */
export interface PreviewSpec {
  /** sample: the trust CIP tracker; schemes: the sample scheme register; synthetic: made up, `rows` long. */
  readonly tracker: "sample" | "schemes" | "synthetic";
  /** Data rows of the synthetic tracker. */
  readonly rows: number;
  /** Milliseconds each sync waits, standing in for the round trip to Excel. */
  readonly latency: number;
  /** 2: the sample opens with last month's run already in its history, so Analyse shows what moved. */
  readonly runs: 1 | 2;
}

export interface PreviewBridge {
  readonly spec: PreviewSpec;
  /** Settles once the workbook is filled; rejects with why it could not be. */
  readonly ready: Promise<WorkbookDouble>;
  /** Calls back after every sync the task pane makes; returns the way to stop. */
  onChange(listener: () => void): () => void;
}

export const BRIDGE_KEY = "cipPreview";

export const SYNTHETIC_DEFAULT_ROWS = 100_000;
/** The synthetic tracker stops short of Excel's last row: the pane's output and header need none. */
export const SYNTHETIC_MAX_ROWS = 1_000_000;
const DEFAULT_LATENCY_MS = 15;

export function readSpec(search: string): PreviewSpec {
  const query = new URLSearchParams(search);
  const rowsText = query.get("rows");
  const asked = query.get("tracker");
  const tracker = asked === "synthetic" || rowsText !== null ? "synthetic" : asked === "schemes" ? "schemes" : "sample";
  const rows = clampInt(rowsText, SYNTHETIC_DEFAULT_ROWS, 1, SYNTHETIC_MAX_ROWS);
  const latency = clampInt(query.get("latency"), DEFAULT_LATENCY_MS, 0, 5_000);
  const runs = query.get("runs") === "2" ? 2 : 1;
  return { tracker, rows, latency, runs };
}

/** The query string that opens `spec` again (defaults left out, so links stay short). */
export function specQuery(spec: PreviewSpec): string {
  const query = new URLSearchParams();
  if (spec.tracker === "synthetic") query.set("rows", String(spec.rows));
  if (spec.tracker === "schemes") query.set("tracker", "schemes");
  if (spec.latency !== DEFAULT_LATENCY_MS) query.set("latency", String(spec.latency));
  if (spec.runs === 2) query.set("runs", "2");
  const text = query.toString();
  return text === "" ? "" : `?${text}`;
}

function clampInt(text: string | null, fallback: number, min: number, max: number): number {
  if (text === null || text.trim() === "") return fallback;
  const n = Number(text.replace(/[_,]/g, ""));
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, Math.round(n)));
}

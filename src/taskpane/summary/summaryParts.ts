// The pieces a summary section is made of, before they are placed on the sheet (summaryPlan.ts
// places them one under another). Pure.
import type { OutputCell } from "../output/outputPlan";

export type BlockStyle = "title" | "note" | "heading" | "subheading" | "text" | "table";

export interface SummaryPart {
  readonly style: BlockStyle;
  /** For tables, the first row is the header. */
  readonly cells: readonly (readonly OutputCell[])[];
  /** Number format per column ("General" for text). */
  readonly formats: readonly string[];
}

export const heading = (text: string): SummaryPart => ({ style: "heading", cells: [[text]], formats: ["General"] });
export const subheading = (text: string): SummaryPart => ({ style: "subheading", cells: [[text]], formats: ["General"] });
export const note = (text: string): SummaryPart => ({ style: "note", cells: [[text]], formats: ["General"] });
export const lines = (texts: readonly string[]): SummaryPart => ({
  style: "text",
  cells: texts.map((t) => [t]),
  formats: ["General"],
});
export const table = (cells: readonly (readonly OutputCell[])[], formats: readonly string[]): SummaryPart => ({
  style: "table",
  cells,
  formats,
});

/** A number, or a blank cell for NaN, null and infinities. */
export const numberOrBlank = (value: number | null): OutputCell => (value !== null && Number.isFinite(value) ? value : "");

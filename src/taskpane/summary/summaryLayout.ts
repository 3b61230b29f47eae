// How the summary sheet is laid out for reading and printing: each column as wide as the widest
// thing a table puts in it (headers included, so nothing is cut), and a board paper's page set-up:
// landscape, one page wide, the title rows on every page, the tracker and run date in the header,
// page numbers in the footer. Pure.
import { columnLetter } from "../../core/excelConventions";
import type { OutputCell } from "../output/outputPlan";

/** Rows a chart covers. */
export const CHART_ROWS = 18;
/** Points per character of Calibri 11, and a cell's padding; bold headers run a little wider. */
const POINTS_PER_CHAR = 6;
const PADDING = 12;
const MIN_WIDTH = 48;
/** Beyond this a column would push the page narrower than readable: long text wraps to the cell's edge instead. */
const MAX_WIDTH = 360;
/** Excel's limit for a header or footer part. */
const HEADER_MAX = 255;

interface PlacedBlock {
  readonly column: number;
  readonly style: string;
  readonly cells: readonly (readonly OutputCell[])[];
  readonly formats: readonly string[];
}

/** Width in points of every column a table uses; sentences (titles, text, notes) run on into empty cells. */
export function columnWidths(blocks: readonly PlacedBlock[]): number[] {
  const chars: number[] = [];
  for (const block of blocks) {
    if (block.style !== "table") continue;
    // Text in a table's last column runs on into the empty cells to its right, as sentences do:
    // only its header sets the width.
    const last = (block.cells[0]?.length ?? 0) - 1;
    block.cells.forEach((row, r) =>
      row.forEach((cell, i) => {
        if (i === last && r > 0 && typeof cell === "string") return;
        const c = block.column + i;
        const length = shownLength(cell, block.formats[i] ?? "General") * (r === 0 ? 1.1 : 1);
        chars[c] = Math.max(chars[c] ?? 0, length);
      }),
    );
  }
  return Array.from(chars, (n) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil((n ?? 0) * POINTS_PER_CHAR + PADDING))));
}

/** About how many characters Excel shows for a cell in a format. */
export function shownLength(cell: OutputCell, format: string): number {
  if (typeof cell === "string") return cell.startsWith("'") ? cell.length - 1 : cell.length;
  if (!Number.isFinite(cell)) return 7;
  if (format.endsWith("%")) return (Math.abs(cell) * 100).toFixed(decimals(format)).length + 1 + (cell < 0 ? 1 : 0);
  const whole = Math.round(Math.abs(cell)).toLocaleString("en-GB").length;
  const places = decimals(format);
  return whole + (places > 0 ? places + 1 : 0) + (cell < 0 ? 1 : 0);
}

function decimals(format: string): number {
  const match = /\.(0+)/.exec(format);
  return match ? match[1].length : 0;
}

export interface PrintLayout {
  readonly orientation: "Landscape";
  /** Fit to one page wide, as many pages tall as it takes. */
  readonly pagesWide: 1;
  /** The print area, e.g. "A1:N120". */
  readonly area: string;
  /** Rows repeated at the top of every page: the title and the run's note. */
  readonly titleRows: string;
  readonly leftHeader: string;
  readonly rightHeader: string;
  readonly centerFooter: string;
}

export function printLayout(trackerName: string, ranAt: string, rows: number, columns: number): PrintLayout {
  return {
    orientation: "Landscape",
    pagesWide: 1,
    area: `A1:${columnLetter(Math.max(0, columns - 1))}${Math.max(1, rows)}`,
    titleRows: "$1:$2",
    leftHeader: headerText(`CIP Analyst summary: ${trackerName}`),
    rightHeader: headerText(`Run ${ranAt}`),
    centerFooter: "Page &P of &N",
  };
}

/** "&" starts a code in a header ("&P"): a name's own ampersands are doubled, and the text kept under Excel's limit. */
function headerText(text: string): string {
  const escaped = text.replace(/&/g, "&&");
  return escaped.length <= HEADER_MAX ? escaped : escaped.slice(0, HEADER_MAX - 1).replace(/&$/, "") + "…";
}

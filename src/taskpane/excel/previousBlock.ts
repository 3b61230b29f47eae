// The previous output block of a re-run, read once, chunk by chunk: proved to hold only what the
// add-in wrote (its fingerprint), and what of it an undo would need kept. A cell the new block
// writes over with exactly what it holds needs nothing kept: after the write, or before it, it is
// the same. So a re-run over an unchanged tracker keeps nothing, and a changed one keeps only the
// cells that change (compactly, keptCells.ts). Called by outputTarget before anything is written.
import { sheetAddress, type Rect } from "../geometry/rect";
import { differingParts, FingerprintBuilder, sameCell, type DifferingPart } from "../output/fingerprint";
import type { OutputCell, OutputPlan } from "../output/outputPlan";
import type { OutputRecord } from "../workbookState";
import { readBlock, type ReadChunk } from "./blockCells";
import { KeptCells } from "./keptCells";

/** Occupied cells named in a message; the rest are counted. */
const NAMED_CELLS_SHOWN = 5;

export interface PreviousBlock {
  readonly record: OutputRecord;
  readonly sheetName: string;
  readonly rect: Rect;
}

/** Where the new block goes and what it holds, to tell which of the previous block's cells it leaves as they are. */
export interface NextBlock {
  readonly sheetName: string;
  readonly rect: Rect;
  readonly plan: OutputPlan;
}

export type Refusal = { readonly message: string; readonly detail: string };

/**
 * The previous block's cells an undo needs kept, once it is proved to be what the add-in wrote, or
 * which cells are not: everything in it is overwritten or cleared by the run, so any cell of
 * someone else's stops it. `spills`: Excel has dynamic arrays (the live columns spill).
 */
export async function checkPrevious(
  context: Excel.RequestContext,
  previous: PreviousBlock,
  next: NextBlock,
  spills: boolean,
): Promise<KeptCells | Refusal> {
  const { record, sheetName, rect } = previous;
  const where = sheetAddress(sheetName, rect);
  const fingerprint = record.fingerprint;
  const deleteIt = `Delete ${where} yourself once you have kept anything of your own from it, then run again.`;
  // Older versions kept no fingerprint: such a block cannot be proved to be only ours, so it is left alone.
  if (!fingerprint) {
    return {
      message: `CIP Analyst cannot check that its earlier output ${where} still holds only what it wrote (an older version wrote it), so it will not overwrite or clear it. Nothing was changed.`,
      detail: deleteIt,
    };
  }
  if (fingerprint.rows !== rect.rows || fingerprint.columns.length !== rect.columns) {
    return {
      message: `The earlier output ${where} has changed shape since CIP Analyst wrote it (rows or columns were inserted or deleted in it), so it will not overwrite or clear it. Nothing was changed.`,
      detail: deleteIt,
    };
  }
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const read = new FingerprintBuilder(rect.rows, rect.columns);
  const kept = new KeptCells(rect.rows, rect.columns);
  const planned = next.sheetName === sheetName ? next : null;
  await readBlock(context, sheet, rect, { contents: true, spills }, (chunk) => {
    read.add(chunk.firstRow, chunk.formulas);
    keepChanging(kept, chunk, rect, planned);
  });
  const differing = differingParts(fingerprint, read.finish());
  if (differing.length === 0) return kept;
  const { named, count } = await foreignCells(context, sheet, previous, differing, spills);
  if (count === 0) return kept;
  const more = count > named.length ? [`${count - named.length} more cells`] : [];
  return {
    message: `CIP Analyst would replace its earlier output ${where}, but ${[...named, ...more].join(", ")} no longer ${count > 1 ? "hold" : "holds"} what it wrote there. Nothing was changed.`,
    detail: "Move what you typed there to other cells, or delete it, then run again.",
  };
}

/** Keeps each cell of the chunk that the new block does not write back exactly as it is (contents and format apart). */
function keepChanging(kept: KeptCells, chunk: ReadChunk, block: Rect, next: NextBlock | null): void {
  const { firstRow, formulas, types, formats } = chunk;
  const planned = next ? plannedRows(next, block.row + firstRow, formulas.length) : null;
  for (let i = 0; i < formulas.length; i++) {
    const row = firstRow + i;
    const sheetRow = block.row + row;
    const cells = planned?.cells(sheetRow);
    for (let c = 0; c < block.columns; c++) {
      const at = block.column + c - (next?.rect.column ?? 0);
      const inside = cells !== undefined && at >= 0 && at < next!.rect.columns;
      if (!inside || !sameCell(cells[at], formulas[i][c])) kept.keepContent(row, c, formulas[i][c], types[i][c]);
      if (!inside || planned!.format(sheetRow, at) !== formats[i][c]) kept.keepFormat(row, c, formats[i][c]);
    }
  }
}

/** The new block's cells and formats for sheet rows [from, from + count), made once for the chunk. */
function plannedRows(next: NextBlock, from: number, count: number) {
  const { plan, rect } = next;
  const first = Math.max(0, from - rect.row - 1);
  const end = Math.min(plan.rowCount, from + count - rect.row - 1);
  const rows = end > first ? plan.rows(first, end) : [];
  return {
    /** The row's cells, or undefined when the new block has no such row. */
    cells(sheetRow: number): readonly OutputCell[] | undefined {
      if (sheetRow === rect.row) return plan.header;
      const i = sheetRow - rect.row - 1 - first;
      return i >= 0 && i < rows.length ? rows[i] : undefined;
    },
    format(sheetRow: number, column: number): string {
      return sheetRow === rect.row ? "General" : plan.numberFormats[column];
    },
  };
}

/** The cells of the differing parts that hold something (an emptied cell loses nothing when written over), read again. */
async function foreignCells(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  { sheetName, rect }: PreviousBlock,
  parts: readonly DifferingPart[],
  spills: boolean,
): Promise<{ named: string[]; count: number }> {
  const named: string[] = [];
  let count = 0;
  const from = Math.min(...parts.map((p) => p.firstRow));
  const to = Math.max(...parts.map((p) => p.firstRow + p.rows));
  await readBlock(context, sheet, rect, { contents: true, spills, from, to }, ({ firstRow, formulas }) => {
    for (const part of parts) {
      const end = Math.min(part.firstRow + part.rows, firstRow + formulas.length);
      for (let r = Math.max(part.firstRow, firstRow); r < end; r++) {
        // A formula counts even when it shows "".
        if (formulas[r - firstRow][part.column] === "") continue;
        count++;
        if (named.length < NAMED_CELLS_SHOWN) {
          named.push(sheetAddress(sheetName, { row: rect.row + r, column: rect.column + part.column, rows: 1, columns: 1 }));
        }
      }
    }
  });
  return { named, count };
}

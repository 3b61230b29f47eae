// What the add-in wrote into an output block, kept small enough for the workbook's settings: per
// column, one hash per part of its rows. A re-run reads the block back and hashes it the same way;
// a part that differs holds something the add-in did not write (a value typed over a result, a
// formula of the analyst's), and the run refuses rather than overwrite or clear it. Pure.

/** Hashes a column keeps at most: a block of up to this many rows (header included) is checked cell by cell. */
export const FINGERPRINT_PARTS = 128;

export interface BlockFingerprint {
  /** Rows of the block (header included) and how many each hash covers. */
  readonly rows: number;
  readonly rowsPerPart: number;
  /** Per column, one 8-hex-digit hash per part, concatenated. */
  readonly columns: readonly string[];
}

/** A part of one column whose cells are not what was written. */
export interface DifferingPart {
  readonly column: number;
  readonly firstRow: number;
  readonly rows: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** A number's bits, for hashing: a million-row block has millions of numbers, and text of each would cost seconds. */
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/**
 * A cell other than a number, as written or as read back from `formulas`, in one spelling: Excel
 * drops the apostrophe that kept text as text.
 */
export function cellKey(value: unknown): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value.startsWith("'") ? value.slice(1) : value;
  return "";
}

/**
 * True when `read` (what `formulas` reads) is what writing `written` leaves in a cell, by the same
 * rule the fingerprint hashes with: a number is the same double, anything else the same text.
 */
export function sameCell(written: unknown, read: unknown): boolean {
  if (typeof written === "number" || typeof read === "number") return written === read;
  if (typeof written === "boolean" || typeof read === "boolean") return written === read;
  return typeof read === "string" && cellKey(written) === read;
}

/** Hashes a block as it is written or read, chunk after chunk of rows, top to bottom. */
export class FingerprintBuilder {
  private readonly rowsPerPart: number;
  private readonly parts: number;
  private readonly hashes: Uint32Array;

  constructor(
    private readonly rows: number,
    private readonly columns: number,
  ) {
    this.rowsPerPart = Math.max(1, Math.ceil(rows / FINGERPRINT_PARTS));
    this.parts = Math.ceil(rows / this.rowsPerPart);
    this.hashes = new Uint32Array(columns * this.parts).fill(FNV_OFFSET);
  }

  /** Adds the cells of block rows [firstRow, firstRow + cells.length); row 0 is the header. */
  add(firstRow: number, cells: readonly (readonly unknown[])[]): void {
    for (let i = 0; i < cells.length; i++) {
      const part = Math.floor((firstRow + i) / this.rowsPerPart);
      const row = cells[i];
      for (let c = 0; c < this.columns; c++) {
        const at = c * this.parts + part;
        let h = this.hashes[at];
        const cell = row[c];
        if (typeof cell === "number") {
          // Excel keeps the double it is given; -0 reads back as 0. The tag keeps 1 apart from "1".
          bits[0] = cell === 0 ? 0 : cell;
          h = Math.imul(h ^ 0x1e, FNV_PRIME) >>> 0;
          h = Math.imul(h ^ words[0], FNV_PRIME) >>> 0;
          h = Math.imul(h ^ words[1], FNV_PRIME) >>> 0;
        } else {
          const key = cellKey(cell);
          for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), FNV_PRIME) >>> 0;
        }
        // A separator, so that "ab","c" and "a","bc" differ.
        this.hashes[at] = Math.imul(h ^ 0x1f, FNV_PRIME) >>> 0;
      }
    }
  }

  finish(): BlockFingerprint {
    const columns: string[] = [];
    for (let c = 0; c < this.columns; c++) {
      let text = "";
      for (let p = 0; p < this.parts; p++) text += this.hashes[c * this.parts + p].toString(16).padStart(8, "0");
      columns.push(text);
    }
    return { rows: this.rows, rowsPerPart: this.rowsPerPart, columns };
  }
}

/** The parts of `actual` that differ from `expected`; both must describe a block of the same size. */
export function differingParts(expected: BlockFingerprint, actual: BlockFingerprint): DifferingPart[] {
  const out: DifferingPart[] = [];
  expected.columns.forEach((hashes, column) => {
    for (let at = 0; at < hashes.length; at += 8) {
      if (hashes.slice(at, at + 8) === actual.columns[column]?.slice(at, at + 8)) continue;
      const firstRow = (at / 8) * expected.rowsPerPart;
      out.push({ column, firstRow, rows: Math.min(expected.rowsPerPart, expected.rows - firstRow) });
    }
  });
  return out;
}

/** True when `value` is what a stored fingerprint looks like (settings may come from an edited workbook). */
export function isFingerprint(value: unknown): value is BlockFingerprint {
  const f = value as BlockFingerprint;
  if (typeof f !== "object" || f === null) return false;
  if (!Number.isInteger(f.rows) || !Number.isInteger(f.rowsPerPart) || f.rows < 1 || f.rowsPerPart < 1) return false;
  const length = Math.ceil(f.rows / f.rowsPerPart) * 8;
  return (
    Array.isArray(f.columns) && f.columns.every((c) => typeof c === "string" && c.length === length && /^[0-9a-f]*$/.test(c))
  );
}

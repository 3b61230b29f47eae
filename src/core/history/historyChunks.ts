/**
 * The serialised history split into cells, and joined back.
 *
 * Where it is kept: one text cell per chunk down column A of a VeryHidden worksheet, not a
 * custom XML part. A VeryHidden sheet is ExcelApi 1.1, so every Excel the add-in runs in has it
 * (custom XML parts need 1.5); the analyst cannot unhide it from the Excel UI, and it travels
 * with the workbook like any sheet. A custom XML part is written whole in one call (add or
 * setXml), so a history of a few MB would be one request close to Excel's 5 MB request limit
 * once JSON-escaped; cells can be written a batch at a time, each batch its own request
 * (chunkBatches). And the Excel double models sheets, visibility and the request limit already.
 *
 * A cell holds at most 32,767 characters. Each chunk is "|" followed by up to 32,766 characters
 * of the text: the "|" keeps Excel from reading a chunk as a number or a formula ("-1", "=x").
 * A chunk never ends between the two halves of a surrogate pair. The first cell is a header
 * saying how many chunks follow, how long the text is and its FNV-1a hash, so a history cut
 * short or overwritten part way (a failed write) is recognised rather than misread.
 */

export const CELL_LIMIT = 32_767;
const PREFIX = "|";
const HEADER = "CIP Analyst history";
/** A chunk's text: the cell less its prefix. */
export const CHUNK_TEXT = CELL_LIMIT - PREFIX.length;
/** Bytes a batch of cells may take in one request: well under Excel's 5 MB, leaving room for the rest of the request. */
export const BATCH_BYTES = 4_000_000;

export type Unchunked = { ok: true; text: string } | { ok: false; message: string };

/** The cells to write, header first; each at most CELL_LIMIT characters. */
export function chunkHistory(text: string, chunkText = CHUNK_TEXT): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + chunkText, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--; // keep a surrogate pair together
    chunks.push(PREFIX + text.slice(start, end));
    start = end;
  }
  return [`${HEADER}|${chunks.length}|${text.length}|${hash(text)}`, ...chunks];
}

/** The text back from the cells as read (column A, top down); cells after the last chunk are ignored. */
export function joinHistory(cells: readonly unknown[]): Unchunked {
  const damaged = (why: string): Unchunked => ({
    ok: false,
    message: `The stored run history is damaged (${why}), so there is no earlier run to compare with; this run starts a new history.`,
  });
  const header = typeof cells[0] === "string" ? cells[0].split("|") : [];
  if (header.length !== 4 || header[0] !== HEADER) return damaged("its first cell is not the history's header");
  const [count, length] = [Number(header[1]), Number(header[2])];
  if (!Number.isInteger(count) || count < 0 || !Number.isInteger(length) || length < 0)
    return damaged("its header is unreadable");
  if (cells.length < count + 1) return damaged(`${count} parts were written but ${cells.length - 1} are there`);
  const parts: string[] = [];
  for (let i = 1; i <= count; i++) {
    const cell = cells[i];
    if (typeof cell !== "string" || !cell.startsWith(PREFIX)) return damaged(`part ${i} of ${count} is not one of its parts`);
    parts.push(cell.slice(PREFIX.length));
  }
  const text = parts.join("");
  if (text.length !== length || hash(text) !== header[3]) return damaged("its parts do not add up to what was written");
  return { ok: true, text };
}

/**
 * Consecutive ranges [start, end) of `cells` whose values, as a request sends them (JSON, UTF-8),
 * take at most `maxBytes` together: write each range in its own sync.
 */
export function chunkBatches(cells: readonly string[], maxBytes = BATCH_BYTES): [number, number][] {
  const batches: [number, number][] = [];
  let start = 0;
  let bytes = 0;
  cells.forEach((cell, i) => {
    const size = jsonBytes(cell) + 4; // the cell's [ ], and the comma between rows
    if (i > start && bytes + size > maxBytes) {
      batches.push([start, i]);
      start = i;
      bytes = 0;
    }
    bytes += size;
  });
  if (cells.length > start) batches.push([start, cells.length]);
  return batches;
}

/** UTF-8 bytes of a string as a JSON string literal. */
export function jsonBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) bytes += 2;
    else if (c < 0x20) bytes += 6;
    else if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4; // a pair is four bytes, counted on its first half
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** FNV-1a, 32 bits, as 8 hex digits: enough to tell a cut or mixed-up history from the one written. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

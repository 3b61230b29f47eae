import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CELL_LIMIT,
  CHUNK_TEXT,
  chunkBatches,
  chunkHistory,
  joinHistory,
  jsonBytes,
} from "../../../src/core/history/historyChunks";

describe("history chunks", () => {
  it("joins back what it split, at and around the cell limit", () => {
    for (const length of [
      0,
      1,
      CHUNK_TEXT - 1,
      CHUNK_TEXT,
      CHUNK_TEXT + 1,
      2 * CHUNK_TEXT,
      2 * CHUNK_TEXT + 1,
      CELL_LIMIT,
      100_000,
    ]) {
      const text = "x".repeat(length);
      const cells = chunkHistory(text);
      expect(cells.every((c) => c.length <= CELL_LIMIT)).toBe(true);
      expect(cells).toHaveLength(1 + Math.ceil(length / CHUNK_TEXT));
      expect(joinHistory(cells)).toEqual({ ok: true, text });
    }
  });

  it("never splits a surrogate pair and keeps any text exactly", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), fc.integer({ min: 2, max: 9 }), (text, size) => {
        const cells = chunkHistory(text, size);
        for (const cell of cells.slice(1)) expect(/^\|[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(cell)).toBe(false);
        expect(joinHistory(cells)).toEqual({ ok: true, text });
      }),
    );
  });

  it("keeps each chunk from reading as a number or a formula", () => {
    const cells = chunkHistory("=1+2-3", 2);
    expect(cells.slice(1)).toEqual(["|=1", "|+2", "|-3"]);
  });

  it("recognises a history cut short, mixed up or not its own", () => {
    const cells = chunkHistory("abcdefghij", 3);
    expect(joinHistory(cells.slice(0, 3))).toMatchObject({
      ok: false,
      message: expect.stringContaining("4 parts were written but 2 are there"),
    });
    expect(joinHistory([cells[0], cells[2], cells[1], cells[3], cells[4]])).toMatchObject({
      ok: false,
      message: expect.stringContaining("do not add up"),
    });
    expect(joinHistory([cells[0], "abc", ...cells.slice(2)])).toMatchObject({
      ok: false,
      message: expect.stringContaining("part 1 of 4"),
    });
    expect(joinHistory(["Organisation"])).toMatchObject({
      ok: false,
      message: expect.stringContaining("not the history's header"),
    });
    expect(joinHistory([])).toMatchObject({ ok: false });
    expect(joinHistory([...cells, "left over from a longer history"])).toEqual({ ok: true, text: "abcdefghij" });
  });

  it("batches cells so each request stays under its byte budget", () => {
    const text = '"é'.repeat(400_000); // escaped quotes and two-byte letters: 3 bytes a character
    const cells = chunkHistory(text);
    const batches = chunkBatches(cells, 1_000_000);
    expect(batches[0][0]).toBe(0);
    expect(batches.at(-1)?.[1]).toBe(cells.length);
    for (const [start, end] of batches) {
      expect(JSON.stringify(cells.slice(start, end).map((c) => [c])).length).toBeLessThanOrEqual(1_000_000);
    }
    expect(batches.length).toBeGreaterThan(1);
    expect(jsonBytes('a"é😀')).toBe(new TextEncoder().encode(JSON.stringify('a"é😀')).length);
  });
});

import { describe, expect, it } from "vitest";
import { differingParts, FingerprintBuilder, FINGERPRINT_PARTS, isFingerprint } from "../../../src/taskpane/output/fingerprint";

const print = (rows: unknown[][], chunk = rows.length) => {
  const b = new FingerprintBuilder(rows.length, rows[0].length);
  for (let at = 0; at < rows.length; at += chunk) b.add(at, rows.slice(at, at + chunk));
  return b.finish();
};

describe("block fingerprints", () => {
  const written = [
    ["CIP: A", "CIP: B"],
    [1.25, "'00123"],
    ["#VALUE!", ""],
  ];

  it("match what Excel reads back: the same in chunks, text without its apostrophe", () => {
    const read = [
      ["CIP: A", "CIP: B"],
      [1.25, "00123"],
      ["#VALUE!", ""],
    ];
    expect(differingParts(print(written), print(read, 1))).toEqual([]);
    expect(isFingerprint(print(written))).toBe(true);
  });

  it("find the cell that changed, and tell a number from its text", () => {
    const read = [
      ["CIP: A", "CIP: B"],
      ["1.25", "00123"],
      ["#VALUE!", "typed"],
    ];
    expect(differingParts(print(written), print(read))).toEqual([
      { column: 0, firstRow: 1, rows: 1 },
      { column: 1, firstRow: 2, rows: 1 },
    ]);
  });

  it("stay small for a big block: parts of several rows", () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [i]);
    const f = print(rows, 999);
    expect(f.columns[0].length).toBeLessThanOrEqual(FINGERPRINT_PARTS * 8);
    rows[5_000] = [-1];
    expect(differingParts(f, print(rows))).toEqual([{ column: 0, firstRow: 4_977, rows: 79 }]);
    expect(isFingerprint({ ...f, rows: 3 })).toBe(false);
  });
});

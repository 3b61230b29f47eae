import { describe, expect, it } from "vitest";
import { findCycles, importGraph } from "./importGraph";

describe("import cycles", () => {
  it("finds a cycle, type-only imports included", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["a.ts"]],
    ]);
    expect(findCycles(graph)).toEqual([["a.ts", "b.ts", "c.ts", "a.ts"]]);
    expect(
      findCycles(
        new Map([
          ["a.ts", ["b.ts"]],
          ["b.ts", []],
        ]),
      ),
    ).toEqual([]);
  });

  it("reads the source tree's imports", () => {
    const graph = importGraph("src");
    expect(graph.get("src/core/recogniseColumns.ts")).toContain("src/core/headerReading.ts");
  });

  it("there are none in src/", () => {
    expect(findCycles(importGraph("src")).map((cycle) => cycle.join(" -> "))).toEqual([]);
  });
});

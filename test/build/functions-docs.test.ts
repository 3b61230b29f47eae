// docs/functions.md is the reference analysts read and the page every function's help link opens;
// functions.json is what Excel shows in autocomplete. They must describe the same functions with
// the same arguments in the same order, or an analyst is told something the add-in does not do.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { readMetadata } from "../support/functionsBundle";
import { ROOT } from "./helpers";

interface DocEntry {
  id: string;
  params: { name: string; optional: boolean }[];
  table: string[];
  hasExample: boolean;
}

/** Each "## CIP.NAME" section: its signature line, its argument table and whether it shows an example. */
export function parseReference(markdown: string): DocEntry[] {
  const sections = markdown.split(/^## /m).slice(1);
  return sections
    .filter((s) => s.startsWith("CIP."))
    .map((section) => {
      const id = /^CIP\.([A-Z0-9]+)/.exec(section)![1];
      const signature = new RegExp(`^\`CIP\\.${id}\\(([^)]*)\\)\`$`, "m").exec(section);
      const params = (signature?.[1] ?? "")
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => ({ name: p.replace(/^\[|\]$/g, ""), optional: p.startsWith("[") }));
      const table = [...section.matchAll(/^\| ([a-z_]+) \|/gm)].map((m) => m[1]).filter((name) => name !== "argument");
      return { id, params, table, hasExample: /^Example/m.test(section) };
    });
}

const reference = () => parseReference(readFileSync(join(ROOT, "docs/functions.md"), "utf8"));

describe("docs/functions.md against functions.json", () => {
  it("lists exactly the functions Excel registers, in the same order", () => {
    expect(reference().map((e) => e.id)).toEqual(readMetadata(inject("prodDist")).map((f) => f.id));
  });

  it("gives each function the same arguments, in order, optional where functions.json says", () => {
    const docs = new Map(reference().map((e) => [e.id, e]));
    for (const f of readMetadata(inject("prodDist"))) {
      const entry = docs.get(f.id)!;
      expect(entry.params, f.id).toEqual(f.parameters.map((p) => ({ name: p.name, optional: Boolean(p.optional) })));
      expect(entry.table, `${f.id} argument table`).toEqual(f.parameters.map((p) => p.name));
    }
  });

  it("shows an example for every function", () => {
    for (const e of reference()) expect(e.hasExample, e.id).toBe(true);
  });

  it("would notice a disagreement", () => {
    const doctored = readFileSync(join(ROOT, "docs/functions.md"), "utf8").replace(
      "`CIP.DELIVERY(achieved, target)`",
      "`CIP.DELIVERY(target, achieved)`",
    );
    const delivery = parseReference(doctored).find((e) => e.id === "DELIVERY")!;
    const metadata = readMetadata(inject("prodDist")).find((f) => f.id === "DELIVERY")!;
    expect(delivery.params.map((p) => p.name)).not.toEqual(metadata.parameters.map((p) => p.name));
  });
});

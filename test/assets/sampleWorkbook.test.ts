/**
 * The sample workbook assets/sample-cip-tracker.xlsx (made by scripts/sampleWorkbook.mjs), read back
 * with ExcelJS and held against the sample JSON it is made from, so a stale or mangled workbook fails.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Cell = string | number;

interface SampleFile {
  title: string;
  description: string;
  financialYear: string;
  monthsElapsed: number;
  about: string[];
  header: string[];
  rows: Cell[][];
  provenance: string[];
}

/**
 * What ExcelJS holds for a table it has read. Its typings describe the options of addTable instead
 * (ref is undefined after a read), so the loaded model is reached through this shape.
 */
interface LoadedTable {
  table: {
    name: string;
    tableRef: string;
    autoFilterRef?: string;
    headerRow: boolean;
    totalsRow: boolean;
    columns: { name: string }[];
    style: { theme: string; showRowStripes: boolean };
  };
}

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ASSETS = join(ROOT, "assets");
const WORKBOOK = join(ASSETS, "sample-cip-tracker.xlsx");
const SCRIPT = join(ROOT, "scripts", "sampleWorkbook.mjs");
const MONEY_FORMAT = "#,##0;(#,##0)";

const load = (base: string): SampleFile => JSON.parse(readFileSync(join(ASSETS, `${base}.json`), "utf8")) as SampleFile;

const TRACKERS = [
  { data: load("sample-trust-cip-tracker"), sheet: "Trust CIP 2011-12" },
  { data: load("sample-pct-qipp-tracker"), sheet: "PCT QIPP 2011-12" },
  { data: load("sample-scheme-register"), sheet: "ICS schemes 2025-26" },
];

function columnLetter(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Text as Excel shows it under MONEY_FORMAT. */
const shown = (v: Cell): string =>
  typeof v === "number" ? (v < 0 ? `(${Math.abs(v).toLocaleString("en-GB")})` : v.toLocaleString("en-GB")) : v;

const wb = new ExcelJS.Workbook();
beforeAll(async () => {
  await wb.xlsx.readFile(WORKBOOK);
});

describe("sample-cip-tracker.xlsx", () => {
  it("has the three tracker sheets and a Read me, in that order", () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([...TRACKERS.map((t) => t.sheet), "Read me"]);
  });

  it("has pinned document properties, so a re-run does not change it", () => {
    expect(wb.creator).toBe("CIP Analyst");
    expect(wb.lastModifiedBy).toBe("CIP Analyst");
    expect(wb.created.toISOString()).toBe("2011-09-30T12:00:00.000Z");
    expect(wb.modified.toISOString()).toBe("2011-09-30T12:00:00.000Z");
  });

  describe.each(TRACKERS)("$sheet", ({ data, sheet }) => {
    const { header, rows } = data;
    const ws = (): ExcelJS.Worksheet => {
      const found = wb.getWorksheet(sheet);
      if (!found) throw new Error(`no sheet ${sheet}`);
      return found;
    };

    it("holds the header and every row cell for cell: numbers as numbers, blanks as empty cells", () => {
      const s = ws();
      header.forEach((name, c) => {
        const cell = s.getRow(1).getCell(c + 1);
        expect(cell.value, `header ${c + 1}`).toBe(name);
        expect(cell.numFmt, `header ${name}`).toBeUndefined();
      });
      let blanks = 0;
      rows.forEach((row, r) => {
        row.forEach((expected, c) => {
          const cell = s.getRow(r + 2).getCell(c + 1);
          const where = `${cell.address} (${String(row[0])}, ${header[c]})`;
          if (expected === "") {
            blanks++;
            expect(cell.type, where).toBe(ExcelJS.ValueType.Null);
            expect(cell.value, where).toBeNull();
          } else if (typeof expected === "number") {
            expect(cell.type, where).toBe(ExcelJS.ValueType.Number);
            expect(cell.value, where).toBe(expected);
            expect(cell.numFmt, where).toBe(MONEY_FORMAT);
          } else {
            expect(cell.type, where).toBe(ExcelJS.ValueType.String);
            expect(cell.value, where).toBe(expected);
            expect(cell.numFmt, where).toBeUndefined();
          }
        });
      });
      // The PCT file has blank main schemes; a workbook that wrote them as "" or 0 fails above.
      expect(blanks).toBe(rows.flat().filter((v) => v === "").length);
    });

    it("has nothing outside the data", () => {
      const s = ws();
      s.eachRow((row, r) => {
        expect(r).toBeLessThanOrEqual(rows.length + 1);
        row.eachCell((_, c) => expect(c, `row ${r}`).toBeLessThanOrEqual(header.length));
      });
      expect(s.actualRowCount).toBe(rows.length + 1);
      expect(s.actualColumnCount).toBe(header.length);
    });

    it("is one Excel table covering exactly the data, header row included", () => {
      const tables = ws().getTables() as unknown as LoadedTable[];
      expect(tables).toHaveLength(1);
      const t = tables[0].table;
      const ref = `A1:${columnLetter(header.length)}${rows.length + 1}`;
      expect(t.tableRef).toBe(ref);
      expect(t.autoFilterRef).toBe(ref);
      expect(t.headerRow).toBe(true);
      expect(t.totalsRow).toBe(false);
      expect(t.columns.map((c) => c.name)).toEqual(header);
      expect(t.name).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
      expect(t.style.theme).toMatch(/^TableStyle(Light|Medium)\d+$/);
      expect(t.style.showRowStripes).toBe(true);
    });

    it("freezes the header row (and the name column)", () => {
      const [view] = ws().views;
      expect(view).toMatchObject({ state: "frozen", ySplit: 1, xSplit: 1 });
    });

    it("sizes every column to fit its header (with the filter button) and its values", () => {
      header.forEach((name, c) => {
        const width = ws().getColumn(c + 1).width ?? 0;
        const longest = Math.max(...rows.map((row) => shown(row[c]).length));
        expect(width, name).toBeGreaterThanOrEqual(Math.max(name.length + 2, longest + 1));
        expect(width, name).toBeLessThanOrEqual(Math.max(name.length, longest) + 4);
      });
    });
  });

  describe("Read me", () => {
    const text = (): string => {
      const s = wb.getWorksheet("Read me");
      if (!s) throw new Error("no Read me sheet");
      const lines: string[] = [];
      s.eachRow((row) => row.eachCell((cell) => lines.push(String(cell.value))));
      return lines.join("\n");
    };

    it("says what each tracker is and where its figures come from", () => {
      const t = text();
      for (const { data, sheet } of TRACKERS) {
        expect(t).toContain(sheet);
        expect(t).toContain(data.title);
        expect(t).toContain(data.description);
        for (const sentence of data.about) expect(t).toContain(sentence);
        data.rows.forEach((row, r) => {
          if (data.provenance[r] !== "synthetic") expect(t, String(row[0])).toContain(`${String(row[0])}: `);
        });
      }
      expect(t).toMatch(/synthetic/);
    });

    it("says how to analyse a tracker with the add-in", () => {
      const t = text();
      expect(t).toMatch(/select any cell in the table/);
      expect(t).toMatch(/Home tab/);
      expect(t).toMatch(/press Use selection/);
      expect(t).toMatch(/press Analyse/);
    });
  });
});

describe("the generator", () => {
  const run = promisify(execFile);
  const dir = mkdtempSync(join(tmpdir(), "cip-workbook-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("finds the committed workbook up to date byte for byte, and a different one stale", async () => {
    const stale = join(dir, "stale.xlsx");
    const other = new ExcelJS.Workbook();
    other.addWorksheet("Trust CIP 2011-12").getCell("A1").value = "Trust";
    await other.xlsx.writeFile(stale);
    // In parallel: each run spends most of its time loading ExcelJS.
    const [check, staleCheck] = await Promise.all([
      run(process.execPath, [SCRIPT, "--check"], { cwd: ROOT }),
      run(process.execPath, [SCRIPT, "--check", "--out", stale], { cwd: ROOT }).then(
        () => ({ code: 0, stderr: "" }),
        (error: { code: number; stderr: string }) => error,
      ),
    ]);
    // This exact message means the fresh build has the committed bytes (the script says "same content"
    // when only the compression differs). The committed file was made at another time, so this also
    // shows the pinned dates and zip timestamps work.
    expect(check.stdout.trim()).toBe("assets/sample-cip-tracker.xlsx is up to date.");
    expect(staleCheck.code).toBe(1);
    expect(staleCheck.stderr).toMatch(/out of date .*xl\/worksheets\/sheet1\.xml.*node scripts\/sampleWorkbook\.mjs/);
  });
});

#!/usr/bin/env node
/**
 * Builds assets/sample-cip-tracker.xlsx from the sample trackers (assets/sample-trust-cip-tracker.json,
 * assets/sample-pct-qipp-tracker.json and the scheme register assets/sample-scheme-register.json,
 * made by make-sample-data.mjs): one sheet per tracker, each
 * an Excel table starting at A1, and a "Read me" sheet on where the figures come from and how to
 * analyse them with the add-in.
 *
 * Deterministic: the document properties are pinned and so are the zip entries' timestamps (JSZip,
 * inside ExcelJS, stamps every entry with the current time), so a re-run gives the same bytes.
 *
 * Usage: node scripts/sampleWorkbook.mjs [--out <file>]   (default: assets/sample-cip-tracker.xlsx)
 *        node scripts/sampleWorkbook.mjs --check         exits 1 if the committed workbook is out of date
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const ASSETS = join(ROOT, "assets");
const DEFAULT_OUT = join(ASSETS, "sample-cip-tracker.xlsx");

const MONEY_FORMAT = "#,##0;(#,##0)";
const TABLE_STYLE = "TableStyleMedium2";
const AUTHOR = "CIP Analyst";
const MAX_WIDTH = 70;
const README_WIDTH = 110;

const TRACKERS = [
  { file: "sample-trust-cip-tracker.json", sheet: (fy) => `Trust CIP ${fy}`, table: "TrustCIP" },
  { file: "sample-pct-qipp-tracker.json", sheet: (fy) => `PCT QIPP ${fy}`, table: "PCTQIPP" },
  // One row per scheme rather than per organisation, and a recent year: the read-me says so apart.
  { file: "sample-scheme-register.json", sheet: (fy) => `ICS schemes ${fy}`, table: "ICSSchemes", register: true },
];

const FISCAL_MONTHS = [
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
  "January",
  "February",
  "March",
];

function fail(message) {
  console.error(`sampleWorkbook: ${message}`);
  process.exit(1);
}

function loadTracker(spec) {
  const data = JSON.parse(readFileSync(join(ASSETS, spec.file), "utf8"));
  const { header, rows } = data;
  // Anything but a number or a string would reach Excel as something the JSON did not say.
  for (const [r, row] of rows.entries()) {
    if (row.length !== header.length) fail(`${spec.file} row ${r + 1} has ${row.length} cells, header ${header.length}`);
    for (const cell of row) {
      if (typeof cell !== "string" && !(typeof cell === "number" && Number.isFinite(cell))) {
        fail(`${spec.file} row ${r + 1} holds ${JSON.stringify(cell)}`);
      }
    }
  }
  const fy = data.financialYear.replace("/", "-"); // "/" is not allowed in a sheet name
  return { ...spec, data, sheetName: spec.sheet(fy) };
}

/** What Excel shows for a value under MONEY_FORMAT, to size the column. */
function shown(value) {
  if (typeof value !== "number") return value;
  // Grouped by hand: toLocaleString depends on the ICU data Node was built with.
  const digits = String(Math.round(Math.abs(value))).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return value < 0 ? `(${digits})` : digits;
}

function addTrackerSheet(wb, t) {
  const { header, rows } = t.data;
  const ws = wb.addWorksheet(t.sheetName, {
    // Frozen name column too: 33 columns wide, the organisation scrolls out of sight otherwise.
    views: [{ state: "frozen", xSplit: 1, ySplit: 1, topLeftCell: "B2", activeCell: "A2" }],
  });
  ws.addTable({
    name: t.table,
    ref: "A1",
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: header.map((name) => ({ name, filterButton: true })),
    // A blank must stay a blank cell: null writes nothing, where "" would be a text cell.
    rows: rows.map((row) => row.map((cell) => (cell === "" ? null : cell))),
  });
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (typeof cell === "number") ws.getCell(r + 2, c + 1).numFmt = MONEY_FORMAT;
    });
  });
  header.forEach((name, c) => {
    const longest = Math.max(...rows.map((row) => String(shown(row[c])).length));
    // The header's filter button takes about three characters' room.
    const width = Math.min(MAX_WIDTH, Math.max(name.length + 3, longest + 2));
    ws.getColumn(c + 1).width = width;
  });
}

function addReadMe(wb, allTrackers) {
  const ws = wb.addWorksheet("Read me", { views: [{ showGridLines: false }] });
  ws.getColumn(1).width = README_WIDTH;
  const trackers = allTrackers.filter((t) => !t.register);
  const registers = allTrackers.filter((t) => t.register);
  const [first] = trackers;
  const { financialYear, monthsElapsed, unit } = first.data;
  for (const t of trackers) {
    // The read-me speaks for both trackers at once, so they must agree on period and unit.
    if (t.data.financialYear !== financialYear || t.data.monthsElapsed !== monthsElapsed || t.data.unit !== unit) {
      fail(`${t.file} is not for ${financialYear} month ${monthsElapsed} in ${unit} like ${first.file}`);
    }
  }
  const monthName = FISCAL_MONTHS[monthsElapsed - 1];

  const line = (text, font) => {
    const cell = ws.addRow([text]).getCell(1);
    cell.alignment = { wrapText: true, vertical: "top" };
    if (font) cell.font = font;
  };
  const gap = () => ws.addRow([]);
  const title = (text) => line(text, { bold: true, size: 16 });
  const heading = (text) => line(text, { bold: true, size: 12 });

  title("CIP Analyst sample workbook");
  line(
    `Two sample savings trackers for trying the CIP Analyst Excel add-in, both for ${financialYear} at month ` +
      `${monthsElapsed} (the end of ${monthName}). All money is in ${unit}. Each tracker is an Excel table ` +
      `with one row per organisation: ${trackers.map((t) => `"${t.sheetName}" (${t.data.rows.length} rows)`).join(" and ")}.`,
  );
  for (const t of registers)
    line(
      `"${t.sheetName}" is a register of schemes, one row per scheme (${t.data.rows.length} rows), for ` +
        `${t.data.financialYear} at month ${t.data.monthsElapsed}, in ${t.data.unit}: CIP Analyst rolls it up by trust, ` +
        "division, category and stage, works out each scheme's risk-adjusted forecast and bridges each trust's target to its forecast gap.",
    );
  gap();

  heading("How to analyse a tracker with CIP Analyst");
  line(`1. Go to ${allTrackers.map((t) => `"${t.sheetName}"`).join(" or ")} and select any cell in the table.`);
  line("2. Open CIP Analyst from the Home tab (Home › CIP Analyst › Analyse tracker).");
  line(
    "3. In the task pane, press Use selection: CIP Analyst takes the whole table and recognises its columns from the headers.",
  );
  line(
    `4. Check the columns and options (the months elapsed is ${monthsElapsed}), then press Analyse. ` +
      "The results go beside the table or on a new sheet, never over the data.",
  );
  const column = (name) => {
    if (!first.data.header.includes(name)) fail(`${first.file} has no "${name}" column for the read-me's example`);
    return `${first.table}[${name}]`;
  };
  line(
    "The CIP.* worksheet functions work on the table's columns too, for example " +
      `CIP.SHORTFALL(${column("YTD plan £k")}, ${column("YTD actual £k")}) ` +
      "gives each organisation's shortfall to date. They need the add-in loaded; without it Excel shows #NAME?.",
  );
  gap();

  for (const t of allTrackers) {
    heading(`${t.sheetName}: ${t.data.title}`);
    line(t.data.description);
    for (const sentence of t.data.about) line(sentence);
    const seeded = t.data.rows
      .map((row, r) => [row[0], t.data.provenance[r]])
      .filter(([, provenance]) => provenance !== "synthetic");
    if (seeded.length > 0 || !t.register)
      line(
        `Rows that use figures from the seed articles (${seeded.length} of ${t.data.rows.length}); ` +
          "everything else in them, and every other row, is synthetic:",
        { italic: true },
      );
    for (const [name, provenance] of seeded) line(`• ${name}: ${provenance.replace(/^seed: /, "")}`);
    gap();
  }

  heading("About this file");
  line(
    `Made by scripts/sampleWorkbook.mjs from ${allTrackers.map((t) => `assets/${t.file}`).join(", ")} ` +
      '(the same data is there as CSV); a blank, "" in the JSON, is an empty cell here. assets/SAMPLE-DATA.md ' +
      "describes the columns and the checks on them.",
  );
}

/** The workbook as an .xlsx buffer, the same bytes every run. */
async function buildWorkbook() {
  const trackers = TRACKERS.map(loadTracker);
  const wb = new ExcelJS.Workbook();
  // The as-at date of the data, rather than now, so a re-run leaves the file unchanged.
  const { financialYear, monthsElapsed } = trackers[0].data;
  const asAt = new Date(Date.UTC(Number(financialYear.slice(0, 4)), 3 + monthsElapsed, 0, 12));
  wb.creator = AUTHOR;
  wb.lastModifiedBy = AUTHOR;
  wb.created = asAt;
  wb.modified = asAt;
  wb.title = "CIP Analyst sample trackers";
  wb.subject = trackers.map((t) => t.data.title).join("; ");
  for (const t of trackers) addTrackerSheet(wb, t);
  addReadMe(wb, trackers);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return pinZipTimestamps(buffer, asAt);
}

// ---------------------------------------------------------------------------------------------
// Zip plumbing: just enough of the format (no zip64, no encryption) for what JSZip writes.
// ---------------------------------------------------------------------------------------------

function centralDirectory(zip) {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("not a zip file (no end of central directory)");
  const count = zip.readUInt16LE(eocd + 10);
  const entries = [];
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      central: at,
      local: zip.readUInt32LE(at + 42),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      name: zip.toString("utf8", at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** Overwrites every entry's MS-DOS modification time, the one part of the zip that changes per run. */
function pinZipTimestamps(zip, date) {
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  for (const entry of centralDirectory(zip)) {
    zip.writeUInt16LE(dosTime, entry.central + 12);
    zip.writeUInt16LE(dosDate, entry.central + 14);
    if (zip.readUInt32LE(entry.local) !== 0x04034b50) throw new Error(`bad local header for ${entry.name}`);
    zip.writeUInt16LE(dosTime, entry.local + 10);
    zip.writeUInt16LE(dosDate, entry.local + 12);
  }
  return zip;
}

/** Each part's uncompressed content by name. */
function zipParts(zip) {
  const parts = new Map();
  for (const entry of centralDirectory(zip)) {
    const start = entry.local + 30 + zip.readUInt16LE(entry.local + 26) + zip.readUInt16LE(entry.local + 28);
    const raw = zip.subarray(start, start + entry.compressedSize);
    if (entry.method !== 0 && entry.method !== 8) throw new Error(`${entry.name}: unsupported compression ${entry.method}`);
    parts.set(entry.name, entry.method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
  }
  return parts;
}

/** Names of the parts that differ; empty when the two workbooks hold the same content. */
function differingParts(a, b) {
  const pa = zipParts(a);
  const pb = zipParts(b);
  const names = [...new Set([...pa.keys(), ...pb.keys()])].sort();
  return names.filter((n) => !pa.has(n) || !pb.has(n) || !pa.get(n).equals(pb.get(n)));
}

async function main() {
  const args = process.argv.slice(2);
  const outArg = args.indexOf("--out");
  const out = outArg >= 0 && args[outArg + 1] ? resolve(args[outArg + 1]) : DEFAULT_OUT;
  const rel = relative(process.cwd(), out);
  const shownPath = rel && !rel.startsWith("..") ? rel : out;
  const made = await buildWorkbook();

  if (args.includes("--check")) {
    const outOption = out === DEFAULT_OUT ? "" : ` --out ${shownPath}`;
    const regenerate = `run \`node scripts/sampleWorkbook.mjs${outOption}\` and commit the result`;
    if (!existsSync(out)) fail(`${shownPath} is missing: ${regenerate}`);
    const committed = readFileSync(out);
    if (committed.equals(made)) {
      console.log(`${shownPath} is up to date.`);
      return;
    }
    let differing;
    try {
      differing = differingParts(committed, made);
    } catch (error) {
      fail(`${shownPath} is not a workbook this script can read (${error.message}): ${regenerate}`);
    }
    if (differing.length > 0) {
      fail(`${shownPath} is out of date with the sample data or this script (differs in ${differing.join(", ")}): ${regenerate}`);
    }
    // Same content, different compression: a newer ExcelJS or JSZip, nothing to commit for.
    console.log(`${shownPath} is up to date (same content; the zip compresses differently here).`);
    return;
  }

  writeFileSync(out, made);
  console.log(`Wrote ${shownPath} (${made.length.toLocaleString("en-GB")} bytes).`);
}

await main();

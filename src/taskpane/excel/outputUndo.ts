// What an output write may change, read before its first write, and how a failed or cancelled write
// puts it all back: the cells' contents and number formats, the header row's fill and font, the
// conditional formats, column widths, frozen panes and the block's workbook name. The write changes
// nothing else (borders, alignment and the analyst's own rules are never touched), so this is the
// whole of what an undo must restore. Called inside the gateway's Excel.run.
import { subtract, type Rect } from "../geometry/rect";
import { readBlock, writeKept } from "./blockCells";
import { KeptCells } from "./keptCells";

/** The header row's look, per cell: what the write's header style replaces. */
interface HeaderStyle {
  readonly fill: string | null;
  readonly bold: boolean;
  readonly color: string;
}

/** One of the add-in's own RAG or DISTRESS rules on the previous block, to add again if it went. */
export interface OwnRule {
  readonly rule: Excel.ConditionalFormat;
  readonly id: string;
  readonly rect: Rect;
  readonly text: string;
  readonly fill: string;
  readonly font: string;
  readonly bold: boolean;
}

/**
 * An area whose kept cells the undo writes back: the previous block (the cells the run changes), and
 * the used parts of the new block's other cells (their number formats: their contents were empty).
 */
interface SavedArea {
  readonly sheetName: string;
  readonly rect: Rect;
  readonly cells: KeptCells;
}

export interface OutputBackup {
  readonly areas: readonly SavedArea[];
  readonly headers: readonly { readonly sheetName: string; readonly rect: Rect; readonly styles: readonly HeaderStyle[] }[];
  /** Ids of the conditional formats on the block's cells before the run: any other is the run's. */
  readonly ruleIds: ReadonlySet<string>;
  readonly ownRules: readonly OwnRule[];
  readonly widths: readonly number[];
  readonly frozen: boolean;
  /** The previous block's name as it was, to point back at it. */
  readonly previousName: { readonly name: string; readonly formula: string; readonly comment: string } | null;
}

/** The blocks a write touches: the new one, and the previous one of the same tracker (with its cells read). */
export interface Touched {
  readonly sheetName: string;
  readonly sheetExists: boolean;
  readonly rect: Rect;
  readonly previous: {
    readonly name: string;
    readonly sheetName: string;
    readonly rect: Rect;
    /** What an undo must write back over it: the cells the run changes (previousBlock.ts). */
    readonly cells: KeptCells;
  } | null;
}

/** Reads everything an undo of the write of `touched` needs; changes nothing. */
export async function readBackup(context: Excel.RequestContext, touched: Touched): Promise<OutputBackup> {
  const sheets = context.workbook.worksheets;
  const { previous } = touched;
  const areas: SavedArea[] = [];
  const headers: OutputBackup["headers"][number][] = [];
  const rules: Excel.ConditionalFormatCollection[] = [];
  const watched: { sheetName: string; rect: Rect }[] = [];
  if (previous) watched.push({ sheetName: previous.sheetName, rect: previous.rect });
  if (touched.sheetExists) watched.push({ sheetName: touched.sheetName, rect: touched.rect });

  if (previous) areas.push({ sheetName: previous.sheetName, rect: previous.rect, cells: previous.cells });
  let widths: number[] = [];
  let frozen = false;
  if (touched.sheetExists) {
    const sheet = sheets.getItem(touched.sheetName);
    const overlap = previous && previous.sheetName === touched.sheetName ? previous.rect : null;
    // Only cells with a value or a format of their own count as used: elsewhere the default is what was there.
    const used = subtract(touched.rect, overlap).map((r) => {
      const u = sheet.getRangeByIndexes(r.row, r.column, r.rows, r.columns).getUsedRangeOrNullObject(false);
      u.load("rowIndex,columnIndex,rowCount,columnCount");
      return u;
    });
    const frozenAt = sheet.freezePanes.getLocationOrNullObject();
    frozenAt.load("address");
    const width = Array.from({ length: touched.rect.columns }, (_, c) => {
      // A navigation property, not a loaded value: the rule cannot tell them apart.
      // eslint-disable-next-line office-addins/load-object-before-read
      const format = sheet.getRangeByIndexes(touched.rect.row, touched.rect.column + c, 1, 1).format;
      format.load("columnWidth");
      return format;
    });
    await context.sync();
    frozen = !frozenAt.isNullObject;
    widths = width.map((f) => f.columnWidth);
    for (const u of used) {
      if (u.isNullObject) continue;
      const rect = { row: u.rowIndex, column: u.columnIndex, rows: u.rowCount, columns: u.columnCount };
      const cells = new KeptCells(rect.rows, rect.columns);
      await readBlock(context, sheet, rect, { contents: false }, ({ firstRow, formats }) =>
        formats.forEach((row, i) => row.forEach((format, c) => cells.keepFormat(firstRow + i, c, format))),
      );
      areas.push({ sheetName: touched.sheetName, rect, cells });
    }
  }
  const styles = watched.map(({ sheetName, rect }) => {
    const row = { ...rect, rows: 1 };
    const range = sheets.getItem(sheetName).getRangeByIndexes(row.row, row.column, 1, row.columns);
    const collection = sheets.getItem(sheetName).getRangeByIndexes(row.row, row.column, 1, row.columns).conditionalFormats;
    collection.load("items/id");
    rules.push(collection);
    return {
      sheetName,
      rect: row,
      cells: range.getCellProperties({ format: { fill: { color: true }, font: { bold: true, color: true } } }),
    };
  });
  // The block's rules below the header too: those are where its RAG and DISTRESS rules are.
  const body = watched.map(({ sheetName, rect }) => {
    const collection = sheets
      .getItem(sheetName)
      .getRangeByIndexes(rect.row, rect.column, rect.rows, rect.columns).conditionalFormats;
    collection.load("items/id,items/type");
    rules.push(collection);
    return collection;
  });
  const named = previous ? context.workbook.names.getItemOrNullObject(previous.name) : null;
  named?.load("formula,comment");
  await context.sync();
  for (const { sheetName, rect, cells } of styles) {
    headers.push({
      sheetName,
      rect,
      styles: cells.value[0].map((c) => ({
        fill: c.format?.fill?.color ?? null,
        bold: c.format?.font?.bold ?? false,
        color: c.format?.font?.color ?? "#000000",
      })),
    });
  }
  const ownRules = previous ? await readOwnRules(context, previous.rect, body[0]) : [];
  return {
    areas,
    headers,
    ruleIds: new Set(rules.flatMap((c) => c.items.map((r) => r.id))),
    ownRules,
    widths,
    frozen,
    previousName: named && !named.isNullObject ? { name: previous!.name, formula: named.formula, comment: named.comment } : null,
  };
}

/** The previous block's own rules: text rules lying wholly inside it. */
async function readOwnRules(
  context: Excel.RequestContext,
  block: Rect,
  collection: Excel.ConditionalFormatCollection,
): Promise<OwnRule[]> {
  const found = collection.items
    .filter((r) => r.type === "ContainsText")
    .map((rule) => {
      const range = rule.getRange();
      range.load("rowIndex,columnIndex,rowCount,columnCount");
      rule.textComparison.load("rule");
      rule.textComparison.format.fill.load("color");
      rule.textComparison.format.font.load("color,bold");
      return { rule, range };
    });
  if (found.length === 0) return [];
  await context.sync();
  return found.flatMap(({ rule, range }) => {
    const rect = { row: range.rowIndex, column: range.columnIndex, rows: range.rowCount, columns: range.columnCount };
    const inside =
      rect.row >= block.row &&
      rect.column >= block.column &&
      rect.row + rect.rows <= block.row + block.rows &&
      rect.column + rect.columns <= block.column + block.columns;
    if (!inside) return [];
    const t = rule.textComparison;
    return [
      {
        rule,
        id: rule.id,
        rect,
        text: t.rule.text,
        fill: t.format.fill.color,
        font: t.format.font.color,
        bold: !!t.format.font.bold,
      },
    ];
  });
}

/** Adds a "cell contains `text`" rule with the add-in's fill and font. */
export function addTextRule(cells: Excel.Range, text: string, fill: string, font: string, bold: boolean): void {
  const rule = cells.conditionalFormats.add("ContainsText");
  rule.textComparison.rule = { operator: "Contains", text };
  rule.textComparison.format.fill.color = fill;
  rule.textComparison.format.font.color = font;
  if (bold) rule.textComparison.format.font.bold = true;
}

/** Puts back what the write of `touched` changed, as `backup` read it before; `newName` is the run's own name. */
export async function restore(
  context: Excel.RequestContext,
  touched: Touched,
  backup: OutputBackup,
  newName: string,
): Promise<void> {
  const sheets = context.workbook.worksheets;
  const sheet = sheets.getItemOrNullObject(touched.sheetName);
  await context.sync();
  const blocks: { sheetName: string; rect: Rect }[] = [];
  if (!sheet.isNullObject && !touched.sheetExists) sheet.delete();
  else if (!sheet.isNullObject) blocks.push({ sheetName: touched.sheetName, rect: touched.rect });
  if (touched.previous) blocks.push({ sheetName: touched.previous.sheetName, rect: touched.previous.rect });

  // The new block's cells outside the previous one were empty: cleared, formats to the default, then
  // the saved formats written back. The previous block's cells are written back where kept: the
  // others hold what they held, whether the run reached them or not.
  const overlap = touched.previous?.sheetName === touched.sheetName ? touched.previous.rect : null;
  if (!sheet.isNullObject && touched.sheetExists) {
    for (const rect of subtract(touched.rect, overlap)) {
      const range = sheet.getRangeByIndexes(rect.row, rect.column, rect.rows, rect.columns);
      range.clear("Contents");
      // One format for every cell: Excel applies a single value to the whole range, a request of a few bytes.
      range.numberFormat = "General" as unknown as string[][];
    }
  }
  await context.sync();
  for (const area of backup.areas) await writeKept(context, sheets.getItem(area.sheetName), area.rect, area.cells);

  for (const { sheetName, rect, styles } of backup.headers) {
    if (sheetName === touched.sheetName && !touched.sheetExists) continue;
    const target = sheets.getItem(sheetName);
    styles.forEach((s, c) => {
      // A navigation property, not a loaded value: the rule cannot tell them apart.
      // eslint-disable-next-line office-addins/load-object-before-read
      const format = target.getRangeByIndexes(rect.row, rect.column + c, 1, 1).format;
      // No fill reads as white: white is put back as no fill.
      if (s.fill === null || s.fill.toUpperCase() === "#FFFFFF") format.fill.clear();
      else format.fill.color = s.fill;
      format.font.bold = s.bold;
      format.font.color = s.color;
    });
  }

  // Rules: the run's go, the previous block's own come back if the run removed them.
  const collections = blocks.map(({ sheetName, rect }) => {
    const c = sheets.getItem(sheetName).getRangeByIndexes(rect.row, rect.column, rect.rows, rect.columns).conditionalFormats;
    c.load("items/id");
    return c;
  });
  await context.sync();
  const now = new Set<string>();
  for (const c of collections) {
    for (const rule of c.items) {
      // The same rule shows in both collections when the blocks overlap: it goes once.
      if (!backup.ruleIds.has(rule.id) && !now.has(rule.id)) rule.delete();
      now.add(rule.id);
    }
  }
  if (touched.previous) {
    const target = sheets.getItem(touched.previous.sheetName);
    // A new rule goes first in Excel's order: adding the last first keeps the order they had.
    for (const r of [...backup.ownRules].reverse()) {
      if (!now.has(r.id))
        addTextRule(
          target.getRangeByIndexes(r.rect.row, r.rect.column, r.rect.rows, r.rect.columns),
          r.text,
          r.fill,
          r.font,
          r.bold,
        );
    }
  }

  if (!sheet.isNullObject && touched.sheetExists) {
    backup.widths.forEach((width, c) => {
      sheet.getRangeByIndexes(touched.rect.row, touched.rect.column + c, 1, 1).format.columnWidth = width;
    });
    if (!backup.frozen) sheet.freezePanes.unfreeze();
  }
  await restoreNames(context, backup, newName);
}

async function restoreNames(context: Excel.RequestContext, backup: OutputBackup, newName: string): Promise<void> {
  const names = context.workbook.names;
  const previous = backup.previousName;
  const ours = names.getItemOrNullObject(newName);
  ours.load("formula");
  await context.sync();
  if (previous && previous.name === newName) {
    if (ours.isNullObject) names.add(previous.name, previous.formula, previous.comment);
    else if (ours.formula !== previous.formula) ours.formula = previous.formula;
  } else {
    // A new name was chosen free of every name in the workbook: it is this run's alone.
    if (!ours.isNullObject) ours.delete();
    if (previous) {
      const old = names.getItemOrNullObject(previous.name);
      await context.sync();
      if (old.isNullObject) names.add(previous.name, previous.formula, previous.comment);
    }
  }
  await context.sync();
}

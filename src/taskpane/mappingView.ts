// The column mapping as the pane shows it: one row per column of the tracker, with the field it is
// read as, and the sentences that say what is missing. Pure.
import { ACTUAL_MONTH_FIELDS, ALL_FIELDS, FIELD_LABELS, PLAN_MONTH_FIELDS, type Field, type NumericField } from "../core/fields";
import { columnLetter } from "../core/excelConventions";
import { financialYearLabel } from "../core/financialYear";
import { mixedUnitsMessage } from "../core/mixedUnits";
import type { ColumnMapping } from "../core/recogniseColumns";
import type { FieldChoice, MappingRow, MappingView } from "./view/paneState";

export const FIELD_CHOICES: readonly FieldChoice[] = ALL_FIELDS.map((field) => ({ field, label: FIELD_LABELS[field] }));

/** What analysis cannot do without; [] when it can run. */
export function missingFields(columns: ColumnMapping["columns"]): string[] {
  const missing: string[] = [];
  const hasActualMonths = ACTUAL_MONTH_FIELDS.some((f) => columns[f] !== undefined);
  if (columns.ytdActual === undefined && !hasActualMonths) {
    missing.push("YTD actual is missing: choose the column that holds savings delivered to date.");
  }
  const hasPhasing = PLAN_MONTH_FIELDS.every((f) => columns[f] !== undefined);
  if (columns.ytdPlan === undefined && !hasPhasing) {
    missing.push("YTD plan is missing: choose the column that holds the plan to date, or map all 12 monthly plan columns.");
  }
  return missing;
}

export function mappingView(
  header: readonly unknown[],
  firstColumn: number,
  mapping: ColumnMapping,
  chosen: Partial<Record<Field, number | null>>,
  /** The mapping recognition made without the analyst's choices: an ignored column was chosen too. */
  recognised: Pick<ColumnMapping, "columns"> = mapping,
): MappingView {
  const fieldAt = new Map<number, Field>();
  for (const [field, index] of Object.entries(mapping.columns) as [Field, number][]) fieldAt.set(index, field);
  const notes = new Map<number, string>();
  for (const a of mapping.ambiguous) notes.set(a.index, a.message);
  for (const i of mapping.previousOutputs) notes.set(i, "Output of an earlier run: not read.");
  for (const i of mapping.emptyHeaders) notes.set(i, "No header: not read.");
  for (const u of mapping.unmapped) if (!notes.has(u.index)) notes.set(u.index, "Not recognised: not read.");
  for (const y of mapping.yearColumns ?? [])
    if (!y.used && !notes.has(y.index))
      notes.set(
        y.index,
        `${FIELD_LABELS[y.field]} for ${financialYearLabel(y.year)}: kept as context; the ${mapping.financialYearLabel} one is analysed.`,
      );
  const rows: MappingRow[] = header.map((cell, index) => {
    const field = fieldAt.get(index) ?? null;
    return {
      index,
      letter: columnLetter(firstColumn + index),
      header: cell === null || cell === undefined ? "" : String(cell),
      field,
      unit: field === null ? "" : (mapping.units[field as NumericField] ?? ""),
      chosen:
        field !== null
          ? chosen[field] === index
          : (Object.entries(chosen) as [Field, number | null][]).some(([f, i]) => i === null && recognised.columns[f] === index),
      note: notes.get(index) ?? "",
    };
  });
  const ignored = rows.filter((r) => r.field === null && r.header !== "").map((r) => `${r.letter} (${r.header})`);
  const messages = [...mapping.messages];
  const mixed = mixedUnitsMessage(mapping.columns, mapping.units, (i) => columnLetter(firstColumn + i));
  if (mixed !== null) messages.push(mixed);
  if (ignored.length > 0) messages.push(`Not read: ${ignored.join(", ")}.`);
  return { rows, choices: FIELD_CHOICES, missing: missingFields(mapping.columns), messages };
}

/**
 * The overrides after the analyst picked `field` for column `index` (null: ignore the column).
 * The field that column was read as before is switched off, so one column never feeds two fields.
 */
export function chooseField(
  overrides: Partial<Record<Field, number | null>>,
  mapping: ColumnMapping,
  index: number,
  field: Field | null,
): Partial<Record<Field, number | null>> {
  const next = { ...overrides };
  for (const [f, i] of Object.entries(mapping.columns) as [Field, number][]) {
    if (i === index && f !== field) next[f] = null;
  }
  if (field !== null) next[field] = index;
  return next;
}

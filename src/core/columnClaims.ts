/**
 * Resolving competing claims: several headers may name one field, and one header may name
 * several. The analyst's choices come first; then a specific word beats a generic one, an exact
 * header a partial one, and the leftmost column the others. Every decision says why.
 */
import type { CheckedOverrides } from "./columnOverrides";
import { joinAnd, joinOr, type Letter } from "./columnMessages";
import { ALL_FIELDS, FIELD_LABELS, type Field } from "./fields";
import { unusedMessage, type HeaderCell, type Reading } from "./headerReading";

/** A column claiming a field. */
export interface Claim {
  readonly index: number;
  readonly field: Field;
  readonly exact: boolean;
  readonly specific: boolean;
  /** The financial year its header names, if any (yearColumns.ts). */
  readonly year?: number;
}

interface AmbiguousReading {
  readonly cell: HeaderCell;
  readonly fields: Field[];
  readonly exact: boolean;
  readonly specific: boolean;
}

/** The readings of a header row sorted into claims, headers naming several fields, and headers not used. */
export interface Claims {
  readonly claims: Claim[];
  /** Columns claiming a field the analyst chose another column for. */
  readonly overridden: Map<Field, number[]>;
  readonly ambiguous: AmbiguousReading[];
  readonly unmapped: { index: number; header: string }[];
  readonly unmappedMessages: string[];
}

export interface AmbiguousHeader {
  readonly index: number;
  readonly header: string;
  readonly candidates: Field[];
  readonly chosen: Field | null;
  readonly message: string;
}

export interface DuplicateClaims {
  readonly field: Field;
  readonly indices: number[];
  readonly chosen: number;
  readonly message: string;
}

/** Better claims first: a specific word beats a generic one, an exact header beats a partial one, then leftmost. */
function compareClaims(a: Claim, b: Claim): number {
  return Number(b.specific) - Number(a.specific) || Number(b.exact) - Number(a.exact) || a.index - b.index;
}

function winnerReason(winner: Claim, runnerUp: Claim): string {
  if (winner.specific !== runnerUp.specific) return "its header is more specific";
  if (winner.exact !== runnerUp.exact) return "its header matches exactly";
  return "it comes first";
}

export function sortClaims(
  readings: ReadonlyMap<number, Reading>,
  cells: readonly HeaderCell[],
  choices: CheckedOverrides,
): Claims {
  const sorted: Claims = { claims: [], overridden: new Map(), ambiguous: [], unmapped: [], unmappedMessages: [] };
  for (const [index, reading] of readings) {
    const cell = cells[index];
    if (reading.kind === "unused") {
      sorted.unmapped.push({ index, header: cell.text });
      sorted.unmappedMessages.push(unusedMessage(cell, reading.reason));
    } else if (reading.fields.length > 1) {
      sorted.ambiguous.push({ cell, fields: reading.fields, exact: reading.exact, specific: reading.specific });
    } else {
      const field = reading.fields[0];
      if (choices.vetoed.has(field)) {
        sorted.unmapped.push({ index, header: cell.text });
        sorted.unmappedMessages.push(
          `Column ${cell.name} looks like ${FIELD_LABELS[field]}, which you chose not to use, so it is not used.`,
        );
      } else if (choices.forced.has(field)) {
        sorted.overridden.set(field, [...(sorted.overridden.get(field) ?? []), index]);
      } else {
        sorted.claims.push({ index, field, exact: reading.exact, specific: reading.specific, year: reading.year });
      }
    }
  }
  return sorted;
}

/**
 * Decides each header that names several fields by the rest of the row ("ICB" is the group when
 * another column is plainly the organisation); a header decided this way joins the claims.
 */
export function settleAmbiguous(sorted: Claims, cells: readonly HeaderCell[], choices: CheckedOverrides): AmbiguousHeader[] {
  // The best column for each field among the unambiguous ones.
  const clearWinner = new Map<Field, Claim>();
  for (const claim of [...sorted.claims].sort(compareClaims))
    if (!clearWinner.has(claim.field)) clearWinner.set(claim.field, claim);

  const ambiguous: AmbiguousHeader[] = [];
  for (const { cell, fields, exact, specific } of sorted.ambiguous) {
    const because = new Map<Field, string>();
    for (const field of fields) {
      const label = FIELD_LABELS[field];
      const forcedIndex = choices.forced.get(field);
      const winner = clearWinner.get(field);
      if (forcedIndex !== undefined) because.set(field, `you chose column ${cells[forcedIndex].name} for ${label}`);
      else if (choices.vetoed.has(field)) because.set(field, `you chose not to use ${label}`);
      else if (winner) because.set(field, `column ${cells[winner.index].name} is ${label}`);
    }
    const remaining = fields.filter((f) => !because.has(f));
    const could = `Column ${cell.name} could be ${joinOr(fields.map((f) => FIELD_LABELS[f]))}`;
    let chosen: Field | null = null;
    let message: string;
    if (remaining.length === 1) {
      chosen = remaining[0];
      message = `${could}; it is taken as ${FIELD_LABELS[chosen]} because ${joinAnd([...because.values()])}.`;
      sorted.claims.push({ index: cell.index, field: chosen, exact, specific });
    } else if (remaining.length === 0) {
      message = `${could}, but ${joinAnd([...because.values()])}, so it is not used.`;
    } else {
      message = `${could}, and nothing else in the header row decides which, so it is not used; choose its field yourself to use it.`;
    }
    ambiguous.push({ index: cell.index, header: cell.text, candidates: fields, chosen, message });
  }
  return ambiguous;
}

/** One column per field: the analyst's choice, else the best claim; the losers are listed as duplicates. */
export function chooseColumns(
  sorted: Claims,
  cells: readonly HeaderCell[],
  choices: CheckedOverrides,
  letter: Letter,
): { columns: Partial<Record<Field, number>>; duplicates: DuplicateClaims[] } {
  const columns: Partial<Record<Field, number>> = {};
  const duplicates: DuplicateClaims[] = [];
  for (const field of ALL_FIELDS) {
    const forcedIndex = choices.forced.get(field);
    if (forcedIndex !== undefined) {
      columns[field] = forcedIndex;
      const losers = sorted.overridden.get(field) ?? [];
      if (losers.length > 0) {
        const names = joinAnd(losers.map((i) => cells[i].name));
        const one = losers.length === 1;
        duplicates.push({
          field,
          indices: [forcedIndex, ...losers].sort((a, b) => a - b),
          chosen: forcedIndex,
          message:
            `You chose column ${cells[forcedIndex].name} for ${FIELD_LABELS[field]}, so ${one ? "column" : "columns"} ${names}, ` +
            `which also ${one ? "looks" : "look"} like ${FIELD_LABELS[field]}, ${one ? "is" : "are"} not used.`,
        });
      }
      continue;
    }
    const contenders = sorted.claims.filter((c) => c.field === field).sort(compareClaims);
    if (contenders.length === 0) continue;
    const [winner, runnerUp] = contenders;
    columns[field] = winner.index;
    if (runnerUp) {
      const indices = contenders.map((c) => c.index).sort((a, b) => a - b);
      const both = indices.length === 2 ? "both" : "all";
      duplicates.push({
        field,
        indices,
        chosen: winner.index,
        message:
          `Columns ${joinAnd(indices.map((i) => cells[i].name))} ${both} look like ${FIELD_LABELS[field]}; ` +
          `column ${letter(winner.index)} is used because ${winnerReason(winner, runnerUp)}.`,
      });
    }
  }
  return { columns, duplicates };
}

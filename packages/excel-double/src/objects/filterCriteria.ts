/** Which rows an AutoFilter keeps: Excel's filter criteria for one column, applied to a cell's value and format. */
import { notSupported } from "../errors";
import type { Style } from "../model";

export interface FilterCell {
  value: unknown;
  style: Style;
}

const COMPARISON = /^(>=|<=|<>|=|>|<)?([\s\S]*)$/;

/** Excel's * and ? wildcards, matched case-insensitively against the whole text. */
function wildcard(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${body}$`, "i");
}

function blank(v: unknown): boolean {
  return v === "" || v === null || v === undefined;
}

/** One custom criterion such as ">=10", "<>North", "=" (blank) or "No*". */
function meets(criterion: string, v: unknown): boolean {
  const [, op = "=", operand] = COMPARISON.exec(criterion)!;
  const number = operand.trim() !== "" ? Number(operand) : NaN;
  if (operand === "") return op === "=" ? blank(v) : op === "<>" ? !blank(v) : false;
  if (!Number.isNaN(number) && typeof v === "number") {
    const cmp = { "=": v === number, "<>": v !== number, ">": v > number, "<": v < number, ">=": v >= number, "<=": v <= number };
    return cmp[op as keyof typeof cmp];
  }
  const text = blank(v) ? "" : String(v);
  if (op === "=") return wildcard(operand).test(text);
  if (op === "<>") return !wildcard(operand).test(text);
  if (typeof v === "number") return false; // numbers never pass a text comparison
  const c = text.localeCompare(operand, undefined, { sensitivity: "base" });
  return op === ">" ? c > 0 : op === "<" ? c < 0 : op === ">=" ? c >= 0 : c <= 0;
}

/** Keeps, for each cell of one filtered column (data rows only), whether its row stays visible. */
export function keptRows(criteria: Excel.FilterCriteria, cells: FilterCell[]): boolean[] {
  switch (criteria.filterOn) {
    case "Values": {
      const wanted = new Set((criteria.values ?? []).map((x) => String(x).toLowerCase()));
      // A blank cell stays when "" is among the values, as Excel's (Blanks) tick box writes it.
      return cells.map(({ value }) => wanted.has(blank(value) ? "" : String(value).toLowerCase()));
    }
    case "Custom": {
      const first = (v: unknown) => meets(criteria.criterion1 ?? "", v);
      if (!criteria.criterion2) return cells.map(({ value }) => first(value));
      const second = (v: unknown) => meets(criteria.criterion2!, v);
      const and = criteria.operator !== "Or";
      return cells.map(({ value }) => (and ? first(value) && second(value) : first(value) || second(value)));
    }
    case "TopItems":
    case "BottomItems": {
      const n = Number(criteria.criterion1);
      const numbers = cells.map((c) => c.value).filter((v): v is number => typeof v === "number");
      numbers.sort((a, b) => (criteria.filterOn === "TopItems" ? b - a : a - b));
      const cut = numbers[Math.min(n, numbers.length) - 1];
      return cells.map(
        ({ value }) =>
          typeof value === "number" && cut !== undefined && (criteria.filterOn === "TopItems" ? value >= cut : value <= cut),
      );
    }
    case "CellColor":
      return cells.map(({ style }) => (style.fill ?? "").toUpperCase() === String(criteria.color ?? "").toUpperCase());
    default:
      throw notSupported(`AutoFilter criteria filterOn "${criteria.filterOn}"`);
  }
}

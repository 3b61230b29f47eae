// What the preview's grid works out without the DOM: which cells a text conditional format colours,
// where a chart sits, and how rectangles of cells meet.
import { parseAddress, type ConditionalFormatInfo, type Rect } from "../../packages/excel-double";

export interface TextRule {
  readonly rects: Rect[];
  readonly operator: string;
  readonly text: string;
  readonly fill: string | null;
  readonly font: string | null;
  readonly bold: boolean;
}

export function textRule(info: ConditionalFormatInfo): TextRule[] {
  if (!info.rule || !("operator" in info.rule)) return [];
  const rects = info.address
    .split(",")
    .map((a) => parseAddress(a)?.rect)
    .filter((r): r is Rect => !!r);
  return [
    {
      rects,
      operator: info.rule.operator,
      text: info.rule.text.toLowerCase(),
      fill: info.format.fill,
      font: info.format.fontColor,
      bold: info.format.bold === true,
    },
  ];
}

export function matches(rule: TextRule, text: string): boolean {
  const t = text.toLowerCase();
  switch (rule.operator) {
    case "Contains":
      return t.includes(rule.text);
    case "NotContains":
      return !t.includes(rule.text);
    case "BeginsWith":
      return t.startsWith(rule.text);
    case "EndsWith":
      return t.endsWith(rule.text);
    default:
      return false;
  }
}

export function chartRect(position: { start: string; end: string | null }): Rect | null {
  const start = parseAddress(position.start)?.rect;
  if (!start) return null;
  const end = position.end ? parseAddress(position.end)?.rect : null;
  if (!end) return { ...start, rows: 15, columns: 8 };
  return { row: start.row, column: start.column, rows: end.row - start.row + 1, columns: end.column - start.column + 1 };
}

export const inside = (r: Rect, row: number, column: number) =>
  row >= r.row && row < r.row + r.rows && column >= r.column && column < r.column + r.columns;

export const overlaps = (a: Rect, b: Rect) =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;

export function intersection(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const rows = Math.min(a.row + a.rows, b.row + b.rows) - row;
  const columns = Math.min(a.column + a.columns, b.column + b.columns) - column;
  return rows > 0 && columns > 0 ? { row, column, rows, columns } : null;
}

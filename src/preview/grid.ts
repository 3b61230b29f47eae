// The preview's worksheet grid: a picture of one sheet of the Excel double, drawn from the double's
// own cells, number formats, fills and conditional formats. Only the rows and columns in view exist
// as elements (a pool reused on every scroll), so a 100,000-row tracker scrolls as lightly as a
// 72-row one. Clicking, dragging, Shift+click, the column and row headers and the arrow keys set
// the double's selection, which is what the task pane reads.
//
// Positions and colours go through the CSSOM (element.style), which the page's Content-Security-
// Policy does not restrict; the page has no style attributes or <style> elements of its own.
import {
  columnLetters,
  parseAddress,
  qualifiedAddress,
  rectA1,
  type Rect,
  MAX_COLUMNS,
  MAX_ROWS,
  type ChartInfo,
  type WorkbookDouble,
} from "../../packages/excel-double";
import { formatCell } from "./numberFormat";
import { chartRect, inside, intersection, matches, overlaps, textRule, type TextRule } from "./gridRules";

export const ROW_HEIGHT = 20;
const OVERSCAN = 3;
/** Empty rows and columns shown past the used range, as Excel shows the sheet going on. */
const SPARE_ROWS = 40;
const SPARE_COLUMNS = 6;
const MIN_ROWS = 60;
const MIN_COLUMNS = 26;
/** Column widths in the double are points, as in Excel; the screen wants pixels. */
const PX_PER_POINT = 4 / 3;

interface Cell {
  readonly node: HTMLDivElement;
  key: string;
}

export interface GridOptions {
  /** The analyst picked cells; `areas` are A1 ranges on `sheet`. */
  readonly onSelect: (sheet: string, areas: string[]) => void;
}

export class Grid {
  readonly root: HTMLElement;
  private readonly body: HTMLDivElement;
  private readonly sizer: HTMLDivElement;
  private readonly lineLayer: HTMLDivElement;
  private readonly cellLayer: HTMLDivElement;
  private readonly overlayLayer: HTMLDivElement;
  private readonly colHead: HTMLDivElement;
  private readonly rowHead: HTMLDivElement;
  private readonly cells: Cell[] = [];
  private readonly colLabels: Cell[] = [];
  private readonly rowLabels: Cell[] = [];
  private readonly lines: Cell[] = [];
  private readonly boxes: HTMLDivElement[] = [];

  private book: WorkbookDouble | null = null;
  private sheet = "";
  private rows = MIN_ROWS;
  private columns = MIN_COLUMNS;
  private left: number[] = [0];
  private rules: TextRule[] = [];
  private charts: ChartInfo[] = [];
  private selection: Rect[] = [];
  private anchor: { row: number; column: number } = { row: 0, column: 0 };
  private active: { row: number; column: number } = { row: 0, column: 0 };
  /** The moving end of the selection (the anchor is the fixed one). */
  private corner: { row: number; column: number } = { row: 0, column: 0 };
  private drag: { kind: "cells" | "columns" | "rows"; pointer: number } | null = null;
  private frame = 0;
  private generation = 0;

  constructor(
    container: HTMLElement,
    private readonly options: GridOptions,
  ) {
    const doc = container.ownerDocument;
    const div = (cls: string) => {
      const node = doc.createElement("div");
      node.className = cls;
      return node;
    };
    this.root = div("grid");
    const corner = div("grid-corner");
    this.colHead = div("grid-colhead");
    this.rowHead = div("grid-rowhead");
    this.body = div("grid-body");
    this.body.tabIndex = 0;
    this.body.setAttribute("role", "region");
    this.body.setAttribute("aria-label", "Worksheet cells: click or drag to select, arrow keys move the selection");
    this.sizer = div("grid-sizer");
    this.lineLayer = div("grid-lines");
    this.cellLayer = div("grid-cells");
    this.overlayLayer = div("grid-overlay");
    this.body.append(this.sizer, this.lineLayer, this.cellLayer, this.overlayLayer);
    this.root.append(corner, this.colHead, this.rowHead, this.body);
    container.appendChild(this.root);

    this.body.addEventListener("scroll", () => this.schedule());
    new ResizeObserver(() => this.schedule()).observe(this.body);
    this.body.addEventListener("pointerdown", (e) => this.pointerDown(e, "cells"));
    this.colHead.addEventListener("pointerdown", (e) => this.pointerDown(e, "columns"));
    this.rowHead.addEventListener("pointerdown", (e) => this.pointerDown(e, "rows"));
    for (const node of [this.body, this.colHead, this.rowHead]) {
      node.addEventListener("pointermove", (e) => this.pointerMove(e));
      node.addEventListener("pointerup", (e) => this.pointerUp(e));
      node.addEventListener("pointercancel", (e) => this.pointerUp(e));
    }
    this.body.addEventListener("keydown", (e) => this.key(e));
  }

  /** Shows `sheet` of `book`, reading its extent and rules again (after any change to the workbook). */
  async show(book: WorkbookDouble, sheet: string): Promise<void> {
    const generation = ++this.generation;
    const sheetChanged = sheet !== this.sheet || book !== this.book;
    this.book = book;
    this.sheet = sheet;
    const used = await usedRect(book, sheet);
    if (generation !== this.generation) return;
    this.rows = Math.min(MAX_ROWS, Math.max(MIN_ROWS, used ? used.row + used.rows + SPARE_ROWS : 0));
    this.columns = Math.min(MAX_COLUMNS, Math.max(MIN_COLUMNS, used ? used.column + used.columns + SPARE_COLUMNS : 0));
    this.left = [0];
    for (let c = 0; c < this.columns; c++) {
      const px = Math.round(Math.min(480, Math.max(24, book.columnWidth(sheet, c) * PX_PER_POINT)));
      this.left.push(this.left[c] + px);
    }
    this.rules = book.conditionalFormats(sheet).flatMap(textRule);
    this.charts = book.charts(sheet);
    this.readSelection();
    this.sizer.style.width = `${this.left[this.columns]}px`;
    this.sizer.style.height = `${this.rows * ROW_HEIGHT}px`;
    if (sheetChanged) {
      this.body.scrollTop = 0;
      this.body.scrollLeft = 0;
    }
    this.draw();
  }

  /** Brings the top-left cell of the selection into view. */
  reveal(): void {
    const first = this.selection[0];
    if (!first) return;
    const top = first.row * ROW_HEIGHT;
    const left = this.left[Math.min(first.column, this.columns - 1)] ?? 0;
    const { clientHeight, clientWidth } = this.body;
    if (top < this.body.scrollTop || top + ROW_HEIGHT > this.body.scrollTop + clientHeight)
      this.body.scrollTop = Math.max(0, top - ROW_HEIGHT * 2);
    if (left < this.body.scrollLeft || left + 64 > this.body.scrollLeft + clientWidth)
      this.body.scrollLeft = Math.max(0, left - 64);
    this.draw();
  }

  focus(): void {
    this.body.focus();
  }

  private readSelection(): void {
    if (!this.book) return;
    const areas = this.book.selection();
    this.selection = areas.map((a) => parseAddress(a)?.rect).filter((r): r is Rect => !!r);
    const first = this.selection[0];
    if (first && !this.drag) {
      this.active = { row: first.row, column: first.column };
      this.anchor = { ...this.active };
      this.corner = {
        row: first.row + Math.min(first.rows, this.rows) - 1,
        column: first.column + Math.min(first.columns, this.columns) - 1,
      };
    }
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  // -------------------------------------------------------------------------------------------
  // Drawing

  private draw(): void {
    const book = this.book;
    if (!book) return;
    const { scrollTop, scrollLeft, clientHeight, clientWidth } = this.body;
    const r0 = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
    const r1 = Math.min(this.rows, Math.ceil((scrollTop + clientHeight) / ROW_HEIGHT) + OVERSCAN);
    const c0 = Math.max(0, this.columnAt(scrollLeft) - 1);
    const c1 = Math.min(this.columns, this.columnAt(scrollLeft + clientWidth) + 2);
    if (r1 <= r0 || c1 <= c0) return;

    const window: Rect = { row: r0, column: c0, rows: r1 - r0, columns: c1 - c0 };
    const address = qualifiedAddress(this.sheet, window);
    const formulas = book.formulas(address);
    const formats = book.numberFormats(address);
    const fills = book.fills(address);
    const rules = this.rules.filter((rule) => rule.rects.some((r) => overlaps(r, window)));

    let used = 0;
    for (let r = r0; r < r1; r++) {
      for (let c = c0; c < c1; c++) {
        const raw = formulas[r - r0][c - c0];
        if (raw === "" && fills[r - r0][c - c0] === null) continue;
        const cell = (this.cells[used] ??= this.makeCell(this.cellLayer, "cell"));
        used++;
        const isFormula = typeof raw === "string" && raw.startsWith("=") && raw.length > 1;
        const shown = isFormula ? { text: raw, align: "left" as const } : formatCell(raw, formats[r - r0][c - c0]);
        const rule = rules.find((x) => x.rects.some((rect) => inside(rect, r, c)) && matches(x, shown.text));
        const ownFill = rule?.fill ?? fills[r - r0][c - c0];
        // As in Excel, text runs on over the empty cells to its right (and hides their gridlines).
        let last = c;
        if (shown.align === "left" && shown.text !== "") {
          while (last + 1 < c1 && formulas[r - r0][last + 1 - c0] === "" && fills[r - r0][last + 1 - c0] === null) last++;
        }
        const fill = ownFill ?? (last > c ? "#ffffff" : "");
        const font = rule?.font ?? "";
        // The double keeps no per-cell font that is cheap to read; a filled cell is a header the
        // add-in (or the sample) made bold, and a matching rule says bold itself.
        const bold = rule ? rule.bold : ownFill !== null && ownFill !== undefined;
        const key = `${r}\u0001${c}\u0001${last}\u0001${shown.text}\u0001${shown.align}\u0001${fill}\u0001${font}\u0001${bold}\u0001${isFormula}`;
        if (cell.key === key) continue;
        cell.key = key;
        const node = cell.node;
        node.hidden = false;
        node.textContent = shown.text;
        node.dataset.address = columnLetters(c) + (r + 1);
        node.className = `cell align-${shown.align}${isFormula ? " is-formula" : ""}`;
        node.style.transform = `translate(${this.left[c]}px, ${r * ROW_HEIGHT}px)`;
        node.style.width = `${this.left[last + 1] - this.left[c]}px`;
        // A filled cell's text may run on, but its fill stays in its own cell (a header row's
        // fill ends at the table's last column).
        const ownWidth = this.left[c + 1] - this.left[c];
        const runs = last > c && ownFill !== null && ownFill !== undefined;
        node.style.backgroundColor = runs ? "#ffffff" : fill;
        node.style.backgroundImage = runs ? `linear-gradient(${ownFill}, ${ownFill})` : "";
        node.style.backgroundSize = runs ? `${ownWidth}px 100%` : "";
        node.style.backgroundRepeat = runs ? "no-repeat" : "";
        node.style.color = font;
        node.style.fontWeight = bold ? "600" : "";
      }
    }
    hideFrom(this.cells, used);

    this.drawHeaders(r0, r1, c0, c1, scrollTop, scrollLeft);
    this.drawSelection(window);
  }

  private drawHeaders(r0: number, r1: number, c0: number, c1: number, scrollTop: number, scrollLeft: number): void {
    const selectedColumns = (c: number) => this.selection.some((s) => c >= s.column && c < s.column + s.columns);
    const selectedRows = (r: number) => this.selection.some((s) => r >= s.row && r < s.row + s.rows);
    let n = 0;
    for (let c = c0; c < c1; c++, n++) {
      const label = (this.colLabels[n] ??= this.makeCell(this.colHead, "col-label"));
      const key = `${c}\u0001${this.left[c]}\u0001${this.left[c + 1]}\u0001${scrollLeft}\u0001${selectedColumns(c)}`;
      if (label.key === key) continue;
      label.key = key;
      label.node.hidden = false;
      label.node.textContent = columnLetters(c);
      label.node.classList.toggle("is-selected", selectedColumns(c));
      label.node.style.transform = `translateX(${this.left[c] - scrollLeft}px)`;
      label.node.style.width = `${this.left[c + 1] - this.left[c]}px`;
    }
    hideFrom(this.colLabels, n);
    // Vertical gridlines, one per column in view (the horizontal ones are the sizer's background).
    n = 0;
    for (let c = c0; c < c1; c++, n++) {
      const line = (this.lines[n] ??= this.makeCell(this.lineLayer, "col-line"));
      const key = `${this.left[c + 1]}\u0001${this.rows}`;
      if (line.key === key) continue;
      line.key = key;
      line.node.hidden = false;
      line.node.style.transform = `translateX(${this.left[c + 1] - 1}px)`;
      line.node.style.height = `${this.rows * ROW_HEIGHT}px`;
    }
    hideFrom(this.lines, n);
    n = 0;
    for (let r = r0; r < r1; r++, n++) {
      const label = (this.rowLabels[n] ??= this.makeCell(this.rowHead, "row-label"));
      const key = `${r}\u0001${scrollTop}\u0001${selectedRows(r)}`;
      if (label.key === key) continue;
      label.key = key;
      label.node.hidden = false;
      label.node.textContent = String(r + 1);
      label.node.classList.toggle("is-selected", selectedRows(r));
      label.node.style.transform = `translateY(${r * ROW_HEIGHT - scrollTop}px)`;
    }
    hideFrom(this.rowLabels, n);
  }

  private drawSelection(window: Rect): void {
    let n = 0;
    const place = (rect: Rect, cls: string, text: string) => {
      const shown = intersection(rect, { row: 0, column: 0, rows: this.rows, columns: this.columns });
      if (!shown || !overlaps(shown, window)) return;
      const box = (this.boxes[n] ??= this.overlayLayer.appendChild(this.overlayLayer.ownerDocument.createElement("div")));
      n++;
      box.hidden = false;
      box.className = cls;
      if (box.textContent !== text) box.textContent = text;
      box.style.transform = `translate(${this.left[shown.column]}px, ${shown.row * ROW_HEIGHT}px)`;
      box.style.width = `${this.left[shown.column + shown.columns] - this.left[shown.column]}px`;
      box.style.height = `${shown.rows * ROW_HEIGHT}px`;
    };
    // Charts are not drawn: a frame where the chart sits says what the double holds.
    for (const chart of this.charts) {
      const rect = chart.position ? chartRect(chart.position) : null;
      const what = `Chart “${chart.title}” (${chart.type}, from ${chart.source}, series ${chart.series.join(", ")}): not drawn in the preview.`;
      if (rect) place(rect, "chart-box", what);
    }
    for (const rect of this.selection) place(rect, "selection-box", "");
    place({ ...this.active, rows: 1, columns: 1 }, "active-box", "");
    for (let i = n; i < this.boxes.length; i++) this.boxes[i].hidden = true;
  }

  private makeCell(parent: HTMLElement, cls: string): Cell {
    const node = parent.ownerDocument.createElement("div");
    node.className = cls;
    parent.appendChild(node);
    return { node, key: "" };
  }

  private columnAt(x: number): number {
    let lo = 0;
    let hi = this.columns;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.left[mid + 1] <= x) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(lo, this.columns - 1);
  }

  // -------------------------------------------------------------------------------------------
  // Selecting

  private hit(e: PointerEvent): { row: number; column: number } {
    const box = this.body.getBoundingClientRect();
    const x = e.clientX - box.left + this.body.scrollLeft;
    const y = e.clientY - box.top + this.body.scrollTop;
    return {
      row: Math.min(this.rows - 1, Math.max(0, Math.floor(y / ROW_HEIGHT))),
      column: Math.min(this.columns - 1, Math.max(0, this.columnAt(x))),
    };
  }

  private pointerDown(e: PointerEvent, kind: "cells" | "columns" | "rows"): void {
    if (e.button !== 0 || !this.book) return;
    e.preventDefault();
    this.body.focus({ preventScroll: true });
    const at = this.hit(e);
    if (!e.shiftKey) this.anchor = at;
    this.drag = { kind, pointer: e.pointerId };
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    this.extendTo(at, kind);
  }

  private pointerMove(e: PointerEvent): void {
    if (!this.drag || e.pointerId !== this.drag.pointer) return;
    this.extendTo(this.hit(e), this.drag.kind);
  }

  private pointerUp(e: PointerEvent): void {
    if (!this.drag || e.pointerId !== this.drag.pointer) return;
    this.drag = null;
    this.commit();
  }

  private extendTo(at: { row: number; column: number }, kind: "cells" | "columns" | "rows"): void {
    const a = this.anchor;
    let rect: Rect = {
      row: Math.min(a.row, at.row),
      column: Math.min(a.column, at.column),
      rows: Math.abs(a.row - at.row) + 1,
      columns: Math.abs(a.column - at.column) + 1,
    };
    if (kind === "columns") rect = { ...rect, row: 0, rows: MAX_ROWS };
    if (kind === "rows") rect = { ...rect, column: 0, columns: MAX_COLUMNS };
    this.selection = [rect];
    this.corner = at;
    this.active = kind === "cells" ? { ...a } : { row: rect.row, column: rect.column };
    this.draw();
  }

  private commit(): void {
    this.options.onSelect(
      this.sheet,
      this.selection.map((r) => rectA1(r)),
    );
  }

  private key(e: KeyboardEvent): void {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[e.key];
    if (!move || !this.book) return;
    e.preventDefault();
    const from = e.shiftKey ? this.corner : this.active;
    const to = {
      row: Math.min(this.rows - 1, Math.max(0, from.row + move[0])),
      column: Math.min(this.columns - 1, Math.max(0, from.column + move[1])),
    };
    if (!e.shiftKey) this.anchor = to;
    this.extendTo(to, "cells");
    this.commit();
    this.revealCell(to);
  }

  private revealCell(at: { row: number; column: number }): void {
    const top = at.row * ROW_HEIGHT;
    const left = this.left[at.column];
    const right = this.left[at.column + 1];
    const b = this.body;
    if (top < b.scrollTop) b.scrollTop = top;
    else if (top + ROW_HEIGHT > b.scrollTop + b.clientHeight) b.scrollTop = top + ROW_HEIGHT - b.clientHeight;
    if (left < b.scrollLeft) b.scrollLeft = left;
    else if (right > b.scrollLeft + b.clientWidth) b.scrollLeft = right - b.clientWidth;
  }
}

// ---------------------------------------------------------------------------------------------

/** The sheet's used range (values and formats), read through the double's Excel API like the pane does. */
async function usedRect(book: WorkbookDouble, sheet: string): Promise<Rect | null> {
  return book.run(async (context) => {
    const used = context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(false);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    return used.isNullObject
      ? null
      : { row: used.rowIndex, column: used.columnIndex, rows: used.rowCount, columns: used.columnCount };
  });
}

function hideFrom(pool: Cell[], from: number): void {
  for (let i = from; i < pool.length; i++) {
    if (pool[i].node.hidden) continue;
    pool[i].node.hidden = true;
    pool[i].key = "";
  }
}

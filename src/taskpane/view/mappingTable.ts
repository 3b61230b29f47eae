// The column mapping: one row per column of the selected tracker, with a Fluent dropdown for what it
// is read as. Rows are kept by column index and updated in place, so a dropdown the analyst is using keeps
// focus while the controller re-renders around it.
import type { Field } from "../../core/fields";
import {
  clear,
  describedBy,
  el,
  fluent,
  nameDropdown,
  section,
  setAttr,
  setDisabled,
  setShown,
  setText,
  setValue,
  valueOf,
} from "./dom";
import type { FieldChoice, MappingRow, MappingView, PaneEvents } from "./paneState";

export const IGNORE_LABEL = "Ignore this column";
/** Trackers with at most this many columns show the column list open. */
const OPEN_UP_TO = 10;

export interface MappingTable {
  readonly root: HTMLElement;
  readonly heading: HTMLElement;
  update(mapping: MappingView, busy: boolean): void;
}

interface RowParts {
  readonly tr: HTMLTableRowElement;
  readonly letter: HTMLElement;
  readonly header: HTMLElement;
  readonly note: HTMLElement;
  readonly changed: HTMLElement;
  readonly unit: HTMLElement;
  /** The fluent-dropdown, and the listbox that holds its options. */
  readonly select: HTMLElement;
  readonly listbox: HTMLElement;
  /** The choices the dropdown's options were built from, by signature. */
  options: string;
}

const choicesKey = (choices: readonly FieldChoice[]): string => choices.map((c) => `${c.field}\u0001${c.label}`).join("\u0002");

/** "D “Notes”", or just "D" for a column without a header. */
const columnName = (row: MappingRow): string => (row.header.trim() === "" ? row.letter : `${row.letter} “${row.header}”`);

export function createMappingTable(id: (name: string) => string, events: PaneEvents): MappingTable {
  const { root, heading } = section(id("mapping-heading"), "Columns");
  const intro = el("p", { class: "hint" }, "Check what each column is read as, and change any that are wrong.");

  const missing = el("ul", { class: "missing" });
  const missingBox = fluent(
    "fluent-message-bar",
    { class: "missing-box", intent: "error", layout: "multiline", id: id("missing") },
    el("p", { class: "callout-title" }, "Needed before the tracker can be analysed"),
    missing,
  );

  // Explicit roles: a table restyled into stacked rows (narrow panes) loses its table semantics in
  // some engines unless told.
  const head = el(
    "thead",
    { class: "visually-hidden-narrow", role: "rowgroup" },
    el(
      "tr",
      { role: "row" },
      el("th", { scope: "col", role: "columnheader" }, "Column"),
      el("th", { scope: "col", role: "columnheader" }, "Header"),
      el("th", { scope: "col", role: "columnheader" }, "Unit"),
      el("th", { scope: "col", role: "columnheader" }, "Read as"),
    ),
  );
  const body = el("tbody", { role: "rowgroup" });
  const table = el("table", { class: "map-table", role: "table", "aria-labelledby": id("mapping-heading") }, head, body);

  const ignored = el("p", { class: "ignored" });
  const messages = el("ul", { class: "messages" });
  const reset = fluent("fluent-button", { type: "button" }, "Reset to recognised");
  reset.addEventListener("click", () => events.resetMapping());

  // A tracker has 30 columns or more: listed open, they push Options and Analyse far down a narrow
  // pane. The list starts closed when every required column was found, open when one is missing
  // or the tracker is small; the analyst's own opening or closing stands until another tracker is read.
  const summary = el("span", { slot: "heading", class: "map-summary" });
  const list = fluent(
    "fluent-accordion-item",
    { class: "map-details" },
    summary,
    table,
    ignored,
    messages,
    el("div", { class: "actions" }, reset),
  );
  root.append(intro, missingBox, fluent("fluent-accordion", { class: "map-accordion" }, list));
  const setOpen = (open: boolean) => setAttr(list, "expanded", open ? "" : null);

  const rows = new Map<number, RowParts>();
  let shownMissing = "";
  let shownMessages = "";
  let fieldSet: ReadonlySet<string> = new Set();
  let lastChoices: readonly FieldChoice[] | null = null;
  let lastChoicesKey = "";
  let shownLayout = "";

  function makeRow(index: number): RowParts {
    const letter = el("span", { class: "map-letter" });
    const header = el("span", { class: "map-header" });
    const changed = el("span", { class: "tag", id: id(`map-${index}-changed`) }, "Changed");
    const note = el("span", { class: "map-note", id: id(`map-${index}-note`) });
    const unit = el("span", { class: "map-unit" });
    const listbox = fluent("fluent-listbox");
    const select = fluent("fluent-dropdown", { id: id(`map-${index}`), class: "map-select" }, listbox);
    select.addEventListener("change", () => {
      const value = valueOf(select);
      // Only values the view itself offered: anything else would be a stale dropdown.
      if (value === "") events.changeMapping(index, null);
      else if (fieldSet.has(value)) events.changeMapping(index, value as Field);
    });
    const tr = el(
      "tr",
      { role: "row", class: "map-row" },
      el("td", { role: "cell", class: "map-cell-letter" }, letter),
      el("td", { role: "cell", class: "map-cell-header" }, header, " ", changed, note),
      el("td", { role: "cell", class: "map-cell-unit" }, unit),
      el("td", { role: "cell", class: "map-cell-select" }, select),
    );
    return { tr, letter, header, note, changed, unit, select, listbox, options: "" };
  }

  function fillOptions(parts: RowParts, choices: readonly FieldChoice[], key: string, field: Field | null): void {
    const extra = field !== null && !fieldSet.has(field) ? field : "";
    const want = `${key}\u0003${extra}`;
    if (parts.options === want) return;
    clear(parts.listbox);
    parts.listbox.appendChild(fluent("fluent-option", { value: "" }, IGNORE_LABEL));
    for (const choice of choices) parts.listbox.appendChild(fluent("fluent-option", { value: choice.field }, choice.label));
    // A field recognition chose but the list does not offer still has to show as chosen.
    if (extra) parts.listbox.appendChild(fluent("fluent-option", { value: extra }, extra));
    parts.options = want;
  }

  function updateRow(parts: RowParts, row: MappingRow, key: string, choices: readonly FieldChoice[]): void {
    setText(parts.letter, row.letter);
    setText(parts.header, row.header.trim() === "" ? "(no header)" : row.header);
    parts.header.classList.toggle("is-empty", row.header.trim() === "");
    setText(parts.unit, row.unit);
    setText(parts.note, row.note);
    setShown(parts.note, row.note !== "");
    setShown(parts.changed, row.chosen);
    parts.tr.classList.toggle("is-changed", row.chosen);
    parts.tr.classList.toggle("is-ignored", row.field === null);
    fillOptions(parts, choices, key, row.field);
    const value = row.field ?? "";
    // The option's selected attribute holds the choice until the dropdown has registered its
    // options (they are slotted asynchronously); the value then keeps it in step.
    for (const option of parts.listbox.children) setAttr(option, "selected", option.getAttribute("value") === value ? "" : null);
    setValue(parts.select, value);
    nameDropdown(parts.select, `Read column ${columnName(row)} as`);
    describedBy(parts.select, [row.chosen ? parts.changed.id : null, row.note !== "" ? parts.note.id : null]);
  }

  return {
    root,
    heading,
    update(mapping, busy) {
      if (mapping.choices !== lastChoices) {
        lastChoices = mapping.choices;
        lastChoicesKey = choicesKey(mapping.choices);
        fieldSet = new Set(mapping.choices.map((c) => c.field));
      }

      const missingKey = mapping.missing.join("\n");
      if (missingKey !== shownMissing) {
        clear(missing);
        for (const sentence of mapping.missing) missing.appendChild(el("li", {}, sentence));
        shownMissing = missingKey;
      }
      setShown(missingBox, mapping.missing.length > 0);

      const seen = new Set<number>();
      let at: ChildNode | null = body.firstChild;
      for (const row of mapping.rows) {
        seen.add(row.index);
        let parts = rows.get(row.index);
        if (!parts) {
          parts = makeRow(row.index);
          rows.set(row.index, parts);
        }
        updateRow(parts, row, lastChoicesKey, mapping.choices);
        // Moves a row only when it is out of place: moving a node takes focus from inside it.
        if (at === parts.tr) at = at.nextSibling;
        else body.insertBefore(parts.tr, at);
      }
      for (const [index, parts] of rows) {
        if (seen.has(index)) continue;
        parts.tr.remove();
        rows.delete(index);
      }

      const skipped = mapping.rows.filter((row) => row.field === null).map(columnName);
      setText(ignored, skipped.length === 0 ? "" : `Ignored: ${skipped.join(", ")}.`);
      setShown(ignored, skipped.length > 0);

      const messagesKey = mapping.messages.join("\n");
      if (messagesKey !== shownMessages) {
        clear(messages);
        for (const message of mapping.messages) messages.appendChild(el("li", {}, message));
        shownMessages = messagesKey;
      }
      setShown(messages, mapping.messages.length > 0);

      setDisabled(reset, busy || !mapping.rows.some((row) => row.chosen));

      const read = mapping.rows.length - skipped.length;
      setText(summary, `All ${mapping.rows.length} columns: ${read} read, ${skipped.length} ignored`);
      const layout = mapping.rows.map((row) => `${row.letter}\u0001${row.header}`).join("\u0002");
      if (layout !== shownLayout) {
        shownLayout = layout;
        setOpen(mapping.missing.length > 0 || mapping.rows.length <= OPEN_UP_TO);
      } else if (mapping.missing.length > 0) setOpen(true);
    },
  };
}

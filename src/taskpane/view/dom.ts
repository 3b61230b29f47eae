// DOM helpers for the task pane's view. Every node is made with createElement and every piece of
// text goes in through textContent or a Text node: headers, sheet names and messages quoting cells
// come from the workbook and may hold markup, which must show as text and never be parsed.

type Child = Node | string;

/** An element with literal attributes (names are always written in our code, values may be data). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, string>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const name of Object.keys(attrs)) node.setAttribute(name, attrs[name]);
  for (const child of children) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  return node;
}

/** Writes only on change: rewriting the same text would make screen readers announce it again. */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

export function setShown(node: HTMLElement, shown: boolean): void {
  if (node.hidden === shown) node.hidden = !shown;
}

/** Sets or (with null) removes an attribute, touching the DOM only when it changes. */
export function setAttr(node: Element, name: string, value: string | null): void {
  if (value === null) {
    if (node.hasAttribute(name)) node.removeAttribute(name);
  } else if (node.getAttribute(name) !== value) {
    node.setAttribute(name, value);
  }
}

/**
 * The roles Fluent's components give themselves through ElementInternals, written out as attributes
 * too: tools that read the DOM rather than the accessibility tree (axe, Playwright's role queries)
 * see the same control a screen reader does. Not for radios: there a role attribute would make axe
 * ask for aria-checked and a name in attributes, which the component keeps in its internals.
 */
const ROLES: Readonly<Record<string, string>> = {
  "fluent-button": "button",
  "fluent-listbox": "listbox",
  "fluent-option": "option",
  "fluent-progress-bar": "progressbar",
  "fluent-radio-group": "radiogroup",
};

/** A Fluent UI web component (see fluent.ts), made by tag name; its attributes are its interface. */
export function fluent(tag: `fluent-${string}`, attrs: Readonly<Record<string, string>> = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  if (ROLES[tag]) node.setAttribute("role", ROLES[tag]);
  for (const name of Object.keys(attrs)) node.setAttribute(name, attrs[name]);
  for (const child of children) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  return node;
}

/** Through the attribute, which native controls and Fluent's components both reflect. */
export function setDisabled(control: Element, disabled: boolean): void {
  setAttr(control, "disabled", disabled ? "" : null);
}

export const isDisabled = (control: Element): boolean => control.hasAttribute("disabled");

/**
 * A Fluent dropdown draws its combobox as a button in its own light DOM, which takes no label from
 * the host: the name goes on both (the host's for tests and tools, the button's for screen readers).
 */
export function nameDropdown(dropdown: HTMLElement, name: string): void {
  setAttr(dropdown, "aria-label", name);
  if (nameControl(dropdown) || waiting.has(dropdown)) return;
  // The button comes once the component has rendered, which may be after this render.
  const observer = new MutationObserver(() => {
    if (!nameControl(dropdown)) return;
    observer.disconnect();
    waiting.delete(dropdown);
  });
  waiting.add(dropdown);
  observer.observe(dropdown, { childList: true });
}

const waiting = new WeakSet<HTMLElement>();

/**
 * Names the dropdown's combobox button after the host; false while it has none. The button also
 * says it is closed: the component leaves aria-expanded out until first opened, which a combobox
 * must not.
 */
function nameControl(dropdown: HTMLElement): boolean {
  const control = dropdown.querySelector(':scope > [slot="control"]');
  if (!control) return false;
  setAttr(control, "aria-label", dropdown.getAttribute("aria-label"));
  if (!control.hasAttribute("aria-expanded")) control.setAttribute("aria-expanded", "false");
  return true;
}

/** A Fluent value-bearing control's value (a plain property on an element not yet upgraded). */
export const valueOf = (control: Element): string => String((control as unknown as { value?: unknown }).value ?? "");

export function setValue(control: Element, value: string): void {
  if (valueOf(control) !== value) (control as unknown as { value: string }).value = value;
}

/** replaceChildren is missing from Edge Legacy, which still renders add-ins on some Windows installs. */
export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/**
 * aria-describedby from the ids whose text is currently worth reading (empty ones would read stale
 * text). A Fluent text input keeps its <input> in its shadow root, where ids from the page do not
 * reach: the same elements go to that input by reference (ariaDescribedByElements), where supported.
 */
export function describedBy(control: Element, ids: readonly (string | null)[]): void {
  const list = ids.filter((id): id is string => !!id);
  setAttr(control, "aria-describedby", list.length === 0 ? null : list.join(" "));
  const inner = (control as { control?: unknown }).control;
  if (inner instanceof Element && inner.getRootNode() !== control.ownerDocument && "ariaDescribedByElements" in inner) {
    const doc = control.ownerDocument;
    (inner as { ariaDescribedByElements: Element[] | null }).ariaDescribedByElements = list
      .map((id) => doc.getElementById(id))
      .filter((node): node is HTMLElement => node !== null);
  }
}

/** Ids unique to one view, so two views (tests, or a future second pane) never share a label target. */
export function idMaker(): (name: string) => string {
  const prefix = `cip${++views}-`;
  return (name) => prefix + name;
}
let views = 0;

/** A heading that focus can be moved to (not in the tab order) when the control that had it goes away. */
export function section(id: string, title: string, className = "pane-section"): { root: HTMLElement; heading: HTMLElement } {
  const heading = el("h2", { id, tabindex: "-1" }, title);
  const root = el("section", { class: className, "aria-labelledby": id }, heading);
  return { root, heading };
}

export const formatCount = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-GB") : "0");

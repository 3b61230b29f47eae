// The preview page: a grid of the Excel double's workbook beside the real task pane, which runs in
// its own frame (preview-pane.html: the real taskpane.html with office.js swapped for
// officeShim.ts). The page only draws the workbook and sets its selection; everything the pane does
// goes through Excel.run on the double, as it would in Excel.
import { quoteSheet, type WorkbookDouble } from "../../packages/excel-double";
import { HISTORY_SHEET } from "../taskpane/historyPlan";
import { BRIDGE_KEY, readSpec, type PreviewBridge } from "./bridge";
import { Grid } from "./grid";

const spec = readSpec(window.location.search);

const need = <T extends HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`preview.html has no #${id}`);
  return node as T;
};

const frame = need<HTMLIFrameElement>("pane-frame");
const statusLine = need<HTMLElement>("workbook-status");
const tabs = need<HTMLElement>("tabs");
const nameBox = need<HTMLInputElement>("namebox");

need<HTMLAnchorElement>(`open-${spec.tracker}`).setAttribute("aria-current", "page");
if (spec.tracker === "synthetic") {
  need<HTMLAnchorElement>("open-synthetic").textContent = `Synthetic tracker, ${spec.rows.toLocaleString("en-GB")} rows`;
}

let book: WorkbookDouble | null = null;
let stop: (() => void) | null = null;
let pending = false;

const grid = new Grid(need("grid"), {
  onSelect: (sheet, areas) => {
    if (!book) return;
    book.select(areas.map((a) => `${quoteSheet(sheet)}!${a}`));
    refresh();
  },
});

/** What the status line says when nothing has gone wrong, once the workbook is open. */
let about = "";

function say(text: string, kind: "info" | "error" = "info"): void {
  statusLine.textContent = text;
  statusLine.dataset.kind = kind;
}

/** Redraws once per frame however many syncs the pane made in it. */
function schedule(): void {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    refresh();
  });
}

/** The sheets Excel shows a tab for: the add-in's very hidden run history has none. */
function tabNames(workbook: WorkbookDouble): string[] {
  return workbook.sheetNames().filter((name) => !name.startsWith(HISTORY_SHEET));
}

function refresh(): void {
  if (!book) return;
  const active = book.activeSheet();
  drawTabs(tabNames(book), active);
  if (document.activeElement !== nameBox) {
    nameBox.value = book.selection().map(withoutSheet).join(",");
    nameBox.removeAttribute("aria-invalid");
  }
  void grid.show(book, active);
}

function drawTabs(names: string[], active: string): void {
  const have = [...tabs.children].map((t) => t.textContent ?? "");
  if (have.join("\u0001") !== names.join("\u0001")) {
    while (tabs.firstChild) tabs.removeChild(tabs.firstChild);
    for (const name of names) {
      const tab = document.createElement("button");
      tab.type = "button";
      tab.className = "sheet-tab";
      tab.setAttribute("role", "tab");
      tab.textContent = name;
      tab.addEventListener("click", () => void activate(name));
      tabs.appendChild(tab);
    }
  }
  for (const tab of tabs.children) {
    const selected = tab.textContent === active;
    tab.setAttribute("aria-selected", String(selected));
    (tab as HTMLButtonElement).tabIndex = selected ? 0 : -1;
  }
}

/** Switches sheets through the Excel API, so the sheet keeps its own selection as in Excel. */
async function activate(name: string): Promise<void> {
  if (!book) return;
  await book.run(async (context) => {
    context.workbook.worksheets.getItem(name).activate();
    await context.sync();
  });
  refresh();
}

tabs.addEventListener("keydown", (e) => {
  if (!book || (e.key !== "ArrowLeft" && e.key !== "ArrowRight")) return;
  const names = tabNames(book);
  const at = names.indexOf(book.activeSheet());
  const next = names[(at + (e.key === "ArrowRight" ? 1 : names.length - 1)) % names.length];
  void activate(next).then(() => (tabs.querySelector('[aria-selected="true"]') as HTMLElement | null)?.focus());
});

nameBox.addEventListener("keydown", (e) => {
  if (e.key !== "Enter" || !book) return;
  e.preventDefault();
  const text = nameBox.value.trim();
  const areas = text
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  try {
    if (areas.length === 0) throw new Error("no address");
    book.select(areas.map((a) => (a.includes("!") ? a : `${quoteSheet(book!.activeSheet())}!${a}`)));
    nameBox.removeAttribute("aria-invalid");
    if (about) say(about);
  } catch {
    nameBox.setAttribute("aria-invalid", "true");
    say(`“${text}” is not a cell address on this workbook's sheets (try A1:C10 or Notes!A1:B5).`, "error");
    return;
  }
  refresh();
  // The grid draws after reading the sheet's extent; reveal the selection once it has.
  requestAnimationFrame(() => requestAnimationFrame(() => grid.reveal()));
  grid.focus();
});

function withoutSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang < 0 ? address : address.slice(bang + 1);
}

/** Each load of the frame is a new pane on a new workbook (a reload, or the dev server's live reload). */
frame.addEventListener("load", () => {
  stop?.();
  stop = null;
  book = null;
  const bridge = (frame.contentWindow as (Window & { [BRIDGE_KEY]?: PreviewBridge }) | null)?.[BRIDGE_KEY];
  if (!bridge) {
    say("The task pane's frame did not load the preview's stand-in for office.js; see the browser console.", "error");
    return;
  }
  bridge.ready.then(
    (opened) => {
      book = opened;
      stop = bridge.onChange(schedule);
      const what =
        spec.tracker === "synthetic"
          ? `a synthetic tracker of ${spec.rows.toLocaleString("en-GB")} rows`
          : spec.tracker === "schemes"
            ? "the sample scheme register (one row per scheme)"
            : "the sample trust CIP tracker";
      about = `Sheet Tracker holds ${what}; sheet Notes holds text only. Nothing here is saved.`;
      say(about);
      refresh();
    },
    (error: unknown) =>
      say(`The workbook could not be opened: ${error instanceof Error ? error.message : String(error)}`, "error"),
  );
});

say(
  spec.tracker === "synthetic"
    ? `Building a synthetic tracker of ${spec.rows.toLocaleString("en-GB")} rows…`
    : "Opening the workbook…",
);
frame.src = `preview-pane.html${window.location.search}`;

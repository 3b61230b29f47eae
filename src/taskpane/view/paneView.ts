// The task pane's view: draws a PaneState into a container and reports what the analyst does as
// PaneEvents. The DOM is built once and updated in place on every render, so render stays cheap and
// never takes focus, caret or typed text from the analyst. It knows nothing of Excel.
import { describedBy, el, fluent, idMaker, isDisabled, section, setDisabled, setShown, setText } from "./dom";
import { createMappingTable } from "./mappingTable";
import { createOptionsForm } from "./optionsForm";
import type { PaneEvents, PaneState } from "./paneState";
import { createProblemsList } from "./problemsList";
import { createProgressBar } from "./progressBar";
import { createNewSheetOffer, createResultPanel } from "./resultPanel";
import { createStatusLine } from "./statusLine";

export interface PaneView {
  /** Draws the state; call it on every change. */
  render(state: PaneState): void;
  /** Empties the container and detaches the view (tests, or a pane that starts over). */
  destroy(): void;
}

/** Shown in phase "starting" when the controller has nothing more specific to say. */
export const CONNECTING = "Connecting to Excel…";

/**
 * Elements of the page marked data-pane-boot (its placeholder status, shown before any script ran)
 * are hidden on the first render, so that the pane has one status line.
 */
const BOOT_SELECTOR = "[data-pane-boot]";

export function createPaneView(root: HTMLElement, events: PaneEvents): PaneView {
  const id = idMaker();
  const status = createStatusLine();

  const selection = section(id("selection-heading"), "Tracker");
  const selectionText = el("p", { class: "selection" });
  const readButton = fluent("fluent-button", { type: "button" }, "Use selection");
  readButton.addEventListener("click", () => events.readSelection());
  selection.root.append(selectionText, el("div", { class: "actions" }, readButton));

  const mapping = createMappingTable(id, events);
  const options = createOptionsForm(id, events);
  const analyse = fluent("fluent-button", { type: "button", appearance: "primary", class: "wide" }, "Analyse");
  analyse.addEventListener("click", () => events.analyse());
  const analyseBar = el("div", { class: "actions analyse-bar" }, analyse);
  const progress = createProgressBar(id, events);
  const offer = createNewSheetOffer(events);
  const result = createResultPanel(id);
  const problems = createProblemsList(id);

  const parts = [
    status.root,
    selection.root,
    mapping.root,
    options.root,
    analyseBar,
    progress.root,
    offer.root,
    result.root,
    problems.root,
  ];
  for (const part of parts.slice(1)) part.hidden = true;
  root.classList.add("pane");
  for (const part of parts) root.appendChild(part);

  let last: PaneState | null = null;
  let first = true;

  /** Whether node is showing, judged by the hidden attributes between it and the root. */
  const showing = (node: Element): boolean => {
    for (let at: Element | null = node; at && at !== root; at = at.parentElement) {
      if ((at as HTMLElement).hidden) return false;
    }
    return true;
  };

  /**
   * When the control with focus is hidden or disabled by a render (Analyse once pressed, Cancel once
   * the work is done), the browser drops focus to the page; keyboard users would start again from
   * the top. Move it to the next sensible place instead.
   */
  function keepFocus(had: Element | null): void {
    if (!had || had === root || !root.contains(had)) return;
    if (showing(had) && !isDisabled(had)) return;
    const target = [progress.cancel, result.heading, status.root].find((node) => showing(node) && !isDisabled(node));
    if (target) target.focus();
  }

  function render(state: PaneState): void {
    if (state === last) return;
    last = state;
    const doc = root.ownerDocument;
    const focused = doc.activeElement;
    if (first) {
      first = false;
      root.hidden = false;
      doc.querySelectorAll<HTMLElement>(BOOT_SELECTOR).forEach((node) => (node.hidden = true));
    }

    const phase = state.phase;
    const working = phase !== "starting" && phase !== "unsupported";
    const busy = phase === "running";
    root.dataset.phase = phase;

    status.update(
      phase === "starting" && state.status.text === "" ? { kind: "busy", text: CONNECTING, detail: "" } : state.status,
    );

    setShown(selection.root, working);
    if (working) {
      setText(
        selectionText,
        state.selection !== ""
          ? state.selection
          : "Select your tracker on the sheet, header row included, then press Use selection.",
      );
      selectionText.classList.toggle("hint", state.selection === "");
      setDisabled(readButton, busy);
    }

    const mapped = working && state.mapping !== null;
    setShown(mapping.root, mapped);
    setShown(options.root, mapped);
    setShown(analyseBar, mapped);
    if (state.mapping && mapped) {
      mapping.update(state.mapping, busy);
      options.update(state.options);
      setDisabled(analyse, !state.canAnalyse || busy);
      // Says why Analyse cannot be pressed when the reason is a missing column.
      describedBy(analyse, [state.mapping.missing.length > 0 ? id("missing") : null]);
    }

    progress.update(working ? state.progress : null);
    offer.update(working && state.offerNewSheet, busy);
    result.update(working ? state.result : null);
    problems.update(working ? state.problems : []);

    keepFocus(focused);
  }

  return {
    render,
    destroy() {
      for (const part of parts) part.remove();
      root.classList.remove("pane");
      last = null;
    },
  };
}

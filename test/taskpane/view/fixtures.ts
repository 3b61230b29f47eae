// PaneStates for the view tests: a small tracker, mapped, with every part of the state filled in.
import { vi, type Mock } from "vitest";
import type { PaneEvents, PaneState } from "../../../src/taskpane/view/paneState";

export function baseState(overrides: Partial<PaneState> = {}): PaneState {
  return {
    phase: "mapped",
    status: { kind: "info", text: "Tracker read: 72 organisations.", detail: "" },
    selection: "Sheet1!A1:F73 — 72 rows, 6 columns",
    mapping: {
      rows: [
        { index: 0, letter: "A", header: "Trust", field: "organisation", unit: "", chosen: false, note: "" },
        { index: 1, letter: "B", header: "Annual plan £k", field: "annualPlan", unit: "£k", chosen: false, note: "" },
        { index: 2, letter: "C", header: "YTD Plan", field: "ytdPlan", unit: "£k", chosen: true, note: "" },
        { index: 3, letter: "D", header: "Notes", field: null, unit: "", chosen: false, note: "Not a tracker column." },
      ],
      choices: [
        { field: "organisation", label: "Organisation" },
        { field: "annualPlan", label: "Annual plan" },
        { field: "ytdPlan", label: "YTD plan" },
        { field: "ytdActual", label: "YTD actual" },
      ],
      missing: [],
      messages: ["Two columns could be the annual plan; B was used."],
    },
    options: {
      monthsElapsed: 6,
      monthsElapsedNote: "From the header “M6 YTD”.",
      forecast: "deliveryRatio",
      forecastChoices: [
        { value: "deliveryRatio", label: "Delivery to date, carried on" },
        { value: "runRate", label: "Run rate" },
        { value: "remainingPlan", label: "Remaining plan" },
        { value: "reported", label: "The tracker's own forecast" },
      ],
      outputMode: "values",
      destination: "beside",
      thresholds: [
        { key: "deliveryRag.greenAt", label: "Green at", value: 95, unit: "%" },
        { key: "deliveryRag.amberAt", label: "Amber at", value: 85, unit: "%" },
        { key: "backLoaded", label: "Back-loaded above", value: 1.5, unit: "×" },
      ],
      problems: [],
    },
    progress: null,
    problems: [],
    result: null,
    offerNewSheet: false,
    canAnalyse: true,
    ...overrides,
  };
}

export type SpyEvents = { [K in keyof PaneEvents]: Mock<PaneEvents[K]> };

export function spyEvents(): SpyEvents {
  return {
    readSelection: vi.fn<PaneEvents["readSelection"]>(),
    changeMapping: vi.fn<PaneEvents["changeMapping"]>(),
    resetMapping: vi.fn<PaneEvents["resetMapping"]>(),
    changeOptions: vi.fn<PaneEvents["changeOptions"]>(),
    analyse: vi.fn<PaneEvents["analyse"]>(),
    cancel: vi.fn<PaneEvents["cancel"]>(),
    useNewSheet: vi.fn<PaneEvents["useNewSheet"]>(),
  };
}

/** A fresh #app container in the document, as taskpane.html has it. */
export function appRoot(): HTMLElement {
  document.body.textContent = "";
  const boot = document.createElement("section");
  boot.setAttribute("data-pane-boot", "");
  boot.id = "boot";
  const app = document.createElement("div");
  app.id = "app";
  app.hidden = true;
  document.body.append(boot, app);
  return app;
}

/** A control as the view makes it (a Fluent component, or its stand-in from fluentDoubles.ts). */
export type Control = HTMLElement & { value: string; disabled: boolean; required: boolean };

/** Types into a box as a browser would: new value, then an input event. */
export function type(input: Control, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

export function pick(select: Control, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event("change", { bubbles: true }));
}

/**
 * The control a label names: a <label for> (radios, the forecast dropdown), or a Fluent text
 * input's own slotted label text.
 */
export function labelOf(root: HTMLElement, text: string): Control {
  const label = [...root.querySelectorAll("label")].find((l) => l.textContent!.trim().startsWith(text));
  if (label) {
    const control = document.getElementById(label.htmlFor);
    if (!control) throw new Error(`label "${text}" names no control`);
    return control as Control;
  }
  const box = [...root.querySelectorAll("fluent-text-input")].find((b) => b.textContent!.trim().startsWith(text));
  if (!box) throw new Error(`no label "${text}"`);
  return box as Control;
}

export function button(root: HTMLElement, text: string): Control {
  const found = [...root.querySelectorAll("fluent-button")].find((b) => b.textContent!.trim() === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found as Control;
}

/** Whether node shows, judged by hidden attributes up to the document. */
export function showing(node: Element | null): boolean {
  for (let at = node; at; at = at.parentElement) if ((at as HTMLElement).hidden) return false;
  return node !== null;
}

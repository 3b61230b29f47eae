// @vitest-environment happy-dom
// The task pane's view against happy-dom: what each phase shows, that workbook text stays text, the
// events it fires, that re-rendering keeps the analyst's focus and typing, and its accessibility.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { createPaneView, type PaneView } from "../../../src/taskpane/view/paneView";
import type { PaneState } from "../../../src/taskpane/view/paneState";
import { PROBLEMS_SHOWN } from "../../../src/taskpane/view/problemsList";
import { appRoot, baseState, button, labelOf, pick, showing, spyEvents, type, type Control, type SpyEvents } from "./fixtures";
import { CONTROLS, defineFluentDoubles } from "./fluentDoubles";

defineFluentDoubles();

let root: HTMLElement;
let events: SpyEvents;
let view: PaneView;

beforeEach(() => {
  root = appRoot();
  events = spyEvents();
  view = createPaneView(root, events);
});

const sectionTitled = (title: string): HTMLElement | null => {
  const heading = [...root.querySelectorAll("h2")].find((h) => h.textContent!.startsWith(title));
  return heading ? (heading.closest("section") as HTMLElement) : null;
};
const visibleSections = () =>
  [...root.querySelectorAll("section")].filter((s) => showing(s)).map((s) => s.querySelector("h2, p")!.textContent);

describe("phases", () => {
  it("stays hidden until the first render, then shows itself and hides the page's placeholder status", () => {
    expect(root.hidden).toBe(true);
    expect(document.getElementById("boot")!.hidden).toBe(false);
    view.render(baseState({ phase: "starting", mapping: null, status: { kind: "busy", text: "", detail: "" } }));
    expect(root.hidden).toBe(false);
    expect(document.getElementById("boot")!.hidden).toBe(true);
  });

  it("starting: a connecting status and nothing else", () => {
    view.render(baseState({ phase: "starting", mapping: null, status: { kind: "busy", text: "", detail: "" } }));
    expect(root.querySelector('[role="status"]')!.textContent).toBe("Connecting to Excel…");
    expect(visibleSections()).toEqual([]);
    expect(root.querySelectorAll(CONTROLS).length).toBeGreaterThan(0); // built, but hidden
    expect([...root.querySelectorAll(CONTROLS)].filter(showing)).toEqual([]);
  });

  it("unsupported: only the status, even when the state holds more", () => {
    view.render(
      baseState({
        phase: "unsupported",
        status: { kind: "error", text: "This Excel lacks ExcelApi 1.12.", detail: "Update Office." },
        problems: [{ address: "Sheet1!A1", message: "x" }],
        result: { headlines: ["h"], outputAddress: "Sheet1!G1", summarySheet: "S" },
        offerNewSheet: true,
      }),
    );
    expect(root.textContent).toContain("This Excel lacks ExcelApi 1.12.");
    expect(visibleSections()).toEqual([]);
    expect([...root.querySelectorAll(CONTROLS)].filter(showing)).toEqual([]);
  });

  it("empty: the selection prompt and Use selection, no mapping or options", () => {
    view.render(baseState({ phase: "empty", selection: "", mapping: null, canAnalyse: false }));
    expect(showing(sectionTitled("Tracker"))).toBe(true);
    expect(sectionTitled("Tracker")!.textContent).toContain("Select your tracker");
    expect(showing(button(root, "Use selection"))).toBe(true);
    expect(showing(sectionTitled("Columns"))).toBe(false);
    expect(showing(sectionTitled("Options"))).toBe(false);
    expect(showing(button(root, "Analyse"))).toBe(false);
  });

  it("mapped: the selection, one row per column with letter, header, unit and dropdown, and the options", () => {
    view.render(baseState());
    expect(sectionTitled("Tracker")!.textContent).toContain("Sheet1!A1:F73 — 72 rows, 6 columns");
    const rows = root.querySelectorAll("tbody tr");
    expect(rows.length).toBe(4);
    expect(rows[1].textContent).toContain("B");
    expect(rows[1].textContent).toContain("Annual plan £k");
    expect(rows[1].querySelector(".map-unit")!.textContent).toBe("£k");
    const select = rows[1].querySelector("fluent-dropdown") as Control & { options: HTMLElement[] };
    expect(select.options.map((o) => o.textContent)).toEqual([
      "Ignore this column",
      "Organisation",
      "Annual plan",
      "YTD plan",
      "YTD actual",
    ]);
    expect(select.value).toBe("annualPlan");
    expect((rows[3].querySelector("fluent-dropdown") as Control).value).toBe("");
    expect(showing(sectionTitled("Options"))).toBe(true);
    expect(showing(button(root, "Analyse"))).toBe(true);
  });

  it("mapped: marks changed rows, names ignored columns, lists messages and makes missing fields prominent", () => {
    const state = baseState();
    view.render({
      ...state,
      mapping: { ...state.mapping!, missing: ["YTD actual is missing: choose the column that holds it."] },
      canAnalyse: false,
    });
    const rows = root.querySelectorAll("tbody tr");
    expect(rows[2].classList.contains("is-changed")).toBe(true);
    expect(showing(rows[2].querySelector(".tag"))).toBe(true);
    expect(showing(rows[1].querySelector(".tag"))).toBe(false);
    expect(rows[3].textContent).toContain("Not a tracker column.");
    expect(root.querySelector(".ignored")!.textContent).toBe("Ignored: D “Notes”.");
    expect(root.querySelector(".messages")!.textContent).toBe("Two columns could be the annual plan; B was used.");
    const missing = root.querySelector(".missing-box")!;
    expect(showing(missing)).toBe(true);
    expect(missing.textContent).toContain("YTD actual is missing");
    // Analyse says why it cannot be pressed.
    expect(button(root, "Analyse").getAttribute("aria-describedby")).toBe(missing.id);
  });

  it("running: progress with a count in words and Cancel when cancellable", () => {
    view.render(
      baseState({
        phase: "running",
        status: { kind: "busy", text: "Reading the tracker…", detail: "" },
        progress: { label: "Reading rows", done: 12000, total: 100000, cancellable: true },
        canAnalyse: false,
      }),
    );
    const progress = root.querySelector("fluent-progress-bar")!;
    expect(showing(progress)).toBe(true);
    expect(progress.getAttribute("value")).toBe("12000");
    expect(progress.getAttribute("max")).toBe("100000");
    expect(root.querySelector(".progress-count")!.textContent).toBe("12,000 of 100,000 rows");
    expect(root.querySelector(".progress-label")!.textContent).toBe("Reading rows");
    expect(showing(button(root, "Cancel"))).toBe(true);
    expect(button(root, "Analyse").disabled).toBe(true);
    expect(button(root, "Use selection").disabled).toBe(true);

    view.render(
      baseState({ phase: "running", progress: { label: "Writing", done: 5, total: 10, cancellable: false }, canAnalyse: false }),
    );
    expect(showing(button(root, "Cancel"))).toBe(false);
  });

  it("running before the total is known: an indeterminate bar", () => {
    view.render(
      baseState({ phase: "running", mapping: null, progress: { label: "Reading", done: 0, total: 0, cancellable: true } }),
    );
    expect(root.querySelector("fluent-progress-bar")!.hasAttribute("value")).toBe(false);
  });

  it("done: headlines, where the output went and the summary sheet", () => {
    view.render(
      baseState({
        phase: "done",
        status: { kind: "success", text: "Analysis written.", detail: "" },
        result: {
          headlines: ["49 of 72 organisations (68%) are behind plan to date.", "5 meet all three distress tests."],
          outputAddress: "Sheet1!P1:AC73",
          summarySheet: "CIP summary",
        },
      }),
    );
    const result = sectionTitled("Results")!;
    expect(showing(result)).toBe(true);
    expect([...result.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
      "49 of 72 organisations (68%) are behind plan to date.",
      "5 meet all three distress tests.",
    ]);
    expect(result.textContent).toContain("Written to Sheet1!P1:AC73.");
    expect(result.textContent).toContain("CIP summary");
    expect(showing(root.querySelector(".offer"))).toBe(false);
  });

  it("offers a new sheet when the cells beside the data are taken", () => {
    view.render(baseState({ offerNewSheet: true }));
    expect(showing(root.querySelector(".offer"))).toBe(true);
    button(root, "Write on a new sheet").click();
    expect(events.useNewSheet).toHaveBeenCalledTimes(1);
  });
});

describe("workbook text is text", () => {
  const MARKUP = "<img src=x onerror=alert(1)>";

  it("shows markup in headers, notes, messages, selection, status, problems and results as text, creating no elements", () => {
    const state = baseState();
    view.render({
      ...state,
      status: { kind: "error", text: MARKUP, detail: MARKUP },
      selection: `${MARKUP}!A1:D5`,
      mapping: {
        ...state.mapping!,
        rows: state.mapping!.rows.map((row) => ({ ...row, header: MARKUP, note: MARKUP })),
        missing: [MARKUP],
        messages: [MARKUP],
      },
      options: { ...state.options, monthsElapsedNote: MARKUP, problems: [{ key: "", message: MARKUP }] },
      problems: [{ address: `'${MARKUP}'!A1`, message: MARKUP }],
      result: { headlines: [MARKUP], outputAddress: MARKUP, summarySheet: MARKUP },
    });
    expect(root.querySelector("img")).toBeNull();
    expect(document.querySelector("img")).toBeNull();
    expect(root.querySelector("tbody tr .map-header")!.textContent).toBe(MARKUP);
    expect(root.textContent!.split(MARKUP).length - 1).toBeGreaterThanOrEqual(15);
    // The dropdown's name quotes the header, as an attribute value (never parsed).
    expect(root.querySelector("tbody fluent-dropdown")!.getAttribute("aria-label")).toBe(`Read column A “${MARKUP}” as`);
  });

  it("no view source uses innerHTML, outerHTML, insertAdjacentHTML or document.write", () => {
    const dir = join(__dirname, "../../../src/taskpane/view");
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const source = readFileSync(join(dir, file), "utf8");
      expect(source, file).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment/);
    }
  });
});

describe("events", () => {
  beforeEach(() => view.render(baseState()));

  it("Use selection → readSelection()", () => {
    button(root, "Use selection").click();
    expect(events.readSelection).toHaveBeenCalledTimes(1);
  });

  it("a mapping dropdown → changeMapping(index, field), and null for Ignore", () => {
    const selects = root.querySelectorAll<Control>("tbody fluent-dropdown");
    pick(selects[3], "ytdActual");
    expect(events.changeMapping).toHaveBeenLastCalledWith(3, "ytdActual");
    pick(selects[1], "");
    expect(events.changeMapping).toHaveBeenLastCalledWith(1, null);
  });

  it("Reset to recognised → resetMapping(), enabled only when a column was chosen by hand", () => {
    const reset = button(root, "Reset to recognised");
    expect(reset.disabled).toBe(false);
    reset.click();
    expect(events.resetMapping).toHaveBeenCalledTimes(1);
    const state = baseState();
    view.render({ ...state, mapping: { ...state.mapping!, rows: state.mapping!.rows.map((r) => ({ ...r, chosen: false })) } });
    expect(reset.disabled).toBe(true);
  });

  it("months elapsed → a number, and null when cleared", () => {
    const months = labelOf(root, "Months elapsed");
    expect(months.getAttribute("inputmode")).toBe("numeric");
    type(months, "7");
    expect(events.changeOptions).toHaveBeenLastCalledWith({ monthsElapsed: 7 });
    type(months, "");
    expect(events.changeOptions).toHaveBeenLastCalledWith({ monthsElapsed: null });
  });

  it("forecast, output mode and destination → their typed values", () => {
    pick(labelOf(root, "Year-end forecast"), "runRate");
    expect(events.changeOptions).toHaveBeenLastCalledWith({ forecast: "runRate" });
    labelOf(root, "Live formulas (CIP.*)").click();
    expect(events.changeOptions).toHaveBeenLastCalledWith({ outputMode: "live" });
    labelOf(root, "Portable formulas").click();
    expect(events.changeOptions).toHaveBeenLastCalledWith({ outputMode: "portable" });
    labelOf(root, "New sheet").click();
    expect(events.changeOptions).toHaveBeenLastCalledWith({ destination: "newSheet" });
  });

  it("a threshold → its key and number; text that is not a number → NaN", () => {
    const amber = labelOf(root, "Green at");
    type(amber, "90");
    expect(events.changeOptions).toHaveBeenLastCalledWith({ threshold: { key: "deliveryRag.greenAt", value: 90 } });
    type(amber, "92.5%");
    expect(events.changeOptions).toHaveBeenLastCalledWith({ threshold: { key: "deliveryRag.greenAt", value: 92.5 } });
    type(amber, "abc");
    expect(events.changeOptions).toHaveBeenLastCalledWith({ threshold: { key: "deliveryRag.greenAt", value: NaN } });
    type(amber, "");
    expect(events.changeOptions).toHaveBeenLastCalledWith({ threshold: { key: "deliveryRag.greenAt", value: NaN } });
  });

  it("Analyse → analyse(); Cancel → cancel()", () => {
    button(root, "Analyse").click();
    expect(events.analyse).toHaveBeenCalledTimes(1);
    view.render(baseState({ phase: "running", progress: { label: "Writing", done: 1, total: 2, cancellable: true } }));
    button(root, "Cancel").click();
    expect(events.cancel).toHaveBeenCalledTimes(1);
  });
});

describe("re-rendering", () => {
  it("keeps the same inputs, focus and typed text (a half-typed value is not rewritten)", () => {
    let state = baseState();
    view.render(state);
    const amber = labelOf(root, "Green at");
    const select = root.querySelectorAll<Control>("tbody fluent-dropdown")[2];
    amber.focus();
    type(amber, "9");
    // The controller answers every keystroke with a new state, here already holding the 9.
    const withValue = (value: number, s: PaneState): PaneState => ({
      ...s,
      options: {
        ...s.options,
        thresholds: s.options.thresholds.map((t) => (t.key === "deliveryRag.greenAt" ? { ...t, value } : t)),
      },
    });
    state = withValue(9, { ...state, status: { kind: "info", text: "Changed.", detail: "" } });
    view.render(state);
    expect(labelOf(root, "Green at")).toBe(amber);
    expect(document.activeElement).toBe(amber);
    expect(amber.value).toBe("9");
    type(amber, "90.");
    view.render(withValue(90, state));
    expect(amber.value).toBe("90.");
    expect(document.activeElement).toBe(amber);
    expect(root.querySelectorAll<Control>("tbody fluent-dropdown")[2]).toBe(select);
  });

  it("keeps focus on a mapping dropdown across the render its change causes", () => {
    const state = baseState();
    view.render(state);
    const select = root.querySelectorAll<Control>("tbody fluent-dropdown")[3];
    select.focus();
    pick(select, "ytdActual");
    view.render({
      ...state,
      mapping: {
        ...state.mapping!,
        rows: state.mapping!.rows.map((r) => (r.index === 3 ? { ...r, field: "ytdActual", chosen: true } : r)),
      },
    });
    expect(root.querySelectorAll("tbody fluent-dropdown")[3]).toBe(select);
    expect(document.activeElement).toBe(select);
    expect(select.value).toBe("ytdActual");
  });

  it("keeps bad text the analyst typed, and shows the state's value when the state itself changes", () => {
    const state = baseState();
    view.render(state);
    const red = labelOf(root, "Amber at");
    red.focus();
    type(red, "abc");
    red.blur();
    const problem = { key: "deliveryRag.amberAt", message: "Amber at must be a number." };
    view.render({ ...state, options: { ...state.options, problems: [problem] } });
    expect(red.value).toBe("abc");
    // A new tracker read with other thresholds: the box follows the state.
    view.render({
      ...state,
      options: {
        ...state.options,
        thresholds: state.options.thresholds.map((t) => (t.key === "deliveryRag.amberAt" ? { ...t, value: 80 } : t)),
      },
    });
    expect(red.value).toBe("80");
  });

  it("months elapsed: empty and required when null, filled when known", () => {
    const state = baseState();
    view.render({
      ...state,
      options: { ...state.options, monthsElapsed: null, monthsElapsedNote: "No month found in the headers." },
    });
    const months = labelOf(root, "Months elapsed");
    expect(months.value).toBe("");
    expect(months.required).toBe(true);
    const note = document.getElementById(months.getAttribute("aria-describedby")!)!;
    expect(note.textContent).toBe("No month found in the headers.");
    view.render(state);
    expect(months.value).toBe("6");
    expect(months.required).toBe(false);
  });

  it("moves focus from Analyse to Cancel when a run starts, and to the results when it ends", () => {
    view.render(baseState());
    const analyse = button(root, "Analyse");
    analyse.focus();
    view.render(
      baseState({ phase: "running", canAnalyse: false, progress: { label: "Writing", done: 0, total: 9, cancellable: true } }),
    );
    expect(document.activeElement).toBe(button(root, "Cancel"));
    view.render(baseState({ phase: "done", result: { headlines: ["Done."], outputAddress: "Sheet1!G1:T73", summarySheet: "" } }));
    expect(document.activeElement).toBe(sectionTitled("Results")!.querySelector("h2"));
  });

  it("does nothing for the same state object", () => {
    const state = baseState();
    view.render(state);
    const before = root.querySelector(".pane-status-text")!;
    before.textContent = "tampered";
    view.render(state);
    expect(before.textContent).toBe("tampered");
  });

  it("follows a new tracker: rows added and removed by column", () => {
    const state = baseState();
    view.render(state);
    const kept = root.querySelectorAll("tbody tr")[0];
    view.render({ ...state, mapping: { ...state.mapping!, rows: state.mapping!.rows.slice(0, 2) } });
    expect(root.querySelectorAll("tbody tr").length).toBe(2);
    expect(root.querySelectorAll("tbody tr")[0]).toBe(kept);
  });
});

describe("Analyse", () => {
  it("is disabled unless canAnalyse", () => {
    view.render(baseState({ canAnalyse: false }));
    expect(button(root, "Analyse").disabled).toBe(true);
    view.render(baseState({ canAnalyse: true }));
    expect(button(root, "Analyse").disabled).toBe(false);
  });
});

describe("accessibility", () => {
  it("every input and dropdown has a label (label for, aria-label or aria-labelledby), every button text", () => {
    const state = baseState();
    view.render({
      ...state,
      phase: "running",
      progress: { label: "Writing", done: 1, total: 2, cancellable: true },
      result: { headlines: ["x"], outputAddress: "A1", summarySheet: "S" },
      offerNewSheet: true,
    });
    const controls = [
      ...root.querySelectorAll<HTMLElement>(
        "fluent-text-input, fluent-dropdown, fluent-progress-bar, fluent-radio-group, fluent-radio",
      ),
    ];
    expect(controls.length).toBeGreaterThanOrEqual(4 + 1 + 1 + 3 + 2 + 3 + 1);
    for (const control of controls) {
      const labelled =
        (control.id !== "" && root.querySelector(`label[for="${control.id}"]`)?.textContent?.trim()) ||
        // A Fluent text input's slotted content is the <label> of its <input>.
        (control.localName === "fluent-text-input" && control.textContent!.trim()) ||
        control.getAttribute("aria-label") ||
        (control.getAttribute("aria-labelledby") ?? "")
          .split(" ")
          .map((id) => document.getElementById(id)?.textContent ?? "")
          .join("")
          .trim();
      expect(labelled, control.outerHTML).toBeTruthy();
    }
    for (const b of root.querySelectorAll("fluent-button")) {
      expect(b.getAttribute("type")).toBe("button");
      expect(b.textContent!.trim()).not.toBe("");
    }
    const ids = [...root.querySelectorAll("[id]")].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("the radio groups are labelled radio groups, each option explained in its label", () => {
    view.render(baseState());
    const groups = [...root.querySelectorAll("fluent-radio-group")];
    expect(groups.map((g) => document.getElementById(g.getAttribute("aria-labelledby")!)!.textContent)).toEqual([
      "Write the results as",
      "Put them",
    ]);
    for (const radio of root.querySelectorAll("fluent-radio")) {
      const why = root.querySelector(`label[for="${radio.id}"] .choice-why`);
      expect(why!.textContent!.length).toBeGreaterThan(10);
    }
    expect(labelOf(root, "Values")).toHaveProperty("checked", true);
  });

  it("status in a polite live region; errors in an alert region", () => {
    view.render(baseState({ status: { kind: "info", text: "Tracker read.", detail: "72 rows." } }));
    const polite = root.querySelector('[role="status"]')!;
    const alert = root.querySelector('[role="alert"]')!;
    expect(polite.getAttribute("aria-live")).toBe("polite");
    expect(polite.textContent).toBe("Tracker read.72 rows.");
    expect(alert.textContent).toBe("");
    view.render(baseState({ status: { kind: "error", text: "The selection is empty.", detail: "" } }));
    expect(alert.textContent).toBe("The selection is empty.");
    expect(polite.textContent).toBe("");
    expect(root.querySelector(".pane-status")!.getAttribute("data-kind")).toBe("error");
  });

  it("threshold problems sit beside their box, named by aria-describedby, with aria-invalid; the section opens", () => {
    const state = baseState();
    view.render(state);
    const details = root.querySelector(".threshold-details")!;
    expect(details.hasAttribute("expanded")).toBe(false);
    view.render({
      ...state,
      options: {
        ...state.options,
        problems: [
          { key: "deliveryRag.amberAt", message: "Amber at must be below green at." },
          { key: "", message: "Some settings cannot be used." },
        ],
      },
    });
    const red = labelOf(root, "Amber at");
    expect(red.getAttribute("aria-invalid")).toBe("true");
    const described = document.getElementById(red.getAttribute("aria-describedby")!)!;
    expect(described.textContent).toBe("Amber at must be below green at.");
    expect(showing(described)).toBe(true);
    expect(labelOf(root, "Green at").hasAttribute("aria-invalid")).toBe(false);
    expect(details.hasAttribute("expanded")).toBe(true);
    expect(root.querySelector(".form-problems")!.textContent).toBe("Some settings cannot be used.");
    // Solved: the mark goes.
    view.render(state);
    expect(red.hasAttribute("aria-invalid")).toBe(false);
    expect(red.hasAttribute("aria-describedby")).toBe(false);
  });

  it("threshold labels carry the unit for screen readers; the suffix shows it", () => {
    view.render(baseState());
    const amber = labelOf(root, "Green at");
    // The text input's label is its slotted content but for the suffix, which goes in its end slot.
    const label = [...amber.childNodes].filter((n) => !(n instanceof Element && n.hasAttribute("slot")));
    expect(label.map((n) => n.textContent).join("")).toBe("Green at (per cent)");
    expect(amber.querySelector('[slot="end"].suffix')!.textContent).toBe("%");
    const backLoaded = labelOf(root, "Back-loaded above");
    expect(backLoaded.value).toBe("1.5");
    expect(backLoaded.querySelector(".suffix")!.textContent).toBe("×");
  });
});

describe("problems list", () => {
  it(`shows the first ${PROBLEMS_SHOWN} with address and message, and how many more`, () => {
    const problems = Array.from({ length: 1234 }, (_, i) => ({ address: `Sheet1!D${i + 2}`, message: `Not a number: "x${i}".` }));
    view.render(baseState({ phase: "done", problems }));
    const section = sectionTitled("Problems in the data")!;
    expect(section.querySelector("h2")!.textContent).toBe("Problems in the data (1,234)");
    const items = section.querySelectorAll("li");
    expect(items.length).toBe(PROBLEMS_SHOWN);
    expect(items[0].querySelector(".problem-address")!.textContent).toBe("Sheet1!D2");
    expect(items[0].textContent).toBe('Sheet1!D2 Not a number: "x0".');
    expect(section.querySelector(".more")!.textContent).toBe("…and 1,184 more.");
  });

  it("hidden with no problems; no 'more' line when all fit", () => {
    view.render(baseState());
    expect(sectionTitled("Problems in the data")!.hidden).toBe(true);
    view.render(baseState({ problems: [{ address: "Sheet1!B3", message: "Negative plan." }] }));
    expect(sectionTitled("Problems in the data")!.hidden).toBe(false);
    expect(root.querySelector(".more")!.hasAttribute("hidden")).toBe(true);
  });
});

describe("destroy", () => {
  it("empties the container", () => {
    view.render(baseState());
    view.destroy();
    expect(root.childNodes.length).toBe(0);
  });
});

describe("the column list of a wide tracker", () => {
  const wide = (missing: string[] = []): PaneState => {
    const base = baseState();
    const rows = Array.from({ length: 30 }, (_, i) => ({
      index: i,
      letter: String.fromCharCode(65 + (i % 26)) + (i >= 26 ? "A" : ""),
      header: `Column ${i + 1}`,
      field: i === 0 ? ("organisation" as const) : null,
      unit: "",
      chosen: false,
      note: "",
    }));
    return baseState({ mapping: { ...base.mapping!, rows, missing } });
  };
  // A Fluent accordion item, open while it has the expanded attribute (which it reflects when clicked).
  const list = () => root.querySelector(".map-details")!;
  const open = () => list().hasAttribute("expanded");

  it("starts closed, with a summary, when nothing is missing, so Analyse stays in reach", () => {
    view.render(wide());
    expect(open()).toBe(false);
    expect(list().querySelector('[slot="heading"]')!.textContent).toBe("All 30 columns: 1 read, 29 ignored");
  });

  it("starts open when a required column is missing", () => {
    view.render(wide(["YTD actual is missing."]));
    expect(open()).toBe(true);
  });

  it("starts open for a small tracker", () => {
    view.render(baseState());
    expect(open()).toBe(true);
  });

  it("keeps the analyst's opening while the same tracker is shown, and sets it afresh for another", () => {
    view.render(wide());
    list().setAttribute("expanded", "");
    view.render({ ...wide(), status: { kind: "info", text: "Changed.", detail: "" } });
    expect(open()).toBe(true);
    const other = wide();
    view.render({
      ...other,
      mapping: { ...other.mapping!, rows: other.mapping!.rows.map((r) => ({ ...r, header: `${r.header}!` })) },
    });
    expect(open()).toBe(false);
  });
});

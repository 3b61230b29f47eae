// @vitest-environment happy-dom
// The Options form's scheme register part: hidden unless rows are schemes; the year, dimensions,
// weights and stage words it shows and the changes it reports; a problem beside its own box.
import { beforeEach, describe, expect, it } from "vitest";
import { createPaneView, type PaneView } from "../../../src/taskpane/view/paneView";
import type { SchemeOptionsView } from "../../../src/taskpane/view/paneState";
import { appRoot, baseState, button, labelOf, showing, spyEvents, type, type Control, type SpyEvents } from "./fixtures";
import { defineFluentDoubles } from "./fluentDoubles";

defineFluentDoubles();

let root: HTMLElement;
let events: SpyEvents;
let view: PaneView;

beforeEach(() => {
  root = appRoot();
  events = spyEvents();
  view = createPaneView(root, events);
});

const scheme: SchemeOptionsView = {
  financialYear: null,
  years: [
    { year: null, label: "The year of the run (2026/27)" },
    { year: 2025, label: "2025/26" },
    { year: 2026, label: "2026/27" },
  ],
  weights: [
    { key: "stageWeights.planning", label: "Stage: Planning (PID)", percent: 50 },
    { key: "likelihoodWeights.high", label: "Likelihood: High", percent: 90 },
  ],
  stageWords: [{ word: "Gate 3", stage: "businessCase" }],
  stages: [
    { stage: "planning", label: "Planning (PID)" },
    { stage: "businessCase", label: "Business case approved" },
  ],
  dimensions: [
    { dimension: "organisation", label: "Organisation", checked: true },
    { dimension: "stage", label: "Stage", checked: true },
  ],
};

function render(s: SchemeOptionsView | null, problems: { key: string; message: string }[] = []) {
  const state = baseState({ phase: "mapped" });
  view.render({ ...state, options: { ...state.options, scheme: s, problems } });
}

describe("scheme register options", () => {
  it("are hidden when rows are not schemes", () => {
    render(null);
    expect(showing(root.querySelector("#" + CSS.escape(labelOf(root, "Financial year analysed").id)))).toBe(false);
  });

  it("show the year, dimensions, weights and stage words, and report each change", () => {
    render(scheme);
    const year = labelOf(root, "Financial year analysed") as unknown as HTMLSelectElement;
    expect(showing(year)).toBe(true);
    expect([...year.options].map((o) => o.textContent)).toEqual(["The year of the run (2026/27)", "2025/26", "2026/27"]);
    year.value = "2025";
    year.dispatchEvent(new Event("change"));
    expect(events.changeOptions).toHaveBeenLastCalledWith({ scheme: { financialYear: 2025 } });

    const stage = labelOf(root, "Stage") as unknown as HTMLInputElement;
    expect(stage.checked).toBe(true);
    stage.checked = false;
    stage.dispatchEvent(new Event("change"));
    expect(events.changeOptions).toHaveBeenLastCalledWith({ scheme: { dimensions: ["organisation"] } });

    const planning = labelOf(root, "Stage: Planning (PID)");
    expect(planning.value).toBe("50");
    type(planning, "40");
    expect(events.changeOptions).toHaveBeenLastCalledWith({ scheme: { weight: { key: "stageWeights.planning", percent: 40 } } });

    expect(root.textContent).toContain("“Gate 3” means Business case approved");
    type(labelOf(root, "Your word for a stage"), "Gateway 2");
    (root.querySelector("select[aria-label='Stage it means']") as HTMLSelectElement).value = "planning";
    button(root, "Map word").click();
    expect(events.changeOptions).toHaveBeenLastCalledWith({ scheme: { stageWord: { word: "Gateway 2", stage: "planning" } } });
    button(root, "Remove").click();
    expect(events.changeOptions).toHaveBeenLastCalledWith({ scheme: { stageWord: { word: "Gate 3", stage: null } } });
  });

  it("put a weight's problem beside its box, not in the form's list", () => {
    const message = "Stage: Planning (PID): a weight is from 0% to 100%; got 150%.";
    render(scheme, [{ key: "stageWeights.planning", message }]);
    const box: Control = labelOf(root, "Stage: Planning (PID)");
    expect(box.getAttribute("aria-invalid")).toBe("true");
    const problem = document.getElementById(box.getAttribute("aria-describedby")!)!;
    expect(problem.textContent).toBe(message);
    expect(showing(problem)).toBe(true);
    expect(showing(root.querySelector(".form-problems"))).toBe(false);
  });
});

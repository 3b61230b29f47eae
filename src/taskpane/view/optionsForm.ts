// The analysis options: months elapsed, forecast, output mode, destination and the thresholds.
// Boxes the analyst types in are typedInputs (their text is the analyst's while they type); the
// rest are set from the state on every render, which never moves focus. The controls are Fluent's
// text inputs, dropdown and radio groups (fluent.ts registers them); a text input's label is its
// own slotted content, drawn as a <label> for its <input> inside it.
import { clear, describedBy, el, fluent, nameDropdown, section, setAttr, setShown, setText, setValue, valueOf } from "./dom";
import type { Destination, ForecastChoice, OptionsView, OutputMode, PaneEvents, ThresholdView } from "./paneState";
import { createSchemeOptionsForm } from "./schemeOptionsForm";
import { formatNumber, parseMonths, parseThreshold, sameNumber, typedInput, type TextBox, type TypedInput } from "./typedInput";

export const OUTPUT_MODES: readonly { value: OutputMode; label: string; explanation: string }[] = [
  { value: "values", label: "Values", explanation: "Plain numbers: they stay as they are if the data changes." },
  {
    value: "live",
    label: "Live formulas (CIP.*)",
    explanation: "CIP.* formulas that recalculate with the data; they need this add-in wherever the workbook is opened.",
  },
  {
    value: "portable",
    label: "Portable formulas",
    explanation: "Ordinary Excel formulas that recalculate with the data, without the add-in.",
  },
];

export const DESTINATIONS: readonly { value: Destination; label: string; explanation: string }[] = [
  { value: "beside", label: "Beside the data", explanation: "In the empty columns to the right of the tracker." },
  { value: "newSheet", label: "New sheet", explanation: "On a new worksheet, leaving the tracker's sheet as it is." },
];

/** Problem keys of the controls other than thresholds (the OptionsChange member names). */
const MONTHS_KEY = "monthsElapsed";

export interface OptionsForm {
  readonly root: HTMLElement;
  readonly heading: HTMLElement;
  update(options: OptionsView): void;
}

interface Slot {
  readonly problem: HTMLElement;
  readonly control: HTMLElement;
  /** Ids the control is always described by, before the problem. */
  readonly base: readonly string[];
}

interface ThresholdParts extends Slot {
  readonly row: HTMLElement;
  readonly label: HTMLElement;
  readonly unitName: HTMLElement;
  readonly suffix: HTMLElement;
  readonly box: TypedInput<number>;
}

const UNIT_NAMES: Readonly<Record<ThresholdView["unit"], string>> = { "%": "per cent", "×": "times" };

function problemSlot(id: string): HTMLElement {
  const p = el("p", { class: "field-problem", id });
  p.hidden = true;
  return p;
}

function showProblem(slot: Slot, message: string): void {
  setText(slot.problem, message);
  setShown(slot.problem, message !== "");
  setAttr(slot.control, "aria-invalid", message !== "" ? "true" : null);
  describedBy(slot.control, [...slot.base, message !== "" ? slot.problem.id : null]);
}

interface RadioGroup<T extends string> {
  readonly root: HTMLElement;
  readonly group: HTMLElement;
  /** Shows value as chosen, without reporting it as the analyst's pick. */
  show(value: T): void;
}

function radioGroup<T extends string>(
  id: (name: string) => string,
  name: string,
  legend: string,
  items: readonly { value: T; label: string; explanation: string }[],
  onPick: (value: T) => void,
): RadioGroup<T> {
  const legendId = id(`${name}-legend`);
  const group = fluent("fluent-radio-group", {
    id: id(`${name}-group`),
    name: id(name),
    orientation: "vertical",
    "aria-labelledby": legendId,
  });
  const root = el("div", { class: "choice-group" }, el("p", { class: "group-label", id: legendId }, legend), group);
  const radios = new Map<T, HTMLElement>();
  let picked = "";
  const mark = (value: string) => {
    for (const [key, radio] of radios) setAttr(radio, "aria-checked", key === value ? "true" : "false");
  };
  group.addEventListener("change", () => {
    const value = valueOf(group);
    mark(value);
    // The group also reports a value set by render; only the analyst's picks are news.
    const item = items.find((i) => i.value === value);
    if (item && value !== picked) {
      picked = value;
      onPick(item.value);
    }
  });
  for (const item of items) {
    const radioId = id(`${name}-${item.value}`);
    // The component keeps its role and checked state in its internals, but the group writes
    // aria-posinset and aria-setsize on it as attributes: the role, checked state and name go in
    // attributes too (kept by mark below), so that every reading of the page agrees. The
    // explanation is part of the label.
    const radio = fluent("fluent-radio", {
      id: radioId,
      value: item.value,
      role: "radio",
      "aria-checked": "false",
      "aria-labelledby": `${radioId}-label`,
    });
    radios.set(item.value, radio);
    group.appendChild(
      el(
        "div",
        { class: "choice" },
        radio,
        el(
          "label",
          { for: radioId, id: `${radioId}-label` },
          item.label,
          el("span", { class: "choice-why" }, ` ${item.explanation}`),
        ),
      ),
    );
  }
  return {
    root,
    group,
    show(value) {
      picked = value;
      // The checked attribute holds the choice until the group runs; then the group's value does.
      for (const [key, radio] of radios) setAttr(radio, "checked", key === value ? "" : null);
      setValue(group, value);
      mark(value);
    },
  };
}

export function createOptionsForm(id: (name: string) => string, events: PaneEvents): OptionsForm {
  const { root, heading } = section(id("options-heading"), "Options");
  const formProblems = el("ul", { class: "form-problems" });
  const formProblemsBar = fluent("fluent-message-bar", { intent: "error", layout: "multiline" }, formProblems);
  formProblems.hidden = true;

  // Months elapsed.
  const monthsInput = fluent(
    "fluent-text-input",
    { type: "text", id: id("months"), class: "input-short", inputmode: "numeric", autocomplete: "off" },
    "Months elapsed (1–12)",
  ) as TextBox;
  const monthsNote = el("p", { class: "hint", id: id("months-note") });
  const months: Slot & { box: TypedInput<number | null> } = {
    problem: problemSlot(id("months-problem")),
    control: monthsInput,
    base: [],
    box: typedInput(monthsInput, parseMonths, formatNumber, sameNumber, (value) =>
      events.changeOptions({ monthsElapsed: value }),
    ),
  };
  const monthsField = el("div", { class: "field" }, monthsInput, monthsNote, months.problem);

  // Forecast.
  const forecastList = fluent("fluent-listbox");
  const forecastSelect = fluent("fluent-dropdown", { id: id("forecast"), class: "wide" }, forecastList);
  let forecastShown = "";
  forecastSelect.addEventListener("change", () => {
    const value = valueOf(forecastSelect) as ForecastChoice;
    if (forecastValues.has(value) && value !== forecastShown) {
      forecastShown = value;
      events.changeOptions({ forecast: value });
    }
  });
  const forecast: Slot = { problem: problemSlot(id("forecast-problem")), control: forecastSelect, base: [] };
  const forecastField = el(
    "div",
    { class: "field" },
    el("label", { class: "field-label", for: forecastSelect.id }, "Year-end forecast"),
    forecastSelect,
    forecast.problem,
  );
  let forecastKey = "";
  let forecastValues: ReadonlySet<string> = new Set();

  // Output mode and destination.
  const output = radioGroup(id, "output", "Write the results as", OUTPUT_MODES, (value) =>
    events.changeOptions({ outputMode: value }),
  );
  const outputSlot: Slot = { problem: problemSlot(id("output-problem")), control: output.group, base: [] };
  output.root.appendChild(outputSlot.problem);
  const destination = radioGroup(id, "destination", "Put them", DESTINATIONS, (value) =>
    events.changeOptions({ destination: value }),
  );
  const destinationSlot: Slot = { problem: problemSlot(id("destination-problem")), control: destination.group, base: [] };
  destination.root.appendChild(destinationSlot.problem);

  // Thresholds, out of the way until wanted.
  const thresholdList = el("div", { class: "thresholds" });
  const details = fluent(
    "fluent-accordion-item",
    { class: "threshold-details" },
    el("span", { slot: "heading" }, "Thresholds"),
    el("p", { class: "hint" }, "The limits behind the RAG ratings and warning flags."),
    thresholdList,
  );
  const thresholds = new Map<string, ThresholdParts>();
  let thresholdCount = 0;
  let hadThresholdProblem = false;
  let shownGeneral = "";

  function makeThreshold(key: string): ThresholdParts {
    const inputId = id(`threshold-${++thresholdCount}`);
    const label = el("span", {});
    // The suffix is for the eye; the label carries the unit for screen readers.
    const unitName = el("span", { class: "visually-hidden" });
    const suffix = el("span", { class: "suffix", slot: "end", "aria-hidden": "true" });
    const input = fluent(
      "fluent-text-input",
      { type: "text", id: inputId, class: "input-short", inputmode: "decimal", autocomplete: "off", spellcheck: "false" },
      label,
      unitName,
      suffix,
    ) as TextBox;
    const problem = problemSlot(`${inputId}-problem`);
    const box = typedInput(input, parseThreshold, formatNumber, sameNumber, (value) =>
      events.changeOptions({ threshold: { key, value } }),
    );
    const row = el("div", { class: "field threshold" }, input, problem);
    return { row, label, unitName, suffix, box, problem, control: input, base: [] };
  }

  const scheme = createSchemeOptionsForm(id, events);
  root.append(
    formProblemsBar,
    monthsField,
    forecastField,
    output.root,
    destination.root,
    fluent("fluent-accordion", { class: "threshold-accordion" }, details),
    scheme.root,
  );

  return {
    root,
    heading,
    update(options) {
      const byKey = new Map<string, string[]>();
      for (const problem of options.problems) {
        const list = byKey.get(problem.key);
        if (list) list.push(problem.message);
        else byKey.set(problem.key, [problem.message]);
      }
      const claimed = new Set<string>([MONTHS_KEY, "forecast", "outputMode", "destination"]);
      const messageFor = (key: string) => (byKey.get(key) ?? []).join(" ");

      months.box.sync(options.monthsElapsed);
      setAttr(monthsInput, "required", options.monthsElapsed === null ? "" : null);
      setText(monthsNote, options.monthsElapsedNote);
      setShown(monthsNote, options.monthsElapsedNote !== "");
      const monthsBase = options.monthsElapsedNote !== "" ? [monthsNote.id] : [];
      showProblem({ ...months, base: monthsBase }, messageFor(MONTHS_KEY));

      const key = options.forecastChoices.map((c) => `${c.value}\u0001${c.label}`).join("\u0002");
      if (key !== forecastKey) {
        clear(forecastList);
        for (const choice of options.forecastChoices)
          forecastList.appendChild(fluent("fluent-option", { value: choice.value }, choice.label));
        forecastValues = new Set(options.forecastChoices.map((c) => c.value));
        forecastKey = key;
      }
      for (const option of forecastList.children)
        setAttr(option, "selected", option.getAttribute("value") === options.forecast ? "" : null);
      forecastShown = options.forecast;
      setValue(forecastSelect, options.forecast);
      nameDropdown(forecastSelect, "Year-end forecast");
      showProblem(forecast, messageFor("forecast"));

      output.show(options.outputMode);
      showProblem(outputSlot, messageFor("outputMode"));
      destination.show(options.destination);
      showProblem(destinationSlot, messageFor("destination"));

      const seen = new Set<string>();
      let at: ChildNode | null = thresholdList.firstChild;
      let thresholdProblem = false;
      for (const threshold of options.thresholds) {
        seen.add(threshold.key);
        claimed.add(threshold.key);
        let parts = thresholds.get(threshold.key);
        if (!parts) {
          parts = makeThreshold(threshold.key);
          thresholds.set(threshold.key, parts);
        }
        setText(parts.label, threshold.label);
        setText(parts.unitName, ` (${UNIT_NAMES[threshold.unit] ?? threshold.unit})`);
        setText(parts.suffix, threshold.unit);
        parts.box.sync(threshold.value);
        const message = messageFor(threshold.key);
        if (message !== "") thresholdProblem = true;
        showProblem(parts, message);
        if (at === parts.row) at = at.nextSibling;
        else thresholdList.insertBefore(parts.row, at);
      }
      for (const [key, parts] of thresholds) {
        if (seen.has(key)) continue;
        parts.row.remove();
        thresholds.delete(key);
      }
      // A problem hidden in a closed section would be missed; opened once, it is the analyst's to close.
      if (thresholdProblem && !hadThresholdProblem) setAttr(details, "expanded", "");
      hadThresholdProblem = thresholdProblem;

      for (const key of scheme.update(options.scheme, messageFor)) claimed.add(key);
      const general = options.problems.filter((p) => !claimed.has(p.key)).map((p) => p.message);
      const generalKey = general.join("\n");
      if (shownGeneral !== generalKey) {
        clear(formProblems);
        for (const message of general) formProblems.appendChild(el("li", {}, message));
        shownGeneral = generalKey;
      }
      setShown(formProblemsBar, general.length > 0);
    },
  };
}

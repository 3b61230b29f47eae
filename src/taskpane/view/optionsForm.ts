// The analysis options: months elapsed, forecast, output mode, destination and the thresholds.
// Boxes the analyst types in are typedInputs (their text is the analyst's while they type); the
// rest are set from the state on every render, which never moves focus.
import { clear, describedBy, el, section, setAttr, setShown, setText } from "./dom";
import type { Destination, ForecastChoice, OptionsView, OutputMode, PaneEvents, ThresholdView } from "./paneState";
import { formatNumber, parseMonths, parseThreshold, sameNumber, typedInput, type TypedInput } from "./typedInput";

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

function radioGroup<T extends string>(
  id: (name: string) => string,
  name: string,
  legend: string,
  items: readonly { value: T; label: string; explanation: string }[],
  onPick: (value: T) => void,
): { root: HTMLFieldSetElement; radios: Map<T, HTMLInputElement> } {
  const root = el("fieldset", { class: "choice-group", id: id(`${name}-group`) }, el("legend", {}, legend));
  const radios = new Map<T, HTMLInputElement>();
  for (const item of items) {
    const radioId = id(`${name}-${item.value}`);
    const radio = el("input", {
      type: "radio",
      name: id(name),
      id: radioId,
      value: item.value,
      "aria-describedby": `${radioId}-why`,
    });
    radio.addEventListener("change", () => {
      if (radio.checked) onPick(item.value);
    });
    radios.set(item.value, radio);
    root.appendChild(
      el(
        "div",
        { class: "choice" },
        radio,
        el("label", { for: radioId }, item.label),
        el("p", { class: "choice-why", id: `${radioId}-why` }, item.explanation),
      ),
    );
  }
  return { root, radios };
}

export function createOptionsForm(id: (name: string) => string, events: PaneEvents): OptionsForm {
  const { root, heading } = section(id("options-heading"), "Options");
  const formProblems = el("ul", { class: "callout callout-error form-problems" });
  formProblems.hidden = true;

  // Months elapsed.
  const monthsInput = el("input", {
    type: "number",
    id: id("months"),
    class: "input input-short",
    min: "1",
    max: "12",
    step: "1",
    inputmode: "numeric",
    autocomplete: "off",
  });
  const monthsNote = el("p", { class: "hint", id: id("months-note") });
  const months: Slot & { box: TypedInput<number | null> } = {
    problem: problemSlot(id("months-problem")),
    control: monthsInput,
    base: [],
    box: typedInput(monthsInput, parseMonths, formatNumber, sameNumber, (value) =>
      events.changeOptions({ monthsElapsed: value }),
    ),
  };
  const monthsField = el(
    "div",
    { class: "field" },
    el("label", { for: monthsInput.id }, "Months elapsed (1–12)"),
    monthsInput,
    monthsNote,
    months.problem,
  );

  // Forecast.
  const forecastSelect = el("select", { id: id("forecast"), class: "input" });
  forecastSelect.addEventListener("change", () => {
    const value = forecastSelect.value as ForecastChoice;
    if (forecastValues.has(value)) events.changeOptions({ forecast: value });
  });
  const forecast: Slot = { problem: problemSlot(id("forecast-problem")), control: forecastSelect, base: [] };
  const forecastField = el(
    "div",
    { class: "field" },
    el("label", { for: forecastSelect.id }, "Year-end forecast"),
    forecastSelect,
    forecast.problem,
  );
  let forecastKey = "";
  let forecastValues: ReadonlySet<string> = new Set();

  // Output mode and destination.
  const output = radioGroup(id, "output", "Write the results as", OUTPUT_MODES, (value) =>
    events.changeOptions({ outputMode: value }),
  );
  const outputSlot: Slot = { problem: problemSlot(id("output-problem")), control: output.root, base: [] };
  output.root.appendChild(outputSlot.problem);
  const destination = radioGroup(id, "destination", "Put them", DESTINATIONS, (value) =>
    events.changeOptions({ destination: value }),
  );
  const destinationSlot: Slot = { problem: problemSlot(id("destination-problem")), control: destination.root, base: [] };
  destination.root.appendChild(destinationSlot.problem);

  // Thresholds, out of the way until wanted.
  const thresholdList = el("div", { class: "thresholds" });
  const details = el(
    "details",
    { class: "threshold-details" },
    el("summary", {}, "Thresholds"),
    el("p", { class: "hint" }, "The limits behind the RAG ratings and warning flags."),
    thresholdList,
  );
  const thresholds = new Map<string, ThresholdParts>();
  let thresholdCount = 0;
  let hadThresholdProblem = false;
  let shownGeneral = "";

  function makeThreshold(key: string): ThresholdParts {
    const inputId = id(`threshold-${++thresholdCount}`);
    const input = el("input", {
      type: "text",
      id: inputId,
      class: "input input-short",
      inputmode: "decimal",
      autocomplete: "off",
      spellcheck: "false",
    });
    const label = el("span", {});
    // The suffix is for the eye; the label carries the unit for screen readers.
    const unitName = el("span", { class: "visually-hidden" });
    const suffix = el("span", { class: "suffix", "aria-hidden": "true" });
    const problem = problemSlot(`${inputId}-problem`);
    const box = typedInput(input, parseThreshold, formatNumber, sameNumber, (value) =>
      events.changeOptions({ threshold: { key, value } }),
    );
    const row = el(
      "div",
      { class: "field threshold" },
      el("label", { for: inputId }, label, unitName),
      el("div", { class: "with-suffix" }, input, suffix),
      problem,
    );
    return { row, label, unitName, suffix, box, problem, control: input, base: [] };
  }

  root.append(formProblems, monthsField, forecastField, output.root, destination.root, details);

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
      monthsInput.required = options.monthsElapsed === null;
      setAttr(monthsInput, "aria-required", options.monthsElapsed === null ? "true" : null);
      setText(monthsNote, options.monthsElapsedNote);
      setShown(monthsNote, options.monthsElapsedNote !== "");
      const monthsBase = options.monthsElapsedNote !== "" ? [monthsNote.id] : [];
      showProblem({ ...months, base: monthsBase }, messageFor(MONTHS_KEY));

      const key = options.forecastChoices.map((c) => `${c.value}\u0001${c.label}`).join("\u0002");
      if (key !== forecastKey) {
        clear(forecastSelect);
        for (const choice of options.forecastChoices)
          forecastSelect.appendChild(el("option", { value: choice.value }, choice.label));
        forecastValues = new Set(options.forecastChoices.map((c) => c.value));
        forecastKey = key;
      }
      if (forecastSelect.value !== options.forecast) forecastSelect.value = options.forecast;
      showProblem(forecast, messageFor("forecast"));

      for (const [value, radio] of output.radios)
        if (radio.checked !== (value === options.outputMode)) radio.checked = value === options.outputMode;
      showProblem(outputSlot, messageFor("outputMode"));
      for (const [value, radio] of destination.radios) {
        if (radio.checked !== (value === options.destination)) radio.checked = value === options.destination;
      }
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
      if (thresholdProblem && !hadThresholdProblem && !details.open) details.open = true;
      hadThresholdProblem = thresholdProblem;

      const general = options.problems.filter((p) => !claimed.has(p.key)).map((p) => p.message);
      const generalKey = general.join("\n");
      if (shownGeneral !== generalKey) {
        clear(formProblems);
        for (const message of general) formProblems.appendChild(el("li", {}, message));
        shownGeneral = generalKey;
      }
      setShown(formProblems, general.length > 0);
    },
  };
}

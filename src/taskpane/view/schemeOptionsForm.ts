// The Options form's part for a scheme register (shown only when rows are schemes): the financial
// year analysed, the risk weights by stage, likelihood word and risk RAG (a box each, its problem
// beside it), the analyst's own stage words, and which dimensions get a table on the summary.
// Weights and the stage word are typed in Fluent text inputs like the thresholds; the year, the
// stage a word maps to and the dimensions are native select and checkbox controls, which need no
// further Fluent component in the bundle.
import type { Dimension } from "../../core/schemes/dimensionRollup";
import type { Stage } from "../../core/schemes/stages";
import { clear, describedBy, el, fluent, setAttr, setShown, setText } from "./dom";
import type { PaneEvents, SchemeOptionsView } from "./paneState";
import { formatNumber, parseThreshold, sameNumber, typedInput, type TextBox, type TypedInput } from "./typedInput";

export interface SchemeOptionsForm {
  readonly root: HTMLElement;
  /** Draws the options; returns the problem keys it showed beside its boxes. */
  update(view: SchemeOptionsView | null | undefined, messageFor: (key: string) => string): readonly string[];
}

interface WeightBox {
  readonly row: HTMLElement;
  readonly label: HTMLElement;
  readonly input: TextBox;
  readonly problem: HTMLElement;
  readonly box: TypedInput<number>;
}

const YEAR_OF_RUN = "run";

export function createSchemeOptionsForm(id: (name: string) => string, events: PaneEvents): SchemeOptionsForm {
  const change = (scheme: NonNullable<Parameters<PaneEvents["changeOptions"]>[0]["scheme"]>) => events.changeOptions({ scheme });

  // The year.
  const year = el("select", { id: id("scheme-year"), class: "native-select" });
  const yearProblem = problem(id("scheme-year-problem"));
  year.addEventListener("change", () => change({ financialYear: year.value === YEAR_OF_RUN ? null : Number(year.value) }));
  const yearField = el(
    "div",
    { class: "field" },
    el("label", { class: "field-label", for: year.id }, "Financial year analysed"),
    year,
    yearProblem,
  );

  // Dimensions.
  const dimensionList = el("div", { class: "checkbox-list", role: "group", "aria-labelledby": id("scheme-dimensions-legend") });
  const dimensionsField = el(
    "div",
    { class: "field" },
    el("p", { class: "group-label", id: id("scheme-dimensions-legend") }, "Tables on the summary by"),
    dimensionList,
  );
  let dimensionsKey = "";
  const checkedDimensions = (): Dimension[] =>
    [...dimensionList.querySelectorAll<HTMLInputElement>("input[type=checkbox]")]
      .filter((c) => c.checked)
      .map((c) => c.value as Dimension);

  // Weights.
  const weightList = el("div", { class: "thresholds" });
  const weights = new Map<string, WeightBox>();
  const makeWeight = (key: string, n: number): WeightBox => {
    const label = el("span", {});
    const input = fluent(
      "fluent-text-input",
      { type: "text", id: id(`scheme-weight-${n}`), class: "input-short", inputmode: "decimal", autocomplete: "off" },
      label,
      el("span", { class: "visually-hidden" }, " (per cent)"),
      el("span", { class: "suffix", slot: "end", "aria-hidden": "true" }, "%"),
    ) as TextBox;
    const p = problem(`${input.id}-problem`);
    const box = typedInput(input, parseThreshold, formatNumber, sameNumber, (percent) => change({ weight: { key, percent } }));
    return { row: el("div", { class: "field threshold" }, input, p), label, input, problem: p, box };
  };

  // Stage words.
  const wordInput = fluent(
    "fluent-text-input",
    { type: "text", id: id("scheme-word"), class: "input-short", autocomplete: "off" },
    "Your word for a stage",
  ) as TextBox;
  const wordStage = el("select", { id: id("scheme-word-stage"), class: "native-select", "aria-label": "Stage it means" });
  const addWord = fluent("fluent-button", { id: id("scheme-word-add"), type: "button" }, "Map word");
  const wordList = el("ul", { class: "stage-words" });
  const wordsProblem = problem(id("scheme-words-problem"));
  addWord.addEventListener("click", () => {
    if (wordInput.value.trim() === "") return;
    change({ stageWord: { word: wordInput.value, stage: wordStage.value as Stage } });
    wordInput.value = "";
  });
  let stagesKey = "";
  const wordsField = el(
    "div",
    { class: "field" },
    el("p", { class: "group-label" }, "Stage words"),
    el("p", { class: "hint" }, "Map a stage or gateway word of your register (e.g. “Gate 3”) to one of the stages."),
    wordInput,
    wordStage,
    addWord,
    wordList,
    wordsProblem,
  );

  const details = fluent(
    "fluent-accordion-item",
    { class: "threshold-details" },
    el("span", { slot: "heading" }, "Scheme register"),
    el("p", { class: "hint" }, "Rows are schemes. Risk-adjusted forecast = YTD actual + remaining plan × weight."),
    yearField,
    dimensionsField,
    el("p", { class: "group-label" }, "Weights"),
    weightList,
    wordsField,
  );
  const root = fluent("fluent-accordion", { class: "threshold-accordion" }, details);
  root.hidden = true;
  let hadProblem = false;

  return {
    root,
    update(view, messageFor) {
      setShown(root, !!view);
      if (!view) return [];
      const claimed: string[] = ["financialYear", "stageWords"];

      const yearsKey = view.years.map((y) => `${y.year}:${y.label}`).join("|");
      if (year.dataset.key !== yearsKey) {
        clear(year);
        for (const y of view.years)
          year.appendChild(el("option", { value: y.year === null ? YEAR_OF_RUN : String(y.year) }, y.label));
        year.dataset.key = yearsKey;
      }
      year.value = view.financialYear === null ? YEAR_OF_RUN : String(view.financialYear);
      show(year, yearProblem, messageFor("financialYear"));

      const dKey = view.dimensions.map((d) => d.dimension).join("|");
      if (dKey !== dimensionsKey) {
        clear(dimensionList);
        for (const d of view.dimensions) {
          const boxId = id(`scheme-dimension-${d.dimension}`);
          const box = el("input", { type: "checkbox", id: boxId, value: d.dimension });
          box.addEventListener("change", () => change({ dimensions: checkedDimensions() }));
          dimensionList.appendChild(el("div", { class: "choice" }, box, el("label", { for: boxId }, d.label)));
        }
        dimensionsKey = dKey;
      }
      for (const d of view.dimensions) {
        const box = dimensionList.querySelector<HTMLInputElement>(`input[value="${d.dimension}"]`);
        if (box) box.checked = d.checked;
      }

      let anyProblem = false;
      let at: ChildNode | null = weightList.firstChild;
      view.weights.forEach((w, n) => {
        claimed.push(w.key);
        let parts = weights.get(w.key);
        if (!parts) weights.set(w.key, (parts = makeWeight(w.key, n)));
        setText(parts.label, w.label);
        parts.box.sync(w.percent);
        const message = messageFor(w.key);
        if (message) anyProblem = true;
        show(parts.input, parts.problem, message);
        if (at === parts.row) at = at.nextSibling;
        else weightList.insertBefore(parts.row, at);
      });

      const sKey = view.stages.map((s) => s.stage).join("|");
      if (sKey !== stagesKey) {
        clear(wordStage);
        for (const s of view.stages) wordStage.appendChild(el("option", { value: s.stage }, s.label));
        stagesKey = sKey;
      }
      clear(wordList);
      for (const w of view.stageWords) {
        const label = view.stages.find((s) => s.stage === w.stage)?.label ?? w.stage;
        const remove = fluent("fluent-button", { type: "button", "aria-label": `Forget the word ${w.word}` }, "Remove");
        remove.addEventListener("click", () => change({ stageWord: { word: w.word, stage: null } }));
        wordList.appendChild(el("li", {}, `“${w.word}” means ${label} `, remove));
      }
      const wordsMessage = messageFor("stageWords");
      if (wordsMessage || messageFor("financialYear")) anyProblem = true;
      show(wordInput, wordsProblem, wordsMessage);

      // A problem hidden in a closed section would be missed.
      if (anyProblem && !hadProblem) setAttr(details, "expanded", "");
      hadProblem = anyProblem;
      return claimed;
    },
  };
}

function problem(id: string): HTMLElement {
  const p = el("p", { class: "field-problem", id });
  p.hidden = true;
  return p;
}

function show(control: HTMLElement, slot: HTMLElement, message: string): void {
  setText(slot, message);
  setShown(slot, message !== "");
  setAttr(control, "aria-invalid", message !== "" ? "true" : null);
  describedBy(control, [message !== "" ? slot.id : null]);
}

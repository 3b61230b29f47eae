// What the last analysis found and where it went, and the offer to write on a new sheet when the
// cells beside the tracker are taken (the add-in never writes over the analyst's own data).
import { clear, el, fluent, section, setDisabled, setShown, setText } from "./dom";
import type { PaneEvents, ResultView } from "./paneState";

export interface ResultPanel {
  readonly root: HTMLElement;
  readonly heading: HTMLElement;
  update(result: ResultView | null): void;
}

export function createResultPanel(id: (name: string) => string): ResultPanel {
  const { root, heading } = section(id("result-heading"), "Results");
  const headlines = el("ul", { class: "headlines" });
  const where = el("span", { class: "address" });
  const wherePara = el("p", {}, "Written to ", where, ".");
  const sheet = el("span", { class: "sheet-name" });
  const sheetPara = el("p", {}, "Summary by group on the sheet ", sheet, ".");
  root.append(headlines, wherePara, sheetPara);
  root.hidden = true;
  let shown = "";

  return {
    root,
    heading,
    update(result) {
      setShown(root, result !== null);
      if (!result) return;
      const key = result.headlines.join("\n");
      if (key !== shown) {
        clear(headlines);
        for (const line of result.headlines) headlines.appendChild(el("li", {}, line));
        shown = key;
      }
      setShown(headlines, result.headlines.length > 0);
      setText(where, result.outputAddress);
      setShown(wherePara, result.outputAddress !== "");
      setText(sheet, result.summarySheet);
      setShown(sheetPara, result.summarySheet !== "");
    },
  };
}

export interface NewSheetOffer {
  readonly root: HTMLElement;
  readonly button: HTMLElement;
  update(offer: boolean, busy: boolean): void;
}

export function createNewSheetOffer(events: PaneEvents): NewSheetOffer {
  const button = fluent("fluent-button", { type: "button", appearance: "primary", slot: "actions" }, "Write on a new sheet");
  button.addEventListener("click", () => events.useNewSheet());
  const root = fluent(
    "fluent-message-bar",
    { class: "offer", intent: "warning", layout: "multiline" },
    "The columns beside the tracker already hold something, so nothing was written there.",
    button,
  );
  root.hidden = true;
  return {
    root,
    button,
    update(offer, busy) {
      setShown(root, offer);
      setDisabled(button, busy);
    },
  };
}

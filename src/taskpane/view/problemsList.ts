// Problems found in the data, by cell. A full sheet can have thousands; the pane lists the first
// PROBLEMS_SHOWN and says how many more there are, which keeps render cheap and the pane readable.
import { clear, el, formatCount, section, setShown, setText } from "./dom";
import type { ProblemView } from "./paneState";

export const PROBLEMS_SHOWN = 50;

export interface ProblemsList {
  readonly root: HTMLElement;
  update(problems: readonly ProblemView[]): void;
}

export function createProblemsList(id: (name: string) => string): ProblemsList {
  const { root, heading } = section(id("problems-heading"), "Problems in the data");
  const list = el("ul", { class: "problem-list" });
  const more = el("p", { class: "more" });
  root.append(list, more);
  root.hidden = true;
  let last: readonly ProblemView[] | null = null;
  let shown = "";

  return {
    root,
    update(problems) {
      setShown(root, problems.length > 0);
      if (problems === last) return;
      last = problems;
      const first = problems.slice(0, PROBLEMS_SHOWN);
      const key = `${problems.length}\u0002${first.map((p) => `${p.address}\u0001${p.message}`).join("\u0002")}`;
      if (key === shown) return;
      shown = key;
      setText(heading, `Problems in the data (${formatCount(problems.length)})`);
      clear(list);
      for (const problem of first) {
        const address = el("span", { class: "problem-address" }, problem.address);
        list.appendChild(el("li", {}, address, " ", el("span", { class: "problem-message" }, problem.message)));
      }
      const rest = problems.length - first.length;
      setText(more, rest > 0 ? `…and ${formatCount(rest)} more.` : "");
      setShown(more, rest > 0);
    },
  };
}

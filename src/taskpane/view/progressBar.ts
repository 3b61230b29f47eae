// Progress of a read or write: Fluent's progress bar (role progressbar; without a value it shows
// "working, amount unknown", the truth before the total is known), a count in words, and Cancel
// when the work can stop. The count is not a live region: announcing every step
// of 100,000 rows would drown the status line, which says when the work starts and ends.
import { el, fluent, formatCount, setAttr, setShown, setText } from "./dom";
import type { PaneEvents, ProgressView } from "./paneState";

export interface ProgressBar {
  readonly root: HTMLElement;
  readonly cancel: HTMLElement;
  update(progress: ProgressView | null): void;
}

export function createProgressBar(id: (name: string) => string, events: PaneEvents): ProgressBar {
  const label = el("p", { class: "progress-label", id: id("progress-label") });
  const count = el("p", { class: "progress-count", id: id("progress-count") });
  const bar = fluent("fluent-progress-bar", { "aria-labelledby": label.id, "aria-describedby": count.id, max: "1" });
  const cancel = fluent("fluent-button", { type: "button" }, "Cancel");
  cancel.addEventListener("click", () => events.cancel());
  const root = el("section", { class: "pane-section pane-progress", "aria-labelledby": label.id }, label, bar, count, cancel);
  root.hidden = true;

  return {
    root,
    cancel,
    update(progress) {
      setShown(root, progress !== null);
      if (!progress) return;
      setText(label, progress.label);
      const known = Number.isFinite(progress.total) && progress.total > 0;
      const done = Math.min(Math.max(Number.isFinite(progress.done) ? progress.done : 0, 0), known ? progress.total : Infinity);
      setAttr(bar, "max", known ? String(progress.total) : "1");
      setAttr(bar, "value", known ? String(done) : null);
      setText(count, known ? `${formatCount(done)} of ${formatCount(progress.total)} rows` : `${formatCount(done)} rows`);
      setShown(cancel, progress.cancellable);
    },
  };
}

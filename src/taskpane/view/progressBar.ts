// Progress of a read or write: a native <progress> (the CSP rules out a styled width), a count in
// words, and Cancel when the work can stop. The count is not a live region: announcing every step
// of 100,000 rows would drown the status line, which says when the work starts and ends.
import { el, formatCount, setAttr, setShown, setText } from "./dom";
import type { PaneEvents, ProgressView } from "./paneState";

export interface ProgressBar {
  readonly root: HTMLElement;
  readonly cancel: HTMLButtonElement;
  update(progress: ProgressView | null): void;
}

export function createProgressBar(id: (name: string) => string, events: PaneEvents): ProgressBar {
  const label = el("p", { class: "progress-label", id: id("progress-label") });
  const count = el("p", { class: "progress-count", id: id("progress-count") });
  const bar = el("progress", { "aria-labelledby": label.id, "aria-describedby": count.id, max: "1" });
  const cancel = el("button", { type: "button", class: "btn" }, "Cancel");
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
      // Without a value a <progress> shows "working, amount unknown", which is the truth before the total is.
      setAttr(bar, "max", known ? String(progress.total) : "1");
      setAttr(bar, "value", known ? String(done) : null);
      setText(count, known ? `${formatCount(done)} of ${formatCount(progress.total)} rows` : `${formatCount(done)} rows`);
      setShown(cancel, progress.cancellable);
    },
  };
}

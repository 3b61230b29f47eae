// The pane's status line. Two live regions exist from the start, a polite one for news and an
// assertive one for errors: screen readers announce changes to regions already in the page, and
// switching one region's role between status and alert is not reliably announced. They sit in a
// Fluent message bar for the look, with its own status role taken off (role none): a live region
// around the two would announce everything a second time.
import { el, fluent, setAttr, setShown, setText } from "./dom";
import type { PaneStatus, StatusKind } from "./paneState";

const INTENTS: Readonly<Record<StatusKind, string>> = {
  info: "info",
  busy: "info",
  success: "success",
  warning: "warning",
  error: "error",
};

export interface StatusLine {
  readonly root: HTMLElement;
  update(status: PaneStatus): void;
}

interface Region {
  readonly root: HTMLElement;
  readonly text: HTMLElement;
  readonly detail: HTMLElement;
}

function region(role: "status" | "alert"): Region {
  const text = el("p", { class: "pane-status-text" });
  const detail = el("p", { class: "pane-status-detail" });
  detail.hidden = true;
  const live = role === "status" ? "polite" : "assertive";
  const root = el("div", { role, "aria-live": live, "aria-atomic": "true", class: "pane-status-live" }, text, detail);
  return { root, text, detail };
}

function fill(target: Region, text: string, detail: string): void {
  setText(target.text, text);
  setText(target.detail, detail);
  setShown(target.detail, detail !== "");
}

export function createStatusLine(): StatusLine {
  const polite = region("status");
  const alert = region("alert");
  // tabindex -1: where focus goes when the control that had it disappears (see paneView).
  const bar = fluent("fluent-message-bar", { role: "none", intent: "info", layout: "multiline" }, polite.root, alert.root);
  const root = el("div", { class: "pane-status", "data-kind": "info", tabindex: "-1" }, bar);
  return {
    root,
    update(status) {
      const error = status.kind === "error";
      fill(error ? alert : polite, status.text, status.detail);
      fill(error ? polite : alert, "", "");
      setAttr(root, "data-kind", status.kind);
      setAttr(bar, "intent", INTENTS[status.kind] ?? "info");
      // No aria-busy for "busy": it would hold back announcements of the very region that says so.
    },
  };
}

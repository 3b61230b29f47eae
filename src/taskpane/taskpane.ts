// The task pane page's script. taskpane.html is also the add-in's shared runtime (the custom
// functions and ribbon commands run in the same page), so this file must never navigate the page
// away or throw at load. For now it only reports, truthfully, whether it is running inside Excel.
import { LOADING, NO_ANSWER, NO_OFFICE, statusFor, type Status } from "./status";

const NO_ANSWER_AFTER_MS = 15_000;

function show(status: Status): void {
  const box = document.getElementById("status");
  const text = document.getElementById("status-text");
  const detail = document.getElementById("status-detail");
  if (!box || !text || !detail) return;
  box.dataset.kind = status.kind;
  text.textContent = status.text;
  detail.textContent = status.detail;
  detail.hidden = status.detail === "";
}

const nameOf = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

function start(): void {
  show(LOADING);
  if (typeof Office === "undefined") {
    show(NO_OFFICE);
    return;
  }
  let answered = false;
  const timer = window.setTimeout(() => {
    if (!answered) show(NO_ANSWER);
  }, NO_ANSWER_AFTER_MS);
  Office.onReady()
    .then((info) => {
      answered = true;
      window.clearTimeout(timer);
      // The typings declare HostType and PlatformType as numeric enums; at run time office.js
      // gives their names ("Excel", "PC"), or null outside Office.
      show(statusFor({ host: nameOf(info?.host), platform: nameOf(info?.platform) }));
    })
    .catch(() => {
      answered = true;
      window.clearTimeout(timer);
      show(NO_OFFICE);
    });
}

start();

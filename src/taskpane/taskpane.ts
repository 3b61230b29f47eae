// The task pane page's script. taskpane.html is also the add-in's shared runtime (the custom
// functions and ribbon commands run in the same page), so this file must never navigate the page
// away or throw at load. Outside Excel it only says so; in Excel it checks the requirement sets and
// hands over to the controller, with the real Excel.run and document settings behind the gateway.
import { PaneController } from "./controller";
import { ExcelGateway } from "./excel/gateway";
import { missingRequirements, unsupportedMessage } from "./requirements";
import { LOADING, NO_ANSWER, NO_OFFICE, statusFor, type Status } from "./status";
import "./view/fluent";
import { createPaneView } from "./view/paneView";
import type { PaneEvents } from "./view/paneState";
import { followTheme } from "./view/theme";

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

/** The pane proper, once Excel is there and new enough. */
function startPane(): void {
  const app = document.getElementById("app");
  if (!app) return;
  const isSetSupported = (set: string, version: string) => Office.context.requirements.isSetSupported(set, version);
  const missing = unsupportedMessage(missingRequirements(isSetSupported));
  if (missing) {
    show({ kind: "other-host", ...missing });
    return;
  }
  const gateway = new ExcelGateway({
    run: (batch) => Excel.run(batch),
    settings: Office.context.document.settings,
    isSetSupported,
  });
  // The view and the controller need each other; the events reach the controller once it exists.
  let controller: PaneController | null = null;
  const events: PaneEvents = {
    readSelection: () => void controller?.readSelection(),
    changeMapping: (index, field) => controller?.changeMapping(index, field),
    resetMapping: () => controller?.resetMapping(),
    changeOptions: (change) => controller?.changeOptions(change),
    analyse: () => void controller?.analyse(),
    cancel: () => controller?.cancel(),
    useNewSheet: () => void controller?.useNewSheet(),
  };
  const view = createPaneView(app, events);
  controller = new PaneController(gateway, (state) => view.render(state));
  controller.start();
}

function start(): void {
  show(LOADING);
  if (typeof Office === "undefined") {
    followTheme(undefined);
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
      // Office's theme is known once Office is ready; until then the system's preference holds.
      followTheme(Office);
      // The typings declare HostType and PlatformType as numeric enums; at run time office.js
      // gives their names ("Excel", "PC"), or null outside Office.
      const status = statusFor({ host: nameOf(info?.host), platform: nameOf(info?.platform) });
      show(status);
      if (status.kind === "ready") startPane();
    })
    .catch(() => {
      followTheme(undefined);
      answered = true;
      window.clearTimeout(timer);
      show(NO_OFFICE);
    });
}

start();

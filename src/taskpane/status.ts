// What the task pane tells the analyst about where it is running. Pure: no Office, no DOM, so it
// can be tested without Excel; taskpane.ts feeds it what Office.onReady reports.

export type StatusKind = "loading" | "ready" | "outside" | "other-host" | "no-office";

export interface Status {
  kind: StatusKind;
  text: string;
  /** A second, quieter line (where it is running, or what to do next); "" when there is nothing to add. */
  detail: string;
}

const PLATFORMS: Readonly<Record<string, string>> = {
  PC: "Excel on Windows",
  Mac: "Excel on Mac",
  OfficeOnline: "Excel on the web",
  iOS: "Excel on iPad",
  Android: "Excel on Android",
  Universal: "Excel on Windows",
};

export const LOADING: Status = { kind: "loading", text: "Connecting to Excel…", detail: "" };

export const NO_OFFICE: Status = {
  kind: "no-office",
  text: "Office.js did not load, so CIP Analyst cannot talk to Excel.",
  detail: "Check the network connection, then close and reopen the pane.",
};

export const NO_ANSWER: Status = {
  kind: "no-office",
  text: "Excel has not answered yet.",
  detail: "If this stays, close the pane and open it again from Excel's Home tab > CIP Analyst.",
};

/** The status for what Office.onReady reported; `host` and `platform` are null in a plain browser. */
export function statusFor(info: { host: string | null; platform: string | null } | null | undefined): Status {
  const host = info?.host ?? null;
  if (host === null) {
    return {
      kind: "outside",
      text: "Not running inside Excel: open it from Excel's Home tab > CIP Analyst.",
      detail: "This page is the add-in's task pane; on its own in a browser it cannot read a workbook.",
    };
  }
  if (host !== "Excel") {
    return { kind: "other-host", text: `CIP Analyst works in Excel only; this is ${host}.`, detail: "" };
  }
  const where = (info?.platform && PLATFORMS[info.platform]) || "Excel";
  return {
    kind: "ready",
    text: "Ready — select your tracker including its header row.",
    detail: `Running in ${where}.`,
  };
}

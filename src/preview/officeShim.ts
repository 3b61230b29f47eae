// Stands in for office.js in the preview's task pane frame (preview-pane.html, built from the real
// taskpane.html), so that the real functions.js, commands.js and taskpane.js run unchanged against
// the Excel double instead of Excel. It must run before them: the page loads it where office.js
// would be, as a classic script ahead of the deferred bundles.
//
// Only what the add-in's bundles touch is here: Office.onReady, Office.context (requirements,
// document settings), Office.actions, Excel.run and CustomFunctions. Anything else stays undefined,
// so a new dependency on office.js shows up as an error in the preview and its tests.
import { createWorkbookDouble, type WorkbookDouble } from "../../packages/excel-double";
import { BRIDGE_KEY, readSpec, type PreviewBridge } from "./bridge";
import { seedLastRun } from "./lastRun";
import { dressTracker, previewWorkbook } from "./workbooks";

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

// The double sizes requests as Excel would, with Node's Buffer.byteLength, which browsers lack. Only
// this frame gets it, and only the preview builds this file; the real pane page never has a Buffer.
if (!("Buffer" in window)) Object.assign(window, { Buffer: { byteLength: utf8Length } });

const spec = readSpec(window.location.search);
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

const ready: Promise<WorkbookDouble> = (async () => {
  const workbook = previewWorkbook(spec);
  const book = createWorkbookDouble(workbook.options);
  await dressTracker(book, workbook);
  if (spec.runs === 2 && spec.tracker === "sample") await seedLastRun(book, workbook);
  return book;
})();
// The pane's own error path reports a failure; this keeps it from being an unhandled rejection too.
ready.catch(() => undefined);

const pause = (ms: number) => new Promise<void>((resolve) => window.setTimeout(resolve, ms));

/**
 * Excel.run over the double. The double answers a sync in a microtask; Excel answers after a round
 * trip, during which the page paints and the analyst can press Cancel. Each sync therefore waits
 * for a task of its own (plus the chosen latency), and the preview page repaints after it.
 */
async function run<T>(batch: Batch<T>): Promise<T> {
  const book = await ready;
  try {
    return await book.run((context) => {
      const sync = context.sync.bind(context);
      const paced = async <V>(value?: V): Promise<V> => {
        await pause(spec.latency);
        try {
          return await sync(value);
        } finally {
          changed();
        }
      };
      const slow = new Proxy(context, {
        get: (target, name) => (name === "sync" ? paced : Reflect.get(target, name, target)),
      });
      return batch(slow);
    });
  } finally {
    changed();
  }
}

const info = { host: "Excel", platform: "OfficeOnline" } as unknown as { host: Office.HostType; platform: Office.PlatformType };
let settings: Office.Settings | null = null;

const office = {
  onReady(callback?: (result: typeof info) => void): Promise<typeof info> {
    const answered = ready.then((book) => {
      settings = book.settings;
      return info;
    });
    if (callback) void answered.then(callback);
    return answered;
  },
  context: {
    requirements: { isSetSupported: (): boolean => true },
    // Excel's White or Black theme after the browser's colour scheme, so the preview shows the pane
    // taking Office's theme as it does in Excel (npm run screenshots takes both).
    get officeTheme(): Partial<Office.OfficeTheme> {
      const dark = window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
      return dark
        ? { isDarkTheme: true, bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF" }
        : { isDarkTheme: false, bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000" };
    },
    document: {
      get settings(): Office.Settings {
        if (!settings) throw new Error("The preview's workbook is not ready yet: wait for Office.onReady.");
        return settings;
      },
    },
  },
  actions: { associate: (): void => undefined },
};

/** The functions chunk registers every CIP.* function at load; the preview keeps them by id. */
const associations = new Map<string, (...args: unknown[]) => unknown>();

class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
  }
}

const customFunctions = {
  associate(id: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown): void {
    if (typeof id === "string" && fn) associations.set(id, fn);
    else if (typeof id === "object") for (const [key, value] of Object.entries(id)) associations.set(key, value);
  },
  Error: CustomFunctionsError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
};

const bridge: PreviewBridge & { readonly functions: ReadonlyMap<string, unknown> } = {
  spec,
  ready,
  functions: associations,
  onChange(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

Object.assign(window, {
  Office: office,
  Excel: { run },
  CustomFunctions: customFunctions,
  [BRIDGE_KEY]: bridge,
});

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

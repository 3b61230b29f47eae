/** Office.context.document.settings over the workbook model: in memory until saveAsync, which a test can make fail. */
import { notSupported } from "./errors";
import { WorkbookModel } from "./model";

export class FakeSettings implements Office.Settings {
  private failNext = false;
  constructor(private readonly model: WorkbookModel) {}
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get(name: string): any {
    return this.model.settings.has(name) ? this.model.settings.get(name) : null;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set(name: string, value: any): void {
    this.model.settings.set(name, value);
  }
  remove(name: string): void {
    this.model.settings.delete(name);
  }
  failNextSave(): void {
    this.failNext = true;
  }
  saveAsync(options?: Office.SaveSettingsOptions, callback?: (result: Office.AsyncResult<void>) => void): void;
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void;
  saveAsync(
    options?: Office.SaveSettingsOptions | ((result: Office.AsyncResult<void>) => void),
    callback?: (result: Office.AsyncResult<void>) => void,
  ): void {
    const cb = typeof options === "function" ? options : callback;
    const opts = typeof options === "function" ? undefined : options;
    const failed = this.failNext;
    this.failNext = false;
    if (!failed) {
      const saved: Record<string, unknown> = {};
      for (const [k, v] of this.model.settings) saved[k] = JSON.parse(JSON.stringify(v ?? null));
      this.model.savedSettings = saved;
    }
    const result = {
      value: undefined,
      status: (failed ? "failed" : "succeeded") as unknown as Office.AsyncResultStatus,
      error: (failed
        ? { code: 5001, name: "Internal Error", message: "An internal error has occurred." }
        : undefined) as Office.Error,
      asyncContext: opts?.asyncContext,
      diagnostics: undefined,
    };
    if (cb) void Promise.resolve().then(() => cb(result));
  }
  refreshAsync(callback?: (result: Office.AsyncResult<Office.Settings>) => void): void {
    this.model.settings = new Map(Object.entries(JSON.parse(JSON.stringify(this.model.savedSettings))));
    const result = {
      value: this as Office.Settings,
      status: "succeeded" as unknown as Office.AsyncResultStatus,
      error: undefined as unknown as Office.Error,
      asyncContext: undefined,
      diagnostics: undefined,
    };
    if (callback) void Promise.resolve().then(() => callback(result));
  }
  addHandlerAsync(): void {
    throw notSupported("Settings.addHandlerAsync");
  }
  removeHandlerAsync(): void {
    throw notSupported("Settings.removeHandlerAsync");
  }
}

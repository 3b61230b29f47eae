// The pane follows Excel's theme: Office.context.officeTheme where the client has it (Excel on
// Windows, Mac and the web), else the system's prefers-color-scheme. Fluent's tokens come in a light
// and a dark set; Office's own body colours then go on top, so the pane's background is Excel's
// (white, colourful's light grey, dark grey or black). Forced colours (Windows high contrast) need
// nothing here: the browser replaces every colour and Fluent's components keep their edges.
import { setTheme } from "@fluentui/web-components/theme/set-theme.js";
import { webDarkTheme, webLightTheme } from "@fluentui/tokens";

/** What the pane needs from Office.OfficeTheme (all optional: older clients give less). */
export interface OfficeThemeColours {
  readonly isDarkTheme?: boolean;
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
}

export interface PaneTheme {
  readonly dark: boolean;
  /** Fluent token overrides from Office's colours, e.g. { colorNeutralBackground1: "#262626" }. */
  readonly overrides: Readonly<Record<string, string>>;
}

const HEX = /^#?([0-9a-f]{6})$/i;

/** Relative luminance (WCAG) of "#rrggbb", or null for anything else. */
export function luminance(colour: string | undefined): number | null {
  const match = HEX.exec((colour ?? "").trim());
  if (!match) return null;
  const channel = (i: number) => {
    const c = parseInt(match[1].slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

const hex = (colour: string): string => `#${HEX.exec(colour.trim())![1].toLowerCase()}`;

/** The theme for Office's colours, or for the system's preference when Office gives none. */
export function paneTheme(office: OfficeThemeColours | undefined, systemPrefersDark: boolean): PaneTheme {
  const background = luminance(office?.bodyBackgroundColor);
  const dark =
    typeof office?.isDarkTheme === "boolean" ? office.isDarkTheme : background !== null ? background < 0.2 : systemPrefersDark;
  const overrides: Record<string, string> = {};
  const foreground = luminance(office?.bodyForegroundColor);
  // Office's colours only when they agree with the side chosen and keep text readable (4.5:1).
  if (office && background !== null && foreground !== null && background < 0.2 === dark) {
    const [hi, lo] = background > foreground ? [background, foreground] : [foreground, background];
    if ((hi + 0.05) / (lo + 0.05) >= 4.5) {
      overrides.colorNeutralBackground1 = hex(office.bodyBackgroundColor!);
      overrides.colorNeutralForeground1 = hex(office.bodyForegroundColor!);
    }
  }
  return { dark, overrides };
}

/** Sets the tokens on the document and marks it light or dark for the page's own CSS. */
export function applyTheme(theme: PaneTheme, doc: Document = document): void {
  setTheme({ ...(theme.dark ? webDarkTheme : webLightTheme), ...theme.overrides });
  doc.documentElement.dataset.theme = theme.dark ? "dark" : "light";
}

type OfficeLike = {
  context?: {
    officeTheme?: OfficeThemeColours;
    // Typed loosely: office.js's overloads take its own enum, which this module does not import.
    document?: { addHandlerAsync?: (...args: never[]) => void };
  };
  EventType?: { OfficeThemeChanged?: unknown };
};

/**
 * Applies the theme now and again whenever it changes: on OfficeThemeChanged where the client raises
 * it for a task pane, and on the system's colour-scheme change when Office gives no theme.
 */
export function followTheme(office: OfficeLike | undefined, win: Window = window): void {
  const query = win.matchMedia?.("(prefers-color-scheme: dark)");
  const update = () => applyTheme(paneTheme(office?.context?.officeTheme, query?.matches ?? false), win.document);
  update();
  query?.addEventListener?.("change", update);
  const themeChanged = office?.EventType?.OfficeThemeChanged;
  const addHandler = office?.context?.document?.addHandlerAsync;
  if (themeChanged === undefined || typeof addHandler !== "function") return;
  try {
    // Excel may not raise it (Microsoft documents it for PowerPoint and Outlook); asking costs nothing.
    (addHandler as (type: unknown, handler: () => void, callback: () => void) => void).call(
      office!.context!.document,
      themeChanged,
      update,
      () => undefined,
    );
  } catch {
    // A client without the event throws rather than answering through the callback.
  }
}

// A text or number box whose value belongs to the analyst while they type. render() runs on every
// change the controller makes, often in answer to the very keystroke being typed; writing the state's
// value back each time would move the caret, undo a half-typed "0." and hide the bad text a problem
// message is about. So the box is written only when the state's value itself changes (a new tracker
// read, a reset) and the box does not already say the same; while the box has focus even that waits
// until the analyst leaves it.

/** A native input or a Fluent text input: an element with a string value and input/blur events. */
export type TextBox = HTMLElement & { value: string };

export interface TypedInput<T> {
  readonly input: TextBox;
  /** Bring the box in line with the state's value, under the rules above. */
  sync(value: T): void;
}

export function typedInput<T>(
  input: TextBox,
  parse: (text: string) => T,
  format: (value: T) => string,
  same: (a: T, b: T) => boolean,
  onInput: (value: T) => void,
): TypedInput<T> {
  let applied: { value: T } | null = null;
  let latest: { value: T } | null = null;

  const sync = (value: T): void => {
    latest = { value };
    if (applied && same(applied.value, value)) return;
    const typed = parse(input.value ?? "");
    if (same(typed, value)) {
      applied = { value };
      return;
    }
    if (input.ownerDocument.activeElement === input) return;
    // NaN is the state echoing text that is not a number: the box already shows that text.
    if (typeof value === "number" && Number.isNaN(value)) {
      applied = { value };
      return;
    }
    input.value = format(value);
    applied = { value };
  };

  input.addEventListener("input", () => onInput(parse(input.value ?? "")));
  input.addEventListener("blur", () => {
    if (latest) sync(latest.value);
  });
  return { input, sync };
}

/** Up to six decimals, without the binary noise of 0.1 + 0.2. */
export function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "";
  return String(Number(value.toFixed(6)));
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A threshold as typed: a plain decimal, with or without its % or × suffix; NaN for anything else, empty included. */
export function parseThreshold(text: string): number {
  const bare = text.trim().replace(/\s*[%×xX]$/, "");
  return DECIMAL.test(bare) ? Number(bare) : NaN;
}

/**
 * Months elapsed from a number box: null when empty, and so also for text the box cannot read (a
 * number box reports those as ""), which leaves the field required rather than guessing a month.
 */
export function parseMonths(text: string): number | null {
  const bare = text.trim();
  if (bare === "") return null;
  return DECIMAL.test(bare) ? Number(bare) : NaN;
}

export const sameNumber = (a: number | null, b: number | null): boolean => Object.is(a, b) || (a === 0 && b === 0);

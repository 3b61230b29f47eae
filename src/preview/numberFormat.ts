// Excel number formats, roughly: enough for what trackers and CIP Analyst write (General, 0, 0.0%,
// #,##0, #,##0.0, £#,##0, "£"#,##0,"k", (#,##0) negatives, text sections). Dates, fractions,
// scientific formats and conditions show as General: the preview is a picture of the sheet, not Excel.

export interface Shown {
  readonly text: string;
  /** Numbers sit right in a cell, text left. */
  readonly align: "left" | "right" | "center";
}

const BLANK: Shown = { text: "", align: "left" };

interface Section {
  readonly prefix: string;
  readonly suffix: string;
  readonly decimals: number;
  readonly minInteger: number;
  readonly grouping: boolean;
  /** Powers of 1000 to divide by (commas after the last digit). */
  readonly scale: number;
  readonly percent: number;
  /** A section with no digit placeholders at all (e.g. "-" for zero). */
  readonly literalOnly: boolean;
  readonly text: boolean;
}

const cache = new Map<string, Section[] | null>();

export function formatCell(value: unknown, format: string): Shown {
  if (value === null || value === undefined || value === "") return BLANK;
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", align: "center" };
  if (typeof value === "string") {
    if (value.startsWith("#") && /^#[A-Z/0]+[!?]?$/.test(value)) return { text: value, align: "center" };
    const sections = parse(format);
    const textSection = sections?.find((s) => s.text);
    return { text: textSection ? textSection.prefix + value + textSection.suffix : value, align: "left" };
  }
  if (typeof value !== "number" || !Number.isFinite(value)) return { text: String(value), align: "left" };
  const sections = parse(format);
  if (!sections) return { text: general(value), align: "right" };
  const numeric = sections.filter((s) => !s.text);
  let section = numeric[0];
  let n = value;
  if (value < 0 && numeric.length >= 2) {
    section = numeric[1];
    n = -value;
  } else if (value === 0 && numeric.length >= 3) {
    section = numeric[2];
  }
  if (!section) return { text: general(value), align: "right" };
  if (section.literalOnly) return { text: section.prefix + section.suffix, align: "right" };
  const scaled = (n * 100 ** section.percent) / 1000 ** section.scale;
  return { text: section.prefix + digits(scaled, section) + section.suffix, align: "right" };
}

/** Excel's General: up to 11 significant characters, exponent for very large or small numbers. */
export function general(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) return n.toExponential(5).replace(/\.?0*e/, "E");
  const precise = Number(n.toPrecision(10));
  return String(precise);
}

function digits(n: number, s: Section): string {
  const negative = n < 0;
  const fixed = Math.abs(n).toFixed(s.decimals);
  let [whole, fraction] = fixed.split(".");
  if (s.minInteger === 0 && whole === "0" && s.decimals > 0) whole = "";
  whole = whole.padStart(s.minInteger, "0");
  if (s.grouping) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const body = fraction !== undefined ? `${whole}.${fraction}` : whole;
  // A negative number in a one-section format keeps its minus sign, unless it rounds to zero.
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

function parse(format: string): Section[] | null {
  if (cache.has(format)) return cache.get(format)!;
  const sections = format === "" || /^general$/i.test(format) ? null : splitSections(format).map(parseSection);
  const usable = sections && sections.every((s) => s !== null) ? (sections as Section[]) : null;
  cache.set(format, usable);
  return usable;
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '"') quoted = !quoted;
    if (c === "\\" && i + 1 < format.length) {
      current += c + format[++i];
      continue;
    }
    if (c === ";" && !quoted) {
      out.push(current);
      current = "";
    } else current += c;
  }
  out.push(current);
  return out;
}

/** One section as literal text before and after a run of digit placeholders; null when it is beyond us. */
function parseSection(section: string): Section | null {
  let prefix = "";
  let suffix = "";
  let pattern = "";
  let seenDigits = false;
  let percent = 0;
  let text = false;
  const literal = (t: string) => {
    if (seenDigits) suffix += t;
    else prefix += t;
  };
  for (let i = 0; i < section.length; i++) {
    const c = section[i];
    if (c === '"') {
      const end = section.indexOf('"', i + 1);
      literal(section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end;
    } else if (c === "\\") {
      literal(section[++i] ?? "");
    } else if (c === "[") {
      const end = section.indexOf("]", i);
      const inside = section.slice(i + 1, end < 0 ? undefined : end);
      // [$£-809] is a currency symbol; [Red] and [>100] are colours and conditions, left out.
      if (inside.startsWith("$")) literal(inside.slice(1).split("-")[0]);
      i = end < 0 ? section.length : end;
    } else if (c === "_") {
      literal(" ");
      i++;
    } else if (c === "*") {
      i++;
    } else if (c === "@") {
      text = true;
      seenDigits = true;
    } else if (c === "%") {
      percent++;
      literal("%");
    } else if ("0#?".includes(c) || (c === "." && /[0#?]/.test(section[i + 1] ?? "")) || (c === "," && seenDigits && !suffix)) {
      if (suffix) return null; // digits on both sides of literal text: beyond a rough formatter
      pattern += c;
      if (c !== "," && c !== ".") seenDigits = true;
      if (c === ".") seenDigits = true;
    } else if (/[dmyhsE/]/i.test(c)) {
      return null;
    } else {
      literal(c);
    }
  }
  const [intPart, fracPart = ""] = pattern.split(".");
  const trailingCommas = /,+$/.exec(intPart)?.[0].length ?? 0;
  const integer = intPart.slice(0, intPart.length - trailingCommas);
  return {
    prefix,
    suffix,
    decimals: (fracPart.match(/[0#?]/g) ?? []).length,
    minInteger: (integer.match(/0/g) ?? []).length,
    grouping: integer.includes(","),
    scale: trailingCommas + (/,+$/.exec(fracPart)?.[0].length ?? 0),
    percent,
    literalOnly: !text && pattern.replace(/[,.]/g, "") === "",
    text,
  };
}

/**
 * How Excel names columns and stores dates: the arithmetic that lets the core name a column the
 * way the analyst sees it ("AB") and read a month header typed as a date (a serial number).
 */

/** Excel's name for a 0-based column index: 0 -> "A", 25 -> "Z", 26 -> "AA", 16383 -> "XFD". */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0) return "";
  let letters = "";
  // Bijective base 26: there is no zero digit, which is why "Z" is followed by "AA".
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * A column as a formula names it ("D", "$D", "'Tracker data'!D") split into its sheet prefix
 * (with "!" and any "$") and letters, with the letters' 1-based index (A = 1); null if it is not one.
 */
export function parseColumn(spec: string): { prefix: string; letters: string; index: number } | null {
  const m = /^(.*!)?(\$?)([A-Za-z]{1,3})$/.exec(spec);
  if (m === null) return null;
  const letters = m[3].toUpperCase();
  let index = 0;
  for (const c of letters) index = index * 26 + (c.charCodeAt(0) - 64);
  return { prefix: (m[1] ?? "") + m[2], letters, index };
}

/** The largest serial Excel shows as a date: 31 December 9999. */
const LAST_EXCEL_SERIAL = 2958465;
/** Days from 1 January 1900 to 1 January 1970. */
const DAYS_1900_TO_1970 = 25567;

/**
 * The calendar date of an Excel date serial (1900 system), or null if the number is not one.
 * Pure arithmetic, so the answer cannot depend on the machine's time zone. Serial 60 is the
 * 29 February 1900 that Excel keeps for Lotus 1-2-3's sake; every later serial is one day
 * ahead of the real calendar.
 */
export function excelSerialDate(serial: number): { year: number; month: number; day: number } | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > LAST_EXCEL_SERIAL) return null;
  if (serial === 60) return { year: 1900, month: 2, day: 29 };
  const daysSince1970 = (serial < 60 ? serial - 1 : serial - 2) - DAYS_1900_TO_1970;
  return civilFromDays(daysSince1970);
}

// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian, eras of 400 years).
function civilFromDays(days: number): {
  year: number;
  month: number;
  day: number;
} {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The financial-year month of a calendar month (1 = January): April is month 1, March month 12. */
export function financialMonth(calendarMonth: number): number {
  return ((calendarMonth + 8) % 12) + 1;
}

/** Calendar months as a message names them, January first. */
export const CALENDAR_MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

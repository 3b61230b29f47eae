// Office.js rejects with OfficeExtension.Error, whose `code` says what Excel refused. The analyst
// gets a sentence about their workbook instead of "RichApi.Error".

const WORDS: Readonly<Record<string, string>> = {
  AccessDenied: "Excel refused the change: the sheet or workbook is protected, or shared in a way that blocks add-ins.",
  InsertDeleteConflict: "Excel refused the change because it would move part of a table, a merged cell or a spilled array.",
  InvalidOperation: "Excel refused the operation.",
  ItemNotFound: "A sheet or range the add-in needs was deleted or renamed while it was working.",
  RequestPayloadSizeLimitExceeded: "Excel refused a request as too large.",
  ResponsePayloadSizeLimitExceeded: "Excel refused to return so much data at once.",
  GeneralException: "Excel reported an internal error.",
  Conflict: "Someone else changed the workbook at the same time.",
  ApiNotFound: "This version of Excel lacks a feature the add-in needs.",
  InvalidArgument: "Excel refused a value the add-in sent.",
  EditModeCannotAcquireContext: "Excel is busy with a cell being edited: press Enter or Esc in the sheet, then try again.",
};

export function describeOfficeError(error: unknown): string {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  const message = messageOf(error);
  const words = typeof code === "string" && Object.prototype.hasOwnProperty.call(WORDS, code) ? WORDS[code] : undefined;
  if (words) return `${words} (${code}: ${message})`;
  return `Excel reported: ${message}`;
}

/** Whatever was thrown, as text; never throws itself (a thrown object may have no toString). */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null) {
    const message = (error as { message?: unknown }).message;
    if (typeof message === "string") return message;
  }
  try {
    return String(error);
  } catch {
    return "an error without a description";
  }
}

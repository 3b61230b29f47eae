/**
 * Errors shaped like office.js's RichApi.Error. Codes and messages are Excel's own: the client-side
 * ones (PropertyNotLoaded, ValueNotLoaded, the two payload limits) are office.js's resource strings;
 * the service-side ones are those the Excel error-handling docs and issue threads quote.
 */

export const MESSAGES: Record<string, string> = {
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  RequestPayloadSizeLimitExceeded:
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  ResponsePayloadSizeLimitExceeded:
    'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  RangeExceedsLimit: "The cell count in range has exceeded the maximum supported number.",
  AccessDenied: "You cannot perform the requested operation.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidSelection: "The current selection is invalid for this operation.",
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: "The resource being created already exists.",
  InvalidOperation: "The attempted operation is invalid on the object.",
  GeneralException: "An internal error has occurred.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  NotImplemented: "The requested feature isn't implemented.",
};

export class ExcelDoubleError
  extends Error
  implements Pick<OfficeExtension.Error, "name" | "message" | "code" | "traceMessages" | "debugInfo">
{
  code: string;
  traceMessages: string[] = [];
  debugInfo: OfficeExtension.DebugInfo;

  constructor(code: string, errorLocation?: string, message?: string) {
    super(message ?? MESSAGES[code] ?? code);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message: this.message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export function propertyNotLoaded(entity: string, property: string): ExcelDoubleError {
  return new ExcelDoubleError("PropertyNotLoaded", `${entity}.${property}`, MESSAGES.PropertyNotLoaded.replace("{0}", property));
}

export function notSupported(what: string): Error {
  return new Error(`${what} is not supported by the double`);
}

/** A test double of the Excel JavaScript API that behaves like Excel; see ./excel/index.ts. */
export * from "./excel/index";

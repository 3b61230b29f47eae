// The Excel double's public API (see README.md). Importers use this folder, never a file under src/.
export * from "./src/index";

// ESLint configuration for `npm run lint` (office-addin-lint check, which lints src/**/*.{ts,tsx,js,jsx}
// and picks up this file from the project root). It is office-addin-lint's own default
// configuration, i.e. the Office.js rules of eslint-plugin-office-addins (load() before reading a
// property, sync() before reading a loaded value, no sync() in loops, isNullObject tests, ...) plus
// prettier formatting (options in .prettierrc.json), with one change below.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

export default [
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
  },
  {
    // TypeScript already reports undefined names (npm run typecheck) and knows the Office,
    // Excel and CustomFunctions globals from their @types packages; ESLint's core no-undef does
    // not, and would demand a /* global */ comment in every file. typescript-eslint recommends
    // turning it off for TypeScript.
    files: ["**/*.ts", "**/*.tsx"],
    rules: { "no-undef": "off" },
  },
];

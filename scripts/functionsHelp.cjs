// functions.html, the page each CIP.* function's help link opens, made at build time from
// docs/functions.md so the reference has one source. Headings get ids ("## CIP.SHORTFALL" is
// #cip-shortfall) that functions.json's helpUrl fragments point at. marked runs here, in the build,
// never in the add-in's bundles.
"use strict";

const { Marked } = require("marked");

/** The id of a heading: "CIP.SHORTFALL" → "cip-shortfall"; "Errors" → "errors". */
function headingId(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

function renderFunctionsHelp(markdown) {
  const marked = new Marked({
    renderer: {
      heading({ tokens, depth, text }) {
        return `<h${depth} id="${headingId(text)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
    },
  });
  const body = marked.parse(markdown);
  const title = /^#\s+(.+)$/m.exec(markdown)?.[1] ?? "CIP worksheet functions";
  return `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self'" />
    <title>${escapeHtml(title)} · CIP Analyst</title>
    <link rel="stylesheet" href="help.css" />
  </head>
  <body>
    <main>
${body}
    </main>
  </body>
</html>
`;
}

module.exports = { renderFunctionsHelp, headingId };

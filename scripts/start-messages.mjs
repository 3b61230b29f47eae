// What npm start and npm run preview (scripts/start.mjs) tell the user once the dev server answers,
// as lines of text, so that a test can read them without starting a server.

/** The dev server's addresses; `preview: false` when the preview's own instructions follow. */
export function urlLines(origin, { preview = true } = {}) {
  return [
    `  Task pane page:  ${origin}/taskpane.html`,
    `  Manifest:        ${origin}/manifest.xml   (the same file as manifest.xml in this folder)`,
    ...(preview ? [`  Preview:         ${origin}/preview.html   (the pane beside a stand-in workbook, no Excel needed)`] : []),
  ];
}

/**
 * Where the browser preview is. `offerHttp`: the server is https with a certificate the browser
 * may not trust (the note above says so), so name the plain-http way, which this very server
 * must make way for.
 */
export function previewLines(origin, { offerHttp = false } = {}) {
  return [
    "To see and use the task pane without Excel, open the browser preview:",
    `  ${origin}/preview.html`,
    "  It is the real task pane beside a stand-in workbook (the Excel double of the tests), holding",
    `  the sample tracker; ${origin}/preview.html?rows=100000 opens a 100,000-row synthetic one.`,
    ...(offerHttp ? ["  Plain http avoids the certificate warning: Ctrl+C here, then CIP_DEV_HTTP=1 npm run preview."] : []),
  ];
}

/** npm run preview while the dev server from an earlier npm start or npm run preview is serving. */
export function previewAlreadyServedLines(state) {
  return [
    `The preview is already being served, by the dev server started earlier (pid ${state.pid}):`,
    `  ${state.origin}/preview.html`,
    "That server keeps running in its own terminal; npm stop ends it.",
  ];
}

/** How to load the add-in into Excel on the web with "Upload My Add-in". */
export function uploadLines(origin) {
  return [
    "To try it in Excel on the web from a browser on this machine:",
    "  1. Open a workbook in Excel on the web (office.com, OneDrive or SharePoint).",
    "  2. Home > Add-ins > More Add-ins (older layout: Insert > Office Add-ins), then My Add-ins >",
    "     Manage My Add-ins > Upload My Add-in, and choose manifest.xml from this folder.",
    "  3. Home > CIP Analyst > Analyse tracker opens the pane; =CIP. in a cell lists the functions.",
    ...(origin.startsWith("http:")
      ? [
          "  This will not load yet: the manifest points at https://localhost:3000 and this server is http",
          "  (see the warning above).",
        ]
      : [
          `  Open ${origin}/taskpane.html first: if the browser warns about its certificate there,`,
          "  Excel on the web cannot load the add-in either.",
        ]),
    "  A sideloaded manifest lives in the browser's storage; clear the cache to remove it.",
  ];
}

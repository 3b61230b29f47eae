// Build of the CIP Analyst add-in.
//
//   npm run build       production: ADDIN_URL (https) required; office.js from Microsoft's CDN; the
//                       manifest's development URLs rewritten to ADDIN_URL; size budgets enforced.
//   npm run build:dev   development: office.js copied from @microsoft/office-js into dist/office-js/.
//   npm run dev-server  development build served on port 3000 (https when certificates allow, see
//                       scripts/devCerts.cjs), live reload in the task pane only.
//   npm run preview     the same dev server, for preview.html (below) rather than Excel.
//
// One page, taskpane.html, is the shared runtime: task pane, custom-functions page and FunctionFile
// at once. It loads the functions, commands and taskpane chunks. functions.js is also what the
// manifest's CustomFunctions <Script> names, beside functions.json. In a shared runtime Excel runs
// the page, which loads functions.js once; if the file were ever evaluated twice in one window, the
// second CustomFunctions.associate of an id only logs "[DuplicatedName]" and replaces the first with
// an identical function (custom-functions-runtime.js), so nothing breaks.
//
// Development builds also hold the browser preview, never a production one: preview.html (a grid of
// the Excel double from packages/excel-double beside the pane) frames preview-pane.html, which is
// taskpane.html from the same template with the same three chunks, only with preview-office.js (a
// stand-in for office.js over the double, src/preview/officeShim.ts) where office.js would be.
"use strict";

const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const webpack = require("webpack");
const { BundleSizePlugin } = require("./scripts/bundle-sizes.cjs");
const { DEV_PORT, getDevServerTransport, reportTransport } = require("./scripts/devCerts.cjs");
const { renderFunctionsHelp } = require("./scripts/functionsHelp.cjs");

const DEV_URL = `https://localhost:${DEV_PORT}/`;
const DEV_URL_PATTERN = new RegExp(`https://localhost:${DEV_PORT}(/)?`, "g");
const HELP_URL_BASE = "{ADDIN_URL}/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_PACKAGE = path.dirname(require.resolve("@microsoft/office-js/package.json"));
const KB = 1024;
const BUDGETS = { "taskpane.js": 150 * KB, "functions.js": 30 * KB };

// Content-Security-Policy of taskpane.html, as a <meta> tag (the hosting server may add the same as a
// header; frame-ancestors only works as a header and is deliberately absent: Excel on the web shows
// the pane in a frame on Microsoft's domains, which a frame-ancestors list would have to track).
const CSP = [
  // Everything not named below: our own origin only.
  "default-src 'self'",
  // Our bundles, and office.js from Microsoft's CDN (which loads its host files, e.g.
  // excel-web-16.00.js and telemetry/oteljs_agave.js, from the same folder). No 'unsafe-inline',
  // no 'unsafe-eval': the page has no inline script and the source maps are files, not eval.
  "script-src 'self' https://appsforoffice.microsoft.com",
  // Our stylesheet only. office.js and its Excel host files style their few elements through the
  // CSSOM (element.style.x = ...), which CSP does not restrict, and inject no <style> or style="",
  // so 'unsafe-inline' is not needed.
  "style-src 'self'",
  // Our icons.
  "img-src 'self'",
  // XHR/fetch/WebSocket to our origin only (in development that is the live-reload socket).
  "connect-src 'self'",
  // When Excel on the web is on a host office.js does not recognise, office.js frames its
  // AgaveErrorUX page from office.js's own folder (the CDN) to ask the user; allow exactly that.
  "frame-src 'self' https://appsforoffice.microsoft.com",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/**
 * A wrong ADDIN_URL. webpack-cli prints whatever the config throws with util.inspect, which for an
 * Error is its whole stack; this one shows as its message alone, so `npm run build` says what is
 * wrong in one line. Code that loads the config itself still gets an ordinary Error.
 */
const { inspect } = require("node:util");
class AddinUrlError extends Error {
  [inspect.custom]() {
    return this.message;
  }
}

/** The production base URL from ADDIN_URL, with exactly one trailing slash; throws a one-line message. */
function productionBaseUrl(raw) {
  const example = "ADDIN_URL=https://cip.example.org/addin npm run build";
  if (!raw || !raw.trim()) {
    throw new AddinUrlError(
      `ADDIN_URL is not set: a production build needs the https address the add-in will be served from, e.g. ${example} (npm run build:dev builds for this machine).`,
    );
  }
  let url;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AddinUrlError(`ADDIN_URL is not a valid URL: "${raw}". Example: ${example}`);
  }
  if (url.protocol !== "https:") {
    throw new AddinUrlError(
      `ADDIN_URL must be an https URL (Office loads add-ins only over https); got "${raw}". Example: ${example}`,
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new AddinUrlError(`ADDIN_URL must be a plain https folder URL, without query, fragment or credentials; got "${raw}".`);
  }
  if (/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(url.hostname)) {
    throw new AddinUrlError(
      `ADDIN_URL points at this machine ("${raw}"); for local use run npm run build:dev or npm run dev-server.`,
    );
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** The manifest for production: every development URL rewritten (all of them, not just the first). */
function productionManifest(content, baseUrl) {
  const origin = new URL(baseUrl).origin;
  const xml = content
    .toString("utf8")
    // Comments are notes for developers (and mention localhost); the released manifest needs none.
    .replace(/<!--[\s\S]*?-->\s*/g, "")
    // "https://localhost:3000/x" becomes "<ADDIN_URL>/x"; a bare "https://localhost:3000" (e.g. an
    // AppDomain) becomes the origin of ADDIN_URL.
    .replace(DEV_URL_PATTERN, (_, slash) => (slash ? baseUrl : origin));
  const left = xml.match(/.{0,40}(localhost|127\.0\.0\.1).{0,40}/i);
  if (left) {
    throw new Error(
      `manifest.xml still names this machine after the rewrite: "${left[0]}". Write development URLs as ${DEV_URL}...`,
    );
  }
  return xml;
}

/**
 * Release checks on the emitted files: every URL the manifest or functions.json names under the
 * add-in's base must be a file of this build, and (production) no file may mention localhost.
 * Before checking, functions.json's help links, written as "{ADDIN_URL}/functions.html#..." in the
 * functions' JSDoc (so no build's sources name a host), are pointed at the add-in's base URL.
 */
class ReleaseChecksPlugin {
  constructor({ baseUrl, production }) {
    this.baseUrl = baseUrl;
    this.production = production;
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(ReleaseChecksPlugin.name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: ReleaseChecksPlugin.name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        (assets) => {
          if (!assets["functions.json"]) return;
          const json = assets["functions.json"].source().toString().replaceAll(HELP_URL_BASE, this.baseUrl);
          compilation.updateAsset("functions.json", new sources.RawSource(json));
        },
      );
      compilation.hooks.processAssets.tap(
        { name: ReleaseChecksPlugin.name, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          const problem = (message) =>
            (this.production ? compilation.errors : compilation.warnings).push(new WebpackError(message));
          if (!assets["manifest.xml"]) problem("manifest.xml was not copied into the build.");
          for (const name of ["manifest.xml", "functions.json"]) {
            if (!assets[name]) continue;
            const urls =
              assets[name]
                .source()
                .toString()
                .match(/https?:\/\/[^"'<>\s]+/g) ?? [];
            for (const url of new Set(urls)) {
              if (!url.startsWith(this.baseUrl)) continue;
              const file = decodeURIComponent(url.slice(this.baseUrl.length).replace(/[?#].*$/, ""));
              if (!assets[file]) problem(`${name} points at ${url}, but the build has no ${file}.`);
            }
          }
          if (!this.production) return;
          const mentions = Object.keys(assets).filter((name) => /localhost/i.test(assets[name].buffer().toString("latin1")));
          if (mentions.length > 0) {
            problem(`A production build must not mention localhost, but these files do: ${mentions.join(", ")}.`);
          }
        },
      );
    });
  }
}

/** office.js and its Excel files from @microsoft/office-js, for development and tests (never production). */
function officeJsCopy() {
  const otherHosts = ["access", "onenote", "outlook", "powerpoint", "project", "visio", "word"];
  return {
    from: path.join(OFFICE_JS_PACKAGE, "dist").replace(/\\/g, "/"),
    to: "office-js",
    globOptions: {
      ignore: [
        "**/*.debug.js",
        "**/*.d.ts",
        "**/*vsdoc*",
        "**/outlook_strings.js",
        ...otherHosts.flatMap((host) => [`**/${host}-*.js`, `**/${host}webapp-*.js`, `**/${host}ios-*.js`]),
      ],
    },
    info: { minimized: true },
  };
}

/**
 * webpack-dev-server's client (live reload and the error overlay) in the task pane chunk only:
 * functions.js must stay free of DOM and socket code. The query mirrors what the dev server would
 * inject itself; host and port 0 mean "the page's own".
 */
function devServerClient() {
  const query = new URLSearchParams({
    protocol: "auto:",
    hostname: "0.0.0.0",
    port: "0",
    pathname: "/ws",
    logging: "warn",
    overlay: JSON.stringify({ errors: true, warnings: false, runtimeErrors: false }),
    reconnect: "10",
    hot: "false",
    "live-reload": "true",
  });
  return `${require.resolve("webpack-dev-server/client/index.js")}?${query}`;
}

/** The preview's two pages (development builds only; see the top of this file). */
function previewPages() {
  return [
    new HtmlWebpackPlugin({
      filename: "preview.html",
      template: "./src/preview/preview.html",
      chunks: ["preview"],
      inject: "head",
      scriptLoading: "defer",
      hash: true,
      templateParameters: { contentSecurityPolicy: CSP },
    }),
    new HtmlWebpackPlugin({
      filename: "preview-pane.html",
      template: "./src/taskpane/taskpane.html",
      chunks: ["functions", "commands", "taskpane"],
      chunksSortMode: "manual",
      inject: "head",
      scriptLoading: "defer",
      hash: true,
      templateParameters: { contentSecurityPolicy: CSP, officeJsUrl: "preview-office.js" },
    }),
  ];
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode ?? "production";
  const production = mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = production ? productionBaseUrl(process.env.ADDIN_URL) : DEV_URL;

  let devServer;
  if (serving) {
    const transport = await getDevServerTransport({ prefer: process.env.CIP_DEV_PROTOCOL, log: console.log });
    reportTransport(transport);
    devServer = {
      host: transport.host,
      port: transport.port,
      server: transport.server,
      // Excel (desktop and web) fetches functions.json and functions.js from its own origin.
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      client: false, // injected by hand into the taskpane chunk, see devServerClient()
      hot: false,
      liveReload: true,
      webSocketServer: "ws",
    };
  }

  const taskpaneEntry = "./src/taskpane/taskpane.ts";
  const previewEntry = "./src/preview/preview.ts";
  const preview = !production;
  return {
    mode,
    // Source maps as separate .map files for our bundles only (not the copied CSS or office.js). Never
    // an eval devtool: the page's CSP has no 'unsafe-eval'.
    devtool: false,
    entry: {
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
      taskpane: serving ? [devServerClient(), taskpaneEntry] : taskpaneEntry,
      ...(preview
        ? {
            preview: serving ? [devServerClient(), previewEntry] : previewEntry,
            "preview-office": "./src/preview/officeShim.ts",
          }
        : {}),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      publicPath: "", // relative URLs: the add-in may live in a folder (ADDIN_URL=https://host/addin)
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: {
            // Type checking is `npm run typecheck`; here it would slow every build and report
            // phantom errors in watch mode after the metadata plugin appends its associate calls.
            transpileOnly: true,
            // ES2017 rather than tsconfig's ES2020: Excel on Windows without WebView2 renders add-ins
            // in Edge Legacy, which has no ?. or ??; TypeScript lowers them here.
            compilerOptions: { target: "ES2017", noEmit: false, sourceMap: true },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
        inject: "head",
        scriptLoading: "defer",
        hash: true, // taskpane.js?<hash>: Office caches add-in pages hard
        templateParameters: {
          contentSecurityPolicy: CSP,
          officeJsUrl: production ? OFFICE_JS_CDN : "office-js/office.js",
        },
      }),
      ...(preview ? previewPages() : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          ...(preview ? [{ from: "src/preview/preview.css", to: "preview.css" }] : []),
          { from: "assets/icon-*.png", to: "assets/[name][ext]", info: { minimized: true } },
          { from: "assets/sample-*.json", to: "assets/[name][ext]", noErrorOnMissing: true, info: { minimized: true } },
          // Missing help files are reported by ReleaseChecksPlugin (the manifest links help.html).
          { from: "src/help/help.html", to: "help.html", noErrorOnMissing: true },
          { from: "src/help/help.css", to: "help.css", noErrorOnMissing: true },
          // The function reference the functions' help links open (scripts/functionsHelp.cjs).
          {
            from: "docs/functions.md",
            to: "functions.html",
            transform: (content) => renderFunctionsHelp(content.toString("utf8")),
          },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            ...(production ? { transform: (content) => productionManifest(content, baseUrl) } : {}),
          },
          ...(production ? [] : [officeJsCopy()]),
        ],
      }),
      new webpack.SourceMapDevToolPlugin({ filename: "[file].map", test: /\.js$/, exclude: /^office-js\// }),
      new ReleaseChecksPlugin({ baseUrl, production }),
      new BundleSizePlugin({ budgets: BUDGETS, enforce: production, print: production }),
    ],
    // BundleSizePlugin enforces real budgets; webpack's generic 244 KiB hint would only add noise.
    performance: { hints: false },
    stats: "errors-warnings",
    devServer,
  };
};

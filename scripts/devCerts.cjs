// How the development server listens: the one place that decides between https with trusted
// certificates, https with certificate files whose CA we could not install, and plain http.
// Used by webpack.config.js (`npm run dev-server`) and scripts/start.mjs (`npm start`).
//
// Order of preference (it never throws; the worst case is http with a warning):
//   1. office-addin-dev-certs generates certificates and installs its CA where that can be done
//      without a hidden password prompt: Windows and macOS (the system shows its own dialog), and
//      Linux only when `sudo -n` works. Not attempted when CI is set.
//   2. The certificate files it generates in ~/.office-addin-dev-certs/ (localhost.crt,
//      localhost.key, ca.crt), if they exist, match and have not expired; whether the CA is trusted
//      is then up to the machine.
//   3. Plain http on localhost. A browser preview works; Excel does not load http add-ins.
// CIP_DEV_HTTP=1 forces 3. `prefer` is what start.mjs already chose and reported, passed to the dev
// server it spawns: "https" skips the installer and uses the files from 2, so nobody is asked for a
// password twice, and neither choice is reported again, so each note is printed once.
//
// The port is DEV_PORT, the one the manifest's URLs name. CIP_DEV_PORT serves on another port, which
// only the browser preview can use (Excel follows the manifest); the tests use it to stay off 3000.
"use strict";

const { spawnSync } = require("node:child_process");
const crypto = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const DEV_PORT = 3000;
const DEV_HOST = "localhost";
const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");
const FILES = {
  ca: path.join(CERT_DIR, "ca.crt"),
  cert: path.join(CERT_DIR, "localhost.crt"),
  key: path.join(CERT_DIR, "localhost.key"),
};

/** The port to serve on: CIP_DEV_PORT if set (NaN if that is not a port number), else DEV_PORT. */
function servePort() {
  const raw = process.env.CIP_DEV_PORT;
  if (raw === undefined || raw === "") return DEV_PORT;
  const port = Number(raw);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : NaN;
}

function isCI() {
  const ci = (process.env.CI || "").toLowerCase();
  return ci !== "" && ci !== "false" && ci !== "0";
}

/** Whether office-addin-dev-certs can install its CA here without waiting on an invisible prompt. */
function canInstallCa() {
  if (isCI()) return { ok: false, why: "CI is set" };
  if (process.platform === "win32" || process.platform === "darwin") return { ok: true };
  if (process.platform !== "linux") return { ok: false, why: `no CA installer for ${process.platform}` };
  const hasTool = ["/usr/sbin/update-ca-certificates", "/usr/sbin/update-ca-trust"].some((f) => fs.existsSync(f));
  if (!hasTool) return { ok: false, why: "neither update-ca-certificates nor update-ca-trust is installed" };
  const sudo = spawnSync("sudo", ["-n", "true"], { stdio: "ignore", timeout: 5000 });
  if (sudo.error && sudo.error.code === "ENOENT")
    return { ok: false, why: "installing the CA needs sudo, which is not installed" };
  if (sudo.error || sudo.status !== 0)
    return { ok: false, why: "installing the CA needs sudo, which asks for a password (run `sudo -v` first to allow it)" };
  return { ok: true };
}

/** Reads the generated files if they exist, belong together and are still valid. */
function readCertificateFiles() {
  if (!Object.values(FILES).every((f) => fs.existsSync(f))) return { ok: false, why: `no certificate files in ${CERT_DIR}` };
  try {
    const ca = fs.readFileSync(FILES.ca);
    const cert = fs.readFileSync(FILES.cert);
    const key = fs.readFileSync(FILES.key);
    const x509 = new crypto.X509Certificate(cert);
    if (!x509.checkPrivateKey(crypto.createPrivateKey(key)))
      return { ok: false, why: "localhost.key does not match localhost.crt" };
    if (Date.parse(x509.validTo) < Date.now()) return { ok: false, why: `localhost.crt expired on ${x509.validTo}` };
    return { ok: true, options: { ca, cert, key } };
  } catch (err) {
    return { ok: false, why: `the certificate files could not be read (${err.message})` };
  }
}

function result(protocol, options, notes, warning, trusted = false) {
  const port = servePort();
  return {
    protocol,
    origin: `${protocol}://${DEV_HOST}:${port}`,
    host: DEV_HOST,
    port,
    // webpack-dev-server 5 `server` option
    server: protocol === "https" ? { type: "https", options } : { type: "http" },
    notes,
    warning,
    // https whose CA office-addin-dev-certs installed (or found installed) here
    trusted,
  };
}

const HTTP_WARNING = (why, { howToHttps = true } = {}) =>
  [
    `Serving over plain http on ${DEV_HOST}:${servePort()} because ${why}.`,
    `A browser preview works, but Excel loads add-ins only over https (the manifest uses https://${DEV_HOST}:${DEV_PORT}/).`,
    ...(howToHttps
      ? [
          "To get https: run `npx office-addin-dev-certs install` (on Linux it needs sudo), or trust",
          `${FILES.ca} yourself, then restart the dev server.`,
        ]
      : []),
  ].join("\n");

/** Runs fn with console.log silenced (office-addin-dev-certs announces what our notes say already). */
async function quietly(fn) {
  const log = console.log;
  console.log = () => {};
  try {
    return await fn();
  } finally {
    console.log = log;
  }
}

/**
 * @param {{ log?: (message: string) => void, prefer?: "https" | "http" }} [options]
 *   prefer: what npm start chose, and has already reported, for the dev server it spawns: honoured
 *   without a second word about it (https only while the certificate files are still there).
 * @returns {Promise<{protocol: "https"|"http", origin: string, host: string, port: number,
 *   server: object, notes: string[], warning?: string, trusted: boolean}>}
 */
async function getDevServerTransport({ log = () => {}, prefer } = {}) {
  const notes = [];
  try {
    if (prefer === "http") return result("http", undefined, notes);
    if (prefer === "https") {
      const files = readCertificateFiles();
      if (files.ok) return result("https", files.options, notes);
    }
    if (process.env.CIP_DEV_HTTP === "1")
      return result("http", undefined, notes, HTTP_WARNING("CIP_DEV_HTTP=1 is set", { howToHttps: false }));

    const install = canInstallCa();
    if (install.ok) {
      try {
        const devCerts = require("office-addin-dev-certs");
        log("Checking the Office add-in development certificates (office-addin-dev-certs)...");
        const options = await devCerts.getHttpsServerOptions();
        return result("https", { ca: options.ca, cert: options.cert, key: options.key }, notes, undefined, true);
      } catch (err) {
        notes.push(`office-addin-dev-certs could not install its CA: ${String(err.message || err).split("\n")[0]}`);
      }
    } else {
      notes.push(`not installing the development CA: ${install.why}`);
    }

    let files = readCertificateFiles();
    let generated = false;
    if (!files.ok) {
      // office-addin-dev-certs can make the CA and the localhost certificate without installing
      // them (pure JavaScript, nothing downloaded): https then works, and the analyst trusts the CA
      // once by hand instead of having no https at all.
      try {
        const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
        await quietly(() => generateCertificates());
        generated = true;
        files = readCertificateFiles();
      } catch (err) {
        notes.push(`could not generate development certificates: ${String(err.message || err).split("\n")[0]}`);
      }
    }
    if (files.ok) {
      notes.push(
        generated
          ? `generated development certificates in ${CERT_DIR}; their CA is not trusted yet, so the browser and Excel warn about them until you trust ${FILES.ca}`
          : `using the development certificates in ${CERT_DIR}; if the browser or Excel warns about them, trust ${FILES.ca}`,
      );
      return result("https", files.options, notes);
    }
    return result("http", undefined, notes, HTTP_WARNING(files.why));
  } catch (err) {
    return result("http", undefined, notes, HTTP_WARNING(`choosing https failed unexpectedly (${err.message})`));
  }
}

/** Prints the transport's notes and warning in a way that is hard to miss. */
function reportTransport(transport, print = console.warn) {
  for (const note of transport.notes) print(`[dev-server] ${note}`);
  if (transport.warning) {
    const line = "=".repeat(78);
    print(`${line}\nWARNING ${transport.warning}\n${line}`);
  }
}

module.exports = { DEV_PORT, DEV_HOST, CERT_DIR, isCI, servePort, getDevServerTransport, reportTransport };

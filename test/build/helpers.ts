import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Every file under dir, as paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

export const readText = (dir: string, file: string): string => readFileSync(join(dir, file), "utf8");

export const gzipSize = (dir: string, file: string): number => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;

/** The base URL a production build rewrites development URLs to: ADDIN_URL with one trailing slash. */
export const baseOf = (addinUrl: string): string => (addinUrl.endsWith("/") ? addinUrl : `${addinUrl}/`);

/** URL-valued attributes of the manifest (namespace declarations excluded). */
export function manifestUrls(xml: string): string[] {
  const urls: string[] = [];
  for (const m of xml.matchAll(/\s([\w:.-]+)\s*=\s*"(https?:\/\/[^"]*)"/g)) {
    if (m[1] === "xmlns" || m[1].startsWith("xmlns:")) continue;
    urls.push(m[2]);
  }
  for (const m of xml.matchAll(/>\s*(https?:\/\/[^<\s]*)\s*</g)) urls.push(m[1]);
  return urls;
}

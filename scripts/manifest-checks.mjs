/**
 * Consistency checks for the add-in's XML manifest that the XSD cannot make.
 *
 *   import { checkManifest, CHECKS } from "./manifest-checks.mjs";
 *   const problems = checkManifest(xmlText, { assetsDir: "assets" });   // [] when all is well
 *
 * Each problem is one sentence that names the element and says what to change. The XSD
 * (../shared/office-manifest-schemas/validate.sh, run by scripts/validate-manifest.mjs) checks
 * element order, types and lengths; this module checks how the parts refer to each other:
 * resource ids, the shared runtime, the custom-functions namespace, https, icon files and sizes.
 *
 * The XML is parsed with fast-xml-parser (order preserved) and every element and attribute name is
 * resolved to its namespace here, so a different prefix for the same namespace makes no difference.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

export const NS = Object.freeze({
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
});

/** What checkManifest checks, one entry per check (validate-manifest.mjs prints the count). */
export const CHECKS = Object.freeze([
  "the manifest is well-formed XML with an OfficeApp root of xsi:type TaskPaneApp and a VersionOverrides of xsi:type VersionOverridesV1_0",
  "<Id> is a GUID in the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, not the nil GUID and not one copied from a Microsoft template",
  "the hosts in <Hosts> and in VersionOverrides/Hosts are the same",
  "every resource id in Resources is defined once",
  "every resid resolves to exactly one resource of the kind its element needs (bt:Image, bt:Url, short or long bt:String)",
  "every resource in Resources is used",
  "the Runtime, the CustomFunctions Page, the FunctionFile and every ShowTaskpane SourceLocation use the same resid",
  'the shared runtime is declared with lifetime="long"',
  'Requirements has <Set Name="SharedRuntime" MinVersion="1.1"/> (or later)',
  "DefaultSettings/SourceLocation is the shared runtime's page",
  "the CustomFunctions namespace is 1-32 letters, digits, dots or underscores",
  "every URL (SourceLocation, bt:Url, bt:Image, IconUrl, HighResolutionIconUrl, SupportUrl, AppDomain) is an absolute https URL",
  "the page, the functions script and metadata, and the icons are served from one origin",
  "every ribbon <Icon> has exactly one image each of 16, 32 and 80 px, and only supported sizes",
  "every icon URL names a PNG under assets/ that exists, is under 100 KB and has the size its role or size attribute says",
  "Group, Control and menu Item ids are unique",
]);

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids of Microsoft's public templates (Excel-Custom-Functions[-Shared], Office-Addin-TaskPane). */
const TEMPLATE_GUIDS = new Set(["ca968be6-628b-4f14-ba3c-3e614effa9bd", "05c2e1c9-3e1d-406e-9a91-e9ac64854143"]);
const NAMESPACE_RE = /^[A-Za-z0-9._]+$/;
const RIBBON_ICON_SIZES = new Set([16, 20, 24, 32, 40, 48, 64, 80]);
const REQUIRED_RIBBON_ICON_SIZES = [16, 32, 80];
const MAX_ICON_BYTES = 100 * 1024;

const KIND_TEXT = {
  Image: "a bt:Image (in bt:Images)",
  Url: "a bt:Url (in bt:Urls)",
  ShortString: "a bt:String in bt:ShortStrings",
  LongString: "a bt:String in bt:LongStrings",
};

// ---------------------------------------------------------------------------------------------
// A small namespace-aware element tree built from fast-xml-parser's ordered output.

/**
 * @typedef {{ ns: string | undefined, local: string, qname: string, value: string }} Attr
 * @typedef {{ ns: string | undefined, local: string, qname: string, attrs: Attr[], children: El[],
 *             text: string, parent: El | null, scope: Map<string, string> }} El
 */

function splitQName(qname) {
  const i = qname.indexOf(":");
  return i < 0 ? ["", qname] : [qname.slice(0, i), qname.slice(i + 1)];
}

function buildTree(items, parent, scope, problems) {
  /** @type {El[]} */
  const out = [];
  for (const item of items) {
    const key = Object.keys(item).find((k) => k !== ":@");
    if (key === undefined || key === "#comment" || key.startsWith("?")) continue;
    if (key === "#text") {
      if (parent) parent.text += String(item[key]);
      continue;
    }
    const rawAttrs = item[":@"] ?? {};
    const elScope = new Map(scope);
    for (const [name, value] of Object.entries(rawAttrs)) {
      if (name === "xmlns") elScope.set("", String(value));
      else if (name.startsWith("xmlns:")) elScope.set(name.slice(6), String(value));
    }
    const [prefix, local] = splitQName(key);
    if (prefix && !elScope.has(prefix)) problems.push(`Element <${key}> uses the prefix "${prefix}", which is not declared.`);
    const attrs = [];
    for (const [name, value] of Object.entries(rawAttrs)) {
      if (name === "xmlns" || name.startsWith("xmlns:")) continue;
      const [aPrefix, aLocal] = splitQName(name);
      if (aPrefix && !elScope.has(aPrefix)) problems.push(`Attribute ${name} on <${key}> uses the prefix "${aPrefix}", which is not declared.`);
      // Unprefixed attributes are in no namespace.
      attrs.push({ ns: aPrefix ? elScope.get(aPrefix) : undefined, local: aLocal, qname: name, value: String(value) });
    }
    /** @type {El} */
    const el = { ns: elScope.get(prefix), local, qname: key, attrs, children: [], text: "", parent, scope: elScope };
    el.children = buildTree(item[key] ?? [], el, elScope, problems);
    out.push(el);
  }
  return out;
}

/** An unqualified attribute's value, or undefined. */
const attr = (el, name) => el?.attrs.find((a) => a.ns === undefined && a.local === name)?.value;
/** The local part of xsi:type (its prefix is not significant here). */
const xsiType = (el) => {
  const v = el.attrs.find((a) => a.ns === NS.xsi && a.local === "type")?.value;
  return v === undefined ? undefined : splitQName(v.trim())[1];
};
const kids = (el, local, ns) => (el ? el.children.filter((c) => c.local === local && (ns === undefined || c.ns === ns)) : []);
const kid = (el, local, ns) => kids(el, local, ns)[0];
function* walk(el) {
  yield el;
  for (const c of el.children) yield* walk(c);
}
/** A readable location such as VersionOverrides/Hosts/Host/DesktopFormFactor/FunctionFile. */
function where(el) {
  const parts = [];
  for (let e = el; e && e.parent; e = e.parent) parts.unshift(e.qname);
  return parts.join("/");
}
/** The element as written, e.g. <FunctionFile resid="Taskpane.Url">. */
function tag(el, ...names) {
  const shown = names.map((n) => ` ${n}="${attr(el, n) ?? ""}"`).join("");
  return `<${el.qname}${shown}>`;
}

function parseUrl(text) {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Checks a manifest's text. `assetsDir` is the folder that /assets/... icon URLs are served from;
 * without it the icon files are not looked at (every other check still runs).
 * @param {string} xmlText
 * @param {{ assetsDir?: string }} [options]
 * @returns {string[]} problems, each a sentence; empty when the manifest passes
 */
export function checkManifest(xmlText, options = {}) {
  const problems = [];
  const wellFormed = XMLValidator.validate(xmlText);
  if (wellFormed !== true) {
    const { msg, line, col } = wellFormed.err;
    return [`The manifest is not well-formed XML: ${msg} (line ${line}, column ${col}).`];
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  const roots = buildTree(parser.parse(xmlText), null, new Map([["xml", "http://www.w3.org/XML/1998/namespace"]]), problems);

  // 1. Root and VersionOverrides types.
  const root = roots[0];
  if (!root || root.local !== "OfficeApp" || root.ns !== NS.app) {
    return [...problems, `The root element must be <OfficeApp xmlns="${NS.app}">; found <${root?.qname ?? "nothing"}>.`];
  }
  if (xsiType(root) !== "TaskPaneApp") {
    problems.push(`<OfficeApp> has xsi:type="${xsiType(root) ?? ""}"; this add-in is a task pane app, so it must be xsi:type="TaskPaneApp".`);
  }
  const vo = kid(root, "VersionOverrides", NS.ov);
  if (!vo) {
    return [...problems, `<OfficeApp> has no <VersionOverrides xmlns="${NS.ov}">, so it declares no ribbon button, custom functions or shared runtime.`];
  }
  if (xsiType(vo) !== "VersionOverridesV1_0") {
    const has = xsiType(vo) === undefined ? "has no xsi:type" : `has xsi:type="${xsiType(vo)}"`;
    problems.push(`<VersionOverrides> ${has}; Office needs xsi:type="VersionOverridesV1_0" (the XSD does not check this).`);
  }

  // 2. GUID.
  const id = kid(root, "Id", NS.app)?.text.trim() ?? "";
  if (!GUID_RE.test(id)) {
    problems.push(`<Id> is "${id}", which is not a GUID of the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx (hex digits).`);
  } else if (/^[0-]+$/.test(id)) {
    problems.push(`<Id> is the nil GUID; generate a real one once (for example with crypto.randomUUID()) and keep it.`);
  } else if (TEMPLATE_GUIDS.has(id.toLowerCase())) {
    problems.push(`<Id> ${id} is the id of a Microsoft template; generate this add-in's own GUID, or Office confuses it with every other add-in made from that template.`);
  }

  // 3. Hosts agree.
  const baseHosts = new Set(kids(kid(root, "Hosts", NS.app), "Host", NS.app).map((h) => attr(h, "Name")));
  const voHostEls = kids(kid(vo, "Hosts", NS.ov), "Host", NS.ov);
  const voHosts = new Set(voHostEls.map(xsiType));
  for (const h of voHosts) if (!baseHosts.has(h)) problems.push(`VersionOverrides declares <Host xsi:type="${h}">, but <Hosts> has no <Host Name="${h}"/>.`);
  for (const h of baseHosts) if (!voHosts.has(h)) problems.push(`<Hosts> lists <Host Name="${h}"/>, but VersionOverrides/Hosts has no <Host xsi:type="${h}">.`);

  // 4. Resources: collect, and check ids are unique.
  const resources = kid(vo, "Resources", NS.ov);
  /** @type {Map<string, { kind: string, el: El }[]>} */
  const byId = new Map();
  const groups = [
    ["Images", "Image", "Image"],
    ["Urls", "Url", "Url"],
    ["ShortStrings", "String", "ShortString"],
    ["LongStrings", "String", "LongString"],
  ];
  for (const [groupName, itemName, kind] of groups) {
    for (const el of kids(kid(resources, groupName, NS.bt), itemName, NS.bt)) {
      const rid = attr(el, "id") ?? "";
      if (!byId.has(rid)) byId.set(rid, []);
      byId.get(rid).push({ kind, el });
    }
  }
  for (const [rid, defs] of byId) {
    if (defs.length > 1) {
      const kinds = defs.map((d) => KIND_TEXT[d.kind].replace(/^an? /, "")).join(", ");
      problems.push(`Resource id "${rid}" is defined ${defs.length} times (${kinds}); each id in Resources must be unique.`);
    }
  }
  const valueOf = (rid) => (byId.get(rid)?.length === 1 ? attr(byId.get(rid)[0].el, "DefaultValue") : undefined);

  // 5. Every resid resolves to one resource of the right kind.
  const references = [...walk(vo)].filter((el) => el !== resources && attr(el, "resid") !== undefined && !isInside(el, resources));
  const used = new Set();
  for (const el of references) {
    const rid = attr(el, "resid");
    used.add(rid);
    const want = expectedKind(el);
    const defs = byId.get(rid) ?? [];
    if (defs.length === 0) {
      const hint = want ? ` Add ${KIND_TEXT[want].replace(/^an? /, "")} with id="${rid}", or fix the resid.` : "";
      problems.push(`${tag(el, "resid")} at ${where(el)} refers to "${rid}", which is not defined in Resources.${hint}`);
    } else if (defs.length === 1 && want && defs[0].kind !== want) {
      problems.push(`${tag(el, "resid")} at ${where(el)} refers to "${rid}", which is ${KIND_TEXT[defs[0].kind]}, but <${el.local}> needs ${KIND_TEXT[want]}.`);
    }
  }

  // 6. Every resource is used.
  for (const [rid, defs] of byId) {
    if (!used.has(rid)) problems.push(`Resource "${rid}" (${KIND_TEXT[defs[0].kind].replace(/^an? /, "")}) is defined but never used; remove it or refer to it.`);
  }

  // 7-8. Shared runtime: one resid for the runtime, the functions page, the FunctionFile and the task pane.
  const host = voHostEls.find((h) => xsiType(h) === "Workbook") ?? voHostEls[0];
  const runtimes = kids(kid(host, "Runtimes", NS.ov), "Runtime", NS.ov);
  const cfPoint = kids(kid(host, "AllFormFactors", NS.ov), "ExtensionPoint", NS.ov).find((e) => xsiType(e) === "CustomFunctions");
  const pageLoc = kid(kid(cfPoint, "Page", NS.ov), "SourceLocation", NS.ov);
  const desktop = kid(host, "DesktopFormFactor", NS.ov);
  const functionFile = kid(desktop, "FunctionFile", NS.ov);
  const showTaskpanes = desktop ? [...walk(desktop)].filter((e) => e.local === "Action" && xsiType(e) === "ShowTaskpane") : [];
  let runtimeResid;
  if (runtimes.length === 0) {
    problems.push(`There is no <Runtimes><Runtime resid="..." lifetime="long"/></Runtimes> as the first child of <Host xsi:type="Workbook">, so the task pane and the custom functions do not share a runtime.`);
  } else {
    if (runtimes.length > 1) problems.push(`<Runtimes> declares ${runtimes.length} runtimes; this add-in has one shared runtime, so declare exactly one <Runtime>.`);
    const rt = runtimes[0];
    runtimeResid = attr(rt, "resid");
    const lifetime = attr(rt, "lifetime");
    if (lifetime !== "long") {
      const has = lifetime === undefined ? "has no lifetime attribute (the default is short)" : `has lifetime="${lifetime}"`;
      problems.push(`${tag(rt, "resid")} ${has}; a shared runtime needs lifetime="long" so it stays alive for the custom functions when the task pane is closed.`);
    }
  }
  const sharers = [
    ["the CustomFunctions <Page> SourceLocation", pageLoc, cfPoint ? "the CustomFunctions extension point has no <Page><SourceLocation resid=.../></Page>" : "there is no CustomFunctions extension point under AllFormFactors"],
    ["<FunctionFile>", functionFile, "DesktopFormFactor has no <FunctionFile resid=.../>"],
    ...showTaskpanes.map((a) => [`the ShowTaskpane SourceLocation of ${where(a)}`, kid(a, "SourceLocation", NS.ov), `the ShowTaskpane action at ${where(a)} has no <SourceLocation>`]),
  ];
  if (showTaskpanes.length === 0) problems.push(`No ribbon button opens the task pane: there is no <Action xsi:type="ShowTaskpane"> under DesktopFormFactor.`);
  for (const [what, el, missing] of sharers) {
    if (!el) {
      problems.push(`The shared runtime is incomplete: ${missing}.`);
      continue;
    }
    const rid = attr(el, "resid");
    if (runtimeResid !== undefined && rid !== runtimeResid) {
      problems.push(
        `${what} uses resid "${rid ?? ""}" but the shared <Runtime> uses "${runtimeResid}": the Runtime, the CustomFunctions Page, the FunctionFile and every ShowTaskpane SourceLocation must use the same resid, or Excel starts separate runtimes that cannot share state.`,
      );
    }
  }

  // 9. SharedRuntime requirement.
  const sets = kids(kid(kid(root, "Requirements", NS.app), "Sets", NS.app), "Set", NS.app);
  const shared = sets.find((s) => (attr(s, "Name") ?? "").toLowerCase() === "sharedruntime");
  if (!shared) {
    problems.push(`Requirements/Sets has no <Set Name="SharedRuntime" MinVersion="1.1"/>; without it Office may load the add-in where the shared runtime is not supported.`);
  } else {
    const min = attr(shared, "MinVersion") ?? attr(shared.parent, "DefaultMinVersion");
    if (!min || compareVersions(min, "1.1") < 0) {
      problems.push(`<Set Name="SharedRuntime"> asks for MinVersion "${min ?? ""}"; the shared runtime needs MinVersion="1.1" or later.`);
    }
  }

  // 10. DefaultSettings/SourceLocation is the shared page.
  const defaultSource = attr(kid(kid(root, "DefaultSettings", NS.app), "SourceLocation", NS.app), "DefaultValue");
  const runtimeUrl = runtimeResid !== undefined ? valueOf(runtimeResid) : undefined;
  if (defaultSource === undefined) {
    problems.push(`<DefaultSettings> has no <SourceLocation DefaultValue="..."/>.`);
  } else if (runtimeUrl !== undefined && defaultSource !== runtimeUrl) {
    problems.push(`DefaultSettings/SourceLocation is ${defaultSource}, but the shared runtime page ("${runtimeResid}") is ${runtimeUrl}; they must be the same page.`);
  }

  // 11. Custom functions namespace.
  const nsEl = kid(cfPoint, "Namespace", NS.ov);
  if (cfPoint && !nsEl) problems.push(`The CustomFunctions extension point has no <Namespace resid=.../>.`);
  if (nsEl) {
    const rid = attr(nsEl, "resid");
    const value = byId.get(rid)?.length === 1 ? attr(byId.get(rid)[0].el, "DefaultValue") : undefined;
    if (value !== undefined) {
      if (value.trim() === "") problems.push(`The custom functions namespace ("${rid}") is empty; it is the prefix analysts type, as in =CIP.`);
      else if (value.length > 32) problems.push(`The custom functions namespace "${value}" ("${rid}") is ${value.length} characters long; Excel allows at most 32.`);
      if (value.trim() !== "" && !NAMESPACE_RE.test(value)) {
        problems.push(`The custom functions namespace "${value}" ("${rid}") may contain only letters, digits, dots and underscores.`);
      }
    }
  }

  // 12. Every URL is https.
  const urls = collectUrls(root, resources);
  for (const { url, what } of urls) {
    const u = parseUrl(url);
    if (!u) problems.push(`${what} is "${url}", which is not an absolute URL.`);
    else if (u.protocol !== "https:") problems.push(`${what} is ${url}; Office loads add-in pages and images only over https, so it must start with https://.`);
  }

  // 13. Served from one origin: the page, the functions script and metadata, and the icons.
  const servedRids = [
    runtimeResid,
    attr(kid(kid(cfPoint, "Script", NS.ov), "SourceLocation", NS.ov), "resid"),
    attr(kid(kid(cfPoint, "Metadata", NS.ov), "SourceLocation", NS.ov), "resid"),
  ];
  const served = [
    ...servedRids.filter((r) => r !== undefined && valueOf(r) !== undefined).map((r) => ({ what: `bt:Url "${r}"`, url: valueOf(r) })),
    ...urls.filter((u) => u.icon),
  ];
  if (defaultSource !== undefined) served.push({ what: "DefaultSettings/SourceLocation", url: defaultSource });
  const origins = new Map();
  for (const { what, url } of served) {
    const u = parseUrl(url);
    if (!u) continue;
    if (!origins.has(u.origin)) origins.set(u.origin, []);
    origins.get(u.origin).push(what);
  }
  if (origins.size > 1) {
    const list = [...origins].map(([o, whats]) => `${o} (${whats.join(", ")})`).join("; ");
    problems.push(`The add-in's own files are served from ${origins.size} different origins: ${list}. They all come from one server; a URL left on another origin usually means it was missed when the URLs were rewritten.`);
  }

  // 14. Ribbon icon sets.
  const iconSizesById = new Map();
  for (const icon of [...walk(vo)].filter((e) => e.local === "Icon" && e.ns === NS.ov)) {
    const images = kids(icon, "Image", NS.bt);
    const sizes = images.map((i) => Number(attr(i, "size")));
    for (const s of REQUIRED_RIBBON_ICON_SIZES) {
      const n = sizes.filter((x) => x === s).length;
      if (n === 0) problems.push(`The <Icon> at ${where(icon)} has no ${s} px image; ribbon icons need 16, 32 and 80 px.`);
      if (n > 1) problems.push(`The <Icon> at ${where(icon)} has ${n} images of ${s} px; give each size once.`);
    }
    for (const s of new Set(sizes)) {
      if (!RIBBON_ICON_SIZES.has(s)) problems.push(`The <Icon> at ${where(icon)} has an image of size "${s}"; Office supports ${[...RIBBON_ICON_SIZES].join(", ")}.`);
    }
    for (const img of images) {
      const rid = attr(img, "resid");
      if (!iconSizesById.has(rid)) iconSizesById.set(rid, new Set());
      iconSizesById.get(rid).add(Number(attr(img, "size")));
    }
  }

  // 15. Icon files: exist under assets/, are PNGs, have the right size.
  /** @type {{ what: string, url: string, size: number }[]} */
  const iconFiles = [];
  for (const [name, size] of [["IconUrl", 32], ["HighResolutionIconUrl", 64]]) {
    const el = kid(root, name, NS.app);
    if (!el) continue;
    for (const u of [attr(el, "DefaultValue"), ...kids(el, "Override", NS.app).map((o) => attr(o, "Value"))]) {
      if (u !== undefined) iconFiles.push({ what: name, url: u, size });
    }
  }
  for (const [rid, sizes] of iconSizesById) {
    const defs = byId.get(rid) ?? [];
    if (defs.length !== 1 || defs[0].kind !== "Image") continue; // reported by the resid check
    if (sizes.size > 1) {
      problems.push(`bt:Image "${rid}" is used as a ${[...sizes].join(" px and a ")} px icon; one image cannot be both, so give each size its own bt:Image.`);
      continue;
    }
    const size = [...sizes][0];
    const el = defs[0].el;
    for (const u of [attr(el, "DefaultValue"), ...kids(el, "Override", NS.bt).map((o) => attr(o, "Value"))]) {
      if (u !== undefined) iconFiles.push({ what: `bt:Image "${rid}" (used as a ${size} px icon)`, url: u, size });
    }
  }
  if (options.assetsDir !== undefined) {
    for (const { what, url, size } of iconFiles) {
      const problem = checkIconFile(what, url, size, options.assetsDir);
      if (problem) problems.push(problem);
    }
  }

  // 16. UI ids unique.
  const uiIds = new Map();
  for (const el of desktop ? walk(desktop) : []) {
    if (!["Group", "Control", "Item"].includes(el.local)) continue;
    const uid = attr(el, "id");
    if (uid === undefined) continue;
    uiIds.set(uid, (uiIds.get(uid) ?? 0) + 1);
  }
  for (const [uid, n] of uiIds) if (n > 1) problems.push(`The id "${uid}" is used by ${n} ribbon Groups/Controls/Items; each needs its own id.`);

  return problems;
}

function isInside(el, ancestor) {
  if (!ancestor) return false;
  for (let e = el; e; e = e.parent) if (e === ancestor) return true;
  return false;
}

/** The resource kind an element's resid must point to, or null when any kind will do. */
function expectedKind(el) {
  switch (el.local) {
    case "Image":
      return "Image";
    case "Runtime":
    case "Override":
    case "SourceLocation":
    case "FunctionFile":
    case "LearnMoreUrl":
      return "Url";
    case "Namespace":
    case "Label":
    case "Title":
      return "ShortString";
    case "Description":
      return "LongString";
    default:
      return null;
  }
}

function compareVersions(a, b) {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (Number.isNaN(d)) return -1;
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** Every URL in the manifest, with a description and whether it is an icon. */
function collectUrls(root, resources) {
  const out = [];
  const push = (what, url, icon = false) => url !== undefined && out.push({ what, url: url.trim(), icon });
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const el = kid(root, name, NS.app);
    if (!el) continue;
    const icon = name !== "SupportUrl";
    push(name, attr(el, "DefaultValue"), icon);
    for (const o of kids(el, "Override", NS.app)) push(`${name} (Override ${attr(o, "Locale") ?? ""})`, attr(o, "Value"), icon);
  }
  for (const loc of kids(kid(root, "DefaultSettings", NS.app), "SourceLocation", NS.app)) {
    push("DefaultSettings/SourceLocation", attr(loc, "DefaultValue"));
    for (const o of kids(loc, "Override", NS.app)) push(`DefaultSettings/SourceLocation (Override ${attr(o, "Locale") ?? ""})`, attr(o, "Value"));
  }
  for (const d of kids(kid(root, "AppDomains", NS.app), "AppDomain", NS.app)) push("AppDomain", d.text);
  for (const [group, item, icon] of [["Images", "Image", true], ["Urls", "Url", false]]) {
    for (const el of kids(kid(resources, group, NS.bt), item, NS.bt)) {
      const what = `bt:${item} "${attr(el, "id") ?? ""}"`;
      push(what, attr(el, "DefaultValue"), icon);
      for (const o of kids(el, "Override", NS.bt)) push(`${what} (Override ${attr(o, "Locale") ?? ""})`, attr(o, "Value"), icon);
    }
  }
  return out;
}

/** A path for messages: relative to the working directory when inside it. */
function shown(file) {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split(sep).join("/") : file;
}

/** Reads a PNG's width and height from its IHDR chunk, or returns null if it is not a PNG. */
export function pngSize(buffer) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buffer.length < 24 || signature.some((b, i) => buffer[i] !== b)) return null;
  if (buffer.toString("ascii", 12, 16) !== "IHDR") return null;
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

function checkIconFile(what, url, size, assetsDir) {
  const u = parseUrl(url);
  if (!u) return null; // reported by the URL check
  const at = u.pathname.lastIndexOf("/assets/");
  if (at < 0) return `${what} is ${url}, which is not under /assets/, so its file cannot be checked; keep icons in assets/.`;
  let rel;
  try {
    rel = decodeURIComponent(u.pathname.slice(at + "/assets/".length));
  } catch {
    return `${what} is ${url}, whose path cannot be decoded.`;
  }
  const base = resolve(assetsDir);
  const file = resolve(base, rel);
  if (!file.startsWith(base + sep)) return `${what} is ${url}, which points outside assets/.`;
  if (!existsSync(file) || !statSync(file).isFile()) return `${what} is ${url}, but the icon file ${shown(file)} does not exist.`;
  const bytes = readFileSync(file);
  const dims = pngSize(bytes);
  if (!dims) return `${what} is ${url}, but ${shown(file)} is not a PNG file.`;
  if (dims.width !== size || dims.height !== size) {
    return `${what} must be ${size} x ${size} pixels, but ${shown(file)} is ${dims.width} x ${dims.height}.`;
  }
  if (bytes.length > MAX_ICON_BYTES) return `${shown(file)} (${what}) is ${Math.round(bytes.length / 1024)} KB; Office allows icons of at most 100 KB.`;
  return null;
}

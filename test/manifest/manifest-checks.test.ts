/**
 * scripts/manifest-checks.mjs: the real manifest passes, and mutated copies are rejected with the
 * specific problem. Every mutation goes through `mutate`, which fails if its source text is not
 * in the manifest, so no test can pass by mutating nothing.
 */
import { readFileSync, renameSync, rmSync, copyFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ASSETS_DIR, copyAssets, loadChecks, mutate, realManifest, removeTemp, type ManifestChecks } from "./helpers";

let m: ManifestChecks;
beforeAll(async () => {
  m = await loadChecks();
});

const check = (xml: string, assetsDir: string = ASSETS_DIR) => m.checkManifest(xml, { assetsDir });

/** Expects at least one problem matching `pattern`, and shows all problems if none does. */
function expectProblem(problems: string[], pattern: RegExp) {
  expect(problems.length, "the mutated manifest was accepted").toBeGreaterThan(0);
  expect(
    problems.some((p) => pattern.test(p)),
    `no problem matches ${pattern}:\n${problems.join("\n")}`,
  ).toBe(true);
}

describe("the real manifest", () => {
  it("passes every consistency check", () => {
    expect(check(realManifest())).toEqual([]);
  });

  it("keeps the ids that must never change after release", () => {
    const xml = realManifest();
    // Office identifies the add-in by this GUID; workbooks store =CIP. formulas.
    expect(xml).toContain("<Id>38b391a0-d4bb-4767-9c33-06d5ee9d5cf1</Id>");
    expect(xml).toContain('<bt:String id="Functions.Namespace" DefaultValue="CIP"/>');
  });

  it("writes every development URL as https://localhost:3000/ (the production build rewrites that prefix)", () => {
    const urls = [...realManifest().matchAll(/(?:DefaultValue|Value)="([a-z]+:\/\/[^"]*)"/g)].map((x) => x[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url).toMatch(/^https:\/\/localhost:3000\/[a-z0-9./-]+$/);
  });

  it("does not depend on the prefix chosen for a namespace", () => {
    const xml = realManifest().split("bt:").join("basic:").replace("xmlns:bt=", "xmlns:basic=");
    expect(xml).toContain('xmlns:basic="http://schemas.microsoft.com/office/officeappbasictypes/1.0"');
    expect(check(xml)).toEqual([]);
  });

  it("has icons of the size their file name says", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(m.pngSize(readFileSync(join(ASSETS_DIR, `icon-${size}.png`)))).toEqual({ width: size, height: size });
    }
  });
});

describe("resource references", () => {
  it("rejects a dangling resid", () => {
    const problems = check(mutate('<Label resid="Group.Label"/>', '<Label resid="Group.Lable"/>'));
    expectProblem(
      problems,
      /<Label resid="Group\.Lable"> at .*Group\/Label refers to "Group\.Lable", which is not defined in Resources/,
    );
  });

  it("rejects a resid whose resource was removed", () => {
    const problems = check(mutate('<bt:Url id="Help.Url" DefaultValue="https://localhost:3000/help.html"/>', ""));
    expectProblem(problems, /<LearnMoreUrl resid="Help\.Url"> .* refers to "Help\.Url", which is not defined in Resources/);
  });

  it("rejects a resid that points at the wrong kind of resource", () => {
    const problems = check(mutate('<Description resid="Button.Tooltip"/>', '<Description resid="Button.Label"/>'));
    expectProblem(
      problems,
      /refers to "Button\.Label", which is a bt:String in bt:ShortStrings, but <Description> needs a bt:String in bt:LongStrings/,
    );
  });

  it("rejects an image resid that points at a URL", () => {
    const problems = check(mutate('<bt:Image size="80" resid="Icon.80x80"/>', '<bt:Image size="80" resid="Help.Url"/>', 2));
    expectProblem(problems, /refers to "Help\.Url", which is a bt:Url \(in bt:Urls\), but <Image> needs a bt:Image/);
  });

  it("rejects a resource id defined twice", () => {
    const problems = check(
      mutate(
        '<bt:String id="Button.Label" DefaultValue="Analyse tracker"/>',
        '<bt:String id="Button.Label" DefaultValue="Analyse tracker"/><bt:String id="Button.Label" DefaultValue="Analyse"/>',
      ),
    );
    expectProblem(problems, /Resource id "Button\.Label" is defined 2 times/);
  });

  it("rejects the same id used for two kinds of resource", () => {
    const problems = check(mutate('<bt:String id="Group.Label"', '<bt:String id="Help.Url"'));
    expectProblem(problems, /Resource id "Help\.Url" is defined 2 times \(bt:Url \(in bt:Urls\), bt:String in bt:ShortStrings\)/);
  });

  it("rejects an unused resource", () => {
    const problems = check(
      mutate("</bt:Urls>", '<bt:Url id="Old.Url" DefaultValue="https://localhost:3000/old.html"/></bt:Urls>'),
    );
    expectProblem(problems, /Resource "Old\.Url" \(bt:Url \(in bt:Urls\)\) is defined but never used/);
  });

  it("finds resources only in the basic-types namespace", () => {
    // Without the bt: prefix the Images element is in the VersionOverrides namespace: Office ignores it.
    const problems = check(mutate("<bt:Images>", "<Images>").replace("</bt:Images>", "</Images>"));
    expectProblem(problems, /refers to "Icon\.16x16", which is not defined in Resources/);
  });
});

describe("shared runtime", () => {
  it("rejects a FunctionFile that points at another URL", () => {
    const problems = check(mutate('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>'));
    expectProblem(problems, /<FunctionFile> uses resid "Functions\.Script\.Url" but the shared <Runtime> uses "Taskpane\.Url"/);
  });

  it("rejects a ShowTaskpane source that is another page, even with the same URL", () => {
    const xml = mutate(
      '<TaskpaneId>CIPAnalystPane</TaskpaneId>\n                    <SourceLocation resid="Taskpane.Url"/>',
      '<TaskpaneId>CIPAnalystPane</TaskpaneId>\n                    <SourceLocation resid="Pane.Url"/>',
    ).replace("</bt:Urls>", '<bt:Url id="Pane.Url" DefaultValue="https://localhost:3000/taskpane.html"/></bt:Urls>');
    expectProblem(
      check(xml),
      /the ShowTaskpane SourceLocation of .*Action uses resid "Pane\.Url" but the shared <Runtime> uses "Taskpane\.Url"/,
    );
  });

  it("rejects a CustomFunctions Page that differs from the runtime", () => {
    const problems = check(
      mutate(
        '<Page>\n              <SourceLocation resid="Taskpane.Url"/>',
        '<Page>\n              <SourceLocation resid="Help.Url"/>',
      ),
    );
    expectProblem(
      problems,
      /the CustomFunctions <Page> SourceLocation uses resid "Help\.Url" but the shared <Runtime> uses "Taskpane\.Url"/,
    );
  });

  it('rejects lifetime="short"', () => {
    const problems = check(mutate('lifetime="long"', 'lifetime="short"'));
    expectProblem(problems, /<Runtime resid="Taskpane\.Url"> has lifetime="short"; a shared runtime needs lifetime="long"/);
  });

  it("rejects a Runtime without lifetime (the default is short)", () => {
    const problems = check(mutate(' lifetime="long"', ""));
    expectProblem(problems, /has no lifetime attribute \(the default is short\)/);
  });

  it("rejects a manifest without <Runtimes>", () => {
    const problems = check(
      mutate('<Runtimes>\n          <Runtime resid="Taskpane.Url" lifetime="long"/>\n        </Runtimes>', ""),
    );
    expectProblem(problems, /There is no <Runtimes><Runtime/);
  });

  it("rejects a manifest without the SharedRuntime 1.1 requirement", () => {
    expectProblem(
      check(mutate('<Set Name="SharedRuntime" MinVersion="1.1"/>', '<Set Name="ExcelApi" MinVersion="1.1"/>')),
      /Requirements\/Sets has no <Set Name="SharedRuntime"/,
    );
    expectProblem(
      check(mutate('<Set Name="SharedRuntime" MinVersion="1.1"/>', '<Set Name="SharedRuntime" MinVersion="1.0"/>')),
      /MinVersion "1\.0"; the shared runtime needs MinVersion="1\.1" or later/,
    );
  });

  it("rejects a DefaultSettings page that is not the shared runtime's page", () => {
    const problems = check(
      mutate(
        '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>',
        '<SourceLocation DefaultValue="https://localhost:3000/index.html"/>',
      ),
    );
    expectProblem(
      problems,
      /DefaultSettings\/SourceLocation is https:\/\/localhost:3000\/index\.html, but the shared runtime page/,
    );
  });
});

describe("custom functions namespace", () => {
  it("rejects a namespace over 32 characters", () => {
    const long = "CIPANALYSTSAVINGSDELIVERYTRACKER1"; // 33
    expect(long).toHaveLength(33);
    const problems = check(mutate('DefaultValue="CIP"/>', `DefaultValue="${long}"/>`));
    expectProblem(
      problems,
      /namespace "CIPANALYSTSAVINGSDELIVERYTRACKER1" \("Functions\.Namespace"\) is 33 characters long; Excel allows at most 32/,
    );
  });

  it("accepts a namespace of exactly 32 characters", () => {
    expect(check(mutate('DefaultValue="CIP"/>', `DefaultValue="${"C".repeat(32)}"/>`))).toEqual([]);
  });

  it("rejects characters other than letters, digits, dots and underscores", () => {
    expectProblem(
      check(mutate('DefaultValue="CIP"/>', 'DefaultValue="CIP-QIPP"/>')),
      /may contain only letters, digits, dots and underscores/,
    );
  });

  it("rejects an empty namespace", () => {
    expectProblem(check(mutate('DefaultValue="CIP"/>', 'DefaultValue=""/>')), /namespace \("Functions\.Namespace"\) is empty/);
  });
});

describe("URLs", () => {
  it("rejects an http URL", () => {
    const problems = check(mutate('"https://localhost:3000/functions.js"', '"http://localhost:3000/functions.js"'));
    expectProblem(
      problems,
      /bt:Url "Functions\.Script\.Url" is http:\/\/localhost:3000\/functions\.js; .* must start with https:\/\//,
    );
  });

  it("rejects an http SupportUrl and AppDomain", () => {
    const xml = mutate(
      '<SupportUrl DefaultValue="https://localhost:3000/help.html"/>',
      '<SupportUrl DefaultValue="http://localhost:3000/help.html"/><AppDomains><AppDomain>http://intranet.example</AppDomain></AppDomains>',
    );
    const problems = check(xml);
    expectProblem(problems, /^SupportUrl is http:/);
    expectProblem(problems, /^AppDomain is http:\/\/intranet\.example/);
  });

  it("rejects a URL left on another origin (a missed rewrite)", () => {
    const problems = check(
      mutate('"https://localhost:3000/functions.json"', '"https://addins.example.nhs.uk/cip/functions.json"'),
    );
    expectProblem(
      problems,
      /served from 2 different origins: .*https:\/\/addins\.example\.nhs\.uk \(bt:Url "Functions\.Metadata\.Url"\)/,
    );
  });

  it("rejects a GUID that is not a GUID", () => {
    expectProblem(
      check(mutate("38b391a0-d4bb-4767-9c33-06d5ee9d5cf1", "38b391a0-d4bb-4767-9c33-06d5ee9d5cf")),
      /<Id> is "38b391a0-d4bb-4767-9c33-06d5ee9d5cf", which is not a GUID/,
    );
    expectProblem(
      check(mutate("38b391a0-d4bb-4767-9c33-06d5ee9d5cf1", "ca968be6-628b-4f14-ba3c-3e614effa9bd")),
      /is the id of a Microsoft template/,
    );
  });
});

describe("icons", () => {
  let assets: string;
  beforeAll(() => {
    assets = copyAssets();
  });
  afterAll(() => removeTemp(dirname(assets)));

  it("accepts the copied assets (the baseline for the tests below)", () => {
    expect(check(realManifest(), assets)).toEqual([]);
  });

  it("rejects a missing icon file", () => {
    renameSync(join(assets, "icon-80.png"), join(assets, "icon-80.moved"));
    try {
      expectProblem(
        check(realManifest(), assets),
        /bt:Image "Icon\.80x80" \(used as a 80 px icon\) is https:\/\/localhost:3000\/assets\/icon-80\.png, but the icon file .*icon-80\.png does not exist/,
      );
    } finally {
      renameSync(join(assets, "icon-80.moved"), join(assets, "icon-80.png"));
    }
  });

  it("rejects a wrong-sized icon", () => {
    copyFileSync(join(assets, "icon-64.png"), join(assets, "icon-32.png"));
    try {
      const problems = check(realManifest(), assets);
      expectProblem(problems, /^IconUrl must be 32 x 32 pixels, but .*icon-32\.png is 64 x 64/);
      expectProblem(
        problems,
        /^bt:Image "Icon\.32x32" \(used as a 32 px icon\) must be 32 x 32 pixels, but .*icon-32\.png is 64 x 64/,
      );
    } finally {
      copyFileSync(join(ASSETS_DIR, "icon-32.png"), join(assets, "icon-32.png"));
    }
  });

  it("rejects a wrong-sized high-resolution icon", () => {
    const problems = check(mutate("assets/icon-64.png", "assets/icon-128.png"));
    expectProblem(problems, /^HighResolutionIconUrl must be 64 x 64 pixels, but .*icon-128\.png is 128 x 128/);
  });

  it("rejects a file that is not a PNG", () => {
    const problems = check(mutate("assets/icon-64.png", "assets/icon.svg"));
    expectProblem(problems, /icon\.svg is not a PNG file/);
  });

  it("rejects an icon URL outside /assets/", () => {
    expectProblem(
      check(mutate('"https://localhost:3000/assets/icon-16.png"', '"https://localhost:3000/icon-16.png"')),
      /is not under \/assets\//,
    );
  });

  it("rejects one bt:Image used for two sizes", () => {
    const problems = check(
      mutate('<bt:Image size="32" resid="Icon.32x32"/>', '<bt:Image size="32" resid="Icon.16x16"/>', 2).replace(
        /<bt:Image id="Icon\.32x32"[^>]*>/,
        "",
      ),
    );
    expectProblem(problems, /bt:Image "Icon\.16x16" is used as a 16 px and a 32 px icon/);
  });

  it("rejects a ribbon icon set without the 80 px image", () => {
    const problems = check(
      mutate('<bt:Image size="80" resid="Icon.80x80"/>', "", 2).replace(/<bt:Image id="Icon\.80x80"[^>]*>/, ""),
    );
    expectProblem(problems, /has no 80 px image; ribbon icons need 16, 32 and 80 px/);
  });

  it("skips the files when no assets folder is given, but still checks the rest", () => {
    rmSync(join(assets, "icon-16.png"));
    try {
      expect(m.checkManifest(realManifest())).toEqual([]);
      expectProblem(check(realManifest(), assets), /icon-16\.png does not exist/);
    } finally {
      copyFileSync(join(ASSETS_DIR, "icon-16.png"), join(assets, "icon-16.png"));
    }
  });
});

describe("structure", () => {
  it("rejects XML that is not well-formed", () => {
    expectProblem(check(mutate("</DesktopFormFactor>", "")), /^The manifest is not well-formed XML: .*line \d+/);
  });

  it("rejects a VersionOverrides without xsi:type (the XSD does not)", () => {
    expectProblem(
      check(mutate(' xsi:type="VersionOverridesV1_0"', "")),
      /<VersionOverrides> has no xsi:type; Office needs xsi:type="VersionOverridesV1_0"/,
    );
  });

  it("rejects hosts that disagree", () => {
    expectProblem(
      check(mutate('<Host Name="Workbook"/>', '<Host Name="Document"/>')),
      /VersionOverrides declares <Host xsi:type="Workbook">, but <Hosts> has no <Host Name="Workbook"\/>/,
    );
  });

  it("rejects duplicate ribbon ids", () => {
    expectProblem(
      check(mutate('<Group id="CIPAnalystGroup">', '<Group id="CIPAnalystButton">')),
      /The id "CIPAnalystButton" is used by 2 ribbon/,
    );
  });
});

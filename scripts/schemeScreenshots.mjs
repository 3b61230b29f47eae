// The scheme register's pictures for the README, taken by npm run screenshots (screenshots.mjs)
// from the preview's sample scheme register (preview.html?tracker=schemes):
//
//   schemes-after.png    after Analyse: the risk-adjusted forecast and risk basis beside the register
//   schemes-summary.png  the CIP Summary sheet's bridge, with its waterfall chart's table
export async function shootSchemeRegister({ launchChromium, origin, shoot }) {
  const browser = await launchChromium({ viewport: { width: 1400, height: 860 } });
  try {
    const { page } = browser;
    const pane = page.frameLocator("#pane-frame");
    await page.goto(`${origin}/preview.html?tracker=schemes`);
    await pane.getByRole("button", { name: "Use selection" }).waitFor({ timeout: 30_000 });
    await page.locator("#workbook-status", { hasText: "Nothing here is saved" }).waitFor();
    await page.locator('.grid-cells [data-address="C5"]').click();
    await pane.getByRole("button", { name: "Use selection" }).click();
    await pane.getByText(/^Read 364 rows/).waitFor({ timeout: 30_000 });
    await pane.getByRole("button", { name: "Analyse" }).click();
    await pane.getByText(/^Done: results written/).waitFor({ timeout: 30_000 });
    // The register is 36 columns wide; the new columns are past the run's other results.
    await page.locator("#namebox").fill("BB1");
    await page.locator("#namebox").press("Enter");
    await page.evaluate(() => document.activeElement?.blur());
    await pane.getByRole("heading", { name: "Results" }).scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await shoot(page, "schemes-after.png");

    await page.getByRole("tab", { name: "CIP Summary" }).click();
    await page.locator('.grid-cells [data-address="A1"]', { hasText: "CIP Analyst summary" }).waitFor();
    // The grid draws only the rows in view: the bridge's row comes from the workbook itself.
    const row = await page.evaluate(async () => {
      const frame = /** @type {HTMLIFrameElement} */ (document.getElementById("pane-frame"));
      const book = await frame.contentWindow.cipPreview.ready;
      return book.values("'CIP Summary'!A1:A2000").findIndex((r) => r[0] === "Bridge: annual target to forecast gap") + 1;
    });
    await page.locator("#namebox").fill(`A${Math.max(row, 1)}`);
    await page.locator("#namebox").press("Enter");
    await page.evaluate(() => document.activeElement?.blur());
    await page.waitForTimeout(300);
    await shoot(page, "schemes-summary.png");
  } finally {
    await browser.close();
  }
}

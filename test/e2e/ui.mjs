// UI suite: what a person sees. Run by test/e2e/run.mjs against a code-server whose extensions dir has the
// packaged mlsd.vsix installed; Playwright drives Debian's Chromium.
//
// `t.check(name, fn, { timeoutMs })` runs one bounded check: it prints ok/not ok and, on failure, keeps a
// screenshot in test-results/. Checks run in order and share the page, so a later check may build on an
// earlier one (open the doc once, then look at squiggles, Problems, ...). Wait for UI state with Playwright's
// auto-waiting locators (`locator.waitFor`, `hasText`), never with fixed sleeps. `t.shot(name)` saves a
// screenshot that is kept whatever the outcome (the README's images come from these).
//
// Selectors that work on VS Code 1.100 (code-server 4.100.3):
//   explorer row        .explorer-folders-view .monaco-list-row  (hasText: file name)
//   language status     [id="status.editor.mode"]
//   squiggles           .monaco-editor .squiggly-error / -warning / -info
//   Problems rows       .markers-panel .monaco-list-row           (Ctrl+Shift+M opens the panel)
//   suggest widget      .editor-widget.suggest-widget.visible .monaco-list-row
//   editor text area    .editor-instance .monaco-editor .view-lines

export const FIXTURE = 'sample.mlsd.yaml';

/** @param {{ page: import('playwright-core').Page, url: string, workspace: string,
 *            check: (name: string, fn: () => unknown, o?: { timeoutMs?: number }) => Promise<unknown>,
 *            shot: (name: string) => Promise<unknown> }} t */
export default async function uiSuite(t) {
  const { page } = t;

  await t.check('workbench loads with the fixture folder', async () => {
    await page.goto(t.url, { timeout: 30_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FIXTURE }).waitFor({ timeout: 30_000 });
  }, { timeoutMs: 60_000 });

  await t.check('open the design doc from the explorer: language is mlsd', async () => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FIXTURE }).click();
    await page.locator('.tabs-container .tab.active', { hasText: FIXTURE }).waitFor();
    // the status bar's language label updates after the editor opens: wait for it, don't read it once
    await page.locator('[id="status.editor.mode"]', { hasText: /mlsd|ml system design/i }).waitFor();
  });

  await t.check('squiggles and a Problems entry with an MLSD code', async () => {
    await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info')
      .first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: /MLSD\d{3}/ }).first();
    await row.waitFor({ timeout: 15_000 });
    await t.shot('diagnostics');
  }, { timeoutMs: 50_000 });
}

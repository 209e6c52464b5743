// UI suite: what a person sees. Run by test/e2e/run.mjs against a code-server whose extensions dir has the
// packaged mlsd.vsix installed; Playwright drives Debian's Chromium (viewport 1280×800).
//
// `t.check(name, fn, { timeoutMs })` runs one bounded check: it prints ok/not ok and, on failure, keeps a
// screenshot in test-results/. Checks run in order and share the page, so a later check builds on an
// earlier one (the doc opened once, then squiggles, Problems, completion, …). Wait for UI state with
// Playwright's auto-waiting locators (`locator.waitFor`, `hasText`, `expect`-like polling with a bound), never
// with fixed sleeps. `t.shot(name)` saves test-results/ui-<name>.png whatever the outcome;
// `MLSD_E2E_IMAGES=1` also copies the README's pictures (IMAGES below) to docs/images/.
//
// Selectors that work on VS Code 1.100 (code-server 4.100.3):
//   explorer row        .explorer-folders-view .monaco-list-row  (hasText: file name)
//   language status     [id="status.editor.mode"]; cursor position [id="status.editor.selection"] ("Ln 44, Col 1")
//   squiggles           .monaco-editor .squiggly-error / -warning / -info
//   Problems rows       .markers-panel .monaco-list-row           (Ctrl+Shift+M opens the panel)
//   suggest widget      .editor-widget.suggest-widget.visible .monaco-list-row
//   hover widget        .monaco-hover (visible)                     (mouse over a token)
//   code action menu    .action-widget .monaco-list-row            (Ctrl+. or the lightbulb)
//   quick input         .quick-input-widget input / .quick-input-list .monaco-list-row (F1 opens the palette)
//   editor lines        .editor-instance .monaco-editor .view-line (text uses U+00A0 for spaces)
//   webview page        page.frameLocator('iframe.webview.ready').frameLocator('#active-frame') (the preview's DOM)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURE = 'ranking.mlsd.yaml';

/** Screenshots worth showing in the README: test-results/ui-<name>.png → docs/images/<file>. */
const IMAGES = {
  diagnostics: 'diagnostics.png',
  completion: 'completion.png',
  hover: 'hover.png',
  'design-view': 'design-view.png',
  'quick-fix': 'quick-fix.png',
  preview: 'preview.png',
};

/** @param {{ page: import('playwright-core').Page, url: string, workspace: string,
 *            check: (name: string, fn: () => unknown, o?: { timeoutMs?: number }) => Promise<unknown>,
 *            shot: (name: string) => Promise<unknown> }} t */
export default async function uiSuite(t) {
  const { page } = t;
  const editor = page.locator('.editor-instance .monaco-editor').first();
  const lines = editor.locator('.view-lines');
  /** The editor line (as shown) that contains `text`. */
  const line = (text) => editor.locator('.view-line', { hasText: text });
  /** Text of a shown editor line, with normal spaces. */
  const lineText = async (loc) => (await loc.first().textContent()).replace(/\u00a0/g, ' ');
  /** Bounded polling for UI state without an element to wait on (returns as soon as `fn` is truthy). */
  const until = async (fn, what, ms = 10_000) => {
    const end = Date.now() + ms;
    for (;;) {
      const v = await fn().catch(() => undefined);
      if (v) return v;
      if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
      await page.waitForTimeout(100);
    }
  };
  /** Ctrl+G (Go to Line: quick access with the `:` prefix): moves the cursor to a 1-based line and column. */
  const goTo = async (ln, col) => {
    await page.keyboard.press('Control+g');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${ln}:${col}`);
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
    await page.locator('[id="status.editor.selection"]', { hasText: `Ln ${ln}, Col ${col}` }).waitFor();
  };
  /** Closes whatever popup (suggest list, hover, menu, quick input) a previous, possibly failed, check left open. */
  const closePopups = async () => {
    for (let i = 0; i < 2; i++) await page.keyboard.press('Escape');
  };
  /** The 1-based line of the first line of the fixture that contains `text` (from the file on disk). */
  const fixtureLines = fs.readFileSync(path.join(t.workspace, FIXTURE), 'utf8').split('\n');
  const lineNo = (text) => {
    const i = fixtureLines.findIndex((l) => l.includes(text));
    if (i < 0) throw new Error(`"${text}" is not in ${FIXTURE}`);
    return i + 1;
  };

  await t.check(
    'workbench loads with the fixture folder',
    async () => {
      await page.goto(t.url, { timeout: 30_000 });
      await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FIXTURE }).waitFor({ timeout: 30_000 });
    },
    { timeoutMs: 60_000 },
  );

  await t.check('open the design doc from the explorer: language is ML System Design', async () => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FIXTURE }).click();
    await page.locator('.tabs-container .tab.active', { hasText: FIXTURE }).waitFor();
    // the status bar's language label updates after the editor opens: wait for it, don't read it once
    await page.locator('[id="status.editor.mode"]', { hasText: /ML System Design|mlsd/i }).waitFor();
  });

  await t.check(
    'squiggles (error and warning) and Problems entries MLSD303, MLSD002',
    async () => {
      await editor.locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
      await editor.locator('.squiggly-warning').first().waitFor();
      await page.keyboard.press('Control+Shift+M');
      const problems = page.locator('.markers-panel .monaco-list-row');
      await problems.filter({ hasText: 'MLSD303' }).first().waitFor({ timeout: 15_000 });
      await problems
        .filter({ hasText: /random split leaks the future/i })
        .first()
        .waitFor();
      await problems.filter({ hasText: 'MLSD002' }).first().waitFor();
      await problems
        .filter({ hasText: /Unknown key `?latncy/ })
        .first()
        .waitFor();
      // scroll the editor (Ctrl+Down: one line, the cursor stays) until both findings' lines are in view
      await goTo(lineNo('performance:'), 1);
      for (let i = 0; i < 25 && !(await line('strategy: random').first().isVisible()); i++)
        await page.keyboard.press('Control+ArrowDown');
      await page.keyboard.press('Control+ArrowDown'); // one more: clear of the horizontal scrollbar
      await line('strategy: random').first().waitFor();
      await line('latncy:').first().waitFor();
      await editor.locator('.squiggly-error').first().waitFor();
      await page.mouse.move(700, 790);
      await t.shot('diagnostics');
    },
    { timeoutMs: 50_000 },
  );

  await t.check(
    'completion: Ctrl+Space after `task_type: ` lists task types; picking one inserts it',
    async () => {
      const ln = lineNo('task_type: ranking');
      const col = fixtureLines[ln - 1].indexOf('ranking') + 1;
      await goTo(ln, col);
      await page.keyboard.press('Shift+End');
      await page.keyboard.press('Delete');
      await page.keyboard.press('Control+Space');
      const widget = page.locator('.editor-widget.suggest-widget.visible');
      const rows = widget.locator('.monaco-list-row');
      await rows.filter({ hasText: 'binary-classification' }).first().waitFor({ timeout: 15_000 });
      await rows.filter({ hasText: 'ranking' }).first().waitFor();
      // the focused item's documentation next to the list (Ctrl+Space toggles it; the choice is remembered)
      const details = page.locator('.suggest-details-container .suggest-details');
      if (!(await details.isVisible())) await page.keyboard.press('Control+Space');
      await details.waitFor();
      await page.mouse.move(5, 790);
      await t.shot('completion');
      await page.keyboard.type('recomm');
      await until(
        async () => (await rows.first().textContent()).includes('recommendation'),
        'recommendation to be the first suggestion',
      );
      await page.keyboard.press('Enter');
      await widget.waitFor({ state: 'hidden' });
      const text = await lineText(line('task_type:'));
      if (text.trim() !== 'task_type: recommendation') throw new Error(`line after completion: "${text}"`);
    },
    { timeoutMs: 40_000 },
  );

  await t.check(
    'hover over a metric (ndcg@10) shows its definition',
    async () => {
      await closePopups();
      const ln = lineNo('metrics: [ndcg@10');
      await goTo(ln, fixtureLines[ln - 1].indexOf('ndcg@10') + 1); // scrolls it into view
      const token = line('metrics: [ndcg@10').locator('span > span', { hasText: 'ndcg@10' }).first();
      await token.waitFor();
      const box = await token.boundingBox();
      const text = (await token.textContent()).replace(/\u00a0/g, ' ');
      const at = text.indexOf('ndcg@10') + 3; // monospace: x of a character = its index × the char width
      await page.mouse.move(box.x + (box.width * at) / text.length, box.y + box.height / 2);
      const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: /ndcg/i });
      await hover.first().waitFor({ timeout: 15_000 });
      const shown = await hover.first().textContent();
      if (!/\bDCG\b|discounted cumulative gain/i.test(shown))
        throw new Error(`hover text does not define NDCG: ${shown.slice(0, 200)}`);
      await t.shot('hover');
      await page.mouse.move(5, 300); // away: the hover goes
      await hover.first().waitFor({ state: 'hidden' });
    },
    { timeoutMs: 40_000 },
  );

  await t.check(
    'ML Design view: the seven steps; clicking "5 · Evaluation" reveals it in the editor',
    async () => {
      // collapse the file tree so that the ML Design view below it gets the sidebar's height
      const files = page.locator('.pane-header', { hasText: 'workspace' }).first();
      if ((await files.getAttribute('aria-expanded')) === 'true') await files.click();
      const header = page.locator('.pane-header', { hasText: 'ML Design' });
      await header.waitFor();
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      await page.mouse.move(700, 790); // away from the header: its tooltip would cover the first step
      const view = page.locator('.pane', { has: header }).locator('.pane-body');
      const rows = view.locator('.monaco-list-row');
      for (const label of [
        '1 · Requirements',
        '2 · Framing',
        '3 · Data',
        '4 · Model',
        '5 · Evaluation',
        '6 · Serving',
        '7 · Monitoring',
      ]) {
        await rows.filter({ hasText: label }).first().waitFor({ timeout: 15_000 });
      }
      await rows.filter({ hasText: '1 · Requirements' }).first().locator('.monaco-tl-twistie').click(); // expand: its findings
      await rows
        .filter({ hasText: /Unknown key/ })
        .first()
        .waitFor();
      await rows.filter({ hasText: '5 · Evaluation' }).first().click();
      const ln = lineNo('evaluation:');
      await page.locator('[id="status.editor.selection"]', { hasText: `Ln ${ln}, Col 1` }).waitFor();
      await page.mouse.move(700, 790); // no tooltip over the view in the screenshot
      await page
        .locator('.workbench-hover-container')
        .waitFor({ state: 'hidden', timeout: 5_000 })
        .catch(() => undefined);
      await t.shot('design-view');
    },
    { timeoutMs: 40_000 },
  );

  await t.check(
    'quick fix from the lightbulb (Ctrl+.): "Rename to `latency`" fixes the key',
    async () => {
      await closePopups();
      const ln = lineNo('latncy:');
      await goTo(ln, fixtureLines[ln - 1].indexOf('latncy') + 3);
      await page.locator('.lightBulbWidget, [class*="codicon-lightbulb"]').first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget');
      await menu.locator('.monaco-list-row', { hasText: 'Rename to `latency`' }).first().waitFor({ timeout: 15_000 });
      // the keyboard, as a person would: move the focus to the fix (the preferred one comes first), Enter
      const focused = menu.locator('.monaco-list-row.focused');
      for (let i = 0; i < 8 && !(await focused.textContent().catch(() => '')).includes('Rename to `latency`'); i++) {
        await page.keyboard.press('ArrowDown');
      }
      await focused.filter({ hasText: 'Rename to `latency`' }).waitFor({ timeout: 2_000 });
      await page.mouse.move(700, 790);
      await t.shot('quick-fix');
      await page.keyboard.press('Enter');
      await menu.first().waitFor({ state: 'hidden' });
      // The fixed line then also shows the latency inlay hint after the value (`stages 100ms of 200ms p99`,
      // in the line's DOM text), once the server has analysed the fix. On a busy machine that hint is
      // often there by the first look, so compare the start of the line, not the whole line.
      await until(
        async () => (await lineText(line('p99: 200ms'))).trim().startsWith('latency: {p99: 200ms}'),
        'the key to read `latency`',
      );
      // the finding leaves the Problems panel
      await page
        .locator('.markers-panel .monaco-list-row', { hasText: 'MLSD002' })
        .first()
        .waitFor({ state: 'detached', timeout: 15_000 });
    },
    { timeoutMs: 50_000 },
  );

  await t.check(
    "workspace docs: a closed doc's error is in Problems unopened; Design Docs lists the docs; deleting the file clears it",
    async () => {
      await closePopups();
      const closed = 'unopened.mlsd.yaml';
      if (await page.locator('.tabs-container .tab', { hasText: closed }).count())
        throw new Error(`${closed} is open in a tab: the check needs it closed`);
      // Problems (opened by an earlier check; Ctrl+Shift+M toggles it, so open it only when hidden)
      const problems = page.locator('.markers-panel .monaco-list-row');
      if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').waitFor();
      // one row per file (Collapse All), so that every file's row is rendered whatever the panel's height
      const collapseProblems = page.locator('.part.panel .title-actions .codicon-collapse-all').first();
      if (await collapseProblems.isVisible()) await collapseProblems.click();
      await problems.filter({ hasText: closed }).first().waitFor({ timeout: 30_000 });
      // the ML Design view: collapse everything, then expand the Design Docs section only
      const header = page.locator('.pane-header', { hasText: 'ML Design' });
      const view = page.locator('.pane', { has: header }).locator('.pane-body');
      const rows = view.locator('.monaco-list-row');
      await header.hover();
      const collapseView = header.locator('.codicon-collapse-all').first();
      if (await collapseView.isVisible()) await collapseView.click();
      const section = rows.filter({ hasText: 'Design Docs' }).first();
      await section.waitFor({ timeout: 15_000 });
      if ((await section.getAttribute('aria-expanded')) !== 'true') await section.locator('.monaco-tl-twistie').click();
      for (const title of ['Card fraud detection', 'Event recommendations', 'Video recommendations for the home page'])
        await rows.filter({ hasText: title }).first().waitFor({ timeout: 15_000 });
      await rows
        .filter({ hasText: 'Card fraud detection' })
        .filter({ hasText: /draft · 1 error/ })
        .first()
        .waitFor({ timeout: 15_000 });
      await page.mouse.move(700, 790);
      await t.shot('design-docs');
      // deleted on disk (the UI suite works on a copy of the fixtures): its Problems entry and its row go
      fs.rmSync(path.join(t.workspace, closed));
      await problems.filter({ hasText: closed }).first().waitFor({ state: 'detached', timeout: 30_000 });
      await rows.filter({ hasText: 'Card fraud detection' }).first().waitFor({ state: 'detached', timeout: 15_000 });
    },
    { timeoutMs: 60_000 },
  );

  await t.check(
    'preview (Ctrl+K V): diagram and findings beside the doc; diagram zoom; a click and Enter reveal; an edit updates it',
    async () => {
      await closePopups();
      await page.locator('.tabs-container .tab', { hasText: FIXTURE }).first().click();
      // room for the preview: hide the panel (Problems) and the side bar if shown (Ctrl+J / Ctrl+B toggle them)
      if (await page.locator('.part.panel').isVisible()) await page.keyboard.press('Control+j');
      await page.locator('.part.panel').waitFor({ state: 'hidden', timeout: 5_000 });
      if (await page.locator('.part.sidebar').isVisible()) await page.keyboard.press('Control+b');
      await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 5_000 });
      await goTo(1, 1);
      await page.keyboard.press('Control+k');
      await page.keyboard.press('v');
      await page
        .locator('.tabs-container .tab', { hasText: `Preview ${FIXTURE}` })
        .first()
        .waitFor({ timeout: 15_000 });
      const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await view.locator('#diagram svg').first().waitFor({ timeout: 20_000 });
      await view.locator('.verdict').first().waitFor();
      const finding = view.locator('button.reveal[data-rule="MLSD303"]').first();
      await finding.waitFor({ timeout: 15_000 });
      await view.locator('h1', { hasText: 'Event recommendations' }).waitFor();
      await page.mouse.move(700, 790); // no tooltip over the tabs in the screenshot
      await page
        .locator('.workbench-hover-container')
        .waitFor({ state: 'hidden', timeout: 5_000 })
        .catch(() => undefined);
      await t.shot('preview');
      // the diagram: a click shows it at its actual size (scrolls sideways), Enter fits it to the width again
      await view.locator('.diagram').click();
      await view.locator('.diagram.actual[aria-pressed="true"]').waitFor();
      await page.keyboard.press('Enter');
      await view.locator('.diagram:not(.actual)[aria-pressed="false"]').waitFor();
      // a click on a step heading reveals its key
      await view.locator('#step-5 button.heading').click();
      await page.locator('[id="status.editor.selection"]', { hasText: `Ln ${lineNo('evaluation:')}, Col 1` }).waitFor();
      // keyboard: focus the finding in the page, Enter reveals its line
      await finding.focus();
      await page.keyboard.press('Enter');
      const split = lineNo('strategy: random');
      await page.locator('[id="status.editor.selection"]', { hasText: `Ln ${split}, Col ` }).waitFor();
      // edit the doc: a temporal split; the preview drops MLSD303 and shows the new value
      await goTo(split, fixtureLines[split - 1].indexOf('random') + 1);
      for (let i = 0; i < 'random'.length; i++) await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.type('temporal');
      await finding.waitFor({ state: 'detached', timeout: 15_000 });
      await view.locator('td', { hasText: 'temporal' }).first().waitFor();
    },
    { timeoutMs: 60_000 },
  );

  await t.check(
    'command palette: "ML Design: New Design Doc from Template" → Visual search opens the template',
    async () => {
      await closePopups();
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill('>ML Design: New Design Doc from Template');
      const rows = page.locator('.quick-input-list .monaco-list-row');
      await rows.filter({ hasText: 'New Design Doc from Template' }).first().waitFor();
      await page.keyboard.press('Enter');
      await rows.filter({ hasText: 'Blank (seven steps)' }).first().waitFor({ timeout: 15_000 });
      await rows.filter({ hasText: 'Visual search' }).first().waitFor();
      await input.fill('Visual search');
      await until(
        async () => /Visual search/.test(await rows.first().textContent()),
        'Visual search to be the first template',
      );
      await t.shot('template-pick');
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: 'Untitled-' }).waitFor();
      await page.locator('[id="status.editor.mode"]', { hasText: /ML System Design|mlsd/i }).waitFor();
      await lines.locator('.view-line', { hasText: 'archetype: visual-search' }).first().waitFor();
      await lines.locator('.view-line', { hasText: 'mlsd: 1' }).first().waitFor();
      await t.shot('template');
    },
    { timeoutMs: 40_000 },
  );

  if (process.env.MLSD_E2E_IMAGES === '1') {
    const dir = path.join(ROOT, 'docs', 'images');
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, file] of Object.entries(IMAGES)) {
      const from = path.join(ROOT, 'test-results', `ui-${name}.png`);
      if (fs.existsSync(from)) fs.copyFileSync(from, path.join(dir, file));
      console.log(`# ${fs.existsSync(from) ? 'copied' : 'missing'} test-results/ui-${name}.png → docs/images/${file}`);
    }
  }
}

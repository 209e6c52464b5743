/**
 * The preview's page and messages (client/src/previewModel.ts): the webview HTML (CSP, nonces, escaping,
 * no remote content), the body rendered from a real render model, the messages the page may send, the
 * step at an editor offset (scroll sync) and the request scheduler (debounce, one in flight) on fake timers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, lint } from '../../server/src/lint/engine';
import { type RenderModel, renderModel } from '../../server/src/engine/render';
import {
  escapeHtml,
  isStale,
  makeNonce,
  parsePreviewMessage,
  placeholderBody,
  previewBody,
  previewHtml,
  RenderScheduler,
  stepAtOffset,
  withStyleNonce,
  exportTarget,
  restoredUri,
} from '../../client/src/previewModel';

const ROOT = path.resolve(__dirname, '../../..');
const RANKING = fs.readFileSync(path.join(ROOT, 'test/e2e/workspace/ranking.mlsd.yaml'), 'utf8');
const NONCE = 'bm9uY2Utbm9uY2Utbm9uY2U=';
const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

function modelOf(text: string): RenderModel {
  const doc = analyze(text);
  return renderModel({ doc, findings: lint(doc).findings, svg: true });
}

function page(text: string): { html: string; model: RenderModel } {
  const model = modelOf(text);
  const html = previewHtml({ cspSource: CSP_SOURCE, nonce: NONCE, title: 'Preview', body: previewBody(model, NONCE) });
  return { html, model };
}

test('the page has the strict CSP: nothing by default, nonce for scripts, webview source and nonce for styles', () => {
  const { html } = page(RANKING);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  assert.equal(
    csp,
    `default-src 'none'; img-src ${CSP_SOURCE} data:; style-src ${CSP_SOURCE} 'nonce-${NONCE}'; script-src 'nonce-${NONCE}'`,
  );
  assert.ok(!/unsafe-(inline|eval)/.test(html), 'no unsafe-inline or unsafe-eval');
  // the CSP meta comes before any style or script
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<style'));
});

test('every script and style element carries the nonce; no inline event handlers or style attributes', () => {
  const { html } = page(RANKING);
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  assert.equal(scripts.length, 1);
  for (const s of scripts) assert.ok(s.includes(`nonce="${NONCE}"`), s);
  assert.ok(!/<script[^>]*\bsrc=/.test(html), 'no script src');
  const styles = html.match(/<style\b[^>]*>/g) ?? [];
  assert.ok(styles.length >= 2, 'the page style and the diagram style');
  for (const s of styles) assert.ok(s.includes(`nonce="${NONCE}"`), s);
  assert.ok(!/\son[a-z]+\s*=/i.test(html.replace(/<script[\s\S]*?<\/script>/g, '')), 'no onclick= etc.');
  assert.ok(!/\sstyle\s*=\s*"/i.test(html), 'no style attributes (blocked by the CSP)');
});

test('no remote content: no http(s) URL in the page (rule docs open through a message, not a link)', () => {
  const { html, model } = page(RANKING);
  assert.ok(
    model.steps.some((s) => s.findings.length),
    'the fixture has findings',
  );
  const urls = html.match(/https?:\/\/[^\s"'<>)]*/g) ?? [];
  // the only allowed ones: the webview's own CSP source (in the CSP) and the SVG namespace (not fetched)
  for (const u of urls) assert.ok(u.startsWith(CSP_SOURCE) || u === 'http://www.w3.org/2000/svg', u);
  assert.ok(!/\b(href|src)="https?:/i.test(html), 'no remote href or src');
});

test('the body shows the diagram, the scorecard, the steps and each finding as a focusable reveal button', () => {
  const { html, model } = page(RANKING);
  assert.match(html, /<svg\b/);
  assert.match(html, /class="verdict (draft|ready|complete)"/);
  assert.match(html, new RegExp(`readiness <strong>${model.scorecard.readiness}/100</strong>`));
  for (let i = 1; i <= 7; i++) assert.match(html, new RegExp(`<section class="step" id="step-${i}"`));
  const all = [...model.docFindings, ...model.steps.flatMap((s) => s.findings)];
  assert.ok(all.some((f) => f.ruleId === 'MLSD303') && all.some((f) => f.ruleId === 'MLSD002'));
  for (const f of all) {
    const button = new RegExp(
      `<button type="button" class="reveal" data-offset="${f.span[0]}" data-line="${f.line}" data-rule="${f.ruleId}"`,
    );
    assert.match(html, button, `${f.ruleId} at line ${f.line}`);
  }
  // step headings of written steps reveal their key
  const evaluation = model.steps.find((s) => s.key === 'evaluation')!;
  assert.ok(html.includes(`class="link heading" data-offset="${evaluation.span![0]}"`));
  assert.equal(RANKING.slice(evaluation.span![0]).split('\n')[0].trim(), 'evaluation:');
});

test('text from the doc is escaped (title, values, comments, messages)', () => {
  const text = RANKING.replace(/^title: .*$/m, 'title: "<script>alert(1)</script> & <img src=x onerror=y>"').replace(
    /^(\s*business_objective:).*$/m,
    '$1 "grow <b>engagement</b>" # why: <i>"quoted"</i>',
  );
  const { html } = page(text);
  assert.ok(!html.includes('<script>alert'), 'title escaped');
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=y&gt;'));
  assert.ok(!html.includes('<b>engagement'), 'value escaped');
  assert.ok(html.includes('grow &lt;b&gt;engagement&lt;/b&gt;'));
  assert.ok(!html.includes('<i>"quoted"'), 'comment escaped');
  assert.equal(
    escapeHtml(`<a href="x" title='y'>&</a>`),
    '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
  );
  assert.equal(placeholderBody('<x>'), '<p class="empty">&lt;x&gt;</p>');
});

test('withStyleNonce adds the nonce to every <style> of the SVG; makeNonce is base64 of 16 random bytes', () => {
  assert.equal(
    withStyleNonce('<svg><style>a{}</style><style media="print">b{}</style></svg>', 'N'),
    '<svg><style nonce="N">a{}</style><style nonce="N" media="print">b{}</style></svg>',
  );
  const n = makeNonce((k) => new Uint8Array(k).fill(255));
  assert.equal(Buffer.from(n, 'base64').length, 16);
  assert.match(n, /^[A-Za-z0-9+/]+=*$/);
});

test('messages from the page: only well-formed reveal, ready and ruleDocs are accepted', () => {
  assert.deepEqual(parsePreviewMessage({ type: 'reveal', offset: 42 }), { type: 'reveal', offset: 42 });
  assert.deepEqual(parsePreviewMessage({ type: 'reveal', line: 3 }), { type: 'reveal', line: 3 });
  assert.deepEqual(parsePreviewMessage({ type: 'ready' }), { type: 'ready' });
  assert.deepEqual(parsePreviewMessage({ type: 'ruleDocs', ruleId: 'mlsd303' }), {
    type: 'ruleDocs',
    ruleId: 'MLSD303',
  });
  for (const bad of [
    null,
    'reveal',
    42,
    {},
    { type: 'reveal' },
    { type: 'reveal', offset: -1 },
    { type: 'reveal', offset: 1.5 },
    { type: 'reveal', offset: '12' },
    { type: 'reveal', line: 0 },
    { type: 'ruleDocs', ruleId: '../../etc/passwd' },
    { type: 'command', command: 'workbench.action.terminal.new' },
  ])
    assert.equal(parsePreviewMessage(bad), undefined, JSON.stringify(bad));
});

test('stepAtOffset: the step whose section holds the cursor, else the one above it', () => {
  const { model } = page(RANKING);
  const at = (needle: string) => stepAtOffset(model, RANKING.indexOf(needle));
  assert.equal(at('requirements:'), 1);
  assert.equal(at('strategy: random'), 3);
  assert.equal(at('evaluation:'), 5);
  assert.equal(at('monitoring:'), 7);
  assert.equal(stepAtOffset(model, 0), 0, 'above the first section: no step');
  const shuffled = {
    steps: [
      { step: 2, span: [10, 20] as [number, number] },
      { step: 1, span: [0, 5] as [number, number] },
    ],
  };
  assert.equal(stepAtOffset(shuffled as unknown as RenderModel, 7), 1, 'between sections: the one that starts before');
  assert.equal(stepAtOffset(shuffled as unknown as RenderModel, 15), 2);
});

test('isStale drops answers older than what is shown', () => {
  assert.equal(isStale(undefined, 1), false);
  assert.equal(isStale(5, 4), true);
  assert.equal(isStale(5, 5), false);
  assert.equal(isStale(5, 6), false);
  assert.equal(isStale(null, 3), false);
});

/** Fake timers: `tick()` runs the timers that are due, in order. */
function fakeTimers() {
  let now = 0;
  let seq = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  return {
    timers: {
      set: (fn: () => void, ms: number) => {
        pending.set(++seq, { at: now + ms, fn });
        return seq;
      },
      clear: (h: unknown) => void pending.delete(h as number),
    },
    async advance(ms: number) {
      now += ms;
      for (;;) {
        const due = [...pending].filter(([, t]) => t.at <= now).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        due[1].fn();
        await new Promise((r) => setImmediate(r));
      }
    },
    get pending() {
      return pending.size;
    },
  };
}

test('the scheduler debounces: changes within the delay give one request', async () => {
  const clock = fakeTimers();
  let runs = 0;
  const s = new RenderScheduler(async () => void runs++, clock.timers);
  s.schedule(250);
  await clock.advance(100);
  s.schedule(250);
  await clock.advance(200);
  assert.equal(runs, 0, 'the second change restarted the delay');
  await clock.advance(50);
  assert.equal(runs, 1);
  await clock.advance(1000);
  assert.equal(runs, 1);
});

test('the scheduler keeps one request in flight; a change meanwhile gives exactly one more after it', async () => {
  const clock = fakeTimers();
  let inFlight = 0;
  let maxInFlight = 0;
  let runs = 0;
  const releases: (() => void)[] = [];
  const s = new RenderScheduler(async () => {
    runs++;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise<void>((r) => releases.push(r));
    inFlight--;
  }, clock.timers);
  s.schedule(0);
  await clock.advance(0);
  assert.equal(runs, 1);
  assert.ok(s.busy);
  for (let i = 0; i < 3; i++) {
    s.schedule(50);
    await clock.advance(50);
  }
  assert.equal(runs, 1, 'no second request while one is in flight');
  releases.shift()!();
  await new Promise((r) => setImmediate(r));
  await clock.advance(0);
  assert.equal(runs, 2, 'one follow-up for the changes made meanwhile');
  releases.shift()!();
  await new Promise((r) => setImmediate(r));
  await clock.advance(1000);
  assert.equal(runs, 2, 'no more after that');
  assert.equal(maxInFlight, 1);
  s.schedule(10);
  s.cancel();
  await clock.advance(100);
  assert.equal(runs, 2, 'cancel drops the pending request');
});

test('export target: <name>.md / .html beside the doc', () => {
  assert.equal(exportTarget('/w/docs/ranking.mlsd.yaml', 'md'), path.join('/w/docs', 'ranking.md'));
  assert.equal(exportTarget('/w/feed.mlsd.yml', 'html'), path.join('/w', 'feed.html'));
});

test('the page keeps the doc uri (escaped) for a restore after reload; only well-formed uris are restored', () => {
  const html = previewHtml({
    cspSource: CSP_SOURCE,
    nonce: NONCE,
    title: 't',
    body: '',
    uri: 'file:///w/a"b.mlsd.yaml',
  });
  assert.ok(html.includes('data-uri="file:///w/a&quot;b.mlsd.yaml"'));
  assert.ok(html.includes('vscode.setState({uri:'));
  assert.equal(restoredUri({ uri: 'file:///w/a.mlsd.yaml' }), 'file:///w/a.mlsd.yaml');
  assert.equal(restoredUri({ uri: 'untitled:Untitled-1' }), 'untitled:Untitled-1');
  for (const bad of [
    undefined,
    null,
    'file:///x',
    {},
    { uri: 3 },
    { uri: 'javascript:alert(1)' },
    { uri: 'https://x/y' },
  ])
    assert.equal(restoredUri(bad), undefined, JSON.stringify(bad));
});

test('package.json: the preview and export commands, their keybindings and the editor title button', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const c = pkg.contributes;
  const cmd = (id: string) => c.commands.find((x: { command: string }) => x.command === id);
  assert.equal(cmd('mlsd.preview.openToSide')?.title, 'Open Preview to the Side');
  assert.equal(cmd('mlsd.preview.open')?.title, 'Open Preview');
  assert.equal(cmd('mlsd.export')?.title, 'Export…');
  for (const id of ['mlsd.preview.openToSide', 'mlsd.preview.open', 'mlsd.export']) {
    assert.equal(cmd(id).category, 'ML Design');
    assert.match(cmd(id).icon, /^\$\([a-z-]+\)$/);
    assert.ok(pkg.activationEvents.includes(`onCommand:${id}`), id);
  }
  assert.ok(pkg.activationEvents.includes('onWebviewPanel:mlsd.preview'));
  const keys = (id: string) => c.keybindings.filter((k: { command: string }) => k.command === id);
  assert.deepEqual(
    keys('mlsd.preview.openToSide').map((k: Record<string, string>) => [k.key, k.mac, k.when]),
    [['ctrl+k v', 'cmd+k v', 'editorLangId == mlsd && !notebookEditorFocused']],
  );
  assert.deepEqual(
    keys('mlsd.preview.open').map((k: Record<string, string>) => [k.key, k.mac, k.when]),
    [['ctrl+shift+v', 'cmd+shift+v', 'editorLangId == mlsd && !notebookEditorFocused']],
  );
  const title = c.menus['editor/title'].find((m: { command: string }) => m.command === 'mlsd.preview.openToSide');
  assert.equal(title.when, 'resourceLangId == mlsd');
  assert.equal(title.group, 'navigation');
  assert.deepEqual(pkg.capabilities.untrustedWorkspaces, { supported: true });
});

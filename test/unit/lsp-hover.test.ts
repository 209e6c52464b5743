/** LSP over a real stdio connection to the built server: textDocument/hover, textDocument/inlayHint. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover, InlayHint, MarkupContent } from 'vscode-languageserver-types';
import { LspClient, fileUri, ROOT } from '../harness/lspClient';

const DOC = `mlsd: 1
title: Feed ranking
archetype: news-feed
requirements:
  scale:
    dau: 2B
    requests_per_user_per_day: 2
  performance:
    latency: {p99: 200ms}
framing:
  task_type: ranking
model:
  stages:
    - {id: retrieval, latency: 120ms}
    - {id: ranking, latency: 90ms}
evaluation:
  offline:
    metrics: [ndcg@10, auroc]
  online:
    experiment:
      baseline_rate: 2%
      mde_relative: 1%
      eligible_units_per_day: 1M
      traffic_fraction: 10%
serving:
  network_latency: 20ms
`;
const lines = DOC.split('\n');
const pos = (needle: string, dx = 1) => {
  const line = lines.findIndex((l) => l.includes(needle));
  return { line, character: lines[line].indexOf(needle) + dx };
};
const ALL = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(async () => {
  await client.stop();
});

function noHandlerErrors(c: LspClient): void {
  assert.deepEqual(
    c.logs.filter((l) => / failed/.test(l)),
    [],
    'no request handler threw',
  );
}

test('initialize announces hover and inlay hints', async () => {
  const c = new LspClient();
  const res = (await c.initialize()) as { capabilities: Record<string, unknown> };
  assert.ok(res.capabilities.hoverProvider);
  assert.ok(res.capabilities.inlayHintProvider);
  await c.stop();
});

test('textDocument/hover: keys, task type, metrics with cutoff and alias, quantities', async () => {
  const uri = fileUri('test/fixtures/lsp/hover.mlsd.yaml');
  client.open(uri, DOC);
  await client.diagnostics(uri);
  const hoverAt = (p: { line: number; character: number }) =>
    client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: p });

  const key = (await hoverAt(pos('dau:')))!;
  assert.equal((key.contents as MarkupContent).kind, 'markdown');
  assert.match(
    (key.contents as MarkupContent).value,
    /\*\*`dau`\*\* · quantity[\s\S]*Step 1 of 7 · Requirements[\s\S]*46\.3k QPS\*\* on average/,
  );
  assert.deepEqual(key.range, { start: pos('dau:', 0), end: pos('dau:', 3) });

  const task = (await hoverAt(pos('task_type: ranking', 13)))!;
  assert.match((task.contents as MarkupContent).value, /task type[\s\S]*`ndcg@k`/);

  const ndcg = (await hoverAt(pos('ndcg@10', 2)))!;
  assert.match((ndcg.contents as MarkupContent).value, /`@10`.*top 10/);
  assert.deepEqual(ndcg.range, { start: pos('ndcg@10', 0), end: pos('ndcg@10', 7) });

  const auroc = (await hoverAt(pos('auroc', 2)))!;
  assert.match((auroc.contents as MarkupContent).value, /`roc-auc`.*alias/);

  const latency = (await hoverAt(pos('200ms', 1)))!;
  assert.match(
    (latency.contents as MarkupContent).value,
    /= \*\*230ms\*\*.*⚠ over the p99 requirement of 200ms by 30ms/,
  );

  assert.equal(await hoverAt({ line: 1, character: 10 }), null, 'plain text has no hover');
  assert.equal(await hoverAt({ line: 999, character: 0 }), null, 'past the end');
  noHandlerErrors(client);
});

test('textDocument/inlayHint: the figures within the requested range, following edits', async () => {
  const uri = fileUri('test/fixtures/lsp/figures.mlsd.yaml');
  client.open(uri, DOC, 1);
  await client.diagnosticsFor(uri, 1);
  const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: ALL });
  assert.deepEqual(
    hints.map((h) => [h.position.line, h.label]),
    [
      [pos('scale:').line, '≈ 46.3k QPS avg · 92.6k peak'],
      [pos('p99').line, '⚠ stages 210ms + network 20ms = 230ms of 200ms p99'],
      [pos('experiment:').line, 'n ≈ 7.84M/arm'],
    ],
  );
  assert.ok(hints.every((h) => h.paddingLeft === true && h.position.character === lines[h.position.line].length));

  const some = await client.request<InlayHint[]>('textDocument/inlayHint', {
    textDocument: { uri },
    range: { start: { line: pos('evaluation:').line, character: 0 }, end: ALL.end },
  });
  assert.deepEqual(
    some.map((h) => h.label),
    ['n ≈ 7.84M/arm'],
  );

  client.change(uri, DOC.replace('p99: 200ms', 'p99: 300ms'), 2);
  await client.diagnosticsFor(uri, 2);
  const after = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: ALL });
  assert.equal(after[1].label, 'stages 210ms + network 20ms = 230ms of 300ms p99');

  client.change(uri, 'requirements:\n  scale:\n    dau: 2B\n    requests_per_user_per_day: [\n', 3);
  await client.diagnosticsFor(uri, 3);
  assert.deepEqual(
    await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: ALL }),
    [],
  );
  noHandlerErrors(client);
});

test('textDocument/inlayHint uses the default_peak_factor setting', async (t) => {
  const c = new LspClient({ settings: { options: { defaultPeakFactor: 3 } } });
  t.after(() => c.stop());
  await c.initialize();
  const uri = fileUri('test/fixtures/lsp/peak.mlsd.yaml');
  c.open(uri, DOC);
  await c.diagnostics(uri);
  const hints = await c.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: ALL });
  assert.equal(hints[0].label, '≈ 46.3k QPS avg · 139k peak');
  noHandlerErrors(c);
});

test('hover and inlay hints answer on every example without errors', async () => {
  const dir = path.join(ROOT, 'examples');
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.mlsd.yaml'))) {
    const uri = fileUri(`examples/${f}`);
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    client.open(uri, text);
    await client.diagnostics(uri);
    const ls = text.split('\n');
    const archetype = ls.findIndex((l) => l.startsWith('archetype:'));
    const h = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: archetype, character: 13 },
    });
    assert.ok(h, `${f}: archetype hover`);
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: ls.length, character: 0 } },
    });
    assert.ok(Array.isArray(hints));
  }
  noHandlerErrors(client);
});

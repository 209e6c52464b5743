/** `mlsd/render` over a real stdio connection to the built server: the render model, HTML and Markdown. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspClient, fileUri, ROOT } from '../harness/lspClient';
import type { RenderResult } from '../../server/src/protocol';
import type { RenderModel } from '../../server/src/engine/render';

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(async () => {
  await client.stop();
});

const TEXT = fs.readFileSync(path.join(ROOT, 'examples/news-feed.mlsd.yaml'), 'utf8');

test('mlsd/render answers the render model of an open doc, then of each new version, and its HTML and Markdown', async () => {
  const uri = fileUri('test/fixtures/lsp/render.mlsd.yaml');
  client.open(uri, TEXT);
  await client.diagnostics(uri);
  const r = await client.request<RenderResult>('mlsd/render', { uri });
  assert.equal(r.format, 'model');
  assert.equal(r.version, 1);
  const m = r.model as unknown as RenderModel;
  assert.equal(m.steps.length, 7);
  assert.equal(m.scorecard.verdict, 'complete');
  assert.match(m.diagram.svg, /^<svg/);
  assert.match(m.diagram.mermaid, /^flowchart LR/);
  assert.ok(m.figures.some((f) => f.id === 'qps'));

  // an edit: the next answer is the new version's (a finding appears in step 1)
  const edited = TEXT.replace(/business_objective:[^\n]*/, 'business_objective: TODO');
  client.change(uri, edited, 2);
  await client.diagnosticsFor(uri, 2);
  const r2 = await client.request<RenderResult>('mlsd/render', { uri, format: 'model' });
  assert.equal(r2.version, 2);
  const m2 = r2.model as unknown as RenderModel;
  assert.notEqual(m2.scorecard.verdict, 'complete');
  assert.ok(m2.scorecard.steps[0].items.some((i) => i.id === 'requirements.business-objective' && !i.stated));

  const html = await client.request<RenderResult>('mlsd/render', { uri, format: 'html' });
  assert.equal(html.format, 'html');
  assert.match(html.text!, /^<!DOCTYPE html>[\s\S]*<svg[\s\S]*<\/html>\n$/);
  const md = await client.request<RenderResult>('mlsd/render', { uri, format: 'markdown' });
  assert.match(md.text!, /```mermaid/);
  assert.deepEqual(
    client.logs.filter((l) => / failed/.test(l)),
    [],
    'no request handler threw',
  );
});

test('mlsd/render answers null for a doc that is not open', async () => {
  const r = await client.request<RenderResult | null>('mlsd/render', {
    uri: fileUri('test/fixtures/lsp/not-open.mlsd.yaml'),
  });
  assert.equal(r, null);
});

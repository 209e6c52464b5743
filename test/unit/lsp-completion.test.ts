/** LSP over a real stdio connection to the built server: textDocument/completion. */
import { after, before, test } from 'node:test';
import { TASK_TYPES } from '../../server/src/engine/domain';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { LspClient, fileUri, ROOT } from '../harness/lspClient';

/** A ranking doc, half-written: a blank indented line, `task_type` of a head with no value, a metric list being typed. */
const DOC = `mlsd: 1
title: Event recommendation
requirements:
  business_objective: Increase ticket sales
  
framing:
  task_type: ranking
  heads:
    - name: register
      task_type: 
data:
  sources:
    - {id: registrations, kind: interactions}
    - {id: events, kind: items}
  features:
    - id: distance
      source: 
evaluation:
  offline:
    metrics:
      - ndcg@10
      - 
  online:
    metrics: [ctr, conversion-rate]
    primary: 
`;
const lines = DOC.split('\n');
/** Position at the end of the first line that starts with `prefix` (after `from`). */
const endOf = (prefix: string, from = 0) => {
  const line = lines.findIndex((l, i) => i >= from && l.startsWith(prefix));
  assert.ok(line >= 0, prefix);
  return { line, character: lines[line].length };
};

let client: LspClient;
const uri = fileUri('test/fixtures/completion/lsp/ranking.mlsd.yaml');

before(async () => {
  client = new LspClient();
  await client.initialize();
  client.open(uri, DOC);
  await client.diagnostics(uri);
});
after(async () => {
  await client.stop();
});

async function complete(position: { line: number; character: number }): Promise<CompletionItem[]> {
  const res = await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', {
    textDocument: { uri },
    position,
  });
  if (!res) return [];
  return Array.isArray(res) ? res : res.items;
}

test('the server announces completion with its trigger characters', async () => {
  const c = new LspClient();
  const res = (await c.initialize()) as { capabilities: { completionProvider?: { triggerCharacters?: string[] } } };
  assert.ok(res.capabilities.completionProvider);
  for (const ch of [':', ' ', '-', '@'])
    assert.ok(res.capabilities.completionProvider.triggerCharacters?.includes(ch), ch);
  await c.stop();
});

test('keys on a blank indented line: the missing ones of the section, documented', async () => {
  const items = await complete({ line: 4, character: 2 });
  const names = items.map((i) => i.label);
  assert.ok(!names.includes('business_objective'), 'present keys are left out');
  for (const k of ['motivation', 'scale', 'performance', 'constraints']) assert.ok(names.includes(k), k);
  const scale = items.find((i) => i.label === 'scale')!;
  assert.equal((scale.documentation as MarkupContent).kind, 'markdown');
  assert.equal((scale.textEdit as TextEdit).newText, 'scale:\n  $1');
  assert.equal(scale.insertTextFormat, 2);
});

test('enum values for a head task type, with descriptions', async () => {
  const items = await complete(endOf('      task_type:'));
  assert.equal(items.length, TASK_TYPES.length);
  const ranking = items.find((i) => i.label === 'ranking')!;
  assert.match((ranking.documentation as MarkupContent).value, /nDCG/);
});

test('metric names that fit the ranking task, with @k as a tab stop', async () => {
  const items = await complete(endOf('      - ', lines.indexOf('      - ndcg@10') + 1));
  const names = items.map((i) => i.label);
  for (const n of ['map@k', 'mrr', 'precision@k', 'recall@k']) assert.ok(names.includes(n), n);
  assert.ok(!names.includes('ndcg@k'), 'ndcg@10 is already listed');
  for (const n of ['mae', 'rmse', 'bleu', 'ap@iou']) assert.ok(!names.includes(n), `${n} does not fit ranking`);
  const map = items.find((i) => i.label === 'map@k')!;
  assert.equal((map.textEdit as TextEdit).newText, 'map@${1:10}');
  assert.match((map.documentation as MarkupContent).value, /When to use/);
});

test('references: declared source ids and the listed online metrics', async () => {
  assert.deepEqual(
    (await complete(endOf('      source:'))).map((i) => i.label),
    ['registrations', 'events'],
  );
  assert.deepEqual(
    (await complete(endOf('    primary:'))).map((i) => i.label),
    ['ctr', 'conversion-rate'],
  );
});

test('top-level skeletons for the missing steps, in step order, on an example', async () => {
  const text = fs.readFileSync(path.join(ROOT, 'examples/event-recommendation.mlsd.yaml'), 'utf8');
  const cut = text.replace(/^model:[\s\S]*?(?=^evaluation:)/m, '');
  const u = fileUri('test/fixtures/completion/lsp/cut.mlsd.yaml');
  client.open(u, `${cut}\n`);
  const lastLine = cut.split('\n').length;
  const res = await client.request<CompletionItem[] | null>('textDocument/completion', {
    textDocument: { uri: u },
    position: { line: lastLine, character: 0 },
  });
  const names = (res ?? []).map((i) => i.label);
  assert.ok(names.includes('model'), 'the removed step is offered');
  assert.ok(!names.includes('data') && !names.includes('evaluation'), 'present steps are not');
  const model = res!.find((i) => i.label === 'model')!;
  assert.match((model.textEdit as TextEdit).newText, /^model:\n {2}baseline: \$\{1:TBD\}\n {2}candidates:/);
});

test('nothing inside a comment', async () => {
  const u = fileUri('test/fixtures/completion/lsp/comment.mlsd.yaml');
  client.open(u, 'mlsd: 1\n# requirements: \n');
  const res = await client.request<CompletionItem[] | null>('textDocument/completion', {
    textDocument: { uri: u },
    position: { line: 1, character: 16 },
  });
  assert.deepEqual(res ?? [], []);
});

test('a blank line whose indentation the editor trimmed: the request column picks the mapping, the insert brings the indentation', async () => {
  // what the server sees when the client sends the cursor column of an empty line whose spaces are gone
  // (trimmed auto-indentation, virtual space): the request is at character 2 of a line of length 0
  const head = 'mlsd: 1\ntitle: Event recommendation\nrequirements:\n  business_objective: Increase ticket sales\n\n';
  for (const [name, text] of [
    ['mid-doc', `${head}framing:\n  task_type: ranking\n`],
    ['last line', head],
  ] as const) {
    const u = fileUri(`test/fixtures/completion/lsp/trimmed-${name.replace(' ', '-')}.mlsd.yaml`);
    client.open(u, text);
    const res = await client.request<CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri: u },
      position: { line: 4, character: 2 },
    });
    const names = (res ?? []).map((i) => i.label);
    for (const k of ['scale', 'performance', 'out_of_scope'])
      assert.ok(names.includes(k), `${name}: offers ${k}: ${names}`);
    for (const k of ['business_objective', 'archetype', 'model', 'framing'])
      assert.ok(!names.includes(k), `${name}: does not offer ${k}: ${names}`);
    const scale = res!.find((i) => i.label === 'scale')!;
    assert.deepEqual((scale.textEdit as TextEdit).range, {
      start: { line: 4, character: 0 },
      end: { line: 4, character: 0 },
    });
    assert.equal(
      (scale.textEdit as TextEdit).newText,
      '  scale:\n    $1',
      `${name}: the key at column 2, its value one unit deeper`,
    );
  }
  // a column no indentation reaches is the line's end (LSP): top-level keys, nothing allocated for it
  const far = await client.request<CompletionItem[] | null>('textDocument/completion', {
    textDocument: { uri: fileUri('test/fixtures/completion/lsp/trimmed-last-line.mlsd.yaml') },
    position: { line: 4, character: 2 ** 31 - 1 },
  });
  assert.ok(far?.some((i) => i.label === 'archetype') && !far.some((i) => i.label === 'scale'));
  // on a line that has its spaces, nothing changes
  const u = fileUri('test/fixtures/completion/lsp/untrimmed.mlsd.yaml');
  client.open(u, `${head.slice(0, -1)}  \n`);
  const res = await client.request<CompletionItem[] | null>('textDocument/completion', {
    textDocument: { uri: u },
    position: { line: 4, character: 2 },
  });
  assert.equal((res!.find((i) => i.label === 'scale')!.textEdit as TextEdit).newText, 'scale:\n  $1');
});

/**
 * LSP over a real stdio connection to the built server: documentSymbol (and its cap), foldingRange,
 * selectionRange, documentHighlight, definition, references, prepareRename/rename (with the error of an
 * invalid name) and the custom `mlsd/designOutline` request.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type {
  DocumentHighlight,
  DocumentSymbol,
  FoldingRange,
  Location,
  Position,
  Range,
  SelectionRange,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { DesignOutline } from '../../server/src/protocol';
import { LspClient, fileUri, ROOT } from '../harness/lspClient';

const FIXTURE = fs.readFileSync(path.join(ROOT, 'test/fixtures/navigation/several-uses.mlsd.yaml'), 'utf8');
const HALF = fs.readFileSync(path.join(ROOT, 'test/fixtures/navigation/half-written.mlsd.yaml'), 'utf8');
const URI = fileUri('test/fixtures/navigation/several-uses.mlsd.yaml');
const LINES = FIXTURE.split('\n');

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
  client.open(URI, FIXTURE);
  await client.diagnostics(URI);
});
after(async () => {
  await client.stop();
});

/** The position inside the first occurrence of `needle` on the first line containing `lineHas`. */
function at(lineHas: string, needle: string): Position {
  const line = LINES.findIndex((l) => l.includes(lineHas));
  assert.ok(line >= 0, lineHas);
  const character = LINES[line].indexOf(needle);
  assert.ok(character >= 0, needle);
  return { line, character: character + 1 };
}

const text = (r: Range) => `${r.start.line + 1}:${LINES[r.start.line].slice(r.start.character, r.end.character)}`;
const td = { uri: URI };

test('documentSymbol: the seven steps named by their step, ids as children', async () => {
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: td });
  const names = symbols.map((s) => s.name);
  for (const n of ['1 · Requirements', '2 · Framing', '3 · Data', '4 · Model', '5 · Evaluation'])
    assert.ok(names.includes(n), n);
  const data = symbols.find((s) => s.name === '3 · Data')!;
  assert.equal(data.detail, 'data');
  const sources = data.children!.find((s) => s.name === 'sources')!;
  assert.deepEqual(
    sources.children!.map((s) => s.name),
    ['events', 'interactions', 'users'],
  );
  assert.ok('selectionRange' in sources, 'hierarchical DocumentSymbol, not SymbolInformation');
});

test('documentSymbol honours mlsd.maxItemsComputed with a notice', async (t) => {
  const c = new LspClient({ settings: { maxItemsComputed: 12 } });
  t.after(() => c.stop());
  await c.initialize();
  c.open(URI, FIXTURE);
  await c.diagnostics(URI);
  const symbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: td });
  const count = (ss: DocumentSymbol[]): number => ss.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
  assert.equal(count(symbols), 13);
  assert.equal(symbols.at(-1)!.name, 'Outline truncated at 12 items');
});

test('foldingRange, selectionRange and documentHighlight answer', async () => {
  const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: td });
  const dataLine = LINES.indexOf('data:');
  assert.ok(
    folds.some((f) => f.startLine === dataLine && f.endLine === LINES.indexOf('model:') - 1),
    'the data section folds',
  );
  assert.ok(
    folds.some((f) => f.startLine === 0 && f.endLine === 1 && f.kind === 'comment'),
    'the leading comment block folds',
  );
  const [sel] = await client.request<SelectionRange[]>('textDocument/selectionRange', {
    textDocument: td,
    positions: [at('selected:', 'gbdt')],
  });
  assert.equal(text(sel.range), '45:gbdt');
  assert.equal(text(sel.parent!.range), '45:selected: gbdt');
  const hs = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', {
    textDocument: td,
    position: at('selected:', 'gbdt'),
  });
  assert.deepEqual(
    hs.map((h) => `${text(h.range)} ${h.kind}`),
    ['41:gbdt 3', '45:gbdt 2', '49:gbdt 2'],
  );
});

test('definition and references', async () => {
  const defs = await client.request<Location[]>('textDocument/definition', {
    textDocument: td,
    position: at('source: "events"', 'events'),
  });
  assert.deepEqual(
    defs.map((l) => `${l.uri === URI} ${text(l.range)}`),
    ['true 18:events'],
  );
  const refs = await client.request<Location[]>('textDocument/references', {
    textDocument: td,
    position: at('- id: gbdt', 'gbdt'),
    context: { includeDeclaration: false },
  });
  assert.deepEqual(
    refs.map((l) => text(l.range)),
    ['45:gbdt', '49:gbdt'],
  );
  const withDecl = await client.request<Location[]>('textDocument/references', {
    textDocument: td,
    position: at('- id: gbdt', 'gbdt'),
    context: { includeDeclaration: true },
  });
  assert.deepEqual(
    withDecl.map((l) => text(l.range)),
    ['41:gbdt', '45:gbdt', '49:gbdt'],
  );
  const none = await client.request<Location[]>('textDocument/definition', {
    textDocument: td,
    position: at('baseline:', 'gbdt'),
  });
  assert.deepEqual(none, []);
});

test('prepareRename and rename; an invalid name is a ResponseError', async () => {
  const prep = await client.request<{ range: Range; placeholder: string } | null>('textDocument/prepareRename', {
    textDocument: td,
    position: at('primary:', 'conversion'),
  });
  assert.ok(prep);
  assert.equal(prep.placeholder, 'conversion-rate');
  assert.equal(
    await client.request('textDocument/prepareRename', { textDocument: td, position: at('baseline:', 'gbdt') }),
    null,
  );
  const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
    textDocument: td,
    position: at('primary:', 'conversion'),
    newName: 'booking-rate',
  });
  assert.deepEqual(
    edit.changes![URI].map((e) => `${text(e.range)}→${e.newText}`),
    ['53:Conversion_Rate→booking-rate', '54:conversion-rate→booking-rate'],
  );
  await assert.rejects(
    client.request('textDocument/rename', { textDocument: td, position: at('- id: gbdt', 'gbdt'), newName: 'DNN' }),
    (err: Error & { code?: number }) => /not a valid candidate model id/.test(err.message) && err.code === -32600,
  );
  await assert.rejects(
    client.request('textDocument/rename', { textDocument: td, position: at('- id: gbdt', 'gbdt'), newName: 'dnn' }),
    /already has an entry with id `dnn`/,
  );
});

test('mlsd/designOutline: the seven steps with status, ranges, counts and children', async () => {
  const o = await client.request<DesignOutline>('mlsd/designOutline', { uri: URI });
  assert.equal(o.uri, URI);
  assert.equal(o.version, 1);
  assert.equal(o.title, 'Event recommendations (navigation fixture)');
  assert.deepEqual(
    o.steps.map((s) => `${s.label}:${s.status === 'missing' ? 'missing' : 'there'}`),
    [
      '1 · Requirements:there',
      '2 · Framing:there',
      '3 · Data:there',
      '4 · Model:there',
      '5 · Evaluation:there',
      '6 · Serving:missing',
      '7 · Monitoring:missing',
    ],
  );
  assert.equal(o.steps[5].range, undefined);
  assert.deepEqual(
    o.steps[2].children.map((c) => c.key),
    ['sources', 'features'],
  );
  assert.equal(o.steps[2].range!.start.line, LINES.indexOf('data:'));
  const diags = await client.diagnostics(URI);
  const sum = (c: Record<string, number>) => c.error + c.warning + c.info + c.hint;
  assert.equal(sum(o.counts), diags.length, 'the doc-level counts match the published diagnostics');
  assert.ok(o.steps[5].findings.some((f) => f.code === 'MLSD006'));

  const half = fileUri('test/fixtures/navigation/half-written.mlsd.yaml');
  client.open(half, HALF);
  await client.diagnostics(half);
  const ho = await client.request<DesignOutline>('mlsd/designOutline', { uri: half });
  assert.deepEqual(
    ho.steps.map((s) => s.status),
    ['present', 'partial', 'partial', 'partial', 'partial', 'missing', 'partial'],
  );
  assert.equal(
    await client.request('mlsd/designOutline', { uri: fileUri('test/fixtures/navigation/not-open.mlsd.yaml') }),
    null,
  );
});

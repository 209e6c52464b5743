/**
 * Fix-all on demand over a real stdio connection: a client that can resolve a code action's `edit`
 * gets `source.fixAll.mlsd` without its edit, and `codeAction/resolve` fills it in from the document's
 * current version. (A client without resolve support gets it eagerly: lsp-codeActions.test.ts.)
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { LspClient, fileUri, ROOT } from '../harness/lspClient';
import { analyze, applyEdits } from '../../server/src/lint/engine';
import { fixAll } from '../../server/src/lint/fix';
import { offsetAt } from '../../server/src/engine/parse';

let client: LspClient;
let capabilities: { codeActionProvider?: { resolveProvider?: boolean } };

before(async () => {
  client = new LspClient();
  // initialize by hand: the harness's client does not announce resolve support
  const rootUri = pathToFileURL(ROOT).href;
  const res = (await client.conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'root' }],
    capabilities: {
      workspace: { configuration: true, applyEdit: true },
      textDocument: {
        publishDiagnostics: { relatedInformation: true },
        codeAction: {
          dataSupport: true,
          resolveSupport: { properties: ['edit'] },
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } },
        },
      },
    },
    initializationOptions: {},
  })) as { capabilities: typeof capabilities };
  capabilities = res.capabilities;
  await client.conn.sendNotification('initialized', {});
});
after(async () => {
  await client.stop();
});

function applyLsp(text: string, edits: TextEdit[]): string {
  const parsed = analyze(text).parsed;
  return applyEdits(
    text,
    edits.map((e) => ({
      start: offsetAt(parsed, e.range.start),
      end: offsetAt(parsed, e.range.end),
      newText: e.newText,
    })),
  ).text;
}

const FLAWED = fs.readFileSync(path.join(ROOT, 'test/fixtures/flawed/flawed-feed.mlsd.yaml'), 'utf8');
const INTERACTING = fs.readFileSync(
  path.join(ROOT, 'test/fixtures/codeActions/fix-all-interacting.before.mlsd.yaml'),
  'utf8',
);
const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

test('the server advertises codeAction/resolve', () => {
  assert.equal(capabilities.codeActionProvider?.resolveProvider, true);
});

test('fix-all comes without its edit; codeAction/resolve computes it', async () => {
  const uri = fileUri('test/fixtures/lsp/resolve-fix-all.mlsd.yaml');
  client.open(uri, FLAWED);
  await client.diagnostics(uri);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: ZERO,
    context: { diagnostics: [], only: ['source.fixAll'] },
  });
  assert.equal(actions.length, 1);
  const [lazy] = actions;
  assert.equal(lazy.kind, 'source.fixAll.mlsd');
  assert.equal(lazy.title, 'Fix all safe mlsd problems');
  assert.equal(lazy.edit, undefined, 'no edit before resolve');
  assert.ok(lazy.data, 'data names the document');

  const resolved = await client.request<CodeAction>('codeAction/resolve', lazy);
  assert.equal(resolved.title, lazy.title);
  assert.deepEqual(Object.keys(resolved.edit?.changes ?? {}), [uri]);
  const out = applyLsp(FLAWED, resolved.edit!.changes![uri]);
  assert.equal(out, fixAll(FLAWED).text);
  for (const l of FLAWED.split('\n')) if (l.trim().startsWith('#')) assert.ok(out.includes(l), `comment kept: ${l}`);
});

test('a whole-document request offers the unresolved fix-all next to the quick fixes; a cursor request does not', async () => {
  const uri = fileUri('test/fixtures/lsp/resolve-whole.mlsd.yaml');
  client.open(uri, INTERACTING);
  const diags = await client.diagnostics(uri);
  const lines = INTERACTING.split('\n').length;
  const whole = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } },
    context: { diagnostics: diags },
  });
  const fa = whole.filter((a) => a.kind === 'source.fixAll.mlsd');
  assert.equal(fa.length, 1);
  assert.equal(fa[0].edit, undefined);
  assert.ok(
    whole.some((a) => a.kind === 'quickfix' && a.edit),
    'quick fixes carry their edits',
  );
  const cursor = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diags[0].range,
    context: { diagnostics: [diags[0]] },
  });
  assert.ok(!cursor.some((a) => a.kind === 'source.fixAll.mlsd'));

  // fixes that interact: resolve gives the multi-pass result as a diff that keeps the comments
  const resolved = await client.request<CodeAction>('codeAction/resolve', fa[0]);
  const out = applyLsp(INTERACTING, resolved.edit!.changes![uri]);
  assert.equal(out, fixAll(INTERACTING).text);
  assert.match(out, /^ {2}mode: online {5}# two typos$/m);
});

test('resolve after an edit computes fix-all for the text the client now holds', async () => {
  const uri = fileUri('test/fixtures/lsp/resolve-edited.mlsd.yaml');
  client.open(uri, FLAWED, 1);
  await client.diagnosticsFor(uri, 1);
  const [lazy] = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: ZERO,
    context: { diagnostics: [], only: ['source.fixAll.mlsd'] },
  });
  assert.ok(lazy);
  const edited = INTERACTING;
  client.change(uri, edited, 2);
  const resolved = await client.request<CodeAction>('codeAction/resolve', lazy);
  assert.equal(applyLsp(edited, resolved.edit!.changes![uri]), fixAll(edited).text);
});

test('a clean doc gets no fix-all action; other actions resolve to themselves', async () => {
  const uri = fileUri('test/fixtures/lsp/resolve-clean.mlsd.yaml');
  client.open(uri, fs.readFileSync(path.join(ROOT, 'examples/news-feed.mlsd.yaml'), 'utf8'));
  await client.diagnostics(uri);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: ZERO,
    context: { diagnostics: [], only: ['source.fixAll.mlsd'] },
  });
  assert.deepEqual(actions, []);
  const other: CodeAction = { title: 'x', kind: 'quickfix', data: { something: 1 } };
  assert.deepEqual(await client.request<CodeAction>('codeAction/resolve', other), other);
});

/** LSP over a real stdio connection to the built server: code actions, fix-all, and the fix-all command. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { LspClient, fileUri, ROOT } from '../harness/lspClient';
import { analyze, applyEdits } from '../../server/src/lint/engine';
import { fixAll } from '../../server/src/lint/fix';
import { offsetAt } from '../../server/src/engine/parse';

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(async () => {
  await client.stop();
});

/** Applies LSP text edits to a text. */
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

test('textDocument/codeAction: the quick fix, disable and docs actions for a diagnostic', async () => {
  const uri = fileUri('test/fixtures/lsp/code-actions.mlsd.yaml');
  const text =
    'mlsd: 1\ntitle: x\nmodel:\n  baseline: popular items\n  stages:\n    - id: ranking\n      latncy: 20ms   # typo\n';
  client.open(uri, text);
  const diags = await client.diagnostics(uri);
  const d = diags.find((x) => x.code === 'MLSD002');
  assert.ok(d, `MLSD002 expected, got ${diags.map((x) => x.code).join(', ')}`);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d] },
  });
  const titles = actions.map((a) => a.title);
  for (const t of ['Disable MLSD002 for this line', 'Disable MLSD002 for this file', 'Show documentation for MLSD002'])
    assert.ok(titles.includes(t), `${t} in ${titles.join(' | ')}`);
  const fix = actions.find((a) => a.isPreferred)!;
  assert.ok(fix, 'a preferred quick fix');
  assert.equal(fix.kind, 'quickfix');
  assert.equal(fix.title, 'Rename to `latency`');
  assert.deepEqual(
    fix.diagnostics?.map((x: Diagnostic) => x.code),
    ['MLSD002'],
  );
  assert.equal(applyLsp(text, fix.edit!.changes![uri]), text.replace('latncy', 'latency'));

  const line = actions.find((a) => a.title === 'Disable MLSD002 for this line')!;
  assert.equal(
    applyLsp(text, line.edit!.changes![uri]),
    text.replace('      latncy', '      # mlsd-disable-next-line MLSD002\n      latncy'),
  );
  const docs = actions.find((a) => a.title === 'Show documentation for MLSD002')!;
  assert.deepEqual(docs.command, {
    title: 'Show documentation for MLSD002',
    command: 'mlsd.showRuleDocumentation',
    arguments: ['MLSD002'],
  });

  // only quick fixes when asked for them
  const onlyQuick = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d], only: ['quickfix'] },
  });
  assert.ok(onlyQuick.length > 0 && onlyQuick.every((a) => a.kind === 'quickfix'));
});

test('source.fixAll.mlsd applies every safe fix and keeps comments', async () => {
  const uri = fileUri('test/fixtures/lsp/fix-all.mlsd.yaml');
  client.open(uri, FLAWED);
  await client.diagnostics(uri);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll.mlsd'] },
  });
  assert.equal(actions.length, 1);
  assert.equal(actions[0].kind, 'source.fixAll.mlsd');
  const out = applyLsp(FLAWED, actions[0].edit!.changes![uri]);
  assert.equal(out, fixAll(FLAWED).text);
  assert.notEqual(out, FLAWED);
  for (const l of FLAWED.split('\n')) if (l.trim().startsWith('#')) assert.ok(out.includes(l), `comment kept: ${l}`);
});

test('workspace/executeCommand mlsd.server.fixAll sends a workspace/applyEdit', async () => {
  const uri = fileUri('test/fixtures/lsp/fix-all-command.mlsd.yaml');
  client.open(uri, FLAWED);
  await client.diagnostics(uri);
  const before = client.appliedEdits.length;
  await client.request('workspace/executeCommand', { command: 'mlsd.server.fixAll', arguments: [uri] });
  assert.equal(client.appliedEdits.length, before + 1, 'one workspace/applyEdit before the command answers');
  const { edit, label } = client.appliedEdits[before] as { edit: WorkspaceEdit; label?: string };
  assert.ok(label);
  assert.deepEqual(Object.keys(edit.changes!), [uri]);
  assert.equal(applyLsp(FLAWED, edit.changes![uri]), fixAll(FLAWED).text);

  // nothing to fix: no edit is sent
  const clean = fileUri('test/fixtures/lsp/clean.mlsd.yaml');
  client.open(clean, fs.readFileSync(path.join(ROOT, 'examples/news-feed.mlsd.yaml'), 'utf8'));
  await client.diagnostics(clean);
  await client.request('workspace/executeCommand', { command: 'mlsd.server.fixAll', arguments: [clean] });
  assert.equal(client.appliedEdits.length, before + 1);
});

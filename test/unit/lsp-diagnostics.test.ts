/** LSP over a real stdio connection to the built server: diagnostics. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { LspClient, fileUri, ROOT } from '../harness/lspClient';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags';

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(async () => {
  await client.stop();
});

test('initialize announces the capabilities', async () => {
  const c = new LspClient();
  const res = (await c.initialize()) as { capabilities: Record<string, unknown>; serverInfo: { name: string } };
  assert.equal(res.serverInfo.name, 'mlsd-language-server');
  for (const k of [
    'completionProvider',
    'hoverProvider',
    'documentSymbolProvider',
    'codeActionProvider',
    'definitionProvider',
    'renameProvider',
  ])
    assert.ok(res.capabilities[k], k);
  await c.stop();
});

test('publishes diagnostics with rule codes, docs links, source and severity', async () => {
  const uri = fileUri('test/fixtures/lsp/flawed.mlsd.yaml');
  client.open(uri, 'mlsd: 1\ntitle: x\nrequirements:\n  business_objective: grow\n  latncy: 200ms\n');
  const diags = await client.diagnostics(uri);
  const unknown = diags.find((d) => d.code === 'MLSD002');
  assert.ok(unknown, `MLSD002 expected, got ${diags.map((d) => d.code).join(', ')}`);
  assert.equal(unknown.source, 'mlsd');
  assert.equal(unknown.severity, 2);
  assert.deepEqual(unknown.range, { start: { line: 4, character: 2 }, end: { line: 4, character: 8 } });
  assert.match(unknown.codeDescription!.href, /^file:.*docs\/rules\/MLSD002\.md$/);
  assert.ok(fs.existsSync(new URL(unknown.codeDescription!.href)), 'the docs link points at a real page');
  assert.ok(
    diags.some((d) => d.code === 'MLSD006' && d.severity === 2),
    'missing sections are warnings',
  );
});

test('diagnostics follow edits, and a syntax error mid-file still leaves the valid part checked', async () => {
  const uri = fileUri('test/fixtures/lsp/edit.mlsd.yaml');
  client.open(uri, 'mlsd: 1\ntitle: x\n', 1);
  const first = await client.diagnosticsFor(uri, 1);
  assert.ok(!first.some((d) => d.code === 'MLSD001'));
  client.change(uri, 'mlsd: 1\ntitle: x\nrequirements:\n  business_objective: [unclosed\n  latncy: 1\n', 2);
  const second = await client.diagnosticsFor(uri, 2);
  assert.ok(
    second.some((d) => d.code === 'MLSD001'),
    'syntax error reported',
  );
  const syntax = second.find((d) => d.code === 'MLSD001')!;
  assert.equal(syntax.range.start.line, syntax.range.end.line, 'a syntax error range stays on one line');
  client.change(uri, 'mlsd: 2\ntitle: x\n', 3);
  const third = await client.diagnosticsFor(uri, 3);
  assert.ok(third.some((d) => d.code === 'MLSD008'));
});

test('settings apply live: a rule set to off disappears without a restart', async (t) => {
  const c = new LspClient({ settings: {} });
  t.after(() => c.stop());
  await c.initialize();
  const uri = fileUri('test/fixtures/lsp/settings.mlsd.yaml');
  c.open(uri, 'mlsd: 1\ntitle: x\n', 1);
  const before = await c.diagnosticsFor(uri, 1);
  assert.ok(before.some((d) => d.code === 'MLSD006'));
  c.settings = { rules: { 'missing-section': 'off' } };
  c.notify('workspace/didChangeConfiguration', { settings: { mlsd: c.settings } });
  const after = await c.diagnostics(uri, (p) => !p.diagnostics.some((d: { code?: unknown }) => d.code === 'MLSD006'));
  assert.ok(!after.some((d) => d.code === 'MLSD006'));
  c.settings = { validate: { enable: false } };
  c.notify('workspace/didChangeConfiguration', { settings: { mlsd: c.settings } });
  const none = await c.diagnostics(uri, (p) => p.diagnostics.length === 0);
  assert.deepEqual(none, []);
});

test('bad input never crashes the server', async (t) => {
  const c = new LspClient();
  t.after(() => c.stop());
  await c.initialize();
  const bomb =
    'a: &a [x, x, x, x, x, x, x, x, x]\n' +
    Array.from(
      { length: 8 },
      (_, i) =>
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(', ')}]`,
    ).join('\n') +
    '\n';
  const inputs: [string, string][] = [
    ['empty', ''],
    ['list', '- a\n- b\n'],
    ['bomb', bomb],
    ['binary', 'mlsd: 1\n\u0000\u0001\u0002\u00ff junk'],
    ['longline', `mlsd: 1\ntitle: ${'x'.repeat(10_000)}\n`],
    ['self', 'a: &a {self: *a}\n'],
    ['tag', 'mlsd: 1\ntitle: !Ref x\n'],
  ];
  for (const [name, text] of inputs) {
    const uri = fileUri(`test/fixtures/lsp/bad-${name}.mlsd.yaml`);
    c.open(uri, text);
    const d = await c.diagnostics(uri);
    assert.ok(Array.isArray(d), name);
    const sym = await c.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(sym), `${name}: symbols answer`);
  }
  assert.equal(c.proc.exitCode, null, 'server still running');
});

test('the server can be started through the bin like other editors do, with or without its V8 flags', () => {
  const bin = path.join(ROOT, 'bin/mlsd-language-server.js');
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.bin['mlsd-language-server'], 'bin/mlsd-language-server.js');
  // a plain shebang: `env -S` (flags on the shebang line) is missing from BusyBox (Alpine), OpenBSD, NetBSD
  assert.equal(fs.readFileSync(bin, 'utf8').split('\n', 1)[0], '#!/usr/bin/env node');
  // executed as a program (as npm's bin link is), and with the flags the client passes (execArgv)
  assert.equal(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim(), pkg.version);
  assert.ok(SERVER_NODE_FLAGS.length > 0);
  const withFlags = execFileSync(process.execPath, [...SERVER_NODE_FLAGS, bin, '--version'], { encoding: 'utf8' });
  assert.equal(withFlags.trim(), pkg.version);
});

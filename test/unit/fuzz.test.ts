/**
 * Seeded fuzzing: mutated examples (deleted, duplicated and inserted characters, cut lines, YAML
 * punctuation) go through lint and every editor feature at several positions. Nothing may throw, and
 * the rules may not report internal errors. Deterministic: the same seed gives the same inputs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CancellationTokenSource, LSPErrorCodes } from 'vscode-languageserver-protocol';
import { LspClient } from '../harness/lspClient';
import { Session } from '../../server/src/session';
import * as features from '../../server/src/features';
import { positionAt } from '../../server/src/engine/parse';

const ROOT = path.resolve(__dirname, '../../..');
const examples = fs
  .readdirSync(path.join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.mlsd.yaml'))
  .map((f) => fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8'));

const ALL = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const JUNK = [
  ':',
  '-',
  ' ',
  '\n',
  '  ',
  '{',
  '}',
  '[',
  ']',
  '&a ',
  '*a',
  '<<: ',
  '#',
  '"',
  "'",
  '|',
  '>',
  '!',
  '@',
  '%',
  '\t',
  '?',
  'TBD',
  '\u0000',
];

function mutate(text: string, r: () => number): string {
  let t = text;
  const n = 1 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(r() * t.length);
    const op = Math.floor(r() * 4);
    if (op === 0) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(r() * 20));
    else if (op === 1) t = t.slice(0, at) + JUNK[Math.floor(r() * JUNK.length)] + t.slice(at);
    else if (op === 2) t = t.slice(0, at) + t.slice(Math.max(0, at - 40), at) + t.slice(at);
    else t = t.slice(0, at);
  }
  return t;
}

test('mutated docs never make lint or any feature throw', () => {
  const r = rng(20261124);
  const session = new Session();
  let cases = 0;
  for (let i = 0; i < 150; i++) {
    const text = mutate(examples[i % examples.length], r);
    const a = session.analysis(`file:///fuzz/${i}.mlsd.yaml`, 1, text);
    assert.deepEqual(a.lint.internalErrors, [], `rule error on mutation ${i}`);
    const whole = { start: { line: 0, character: 0 }, end: positionAt(a.doc.parsed, text.length) };
    features.documentSymbols(a, 5000);
    features.foldingRanges(a, 5000);
    features.designOutline(a);
    features.inlayHints(a, whole);
    features.codeActions(a, whole, { diagnostics: [] });
    features.fixAllEdit(a);
    for (let k = 0; k < 6; k++) {
      const pos = positionAt(a.doc.parsed, Math.floor(r() * (text.length + 1)));
      features.completion(a, pos);
      features.hover(a, pos);
      features.definition(a, pos);
      features.references(a, pos, true);
      features.highlights(a, pos);
      features.prepareRename(a, pos);
      features.rename(a, pos, 'renamed_id');
      features.selectionRanges(a, [pos]);
      cases++;
    }
  }
  assert.equal(cases, 900);
});

/**
 * The stdio fuzzer (`npm run fuzz`, scripts/fuzz.mjs), short and seeded: mutants of every class of issue
 * 12 go to the built server (open, incremental edits, a burst of requests with random cancellations, a
 * ping) and to the CLI. No crash, hang, timeout, error response or logged server error is allowed.
 */
test('the stdio fuzzer: a short seeded run finds no crash, hang, timeout or error', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-fuzz-test-'));
  const res = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'scripts/fuzz.mjs'),
      ...['--iterations', '200', '--seed', '20261204', '--time-limit', '40', '--cli-every', '25'],
      ...['--json', '--out', out],
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
  );
  const summary = JSON.parse(res.stdout.trim().split('\n').pop() ?? '{}');
  assert.deepEqual(summary.failures, [], `failing mutants (saved in ${out}): ${res.stderr}`);
  assert.equal(res.status, 0, res.stderr);
  for (const k of ['crashes', 'hangs', 'timeouts', 'errors', 'loggedErrors', 'cliFailures'])
    assert.equal(summary[k], 0, k);
  assert.ok(summary.iterations >= 20, `only ${summary.iterations} iterations ran`);
  assert.ok(summary.cliRuns >= 1);
  for (const m of ['textDocument/completion', 'textDocument/codeAction', 'ping', 'diagnostics'])
    assert.ok(summary.methods[m]?.n > 0, `${m} was answered`);
  fs.rmSync(out, { recursive: true, force: true });
});

test('$/cancelRequest answers RequestCancelled; a request on a fresh edit answers for the new version', async () => {
  const client = new LspClient();
  await client.initialize();
  try {
    const uri = 'file:///fuzz/cancel.mlsd.yaml';
    client.open(uri, examples[0]);
    await client.diagnostics(uri);
    for (const [method, params] of [
      ['textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 1 } }],
      ['textDocument/documentSymbol', { textDocument: { uri } }],
      ['textDocument/foldingRange', { textDocument: { uri } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: ALL, context: { diagnostics: [] } }],
      ['textDocument/inlayHint', { textDocument: { uri }, range: ALL }],
    ] as const) {
      // a cancel that arrives after the answer was sent cannot cancel it: a few tries, one must be cancelled
      let code: number | undefined;
      for (let i = 0; i < 5 && code === undefined; i++) {
        const src = new CancellationTokenSource();
        const p = client.conn.sendRequest(method, params, src.token);
        src.cancel();
        code = await p.then(
          () => undefined,
          (e: { code?: number }) => e.code ?? -1,
        );
      }
      assert.equal(code, LSPErrorCodes.RequestCancelled, method);
    }
    // an edit, then at once a request: the answer is for the edited text (never the superseded one)
    client.change(uri, 'mlsd: 1\ntitle: only\n', 2);
    const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length <= 2, JSON.stringify(symbols.map((s) => s.name)));
  } finally {
    await client.stop();
  }
});

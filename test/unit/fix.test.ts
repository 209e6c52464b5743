/**
 * Fix selection (lint/fix.ts), the bounded fix loop, the fix-all diff (engine/diff.ts), and that the
 * CLI's `lint --fix` and the fix-all code action are that one loop.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { diffEdits } from '../../server/src/engine/diff';
import type { TextEdit } from '../../server/src/engine/edits';
import { analyze, applyEdits, getDefaultConfig, lint, type LintResult } from '../../server/src/lint/engine';
import { fixAll, fixApplies, MAX_FIX_PASSES, selectFixes } from '../../server/src/lint/fix';
import { lintFile } from '../../server/src/cli/lintFiles';
import { fixAllTextEdits } from '../../server/src/features/codeActions';
import { Session } from '../../server/src/session';
import type { Finding, Fix } from '../../server/src/rules/types';

const ROOT = path.resolve(__dirname, '../../..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
const FLAWED = read('test/fixtures/flawed/flawed-feed.mlsd.yaml');
const INTERACTING = read('test/fixtures/codeActions/fix-all-interacting.before.mlsd.yaml');

const fix = (edits: [number, number, string][], safe = true): { fix: Fix } => ({
  fix: { title: 'f', safe, edits: edits.map(([start, end, newText]) => ({ start, end, newText })) },
});

// --- selection -------------------------------------------------------------------------------------

test('selectFixes: overlapping fixes, the first in finding order wins; a fix applies whole or not at all', () => {
  const a = fix([[0, 5, 'A']]);
  const b = fix([[3, 8, 'B']]); // overlaps a
  const c = fix([
    [10, 12, 'C'],
    [4, 4, 'c'], // inside a: the whole of c is left for a later pass, 10..12 included
  ]);
  const d = fix([[10, 11, 'D']]); // free, because c was not taken
  const e = fix([[20, 22, 'E']], false); // unsafe: not for fix-all
  const sel = selectFixes([a, b, c, d, e]);
  assert.deepEqual(sel.fixes, [a, d]);
  assert.deepEqual(sel.edits, [
    { start: 0, end: 5, newText: 'A' },
    { start: 10, end: 11, newText: 'D' },
  ]);
});

test('selectFixes: insertions touch but do not overlap; at one offset they keep the findings order', () => {
  const r = fix([[2, 4, 'R']]);
  const before = fix([[2, 2, 'x']]);
  const after = fix([[4, 4, 'y']]);
  const again = fix([[2, 2, 'z']]);
  const inside = fix([[3, 3, '!']]);
  const sel = selectFixes([r, before, after, again, inside]);
  assert.deepEqual(sel.fixes, [r, before, after, again]);
  assert.equal(applyEdits('0123456', sel.edits).text, '01xzRy456');
});

test('selectFixes: a fix whose own edits overlap, or are reversed, is never taken; fixApplies says so', () => {
  const self = fix([
    [0, 4, 'a'],
    [2, 6, 'b'],
  ]);
  const reversed = fix([[5, 3, 'x']]);
  assert.deepEqual(selectFixes([self, reversed]).fixes, []);
  assert.equal(fixApplies(self.fix), false);
  assert.equal(fixApplies(reversed.fix), false);
  assert.equal(
    fixApplies(
      fix([
        [0, 2, 'a'],
        [2, 2, 'b'],
        [2, 4, 'c'],
      ]).fix,
    ),
    true,
  );
});

test('selectFixes on random fixes: chosen edits are sorted, disjoint, all applied; every skipped fix clashes', () => {
  let seed = 11;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const overlap = (x: TextEdit, y: TextEdit) => x.start < y.end && y.start < x.end;
  for (let i = 0; i < 300; i++) {
    const items = Array.from({ length: rnd(12) }, () =>
      fix(
        Array.from({ length: 1 + rnd(3) }, () => {
          const s = rnd(60);
          return [s, s + rnd(3) * rnd(4), String(rnd(10))] as [number, number, string];
        }),
        rnd(5) > 0,
      ),
    );
    const sel = selectFixes(items);
    for (let j = 1; j < sel.edits.length; j++) {
      const [p, q] = [sel.edits[j - 1], sel.edits[j]];
      assert.ok(p.start < q.start || (p.start === q.start && p.end <= q.end), 'sorted');
      assert.ok(!overlap(p, q), 'disjoint');
    }
    assert.equal(applyEdits('x'.repeat(80), sel.edits).applied, sel.edits.length);
    for (const it of items) {
      if (sel.fixes.includes(it) || !it.fix.safe) continue;
      const own = it.fix.edits;
      const clashes =
        own.some((e) => sel.edits.some((t) => overlap(e, t))) ||
        own.some((e, k) => own.some((o, l) => k !== l && overlap(e, o)));
      assert.ok(clashes, JSON.stringify(it.fix.edits));
    }
  }
});

// --- the loop --------------------------------------------------------------------------------------

test('fixAll: fixes that interact take two passes; the first pass is reported against the input', () => {
  const r = fixAll(INTERACTING);
  assert.equal(r.passes, 2);
  assert.match(r.text, /^ {2}mode: online {5}# two typos$/m);
  assert.equal(applyEdits(INTERACTING, r.firstPass).text.includes('mode: onlien'), true, 'pass 1 renames the key');
  assert.ok(!r.remaining.findings.some((f) => f.fix?.safe));
  assert.equal(r.stoppedBy, undefined);
  assert.equal(fixAll(r.text).passes, 0, 'stable');
});

test('fixAll: the pass budget stops the loop and says so; the result is still a valid partial fix', () => {
  const r = fixAll(INTERACTING, getDefaultConfig(), '', { maxPasses: 1 });
  assert.equal(r.passes, 1);
  assert.equal(r.stoppedBy, 'passes');
  assert.ok(
    r.remaining.findings.some((f) => f.fix?.safe),
    'the fix left over is reported',
  );
  assert.equal(r.text, applyEdits(INTERACTING, r.firstPass).text);
  assert.equal(MAX_FIX_PASSES, 10);
});

test('fixAll: the size budget refuses a pass that would grow the text past it', () => {
  const text = 'mlsd: 1\ntitle: x\n'; // the fixes insert the seven missing sections
  const r = fixAll(text, getDefaultConfig(), '', { maxLength: text.length + 10 });
  assert.equal(r.stoppedBy, 'size');
  assert.equal(r.text, text);
  assert.equal(r.fixed, 0);
});

test('fixAll with the cached parse and lint: the first pass does not parse again', () => {
  const doc = analyze(FLAWED);
  const real = lint(doc);
  assert.deepEqual(fixAll(FLAWED, getDefaultConfig(), '', {}, { doc, lint: real }).text, fixAll(FLAWED).text);
  // proof that the given lint is what the first pass reads: a made-up fix is applied
  const madeUp: Finding = {
    ruleId: 'MLSD002',
    alias: 'unknown-key',
    severity: 'error',
    start: 0,
    end: 0,
    message: 'x',
    fix: { title: 'x', safe: true, edits: [{ start: 0, end: 0, newText: '# made up\n' }] },
  };
  const fake: LintResult = { findings: [madeUp], suppressed: [], internalErrors: [] };
  const r = fixAll(FLAWED, getDefaultConfig(), '', {}, { doc, lint: fake });
  assert.ok(r.text.startsWith('# made up\n'));
  // a stale start (another text) is ignored
  const stale = fixAll(`${FLAWED}\n`, getDefaultConfig(), '', {}, { doc, lint: fake });
  assert.ok(!stale.text.startsWith('# made up'));
});

// --- the diff --------------------------------------------------------------------------------------

test('diffEdits: minimal edits that leave unchanged comments alone', () => {
  const a = [
    '# header comment',
    'mlsd: 1',
    'serving:   # how it serves',
    '  mode: onlien   # typo',
    '  target: cloud',
    '# trailing comment',
    '',
  ].join('\n');
  const b = a.replace('onlien', 'online').replace('  target: cloud\n', '  target: cloud\n  qps: 10\n');
  const edits = diffEdits(a, b);
  assert.equal(applyEdits(a, edits).text, b);
  assert.equal(edits.length, 2);
  assert.deepEqual(
    edits.map((e) => [a.slice(e.start, e.end), e.newText]),
    [
      ['en', 'ne'],
      ['', '  qps: 10\n'],
    ],
  );
  for (const e of edits) assert.ok(!e.newText.includes('#'), 'no comment is rewritten');
});

test('diffEdits: CRLF and surrogate pairs are never split; past the budget one narrowed edit, still exact', () => {
  const a = 'k: v\r\nemoji: 😀\r\nz: 1\r\n';
  const b = 'k: v\r\nemoji: 😃\r\nz: 2\r\n';
  for (const budget of [{}, { maxChangedLines: 0 }, { maxWork: 0 }]) {
    const edits = diffEdits(a, b, budget);
    assert.equal(applyEdits(a, edits).text, b);
    for (const e of edits) {
      assert.ok(!/^[\uDC00-\uDFFF\n]/.test(e.newText) && !/[\uD800-\uDBFF\r]$/.test(e.newText), JSON.stringify(e));
    }
  }
  assert.equal(diffEdits(a, b, { maxWork: 0 }).length, 1, 'the budget gives one edit');
  // a long doc with changes everywhere: bounded, one edit over the changed span
  const lines = Array.from({ length: 20_000 }, (_, i) => `key_${i}: ${i}`);
  const x = `${lines.join('\n')}\n`;
  const y = `${lines.map((l, i) => (i % 10 === 0 ? `${l}0` : l)).join('\n')}\n`;
  const big = diffEdits(x, y);
  assert.equal(big.length, 1);
  assert.equal(applyEdits(x, big).text, y);
  // within the budget (2,000 lines, 200 changed): one edit per changed line
  const small = `${lines.slice(0, 2000).join('\n')}\n`;
  const smallY = `${lines
    .slice(0, 2000)
    .map((l, i) => (i % 10 === 0 ? `${l}0` : l))
    .join('\n')}\n`;
  const per = diffEdits(small, smallY);
  assert.equal(per.length, 200);
  assert.ok(per.every((e) => e.newText === '0' && e.start === e.end));
  assert.equal(applyEdits(small, per).text, smallY);
});

// --- one loop for the CLI and the editor -----------------------------------------------------------

test('lint --fix, the CLI in-process and the fix-all code action all give fixAll’s result', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-fix-'));
  try {
    for (const [name, text] of [
      ['flawed.mlsd.yaml', FLAWED],
      ['interacting.mlsd.yaml', INTERACTING],
    ]) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      const uri = pathToFileURL(file).href;
      const expected = fixAll(text, getDefaultConfig(), uri);
      assert.notEqual(expected.text, text);

      const inProc = lintFile(file, name, getDefaultConfig(), { fix: false, fixDryRun: true, quiet: false });
      assert.ok(inProc.ok);
      assert.equal(inProc.result.output, expected.text);
      assert.equal(inProc.result.fixedCount, expected.fixed);
      assert.equal(inProc.result.messages.length, expected.remaining.findings.length);

      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/mlsd.js'), 'lint', '--fix', name], {
        cwd: dir,
        encoding: 'utf8',
      });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      assert.equal(fs.readFileSync(file, 'utf8'), expected.text, `${name}: --fix wrote fixAll's text`);

      const a = new Session().analysis(uri, 1, text);
      assert.equal(applyEdits(text, fixAllTextEdits(a)).text, expected.text, `${name}: fix-all action`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * Incremental parsing (engine/reparse.ts): a patched parse must equal the full parse of the same text, for
 * every edit it accepts; the edits it must decline (they change the structure) fall back to a full parse.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseText } from '../../server/src/engine/parse';
import { changedRange, reparse, sameParse } from '../../server/src/engine/reparse';
import { analyze, lint } from '../../server/src/lint/engine';
import { MlsdDoc } from '../../server/src/engine/model';

const ROOT = path.resolve(__dirname, '../../..');
const examples = fs
  .readdirSync(path.join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.mlsd.yaml'))
  .map((f) => fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8'));

/** A small seeded generator (mulberry32): the same edits on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const edit = (text: string, start: number, end: number, ins: string) => text.slice(0, start) + ins + text.slice(end);

test('changedRange finds the one replaced range', () => {
  assert.deepEqual(changedRange('abcdef', 'abXYef'), { start: 2, end: 4, text: 'XY' });
  assert.deepEqual(changedRange('abc', 'abc'), { start: 3, end: 3, text: '' });
  assert.deepEqual(changedRange('aa', 'aaa'), { start: 2, end: 2, text: 'a' });
  assert.deepEqual(changedRange('abc', ''), { start: 0, end: 3, text: '' });
});

test('typing inside a value patches the parse, and the patch equals the full parse', () => {
  const text = 'mlsd: 1\nrequirements:\n  performance:\n    latency: {p99: 200ms}\n  goal: grow   # why\nx: [a]\n';
  const prev = parseText(text);
  assert.ok(prev.patchable);
  const at = text.indexOf('grow') + 2;
  const next = edit(text, at, at, 'o');
  const patched = reparse(prev, next);
  assert.ok(patched, 'a plain value edit is patched');
  assert.ok(sameParse(patched, parseText(next)));
  assert.equal(new MlsdDoc(patched).str('requirements.goal'), 'groow');
  assert.equal(patched.comments[0].start, next.indexOf('# why'));
});

test('edits that change the structure are declined', () => {
  const text = 'a:\n  b: one\n  c: "two"\nd: [x, y]\ne: &k v\nf: 3\n';
  const prev = parseText(text);
  const at = (s: string, k = 0) => text.indexOf(s) + k;
  const cases: [string, number, number, string][] = [
    ['a line break', at('one', 1), at('one', 1), '\n'],
    ['a comment', at('one', 3), at('one', 3), ' #'],
    ['a nested map', at('one', 3), at('one', 3), ': x'],
    ['a key', at('b:'), at('b:'), 'z'],
    ['a flow item', at('x,'), at('x,') + 1, 'q'],
    ['an opening quote left open', at('two') - 1, at('two'), ''],
    ['a block scalar', at('one'), at('one', 3), '|'],
    ['the indentation', at('  b'), at('  b'), ' '],
  ];
  for (const [what, s, e, ins] of cases) {
    const next = edit(text, s, e, ins);
    assert.equal(reparse(prev, next), undefined, what);
  }
  // a doc with an alias or a problem is never patched
  assert.equal(parseText('a: &x 1\nb: *x\n').patchable, false);
  assert.equal(parseText('a: b: c\n').patchable, false);
  assert.equal(parseText('%YAML 1.1\n---\na: yes\n').patchable, false);
});

test('a value that changes type (a number, a boolean) is read as the full parse reads it', () => {
  const text = 'a:\n  enabled: tru\n  n: 12\n';
  const prev = parseText(text);
  for (const [s, e, ins] of [
    [text.indexOf('tru') + 3, text.indexOf('tru') + 3, 'e'],
    [text.indexOf('12'), text.indexOf('12') + 2, '1e3'],
    [text.indexOf('12') + 2, text.indexOf('12') + 2, 'x'],
  ] as [number, number, string][]) {
    const next = edit(text, s, e, ins);
    const patched = reparse(prev, next);
    assert.ok(patched);
    assert.ok(sameParse(patched, parseText(next)));
  }
});

test('random edits on every example: each patched parse equals the full parse, and the findings are the same', () => {
  const r = rng(2026);
  const alphabet = [
    'a',
    'Z',
    '0',
    '9',
    ' ',
    ':',
    '#',
    '"',
    "'",
    ',',
    '[',
    ']',
    '{',
    '-',
    '&',
    '*',
    '!',
    '|',
    '%',
    'é',
    '\t',
  ];
  let patched = 0;
  let total = 0;
  for (const base of examples) {
    let text = base;
    let prev = parseText(text);
    for (let k = 0; k < 150; k++) {
      // mostly edits inside values (what typing does), some anywhere
      const s = Math.floor(r() * text.length);
      const len = r() < 0.6 ? 0 : Math.floor(r() * 3);
      const char = () => (r() < 0.7 ? 'typing e1'[Math.floor(r() * 9)] : alphabet[Math.floor(r() * alphabet.length)]);
      const ins = r() < 0.3 ? '' : Array.from({ length: 1 + Math.floor(r() * 3) }, char).join('');
      const next = edit(text, s, Math.min(text.length, s + len), ins);
      const full = parseText(next);
      const p = reparse(prev, next);
      total++;
      if (p) {
        patched++;
        assert.ok(
          sameParse(p, full),
          `patched parse differs after editing ${JSON.stringify(text.slice(s - 20, s + 20))}`,
        );
        const a = lint(new MlsdDoc(p)).findings.map((f) => `${f.ruleId}@${f.start}-${f.end} ${f.message}`);
        const b = lint(analyze(next)).findings.map((f) => `${f.ruleId}@${f.start}-${f.end} ${f.message}`);
        assert.deepEqual(a, b);
      }
      // keep editing from a readable doc (a broken one is never patched)
      if (full.patchable) {
        text = next;
        prev = p ?? full;
      }
    }
  }
  assert.ok(patched > total / 10, `only ${patched} of ${total} edits were patched`);
});

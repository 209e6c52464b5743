/**
 * Seeded fuzzing: mutated examples (deleted, duplicated and inserted characters, cut lines, YAML
 * punctuation) go through lint and every editor feature at several positions. Nothing may throw, and
 * the rules may not report internal errors. Deterministic: the same seed gives the same inputs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Session } from '../../server/src/session';
import * as features from '../../server/src/features';
import { positionAt } from '../../server/src/engine/parse';

const ROOT = path.resolve(__dirname, '../../..');
const examples = fs
  .readdirSync(path.join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.mlsd.yaml'))
  .map((f) => fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8'));

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

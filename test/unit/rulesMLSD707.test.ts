/**
 * MLSD707 manual-retraining-under-adversarial-drift: the branches its bad/good fixtures do not reach, and
 * its suggestion leaving the doc valid without a new finding.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits, lint } from '../../server/src/lint/engine';
import { resolveConfig, type RawConfig } from '../../server/src/lint/config';

function run(text: string) {
  const res = lint(analyze(text), resolveConfig([{ extends: 'recommended' } as RawConfig]));
  assert.deepEqual(res.internalErrors, [], 'a rule threw');
  return res.findings;
}
const of707 = (text: string) => run(text).filter((f) => f.ruleId === 'MLSD707');
const doc = (head: string, retraining: string) =>
  `mlsd: 1\ntitle: t\n${head}monitoring:\n  ml: [score-drift]\n  retraining:\n${retraining}`;

test('MLSD707 fires on archetype harmful-content, naming it', () => {
  const fs = of707(doc('archetype: harmful-content\n', '    trigger: manual\n'));
  assert.equal(fs.length, 1);
  assert.match(fs[0].message, /archetype harmful-content/);
});

test('MLSD707 is silent with a cadence, another trigger, or a non-adversarial system', () => {
  const adv = 'requirements:\n  adversarial: true\n';
  assert.deepEqual(of707(doc(adv, '    cadence: 1w\n    trigger: manual\n')), []);
  assert.deepEqual(of707(doc(adv, '    trigger: schedule\n')), []);
  assert.deepEqual(of707(doc('requirements:\n  adversarial: false\n', '    trigger: manual\n')), []);
  assert.deepEqual(of707(doc('archetype: news-feed\n', '    trigger: manual\n')), []);
});

test('MLSD707 suggestion sets trigger: drift and adds no finding', () => {
  const text = doc('requirements:\n  adversarial: true\n', '    trigger: manual\n');
  const before = run(text);
  const f = before.find((x) => x.ruleId === 'MLSD707');
  assert.ok(f?.suggestions?.[0]);
  const fixed = applyEdits(text, f.suggestions[0].edits).text;
  assert.match(fixed, /trigger: drift/);
  const old = new Set(before.map((x) => x.ruleId));
  const added = run(fixed).filter((x) => !old.has(x.ruleId) || x.ruleId === 'MLSD707');
  assert.deepEqual(added, []);
});

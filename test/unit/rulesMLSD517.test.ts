/**
 * MLSD517 experiment-unit-interference: the branches its bad/good fixtures do not reach (rules.md Rule
 * details: case (a) network effects, case (b) adversaries, exemptions).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, lint } from '../../server/src/lint/engine';
import { resolveConfig, type RawConfig } from '../../server/src/lint/config';

function of517(text: string) {
  const res = lint(analyze(text), resolveConfig([{ extends: 'recommended' } as RawConfig]));
  assert.deepEqual(res.internalErrors, [], 'a rule threw');
  return res.findings.filter((f) => f.ruleId === 'MLSD517');
}
const doc = (req: string, exp: string, head = '') =>
  `mlsd: 1\ntitle: t\n${head}requirements:\n${req}evaluation:\n  online:\n    metrics: [ctr]\n    experiment:\n${exp}`;

test('MLSD517 (a): network effects with an individual unit, on the unit value', () => {
  for (const unit of ['user', 'session', 'request', 'device']) {
    const text = doc('  network_effects: true\n', `      type: ab\n      unit: ${unit}\n`);
    const fs = of517(text);
    assert.equal(fs.length, 1, unit);
    assert.match(fs[0].message, new RegExp(`randomizing by ${unit} lets treatment leak into control`));
    assert.equal(text.slice(fs[0].start, fs[0].end), unit);
    assert.equal(fs[0].severity, 'info');
  }
});

test('MLSD517 (a): archetype people-you-may-know; a missing unit reads as individual, on the experiment key', () => {
  const text = doc('  dau: 1M\n', '      type: ab\n      duration_days: 14\n', 'archetype: people-you-may-know\n');
  const fs = of517(text);
  assert.equal(fs.length, 1);
  assert.equal(text.slice(fs[0].start, fs[0].end), 'experiment');
  assert.match(fs[0].explanation ?? '', /archetype people-you-may-know/);
});

test('MLSD517 (a): silent for cluster, geo, switchback units, a stated interference, a non-ab type', () => {
  for (const unit of ['cluster', 'geo', 'switchback'])
    assert.deepEqual(of517(doc('  network_effects: true\n', `      unit: ${unit}\n`)), [], unit);
  const stated =
    '      unit: user\n      interference: drivers are pooled per city; spillover under 1% in a switchback pilot\n';
  assert.deepEqual(of517(doc('  network_effects: true\n', stated)), []);
  assert.deepEqual(of517(doc('  network_effects: true\n', '      type: interleaving\n      unit: user\n')), []);
  assert.deepEqual(of517(doc('  network_effects: false\n', '      unit: user\n')), []);
});

test('MLSD517 (b): adversarial system randomized by request or session', () => {
  for (const unit of ['request', 'session']) {
    const text = doc('  adversarial: true\n', `      unit: ${unit}\n`);
    const fs = of517(text);
    assert.equal(fs.length, 1, unit);
    assert.match(fs[0].message, new RegExp(`Randomizing by ${unit} lets an adversary`));
    assert.match(fs[0].explanation ?? '', /Randomize by user, account, device or card/);
  }
  const harmful = doc('  dau: 1M\n', '      unit: session\n', 'archetype: harmful-content\n');
  assert.equal(of517(harmful).length, 1);
});

test('MLSD517 (b): silent for user or device units and a missing unit; (a) wins when both apply', () => {
  for (const exp of ['      unit: user\n', '      unit: device\n', '      duration_days: 14\n'])
    assert.deepEqual(of517(doc('  adversarial: true\n', exp)), [], exp);
  const both = of517(doc('  adversarial: true\n  network_effects: true\n', '      unit: request\n'));
  assert.equal(both.length, 1);
  assert.match(both[0].message, /network effects/);
});

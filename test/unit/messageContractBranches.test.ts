/**
 * The message contract for rules MLSD401–MLSD706: every finding has a headline (non-empty, one line, at
 * most 100 characters) and a non-empty explanation. Checked on each rule's bad fixture (every branch the
 * fixture marks) and on the flawed docs, which trip many rules at once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/rules';
import { analyze, lint } from '../../server/src/lint/engine';
import { resolveConfig } from '../../server/src/lint/config';
import type { Finding } from '../../server/src/rules/types';

const ROOT = path.resolve(__dirname, '../../..');

function assertContract(f: Finding, where: string): void {
  const at = `${f.ruleId} in ${where}`;
  assert.ok(f.message.trim().length > 0, `${at}: empty headline`);
  assert.ok(!/[\r\n]/.test(f.message), `${at}: headline spans lines: ${JSON.stringify(f.message)}`);
  assert.ok(f.message.length <= 100, `${at}: headline has ${f.message.length} > 100 characters: ${f.message}`);
  assert.ok((f.explanation ?? '').trim().length > 0, `${at}: no explanation for "${f.message}"`);
}

// every rule's bad fixture is checked in messageContract.test.ts; here, the branches it does not reach

/**
 * Branches the bad fixtures do not reach, and author-written values long enough to push a careless
 * headline past 100 characters: each doc must trip the named rule.
 */
const BRANCHES: { rule: string; name: string; doc: string }[] = [
  {
    rule: 'MLSD402',
    name: 'a long loss name against several task types',
    doc: 'framing:\n  task_type: binary-classification\n  heads:\n    - {name: a, task_type: multilabel-classification}\n    - {name: b, task_type: multiclass-classification}\nmodel:\n  loss: Squared_Error loss\n',
  },
  {
    rule: 'MLSD405',
    name: 'downsampling named in the imbalance handling',
    doc: 'framing:\n  task_type: binary-classification\n  output_use: probability\ndata:\n  imbalance:\n    handling: [negative-downsampling]\nmodel:\n  baseline: logistic regression\n',
  },
  {
    rule: 'MLSD405',
    name: 'a sampling rate with many digits',
    doc: 'framing:\n  task_type: binary-classification\n  output_use: probability\nmodel:\n  baseline: logistic regression\n  training:\n    negative_sampling_rate: 0.012345\n',
  },
  {
    rule: 'MLSD503',
    name: 'a regression metric against many task types',
    doc: 'framing:\n  task_type: binary-classification\n  heads:\n    - {name: a, task_type: multilabel-classification}\n    - {name: b, task_type: multiclass-classification}\n    - {name: c, task_type: anomaly-detection}\nevaluation:\n  offline:\n    metrics: [RMSE]\n',
  },
  {
    rule: 'MLSD504',
    name: 'detection AP without an IoU threshold',
    doc: 'framing:\n  task_type: object-detection\nevaluation:\n  offline:\n    metrics: [map]\n',
  },
  {
    rule: 'MLSD511',
    name: 'a very long unknown metric name',
    doc: 'evaluation:\n  offline:\n    metrics: [a-very-long-custom-metric-name-that-nobody-has-heard-of@100]\n',
  },
  {
    rule: 'MLSD601',
    name: 'a bare latency requirement without network latency',
    doc: 'requirements:\n  performance:\n    latency: 100ms\nmodel:\n  stages:\n    - {id: retrieval, latency: 80ms}\n    - {id: ranking, latency: 50ms}\nserving:\n  mode: online\n',
  },
  { rule: 'MLSD602', name: 'no required mode to suggest', doc: 'serving:\n  target: cloud\n' },
  {
    rule: 'MLSD603',
    name: 'a freshness requirement shorter than a day, no fresh feature',
    doc: 'requirements:\n  performance:\n    freshness: 1h\nserving:\n  mode: batch\n',
  },
  {
    rule: 'MLSD605',
    name: 'a long rollout strategy',
    doc: 'serving:\n  mode: online\n  rollout:\n    strategy: a-long-home-grown-staged-rollout-with-manual-gates\n',
  },
  { rule: 'MLSD701', name: 'one item, not about drift', doc: 'monitoring:\n  ml: [prediction volume]\n' },
  {
    rule: 'MLSD702',
    name: 'one item, neither latency nor throughput',
    doc: 'monitoring:\n  operational: [disk usage]\n',
  },
];

for (const b of BRANCHES) {
  test(`${b.rule}: headline and explanation for ${b.name}`, () => {
    const text = `mlsd: 1\ntitle: Branch\n${b.doc}`;
    const findings = lint(analyze(text), resolveConfig([{ rules: { [b.rule]: 'warning' } }]), { only: [b.rule] });
    assert.deepEqual(findings.internalErrors, []);
    const mine = findings.findings.filter((f) => f.ruleId === b.rule);
    assert.ok(mine.length > 0, `${b.rule} does not fire on: ${text}`);
    for (const f of mine) assertContract(f, b.name);
  });
}

test('every rule keeps the contract on the flawed docs', () => {
  const dir = path.join(ROOT, 'test/fixtures/flawed');
  let checked = 0;
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.mlsd.yaml'))) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    const all = Object.fromEntries(RULES.map((r) => [r.meta.id, 'info' as const]));
    const findings = lint(analyze(text), resolveConfig([{ rules: all }])).findings;
    for (const f of findings) assertContract(f, `flawed/${name}`);
    checked += findings.length;
  }
  assert.ok(checked > 0, 'the flawed docs trip at least one rule');
});

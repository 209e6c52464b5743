/**
 * v1.1 behaviour of the calibration and loss rules beyond their fixtures: MLSD507's former alias, the
 * MLSD405/MLSD507 hand-over for threshold outputs (one root cause, one finding), MLSD402's stage task types.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfigText, resolveConfig } from '../../server/src/lint/config';
import { analyze, lint } from '../../server/src/lint/engine';
import { ruleByName } from '../../server/src/rules';

const ids = (text: string, only?: string[]) =>
  lint(analyze(text), undefined, only ? { only } : {}).findings.map((f) => f.ruleId);

test('MLSD507: the v1 alias auc-only-for-probability-output still names the rule', () => {
  assert.equal(ruleByName('auc-only-for-probability-output')?.meta.id, 'MLSD507');
  assert.equal(ruleByName('missing-calibration-metric')?.meta.id, 'MLSD507');
  const problems: { message: string }[] = [];
  const raw = parseConfigText('rules:\n  auc-only-for-probability-output: off\n', '.mlsdrc.yaml', problems);
  const config = resolveConfig([raw], problems);
  assert.deepEqual(problems, []);
  assert.equal(config.severity.get('MLSD507'), 'off');
  const doc = [
    'mlsd: 1',
    'title: Ad click prediction',
    'framing:',
    '  task_type: binary-classification',
    '  output_use: probability',
    'evaluation:',
    '  offline:',
    '    # mlsd-disable-next-line auc-only-for-probability-output -- calibration is checked in the auction team',
    '    metrics: [roc-auc]',
    '',
  ].join('\n');
  const res = lint(analyze(doc), undefined, { only: ['MLSD507', 'MLSD009'] });
  assert.deepEqual(
    res.findings.map((f) => f.ruleId),
    [],
  );
  assert.deepEqual(
    res.suppressed.map((f) => f.ruleId),
    ['MLSD507'],
  );
});

const thresholdDoc = (extra: string) =>
  [
    'mlsd: 1',
    'title: Fraud',
    'framing:',
    '  task_type: binary-classification',
    '  output_use: threshold',
    'data:',
    '  labels: {source: natural, positive_rate: 0.5%}',
    '  imbalance: {handling: [class-weights]}',
    'model:',
    '  baseline: rules',
    extra,
    'evaluation:',
    '  offline:',
    '    metrics: [roc-auc]',
    '',
  ].join('\n');

test('MLSD405 reports a threshold output without calibration; MLSD507 takes over once calibration is stated', () => {
  assert.deepEqual(ids(thresholdDoc(''), ['MLSD405', 'MLSD507']), ['MLSD405']);
  assert.deepEqual(
    ids(thresholdDoc('  calibration: Platt scaling on a true-mix validation set'), ['MLSD405', 'MLSD507']),
    ['MLSD507'],
  );
});

test('MLSD405: an operating-point metric with a target exempts a threshold output', () => {
  const doc = thresholdDoc('').replace('metrics: [roc-auc]', 'metrics: [{name: recall@fpr=0.01, target: ">= 0.8"}]');
  assert.deepEqual(ids(doc, ['MLSD405', 'MLSD507']), []);
});

test('MLSD402: a stage task type makes its loss fit; stage types alone do not make a classifier a recommender', () => {
  const doc = (stage: string) =>
    [
      'mlsd: 1',
      'title: Spam',
      'framing:',
      '  task_type: binary-classification',
      'data:',
      '  labels: {source: implicit}',
      'model:',
      '  stages:',
      `    - {id: similar, ${stage}}`,
      '  loss: bce + infonce',
      '',
    ].join('\n');
  assert.deepEqual(ids(doc('task_type: retrieval'), ['MLSD402', 'MLSD404']), []);
  assert.deepEqual(ids(doc('latency: 5ms'), ['MLSD402']), ['MLSD402']);
});

test('MLSD402: one reason per task type, each naming where the type is written', () => {
  const text = [
    'mlsd: 1',
    'title: Feed',
    'framing:',
    '  task_type: multitask-classification',
    '  heads:',
    '    - {name: click, task_type: binary-classification}',
    '    - {name: dwell, task_type: regression}',
    'model:',
    '  loss: triplet',
    '',
  ].join('\n');
  const [f, ...rest] = lint(analyze(text), undefined, { only: ['MLSD402'] }).findings;
  assert.equal(rest.length, 0);
  assert.ok(f.message.length <= 100, f.message);
  assert.match(f.explanation ?? '', /binary-classification \(head `click`\): it learns scores relative to other items/);
  assert.match(f.explanation ?? '', /regression \(head `dwell`\): it is a loss for retrieval/);
});

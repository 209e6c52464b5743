/**
 * v1.1 data and framing rules (MLSD302, MLSD303, MLSD306, MLSD315, MLSD309, MLSD205, MLSD206): the
 * branches, exemptions and suggestions their single bad/good fixtures do not reach. A suggestion must
 * leave the doc valid and must not create another rule's finding.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/lint/engine';
import { ids, of, run } from '../harness/lint';

/** Applies suggestion `i` of the rule's first finding and returns the new findings not present before. */
function afterSuggestion(text: string, id: string, i = 0): { text: string; added: string[]; title: string } {
  const before = run(text);
  const f = before.find((x) => x.ruleId === id);
  assert.ok(f, `${id} fires`);
  const s = f.suggestions?.[i];
  assert.ok(s, `${id} offers suggestion ${i}`);
  const out = applyEdits(text, s.edits).text;
  const after = run(out);
  const old = new Set(ids(before));
  return { text: out, added: ids(after).filter((x) => !old.has(x) || x === id), title: s.title };
}

// --- MLSD302 imbalance-unhandled ---

const fraud = (extra = '', task = 'binary-classification', use = 'threshold', rate = '0.05%') =>
  `mlsd: 1\ntitle: t\nframing:\n  ml_objective: o\n  task_type: ${task}\n  output_use: ${use}\ndata:\n  labels:\n    source: natural\n    positive_rate: ${rate}\n  split: {strategy: temporal}\n${extra}`;

test('MLSD302: 2% positives no longer fire at the 1% default; still fire under a configured v1 imbalance_threshold', () => {
  assert.equal(of(fraud('', 'binary-classification', 'threshold', '2%'), 'MLSD302').length, 0);
  assert.equal(
    of(fraud('', 'binary-classification', 'threshold', '2%'), 'MLSD302', { imbalance_threshold: 0.05 }).length,
    1,
  );
  // both set: the v1.1 option wins
  const both = { imbalance_threshold: 0.05, rare_positive_threshold: 0.015 };
  assert.equal(of(fraud('', 'binary-classification', 'threshold', '2%'), 'MLSD302', both).length, 0);
  assert.equal(of(fraud('', 'binary-classification', 'threshold', '1.2%'), 'MLSD302', both).length, 1);
});

test('MLSD302: rare negatives (above 1 − threshold) fire; the headline names negatives', () => {
  const f = of(fraud('', 'binary-classification', 'probability', '99.8%'), 'MLSD302');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /negatives at 0\.2%/);
  assert.doesNotMatch(f[0].explanation ?? '', /majority class/);
});

test('MLSD302: scope is the doc task types (not regression, forecasting, detection, generation)', () => {
  for (const t of ['regression', 'forecasting', 'object-detection', 'text-generation', 'clustering'])
    assert.equal(of(fraud('', t, 'ranking'), 'MLSD302').length, 0, t);
  for (const t of ['ranking', 'retrieval', 'anomaly-detection', 'multilabel-classification'])
    assert.equal(of(fraud('', t, 'ranking'), 'MLSD302').length, 1, t);
});

test('MLSD302: comparison losses are exempt; a pointwise piece is not', () => {
  const withLoss = (loss: string) => fraud(`model:\n  loss: ${loss}\n`, 'ranking', 'ranking');
  assert.equal(of(withLoss('lambdamart'), 'MLSD302').length, 0);
  assert.equal(of(withLoss('pairwise + listwise'), 'MLSD302').length, 0);
  assert.equal(of(withLoss('infonce'), 'MLSD302').length, 0);
  assert.equal(of(withLoss('sampled-softmax + bce'), 'MLSD302').length, 1);
  assert.equal(of(withLoss('my custom objective'), 'MLSD302').length, 1, 'no known piece: not exempt');
});

test('MLSD302: `handling: [none]` is stated handling', () => {
  assert.equal(of(fraud('  imbalance: {handling: [none]}\n'), 'MLSD302').length, 0);
});

test('MLSD302: suggestions follow output_use, and the first creates no other finding', () => {
  const model = 'model:\n  baseline: logistic regression\n  loss: bce\n';
  const threshold = fraud(model);
  const prob = fraud(model, 'binary-classification', 'probability');
  const rank = fraud(model, 'ranking', 'ranking');
  const titles = (t: string) => of(t, 'MLSD302')[0].suggestions!.map((s) => s.title);
  assert.match(titles(threshold)[0], /negative-downsampling, threshold-tuning/);
  assert.match(titles(threshold)[1], /none/);
  assert.match(titles(prob)[0], /negative-downsampling/);
  assert.match(titles(prob)[1], /none/);
  assert.match(titles(rank)[0], /class-weights/);
  assert.match(titles(rank)[1], /focal-loss/);
  for (const t of [threshold, prob, rank]) {
    assert.ok(!titles(t).some((x) => /class-weights/.test(x)) || t === rank);
    for (const i of [0, 1]) {
      const r = afterSuggestion(t, 'MLSD302', i);
      assert.deepEqual(r.added, [], `${r.title} added ${r.added.join(', ')}:\n${r.text}`);
    }
  }
  assert.match(afterSuggestion(prob, 'MLSD302').text, /calibration: /);
});

// --- MLSD303 temporal-leakage ---

const split = (strategy: string, sources: string, extra = '', task = 'binary-classification') =>
  `mlsd: 1\ntitle: t\nframing:\n  ml_objective: o\n  task_type: ${task}\ndata:\n  sources:\n${sources}  split:\n    strategy: ${strategy}\n${extra}`;
const payments = '    - {id: payments, kind: transactions}\n';

test('MLSD303: transactions and time-series sources are time-ordered; temporal: false overrides the kind', () => {
  assert.equal(of(split('random', payments), 'MLSD303').length, 1);
  assert.equal(of(split('random', '    - {id: sales, kind: time-series}\n'), 'MLSD303').length, 1);
  assert.equal(of(split('random', '    - {id: payments, kind: transactions, temporal: false}\n'), 'MLSD303').length, 0);
});

test('MLSD303: stratified fires unless time_ordered; time_ordered does not excuse random; group is not MLSD303', () => {
  const f = of(split('stratified', payments), 'MLSD303');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /^A stratified split leaks the future: `payments`/);
  assert.match(f[0].explanation ?? '', /draws rows at random within each stratum/);
  assert.deepEqual(
    f[0].suggestions?.map((s) => s.title),
    ['Split by time (`temporal`)', 'The strata are time blocks: add `time_ordered: true`'],
  );
  assert.equal(of(split('stratified', payments, '    time_ordered: true\n'), 'MLSD303').length, 0);
  assert.equal(of(split('random', payments, '    time_ordered: true\n'), 'MLSD303').length, 1);
  assert.equal(of(split('group', payments), 'MLSD303').length, 0);
  assert.equal(of(split('stratified', '    - {id: images, kind: content}\n'), 'MLSD303').length, 0);
  assert.equal(of(split('stratified', '    - {id: images, kind: content}\n', '', 'forecasting'), 'MLSD303').length, 1);
  for (const i of [0, 1]) assert.deepEqual(afterSuggestion(split('stratified', payments), 'MLSD303', i).added, []);
});

// --- MLSD306 label-delay-unstated ---

test('MLSD306: user-reports labels need a stated delay too; hand labels do not', () => {
  const labels = (source: string) => `mlsd: 1\ntitle: t\ndata:\n  labels: {source: ${source}}\n`;
  const f = of(labels('user-reports'), 'MLSD306');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /`user-reports` labels/);
  assert.equal(of(labels('hand'), 'MLSD306').length, 0);
  assert.equal(of(labels('natural'), 'MLSD306').length, 1);
});

// --- MLSD315 group-split-mixes-time ---

const grouped = (labels: string, sources: string, extra = '', task = 'ranking') =>
  `mlsd: 1\ntitle: t\nframing:\n  ml_objective: o\n  task_type: ${task}\ndata:\n  sources:\n${sources}  labels: {source: ${labels}}\n  split:\n    strategy: group\n${extra}`;
const logs = '    - {id: search_logs, kind: logs}\n';

test('MLSD315: a group split over time-ordered behaviour or forecasting; not hand labels, not time_ordered', () => {
  const f = of(grouped('implicit', logs), 'MLSD315');
  assert.equal(f.length, 1);
  assert.equal(f[0].message, 'A group split mixes time: `search_logs` is time-ordered');
  assert.equal(of(grouped('user-reports', logs), 'MLSD315').length, 1);
  assert.equal(of(grouped('hand', logs), 'MLSD315').length, 0);
  assert.equal(of(grouped('implicit', '    - {id: docs, kind: content}\n'), 'MLSD315').length, 0);
  assert.equal(of(grouped('hand', '    - {id: docs, kind: content}\n', '', 'forecasting'), 'MLSD315').length, 1);
  assert.equal(of(grouped('implicit', logs, '    time_ordered: true\n'), 'MLSD315').length, 0);
  assert.equal(of(grouped('implicit', logs), 'MLSD303').length, 0, 'a group split is not MLSD303');
  for (const i of [0, 1]) assert.deepEqual(afterSuggestion(grouped('implicit', logs), 'MLSD315', i).added, []);
});

// --- MLSD309 immature-labels ---

const delayed = (labels: string, extra = '', source = 'natural') =>
  `mlsd: 1\ntitle: t\nframing:\n  ml_objective: o\n  task_type: binary-classification\ndata:\n  labels:\n    source: ${source}\n${labels}${extra}`;

test('MLSD309 (a): the unmatured share of the training window, against immature_label_share', () => {
  const f = of(delayed('    delay: 90d\n', '  training_window: 60d\n'), 'MLSD309');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /100% of the 60d training window/);
  assert.match(f[0].explanation ?? '', /min\(1, 90d \/ 60d\)/);
  assert.match(f[0].explanation ?? '', /t − 150d … t − 90d/);
  // 7d of 1y is 1.9%: below 10%
  assert.equal(of(delayed('    delay: 7d\n', '  training_window: 1y\n'), 'MLSD309').length, 0);
  // 30d of 180d is 16.7%; with maturity 20d, (30 − 20) / 180 = 5.6%
  assert.match(of(delayed('    delay: 30d\n', '  training_window: 180d\n'), 'MLSD309')[0].message, /16\.7%/);
  assert.equal(of(delayed('    delay: 30d\n    maturity: 20d\n', '  training_window: 180d\n'), 'MLSD309').length, 0);
  assert.equal(
    of(delayed('    delay: 30d\n', '  training_window: 180d\n'), 'MLSD309', { immature_label_share: 0.2 }).length,
    0,
  );
});

test('MLSD309 (b): no window, a cadence shorter than the delay (strictly)', () => {
  const cadence = (c: string) => `monitoring:\n  retraining: {cadence: ${c}}\n`;
  const f = of(delayed('    delay: 2h\n', cadence('15min')), 'MLSD309');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /retrains every 15min/);
  assert.equal(of(delayed('    delay: 1d\n', cadence('1d')), 'MLSD309').length, 0, 'equal: silent');
  assert.equal(of(delayed('    delay: 2h\n'), 'MLSD309').length, 0, 'neither window nor cadence');
  assert.equal(
    of(delayed('    delay: 2h\n', `  training_window: lots\n${cadence('15min')}`), 'MLSD309').length,
    0,
    'an invalid window is unknown, not absent',
  );
});

test('MLSD309: exemptions and scope', () => {
  const w = '  training_window: 60d\n';
  assert.equal(of(delayed('    delay: 90d\n    maturity: 90d\n', w), 'MLSD309').length, 0);
  assert.equal(of(delayed('    delay: 90d\n    delay_handling: fake-negative correction\n', w), 'MLSD309').length, 0);
  assert.equal(of(delayed('    delay: 90d\n', w, 'hand'), 'MLSD309').length, 0);
  assert.equal(of(delayed('    delay: 90d\n', w, 'user-reports'), 'MLSD309').length, 1);
  assert.equal(of(delayed('    delay: 90d\n    maturity: lots\n', w), 'MLSD309').length, 0, 'unknown maturity');
  const r = afterSuggestion(delayed('    delay: 90d\n', w), 'MLSD309');
  assert.deepEqual(r.added, []);
  assert.match(r.text, /maturity: 90d/);
});

// --- MLSD205 missing-forecast-horizon ---

test('MLSD205: forecasting (task or head) without a horizon', () => {
  const doc = (task: string, extra = '') =>
    `mlsd: 1\ntitle: t\nframing:\n  ml_objective: o\n  task_type: ${task}\n${extra}`;
  assert.equal(of(doc('forecasting'), 'MLSD205').length, 1);
  assert.equal(of(doc('forecasting', '  horizon: 14d\n'), 'MLSD205').length, 0);
  assert.equal(of(doc('regression'), 'MLSD205').length, 0);
  const heads =
    '  heads:\n    - {name: demand, task_type: forecasting}\n    - {name: churn, task_type: binary-classification}\n';
  assert.equal(of(doc('multitask-classification', heads), 'MLSD205').length, 1);
  const f = of(doc('forecasting', '  horizon: TBD\n'), 'MLSD205');
  assert.equal(f.length, 1, 'a placeholder is not stated');
});

// --- MLSD206 missing-decision-policy ---

const gate = (task: string, use: string, extra = '') =>
  `mlsd: 1\ntitle: t\nframing:\n  ml_objective: o\n  task_type: ${task}\n  output_use: ${use}\n${extra}`;

test('MLSD206: threshold/action outputs of classifiers, detection and segmentation', () => {
  const f = of(gate('binary-classification', 'threshold'), 'MLSD206');
  assert.equal(f.length, 1);
  assert.equal(f[0].message, '`output_use: threshold`, but neither `decision_policy` nor `error_costs` is stated');
  assert.equal(of(gate('anomaly-detection', 'action'), 'MLSD206').length, 1);
  assert.equal(of(gate('object-detection', 'threshold'), 'MLSD206').length, 1);
  assert.equal(of(gate('segmentation', 'threshold'), 'MLSD206').length, 1);
  assert.equal(of(gate('regression', 'threshold'), 'MLSD206').length, 0);
  assert.equal(of(gate('forecasting', 'action'), 'MLSD206').length, 0);
  assert.equal(of(gate('binary-classification', 'probability'), 'MLSD206').length, 0);
});

test('MLSD206: a decision policy, error costs or a target on an operating-point metric states the operating point', () => {
  const t = (extra: string) => of(gate('binary-classification', 'threshold', extra), 'MLSD206').length;
  assert.equal(t('  decision_policy: block above 0.9, review 0.6 to 0.9\n'), 0);
  assert.equal(t('  error_costs: {false_positive: 5 EUR, false_negative: 120 EUR}\n'), 0);
  const metrics = (m: string) => `evaluation:\n  offline:\n    metrics:\n      - ${m}\n`;
  assert.equal(t(metrics('{name: recall, target: ">= 95% at 0.3 false alarms/day"}')), 0);
  assert.equal(t(metrics('{name: precision@recall=0.9, target: ">= 0.8"}')), 0);
  assert.equal(t(metrics('{name: recall}')), 1, 'no target');
  assert.equal(t(metrics('{name: accuracy, target: ">= 0.99"}')), 1, 'not an operating-point metric');
  assert.equal(t(metrics('recall')), 1);
  const stage =
    'model:\n  stages:\n    - id: filter\n      task_type: binary-classification\n      metrics:\n        - {name: recall-at-fpr, target: ">= 0.9"}\n';
  assert.equal(t(stage), 0, 'stage metrics are offline metrics of the doc');
});

/** Format v1.1 as a whole: the spec's sketch validates, keys are known only where the spec puts them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, lint } from '../../server/src/lint/engine';
import { resolveConfig } from '../../server/src/lint/config';

const ALL = resolveConfig([{ extends: 'strict' }]);
const structural = (text: string) => {
  const doc = analyze(text);
  return lint(doc, ALL)
    .findings.filter((f) => ['MLSD001', 'MLSD002', 'MLSD003', 'MLSD004', 'MLSD011', 'MLSD012'].includes(f.ruleId))
    .map((f) => `${f.ruleId} ${text.slice(f.start, f.end)}`);
};

test("format.md's v1.1 sketch (nightly churn scores) uses only known keys and valid values", () => {
  const sketch = `mlsd: 1
title: Subscription churn propensity
requirements:
  business_objective: Keep subscribers who would cancel next month
  adversarial: false
  network_effects: false
  service_level: 95%
  performance: {mode: batch, freshness: 1mo, prediction_freshness: 1d, item_freshness: 2 hours}
framing:
  task_type: binary-classification
  output_use: threshold
  horizon: 30 days
  forecast_strategy: direct
  decision_policy:
    - {action: retention-offer, threshold: "top 5% of scores"}
  error_costs: {false_positive: 3, false_negative: 40, unit: EUR}
data:
  sources:
    - {id: usage_events, kind: logs, volume: ~30M rows/day}
    - {id: cancellations, kind: transactions}
  training_window: 1y
  labels: {source: natural, positive: cancels within 30d, positive_rate: 2.5%, delay: 30d, maturity: 30d, delay_handling: importance weights, zero_rate: 0}
  features:
    - {id: sessions_last_14d, source: usage_events, point_in_time: true, window: 14d, lag: 1d, entity: session, type: boolean}
    - {id: past_cancel_rate, source: cancellations, derived_from_label: true, point_in_time: true}
  split: {strategy: rolling-origin, time_ordered: true}
  imbalance: {handling: [none]}
model:
  loss: one-class
  stages:
    - {id: retrieval, task_type: retrieval, metrics: [recall@100]}
    - {id: ranker, task_type: ranking}
  calibration: isotonic regression on the most recent matured month
evaluation:
  offline: {metrics: [pr-auc, {name: recall@precision=0.3}, {name: recall@fpr=0.001}, brier, crps, {name: ndcg@10, stage: ranker}]}
  online:
    metrics: [{name: chargeback-rate, delay: 90d}, ctr]
    guardrails: [{name: hide-rate, delay: 1d}]
    primary: ctr
    experiment: {type: switchback, unit: geo, eligible_units: 2M, interference: cities are far apart}
serving: {mode: batch, refresh: 1d, index: {type: diskann, m: 32, refresh: 1h}}
monitoring:
  retraining: {cadence: 1mo, trigger: continuous}
  exploration: a random 5% of high-score users get no offer (control group for labels and uplift)
`;
  assert.deepEqual(structural(sketch), []);
});

test('`stage` only on offline metrics, `delay` only on online metrics and guardrails', () => {
  const t = `mlsd: 1
title: t
model:
  stages:
    - {id: ranker, metrics: [{name: ndcg@10, stage: ranker}]}
evaluation:
  offline: {metrics: [{name: ndcg@10, delay: 1d}]}
  online: {metrics: [{name: ctr, stage: ranker}]}
`;
  assert.deepEqual(structural(t), ['MLSD002 stage', 'MLSD002 delay', 'MLSD002 stage']);
});

test('v1 doc readers: an invalid descriptive value is MLSD012, an invalid read value stays MLSD003', () => {
  const t = `mlsd: 1
title: t
framing: {task_type: forecasting, output_use: estimat}
evaluation:
  online:
    experiment: {type: ab, unit: household}
`;
  assert.deepEqual(structural(t), ['MLSD003 estimat', 'MLSD012 household']);
});

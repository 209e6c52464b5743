/** Facts about a doc with v1.1 meanings: the freshness trio (with the batch reading) and time-ordered kinds. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/lint/engine';
import {
  batchReading,
  itemFreshness,
  modelStalenessBudget,
  predictionFreshness,
  predictsInBatch,
  temporalSources,
} from '../../server/src/engine/facts';

const DAY = 86_400_000;
const doc = (perf: string, serving = '') =>
  analyze(`mlsd: 1\ntitle: t\nrequirements:\n  performance: ${perf}\n${serving ? `serving: ${serving}\n` : ''}`);

test('freshness trio: model staleness, prediction freshness and item freshness are read apart', () => {
  const d = doc('{mode: online, freshness: 1w, prediction_freshness: 1h, item_freshness: 15min}');
  assert.equal(predictsInBatch(d), false);
  assert.equal(batchReading(d), false);
  assert.equal(modelStalenessBudget(d)?.ms, 7 * DAY);
  assert.equal(predictionFreshness(d)?.ms, 3_600_000);
  assert.equal(itemFreshness(d)?.ms, 900_000);
});

test('batch reading: a batch system without prediction_freshness reads freshness as prediction freshness', () => {
  const v1 = doc('{mode: batch, freshness: 1d}');
  assert.equal(batchReading(v1), true);
  assert.equal(predictionFreshness(v1)?.ms, DAY);
  assert.equal(predictionFreshness(v1)?.key, 'freshness');
  assert.equal(modelStalenessBudget(v1), undefined);
  const v11 = doc('{mode: batch, freshness: 1mo, prediction_freshness: 1 day}');
  assert.equal(batchReading(v11), false);
  assert.equal(modelStalenessBudget(v11)?.ms, 30 * DAY);
  assert.equal(predictionFreshness(v11)?.ms, DAY);
  // serving.mode wins over the requirement's mode
  assert.equal(predictsInBatch(doc('{mode: batch, freshness: 1d}', '{mode: online}')), false);
  assert.equal(predictsInBatch(doc('{mode: online, freshness: 1d}', '{mode: batch}')), true);
});

test('transactions and time-series sources are time-ordered unless temporal: false', () => {
  const d = analyze(
    'mlsd: 1\ntitle: t\ndata:\n  sources:\n    - {id: pay, kind: transactions}\n    - {id: demand, kind: time-series}\n    - {id: fx, kind: time-series, temporal: false}\n    - {id: users, kind: users}\n',
  );
  assert.deepEqual(
    temporalSources(d).map((s) => `${s.id} ${s.reason}`),
    ['pay kind: transactions', 'demand kind: time-series'],
  );
});

/** Value parsers on odd spellings (format.md "Value types"). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseDuration,
  parseMetricSpelling,
  parseQuantity,
  parseRate,
  isPlaceholder,
  formatCount,
  formatBytes,
  formatDuration,
} from '../../server/src/engine/values';
import { findLoss, findMetric } from '../../server/src/engine/domain';

test('quantity: numbers, suffixes, units, bytes', () => {
  assert.deepEqual(parseQuantity(2e9), { value: 2e9 });
  assert.deepEqual(parseQuantity('500M'), { value: 5e8, unit: undefined });
  assert.deepEqual(parseQuantity('500 M'), { value: 5e8, unit: undefined });
  assert.deepEqual(parseQuantity('1.5k'), { value: 1500, unit: undefined });
  assert.deepEqual(parseQuantity('2e9'), { value: 2e9, unit: undefined });
  assert.deepEqual(parseQuantity('1,000,000'), { value: 1e6, unit: undefined });
  assert.deepEqual(parseQuantity('5B/day'), { value: 5e9, unit: '/day' });
  assert.deepEqual(parseQuantity('10k / s'), { value: 1e4, unit: '/s' });
  assert.deepEqual(parseQuantity('3G'), { value: 3e9, unit: undefined });
  assert.deepEqual(parseQuantity('1T'), { value: 1e12, unit: undefined });
  assert.deepEqual(parseQuantity('64GB', { bytes: true }), { value: 64e9, unit: 'B' });
  assert.deepEqual(parseQuantity('2 TiB', { bytes: true }), { value: 2 * 1024 ** 4, unit: 'B' });
  assert.deepEqual(parseQuantity('512mib', { bytes: true }), { value: 512 * 1024 ** 2, unit: 'B' });
  assert.equal(parseQuantity('lots'), undefined);
  assert.equal(parseQuantity(''), undefined);
  assert.equal(parseQuantity('5X'), undefined);
  assert.equal(parseQuantity(Number.NaN), undefined);
  assert.equal(parseQuantity(true), undefined);
});

test('rate: fractions, percentages, range', () => {
  assert.deepEqual(parseRate(0.01), { value: 0.01, inRange: true });
  assert.deepEqual(parseRate('1%'), { value: 0.01, inRange: true });
  assert.deepEqual(parseRate('99.9 %'), { value: 0.999, inRange: true });
  assert.deepEqual(parseRate('.5%'), { value: 0.005, inRange: true });
  assert.deepEqual(parseRate(5), { value: 5, inRange: false });
  assert.deepEqual(parseRate('150%'), { value: 1.5, inRange: false });
  assert.deepEqual(parseRate('0.2'), { value: 0.2, inRange: true });
  assert.equal(parseRate('high'), undefined);
  assert.equal(parseRate('%'), undefined);
});

test('duration: units, decimals, bare numbers only for latency', () => {
  assert.equal(parseDuration('200ms'), 200);
  assert.equal(parseDuration('1.5s'), 1500);
  assert.equal(parseDuration('15m'), 900_000);
  assert.equal(parseDuration('15min'), 900_000);
  assert.equal(parseDuration('6h'), 21_600_000);
  assert.equal(parseDuration('1d'), 86_400_000);
  assert.equal(parseDuration('2w'), 14 * 86_400_000);
  assert.equal(parseDuration('1mo'), 30 * 86_400_000);
  assert.equal(parseDuration('1y'), 365 * 86_400_000);
  assert.equal(parseDuration('10 D'), 10 * 86_400_000);
  assert.equal(parseDuration(150), undefined, 'a bare number needs a unit outside latency keys');
  assert.equal(parseDuration(150, true), 150, 'a bare number is milliseconds for latency keys');
  assert.equal(parseDuration('150', true), 150);
  assert.equal(parseDuration('-5ms'), undefined);
  assert.equal(parseDuration('soon'), undefined);
  assert.equal(parseDuration('5 parsecs'), undefined);
});

test('metric spellings: cutoffs, iou, aliases, case and separators', () => {
  assert.deepEqual(parseMetricSpelling('ndcg@10'), { name: 'ndcg', normalized: 'ndcg', hasCutoff: true, k: 10 });
  assert.deepEqual(parseMetricSpelling('NDCG@k'), { name: 'NDCG', normalized: 'ndcg', hasCutoff: true, k: 'k' });
  assert.deepEqual(parseMetricSpelling('map@iou=0.5'), { name: 'map', normalized: 'map', hasCutoff: true, iou: 0.5 });
  assert.deepEqual(parseMetricSpelling('mAP@IoU=0.5:0.95'), {
    name: 'mAP',
    normalized: 'map',
    hasCutoff: true,
    iou: 0.5,
  });
  assert.deepEqual(parseMetricSpelling('Precision_At_Recall'), {
    name: 'Precision_At_Recall',
    normalized: 'precision-at-recall',
    hasCutoff: false,
  });
  assert.equal(parseMetricSpelling('ndcg@ten'), undefined);
  assert.equal(parseMetricSpelling('@10'), undefined);
  assert.equal(findMetric('AUROC')?.name, 'roc-auc');
  assert.equal(findMetric('auc')?.name, 'roc-auc');
  assert.equal(findMetric('Log_Loss')?.name, 'log-loss');
  assert.equal(findMetric('normalized cross entropy')?.name, 'nce');
  assert.equal(findMetric('mAP@10')?.name, 'map');
  assert.equal(findMetric('Hit_Rate@5')?.name, 'hit-rate');
  assert.equal(findMetric('my-custom-metric'), undefined);
});

test('v1.1 quantity: `~`/`≈` and words before `/unit`', () => {
  assert.deepEqual(parseQuantity('30M rows/day'), { value: 3e7, unit: '/day', words: 'rows' });
  assert.deepEqual(parseQuantity('~5B events/day'), { value: 5e9, unit: '/day', words: 'events' });
  assert.deepEqual(parseQuantity('≈ 200k'), { value: 2e5, unit: undefined });
  assert.deepEqual(parseQuantity('10k images'), { value: 1e4, unit: 'images' });
  assert.deepEqual(parseQuantity('2 M user sessions / month'), { value: 2e6, unit: '/month', words: 'user sessions' });
  assert.equal(parseQuantity('~'), undefined);
  assert.equal(parseQuantity('~~5'), undefined);
  assert.equal(parseQuantity('rows/day'), undefined);
});

test('v1.1 duration: unit words, singular or plural, space optional', () => {
  const day = 86_400_000;
  assert.equal(parseDuration('45 days'), 45 * day);
  assert.equal(parseDuration('1 day'), day);
  assert.equal(parseDuration('2 weeks'), 14 * day);
  assert.equal(parseDuration('1 hour'), 3_600_000);
  assert.equal(parseDuration('30 minutes'), 1_800_000);
  assert.equal(parseDuration('90seconds'), 90_000);
  assert.equal(parseDuration('6 Months'), 180 * day);
  assert.equal(parseDuration('1 year'), 365 * day);
  assert.equal(parseDuration('1.5 hours'), 5_400_000);
  assert.equal(parseDuration('3 fortnights'), undefined);
  assert.equal(parseDuration('days'), undefined);
});

test('v1.1 metrics: operating points resolve, new names and losses are known', () => {
  assert.deepEqual(parseMetricSpelling('recall@fpr=0.001'), {
    name: 'recall-at-fpr',
    normalized: 'recall-at-fpr',
    hasCutoff: false,
    operatingPoint: { at: 'fpr', value: 0.001 },
  });
  assert.equal(parseMetricSpelling('precision@recall=0.8')?.name, 'precision-at-recall');
  assert.equal(parseMetricSpelling('Recall@Precision=95%')?.operatingPoint?.value, 0.95);
  assert.equal(parseMetricSpelling('ndcg@recall=0.8'), undefined, 'an operating point only on precision or recall');
  assert.equal(parseMetricSpelling('recall@fpr=2'), undefined, 'the level is a rate');
  assert.equal(findMetric('recall@fpr=0.001')?.name, 'recall-at-fpr');
  for (const n of ['fpr', 'false-alarms-per-hour', 'value_weighted_recall', 'bias', 'CRPS', 'coverage'])
    assert.ok(findMetric(n), n);
  assert.equal(findLoss('one-class-svm')?.name, 'one-class');
  assert.equal(findLoss('Deep SVDD')?.name, 'one-class');
  assert.equal(findLoss('tweedie')?.name, 'tweedie');
  assert.equal(findLoss('LambdaMART')?.name, 'listwise');
  assert.equal(findLoss('reconstruction loss')?.name, 'mse');
});

test('placeholders and formatting', () => {
  for (const p of ['TBD', 'tbd', ' TODO ', '?', '…', '...']) assert.ok(isPlaceholder(p), p);
  for (const p of ['TBD later', 'x', 0, null]) assert.ok(!isPlaceholder(p), String(p));
  assert.equal(formatCount(46296.3), '46.3k');
  assert.equal(formatCount(7.8e6), '7.8M');
  assert.equal(formatBytes(5.12e12), '5.12 TB');
  assert.equal(formatDuration(86_400_000), '1d');
  assert.equal(formatDuration(250), '250ms');
});

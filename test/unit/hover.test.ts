/** Hover: snapshots with `$0` cursors over keys, enum values, metrics, quantities and references. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MarkupContent } from 'vscode-languageserver-types';
import { Session } from '../../server/src/session';
import { hover } from '../../server/src/features/hover';
import { offsetAt, positionAt } from '../../server/src/engine/parse';
import { cursor, expectSnapshot } from '../harness/snapshot';

const ROOT = path.resolve(__dirname, '../../..');
const analysis = (text: string) => new Session().analysis('file:///t/doc.mlsd.yaml', 1, text);

function hoverAt(textWithCursor: string) {
  const { text, offset } = cursor(textWithCursor);
  const a = analysis(text);
  return { text, a, h: hover(a, positionAt(a.doc.parsed, offset)) };
}

/** The rendered hover: the covered text, then the markdown. */
function render(textWithCursor: string): string {
  const { text, a, h } = hoverAt(textWithCursor);
  if (!h) return '(no hover)';
  const r = h.range!;
  const covered = text.slice(offsetAt(a.doc.parsed, r.start), offsetAt(a.doc.parsed, r.end));
  return `range ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} «${covered}»\n\n${(h.contents as MarkupContent).value}`;
}

function value(textWithCursor: string): string | undefined {
  const { h } = hoverAt(textWithCursor);
  return h ? (h.contents as MarkupContent).value : undefined;
}

const DOC = `mlsd: 1
title: Feed ranking
archetype: news-feed
requirements:
  scale:
    dau: 2B
    requests_per_user_per_day: 2
    items: 10B
  performance:
    latency: {p99: 200ms}
    availability: 99.9%
framing:
  task_type: ranking
  heads:
    - {name: click, task_type: binary-classification}
data:
  sources:
    - id: impressions
      kind: interactions
      description: every post shown, with position and reactions
      volume: 200B/day
      temporal: true
      pii: true
  features:
    - {id: ctr_7d, source: impressions, entity: cross, type: numerical}
  imbalance:
    handling: [negative-downsampling]
model:
  candidates:
    - id: dcn
      architecture: Deep & Cross Network over sparse features
      pros: [learns feature crosses, fast to serve]
      cons: [needs calibration]
    - {id: gbdt, architecture: XGBoost}
  selected: dcn
  loss: bce
  stages:
    - {id: retrieval, model: gbdt, latency: 120ms}
    - {id: ranking, model: dcn, latency: 90ms}
evaluation:
  relevance: binary
  offline:
    metrics: [ndcg@10, auroc, {name: pr-auc, target: ">= 0.6"}, map@k]
  online:
    metrics: [ctr, time-spent]
    primary: ctr
    experiment:
      baseline_rate: 2%
      mde_relative: 1%
      duration_days: 14
      eligible_units_per_day: 1M
      traffic_fraction: 10%
serving:
  mode: online
  network_latency: 20ms
  index: {type: hnsw, dim: 128, bytes_per_dim: 4, memory: 64GB}
x-notes: anything
`;

/** Puts the cursor `$0` inside the n-th occurrence of `needle` in DOC, `at` characters in. */
function at(needle: string, atChar = 1, nth = 0): string {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = DOC.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`${needle} not in DOC`);
  }
  return `${DOC.slice(0, i + atChar)}$0${DOC.slice(i + atChar)}`;
}

const CASES: [string, string][] = [
  ['key-section', at('requirements:')],
  ['key-scale-with-figures', at('scale:')],
  ['key-dau', at('dau:')],
  ['key-list-entry-field', at('kind: interactions')],
  ['key-enum-list', at('handling:')],
  ['key-offline-metrics-fit-the-task', at('metrics: [ndcg')],
  ['key-reference', at('selected:')],
  ['key-extension', at('x-notes')],
  ['value-task-type', at('task_type: ranking', 12)],
  ['value-head-task-type', at('binary-classification', 3)],
  ['value-archetype', at('news-feed', 2)],
  ['value-enum', at('mode: online', 7)],
  ['value-enum-list-item', at('negative-downsampling', 4)],
  ['value-metric-ndcg-at-10', at('ndcg@10', 2)],
  ['value-metric-alias-auroc', at('auroc', 2)],
  ['value-metric-mapping-name', at('pr-auc', 2)],
  ['value-metric-at-k-placeholder', at('map@k', 1)],
  ['value-metric-primary', at('primary: ctr', 10)],
  ['value-quantity-dau', at('2B', 1)],
  ['value-availability', at('99.9%', 1)],
  ['value-latency-over-budget', at('200ms', 1)],
  ['value-experiment-field', at('baseline_rate: 2%', 16)],
  ['value-index-memory', at('64GB', 1)],
  ['value-volume', at('200B/day', 1)],
  ['value-ref-source', at('source: impressions', 10)],
  ['value-ref-selected', at('selected: dcn', 11)],
  ['value-ref-stage-model', at('model: gbdt', 8)],
  ['value-loss', at('loss: bce', 7)],
];

/** A v1.1 doc: delayed labels, point-in-time features, the freshness trio, per-stage metrics, calibration. */
const DOC11 = `mlsd: 1
title: Card fraud scoring
requirements:
  performance:
    mode: batch
    freshness: 7d
    prediction_freshness: 1d
    item_freshness: 1h
framing:
  task_type: binary-classification
  output_use: probability
data:
  sources:
    - {id: transactions, kind: transactions, volume: 30M rows/day}
  labels:
    source: natural
    delay: 90d
    maturity: 90d
  training_window: 180d
  features:
    - {id: merchant_fraud_rate, source: transactions, derived_from_label: true, point_in_time: true}
model:
  candidates: [{id: gbdt, architecture: LightGBM}, {id: rules, architecture: hand rules}]
  stages:
    - id: screen
      model: rules
      task_type: binary-classification
      metrics: [recall@fpr=0.01]
    - {id: score, model: gbdt}
evaluation:
  offline:
    metrics: [pr-auc, ece, {name: log-loss, stage: score}]
`;

function at11(needle: string, atChar = 1): string {
  const i = DOC11.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not in DOC11`);
  return `${DOC11.slice(0, i + atChar)}$0${DOC11.slice(i + atChar)}`;
}

CASES.push(
  ['v11-key-freshness', at11('freshness: 7d')],
  ['v11-key-prediction-freshness', at11('prediction_freshness')],
  ['v11-key-item-freshness', at11('item_freshness')],
  ['v11-key-labels-delay', at11('delay: 90d')],
  ['v11-key-labels-maturity', at11('maturity')],
  ['v11-key-training-window', at11('training_window')],
  ['v11-key-point-in-time', at11('point_in_time')],
  ['v11-key-stage-metrics', at11('metrics: [recall')],
  ['v11-key-metric-stage', at11('stage: score')],
  ['v11-value-metric-ece', at11('ece,', 1)],
  ['v11-value-metric-log-loss', at11('log-loss', 2)],
  ['v11-value-metric-stage-ref', at11('score}', 2)],
);

for (const [name, text] of CASES) {
  test(`hover snapshot: ${name}`, () => {
    const out = render(text);
    assert.notEqual(out, '(no hover)', 'expected a hover');
    expectSnapshot(`hover/${name}`, out);
  });
}

test('hover range is the hovered key or value', () => {
  const key = hoverAt(at('dau:', 1)).h!;
  assert.deepEqual(key.range, { start: { line: 5, character: 4 }, end: { line: 5, character: 7 } });
  const val = hoverAt(at('ndcg@10', 3)).h!;
  const line = DOC.split('\n').findIndex((l) => l.includes('ndcg@10'));
  const col = DOC.split('\n')[line].indexOf('ndcg@10');
  assert.deepEqual(val.range, { start: { line, character: col }, end: { line, character: col + 'ndcg@10'.length } });
});

test('metrics: the definition, when to use, misuse and the cutoff', () => {
  const v = value(at('ndcg@10', 2))!;
  assert.match(v, /\*\*`ndcg`\*\* · ranking metric/);
  assert.match(v, /`@10`.*top 10/);
  assert.match(v, /Normalized DCG/);
  assert.match(v, /\*\*When to use:\*\*/);
  assert.match(v, /\*\*Common misuse:\*\*/);
  assert.match(value(at('auroc', 2))!, /\*\*`roc-auc`\*\*.*written `auroc`, an alias/);
});

test('task type and archetype values carry their domain knowledge', () => {
  const t = value(at('task_type: ranking', 12))!;
  assert.match(t, /Offline metrics that fit:.*`ndcg@k`/);
  assert.match(t, /Losses that fit:.*`listwise`/);
  assert.doesNotMatch(t, /`rmse`/);
  const a = value(at('news-feed', 2))!;
  assert.match(a, /book ch\. 10/);
  assert.match(a, /\*\*Offline metrics:\*\*/);
  assert.match(a, /\*\*Online metrics:\*\*.*`ctr`/);
  assert.match(a, /\*\*Classic pitfalls:\*\*\n- /);
});

test('quantities show the figures they imply', () => {
  assert.match(value(at('dau:', 1))!, /46\.3k QPS\*\* on average.*92\.6k QPS\*\* at peak/);
  assert.match(value(at('requests_per_user_per_day', 3))!, /46\.3k QPS/);
  assert.match(
    value(at('items: 10B', 1))!,
    /Index memory:.*10B items × 128 dims × 4 B = 5\.12 TB \+ 2\.56 TB of HNSW links.*\*\*7\.68 TB\*\*; ⚠ over the 64 GB/,
  );
  assert.match(value(at('availability', 1))!, /8\.76 h a year/);
  assert.match(
    value(at('duration_days', 1))!,
    /7\.84M per arm.*Over 14 days.*700k per arm\*\* ⚠ underpowered\. Enough in \*\*161 days\*\* \(whole weeks\)/,
  );
  assert.match(
    value(at('network_latency', 1))!,
    /retrieval 120ms \+ ranking 90ms \+ network 20ms = \*\*230ms\*\*.*⚠ over the p99 requirement of 200ms by 30ms/,
  );
});

test('quantity keys say what is missing for their figure', () => {
  assert.match(
    value('requirements:\n  scale:\n    da$0u: 2B\n')!,
    /State `requests_per_user_per_day` to get the average and peak QPS/,
  );
  assert.match(
    value('serving:\n  index:\n    di$0m: 128\n    bytes_per_dim: 4\n')!,
    /State `requirements\.scale\.items` to get the index memory/,
  );
  assert.match(
    value('evaluation:\n  online:\n    experiment:\n      baseline$0_rate: 2%\n')!,
    /State `mde_relative` to get the A\/B sample size/,
  );
});

test('references show the referenced entry', () => {
  assert.match(
    value(at('source: impressions', 10))!,
    /\*\*`impressions`\*\* · data source \(interactions\)\n\nevery post shown/,
  );
  assert.match(
    value(at('selected: dcn', 11))!,
    /model candidate \(selected\)[\s\S]*\*\*Pros:\*\* learns feature crosses; fast to serve[\s\S]*\*\*Cons:\*\* needs calibration/,
  );
  assert.match(value(at('model: gbdt', 8))!, /\*\*`gbdt`\*\* · model candidate\n\nXGBoost/);
});

test('no hover where a diagnostic speaks, or where there is nothing to say', () => {
  const none = [
    'requirements:\n  laten$0cy: 200ms\n', // unknown key: MLSD002
    'framing:\n  task_type: rank$0ing-ish\n', // invalid enum: MLSD003
    'model:\n  candidates: [{id: a}]\n  selected: b$0\n', // unresolved reference: MLSD004
    'evaluation:\n  offline:\n    metrics: [foo$0bar]\n', // unknown metric: MLSD511
    'title: A $0title\n', // plain text
    'requirements:\n  business_objective: grow\n$0\n', // blank line
    '# a com$0ment\nmlsd: 1\n',
    '$0',
    '- a$0\n- b\n', // not a mapping
    'requirements:\n  scale:\n    dau: lo$0ts\n', // invalid quantity
    'requirements:\n  performance:\n    availability: 15$00%\n', // out-of-range rate
    'model:\n  loss: my special$0 loss\n', // unknown loss
  ];
  for (const t of none) assert.equal(hoverAt(t).h, null, JSON.stringify(t));
});

test('half-written docs: keys still explained; a syntax error further down does not stop hover above it', () => {
  assert.match(value('framing:\n  task_t$0ype:\n')!, /\*\*`task_type`\*\* · enum/);
  assert.match(value('framing:\n  task_type: ranking$0\n  input: [unclosed\nmodel: {\n')!, /task type/);
  assert.match(
    value('requirements:\n  scale:\n    dau$0:\n    requests_per_user_per_day: 2\n')!,
    /\*\*`dau`\*\* · quantity/,
  );
  assert.match(value('evaluation:\n  offline:\n    metrics:\n      - ndcg@5$0\n      -\n')!, /top 5 results/);
  assert.match(
    value('evaluation: {offline: {metrics: ndcg@$03}}\n')!,
    /top 3 results/,
    'a single scalar in place of a metric list',
  );
  assert.match(value('serving:\n  index:\n    memory: 64G$0iB\n')!, /68,719,476,736 bytes/);
});

test('4-space docs and flow style hover the same', () => {
  const v2 = value('requirements:\n  scale:\n    dau: 2$0B\n    requests_per_user_per_day: 2\n');
  const v4 = value('requirements:\n    scale:\n        dau: 2$0B\n        requests_per_user_per_day: 2\n');
  const flow = value('requirements: {scale: {dau: 2$0B, requests_per_user_per_day: 2}}\n');
  assert.ok(v2);
  assert.equal(v4, v2);
  assert.equal(flow, v2);
});

test("aliases: the alias site is not hovered as the anchored value; the anchor's own keys are", () => {
  assert.equal(hoverAt('x-base: &b {dau: 2B, requests_per_user_per_day: 2}\nrequirements:\n  scale: *$0b\n').h, null);
  assert.match(
    value('requirements:\n  scale: &s\n    da$0u: 2B\n    requests_per_user_per_day: 2\nx-copy: *s\n')!,
    /46\.3k QPS/,
  );
});

test('hover over every key and value of the ten examples never throws and is concise', () => {
  const dir = path.join(ROOT, 'examples');
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.mlsd.yaml'))) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const a = analysis(text);
    let hovers = 0;
    for (let o = 0; o < text.length; o += 7) {
      const h = hover(a, positionAt(a.doc.parsed, o));
      if (!h) continue;
      hovers++;
      const v = (h.contents as MarkupContent).value;
      assert.ok(v.length < 2500, `${f}@${o}: hover of ${v.length} chars`);
      assert.ok(
        h.range && offsetAt(a.doc.parsed, h.range.start) <= o && o <= offsetAt(a.doc.parsed, h.range.end),
        `${f}@${o}: the range covers the cursor`,
      );
    }
    assert.ok(hovers > 100, `${f}: ${hovers} hovers`);
  }
});

test('v1.1 teaching: hover explains maturity, point_in_time, the freshness trio, calibration and stage metrics', () => {
  const doc = `mlsd: 1
requirements:
  performance:
    freshness: 1d
    prediction_freshness: 1d
data:
  labels:
    source: natural
    delay: 30d
    maturity: 30d
  training_window: 90d
  features:
    - {id: orders, point_in_time: true}
model:
  stages:
    - id: retrieval
      metrics: [recall@200]
evaluation:
  offline:
    metrics: [ece, {name: ndcg@10, stage: retrieval}]
`;
  const hv = (needle: string, atChar = 1) => {
    const i = doc.indexOf(needle);
    assert.ok(i >= 0, needle);
    return value(`${doc.slice(0, i + atChar)}$0${doc.slice(i + atChar)}`) ?? '';
  };
  assert.match(hv('maturity'), /training_window/);
  assert.match(hv('training_window'), /labels\.delay/);
  assert.match(hv('point_in_time'), /leak/);
  assert.match(hv('freshness: 1d'), /Model staleness/);
  assert.match(hv('prediction_freshness'), /Prediction freshness/);
  assert.match(hv('ece'), /calibration/i);
  assert.match(hv('stage: retrieval'), /task type/);
});

/**
 * v1.1 behaviour of MLSD503 (stage scope, suggestion order), MLSD504/MLSD506 (stage metrics), MLSD603,
 * MLSD704 and MLSD610 (the batch reading): cases the one-doc fixtures cannot hold, and suggestions
 * applied and re-linted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits, lint } from '../../server/src/lint/engine';
import { resolveConfig } from '../../server/src/lint/config';
import type { Finding } from '../../server/src/rules/types';

const findings = (text: string, id?: string): Finding[] =>
  lint(analyze(text), resolveConfig([])).findings.filter((f) => !id || f.ruleId === id);

const ids = (text: string, only: string[]) =>
  findings(text)
    .map((f) => f.ruleId)
    .filter((r) => only.includes(r));

test('MLSD503: output_use ranking on a classifier suggests task_type: ranking first, and the result is clean', () => {
  const doc =
    'mlsd: 1\nframing:\n  task_type: binary-classification\n  output_use: ranking\nevaluation:\n  offline:\n    metrics: [roc-auc, map@10]\n';
  const [f] = findings(doc, 'MLSD503');
  assert.ok(f, 'map@10 does not fit binary-classification');
  assert.equal(f.severity, 'warning');
  assert.match(f.suggestions?.[0].title ?? '', /task_type: ranking/);
  const fixed = applyEdits(doc, f.suggestions![0].edits).text;
  assert.match(fixed, /task_type: ranking/);
  assert.deepEqual(ids(fixed, ['MLSD503', 'MLSD504', 'MLSD003']), []);
});

test('MLSD503: a metric scoped to a stage it does not fit is suggested scoped to the stage it fits; the result is clean', () => {
  const doc =
    'mlsd: 1\nframing:\n  task_type: binary-classification\nmodel:\n  stages:\n    - {id: retrieval, task_type: retrieval}\n    - {id: scorer, task_type: binary-classification}\nevaluation:\n  offline:\n    metrics:\n      - pr-auc\n      - {name: ndcg@10, stage: scorer}\n';
  const [f] = findings(doc, 'MLSD503');
  assert.ok(f);
  assert.match(f.suggestions?.[0].title ?? '', /stage `retrieval`/);
  const fixed = applyEdits(doc, f.suggestions![0].edits).text;
  assert.match(fixed, /\{name: ndcg@10, stage: retrieval\}/);
  // an unscoped metric that fits a stage's type fits the all task types: no finding at all
  assert.deepEqual(findings(doc.replace('{name: ndcg@10, stage: scorer}', 'ndcg@10'), 'MLSD503'), []);
  assert.deepEqual(ids(fixed, ['MLSD503', 'MLSD504', 'MLSD004', 'MLSD002', 'MLSD003']), []);
});

test('MLSD503: an online metric is moved to evaluation.online.metrics; never a family name in the message', () => {
  const doc =
    'mlsd: 1\nframing:\n  task_type: ranking\nevaluation:\n  offline:\n    metrics:\n      - ndcg@10\n      - ctr\n  online:\n    metrics: [watch-time]\n';
  const [f] = findings(doc, 'MLSD503');
  assert.ok(f);
  assert.doesNotMatch(`${f.message} ${f.explanation}`, /(classification|ranking|regression|online) metric/);
  const fixed = applyEdits(doc, f.suggestions![0].edits).text;
  assert.match(fixed, /metrics: \[watch-time, ctr\]/);
  assert.doesNotMatch(fixed, /- ctr/);
  assert.deepEqual(ids(fixed, ['MLSD503', 'MLSD501', 'MLSD001']), []);
});

test('MLSD503: calibration metrics fit any task when output_use is probability', () => {
  const base = 'mlsd: 1\nframing:\n  task_type: regression\n{use}evaluation:\n  offline:\n    metrics: [mae, ece]\n';
  assert.equal(findings(base.replace('{use}', ''), 'MLSD503').length, 1);
  assert.equal(findings(base.replace('{use}', '  output_use: probability\n'), 'MLSD503').length, 0);
});

test('MLSD504: a bare recall scoped to a retrieval stage of a classifier needs @k; unscoped it does not', () => {
  const doc =
    'mlsd: 1\nframing:\n  task_type: binary-classification\nmodel:\n  stages:\n    - {id: retrieval, task_type: retrieval, metrics: [recall]}\nevaluation:\n  offline:\n    metrics: [recall, pr-auc]\n';
  const fs = findings(doc, 'MLSD504');
  assert.equal(fs.length, 1);
  assert.equal(doc.slice(fs[0].start, fs[0].end), 'recall');
  assert.ok(fs[0].start < doc.indexOf('evaluation'), 'the stage metric, not the offline one');
});

test('MLSD506: binary relevance with only nDCG is no longer reported', () => {
  const doc =
    'mlsd: 1\nframing:\n  task_type: ranking\nevaluation:\n  relevance: binary\n  offline:\n    metrics: [ndcg@10]\n';
  assert.deepEqual(findings(doc, 'MLSD506'), []);
});

test('batch reading: freshness is prediction freshness, MLSD704 stays silent, MLSD610 compares the refresh', () => {
  const doc =
    'mlsd: 1\nrequirements:\n  performance: {mode: batch, freshness: 1d}\nserving:\n  mode: batch\n  refresh: 1w\nmonitoring:\n  retraining: {cadence: 1w}\n';
  assert.deepEqual(findings(doc, 'MLSD704'), []);
  const [f] = findings(doc, 'MLSD610');
  assert.ok(f);
  assert.match(f.message, /7×/);
  const fixed = applyEdits(doc, f.suggestions![0].edits).text;
  assert.deepEqual(ids(fixed, ['MLSD610', 'MLSD603', 'MLSD704']), []);
  // with prediction_freshness stated, freshness is the model budget again
  const online = doc.replace('freshness: 1d}', 'freshness: 1d, prediction_freshness: 1w}');
  assert.equal(findings(online, 'MLSD704').length, 1);
  assert.deepEqual(findings(online, 'MLSD610'), []);
});

test('MLSD704: the rename suggestion moves the figure to prediction_freshness and clears the finding', () => {
  const doc =
    'mlsd: 1\nrequirements:\n  performance: {mode: online, freshness: 1d}\nmonitoring:\n  retraining: {cadence: 1w}\n';
  const [f] = findings(doc, 'MLSD704');
  assert.equal(f.suggestions?.length, 2);
  const fixed = applyEdits(doc, f.suggestions![1].edits).text;
  assert.match(fixed, /prediction_freshness: 1d/);
  assert.deepEqual(ids(fixed, ['MLSD704', 'MLSD002', 'MLSD610', 'MLSD603']), []);
});

test('MLSD603: a sub-day prediction-freshness requirement fires only while serving.refresh is not stated', () => {
  const doc = 'mlsd: 1\nrequirements:\n  performance: {prediction_freshness: 4h}\nserving:\n  mode: batch\n';
  const [f] = findings(doc, 'MLSD603');
  assert.ok(f);
  assert.match(f.message, /4h/);
  const fixed = applyEdits(doc, f.suggestions![0].edits).text;
  assert.match(fixed, /refresh: 4h/);
  assert.deepEqual(ids(fixed, ['MLSD603', 'MLSD610']), []);
});

test('MLSD611: index refresh longer than item_freshness; equal is fine', () => {
  const doc =
    'mlsd: 1\nrequirements:\n  performance: {item_freshness: 1h}\nserving:\n  mode: online\n  index: {type: hnsw, refresh: 1d}\n';
  assert.match(findings(doc, 'MLSD611')[0]?.message ?? '', /24×/);
  assert.deepEqual(findings(doc.replace('refresh: 1d', 'refresh: 60min'), 'MLSD611'), []);
});

test('MLSD608: a stated serving.index.m changes the links; default_hnsw_m is the default', () => {
  const doc =
    'mlsd: 1\nrequirements:\n  scale: {items: 1B}\nserving:\n  mode: online\n  index: {type: hnsw, dim: 64, bytes_per_dim: 1, memory: 300GB}\n';
  // 1B × 64 × 1 = 64 GB + 1B × 2·32·4 = 256 GB → 320 GB > 300 GB
  assert.match(findings(doc, 'MLSD608')[0]?.message ?? '', /320 GB/);
  // M = 16: 64 GB + 128 GB = 192 GB fits
  assert.deepEqual(findings(doc.replace('bytes_per_dim: 1,', 'bytes_per_dim: 1, m: 16,'), 'MLSD608'), []);
  // diskann: codes only
  assert.deepEqual(findings(doc.replace('hnsw', 'diskann'), 'MLSD608'), []);
});

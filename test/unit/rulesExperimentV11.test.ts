/**
 * v1.1 experiment rules (MLSD510 …): the branches their single bad/good fixtures do not reach, with the
 * figures of rules.md's Rule details. A suggestion must leave the doc valid and create no other finding.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/lint/engine';
import { ids, of, run } from '../harness/lint';

/** Applies suggestion `i` of the rule's first finding; returns the rule ids found after it that were not before. */
function afterSuggestion(text: string, id: string, i = 0): { added: string[]; title: string } {
  const before = run(text);
  const f = before.find((x) => x.ruleId === id);
  assert.ok(f, `${id} fires`);
  const s = f.suggestions?.[i];
  assert.ok(s, `${id} offers suggestion ${i}`);
  const after = run(applyEdits(text, s.edits).text);
  const old = new Set(ids(before));
  return { added: ids(after).filter((x) => !old.has(x) || x === id), title: s.title };
}

// --- MLSD510 ab-test-underpowered ---

const ab = (exp: string, scale = '', online = 'metrics: [ctr]') =>
  `mlsd: 1\ntitle: t\n${scale ? `requirements:\n  scale: {${scale}}\n` : ''}framing:\n  ml_objective: o\n  task_type: ranking\nevaluation:\n  offline:\n    metrics: [map@10]\n  online:\n    ${online}\n    experiment:\n      type: ab\n${exp}`;
const exp = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([k, v]) => `      ${k}: ${v}\n`)
    .join('');
const base = { unit: 'user', baseline_rate: '2%', mde_relative: '1%', duration_days: '14', traffic_fraction: '10%' };

test('MLSD510: users with DAU/MAU 0.5 grow as days^0.204 — the spec example (1.71M distinct, 85.6k per arm, MDE 9.6%)', () => {
  const t = ab(exp({ ...base, eligible_units_per_day: '1M' }), 'dau: 1M, mau: 2M');
  const [f] = of(t, 'MLSD510');
  assert.ok(f);
  assert.match(f.explanation!, /7\.84M users per arm/);
  assert.match(
    f.explanation!,
    /about 1\.71M distinct users \(DAU\/MAU 0\.5: distinct users grow as days\^0\.204, not 14×\)/,
  );
  assert.match(f.explanation!, /85\.6k per arm/);
  assert.match(f.explanation!, /`mde_relative: 9\.6%`/);
  assert.match(f.explanation!, /CUPED/);
  assert.doesNotMatch(f.message, /at least/, 'the DAU/MAU figure is not an upper bound');
  assert.ok(f.message.length <= 100);
});

test('MLSD510: days needed are whole weeks, at least min_experiment_days', () => {
  // request units: linear, exact. n = 7.84M; 1M/day × 10% / 2 = 50k/day → 157 days → 161 (23 weeks)
  const t = ab(exp({ ...base, unit: 'request', eligible_units_per_day: '1M' }));
  const [f] = of(t, 'MLSD510');
  assert.match(f.message, /needs 161 days, not 14, for 7\.84M requests per arm/);
  assert.equal(f.suggestions?.[0].title, 'Run the test for 161 days');
  // reached in 14 days (linear): no finding; with a 21-day minimum the plan is still not underpowered
  const ok = ab(exp({ ...base, unit: 'request', eligible_units_per_day: '120M' }));
  assert.deepEqual(of(ok, 'MLSD510'), []);
  // just short at 14 days: needed 21 by weeks, 28 with min_experiment_days 22
  const short = ab(exp({ ...base, unit: 'request', eligible_units_per_day: '10M' }));
  assert.match(of(short, 'MLSD510')[0].message, /needs 21 days/);
  assert.match(of(short, 'MLSD510', { min_experiment_days: 22 })[0].message, /needs 28 days/);
});

test('MLSD510: the primary metric delay removes days that cannot be read out', () => {
  const fields = { ...base, unit: 'request', eligible_units_per_day: '120M' };
  // 120M × 14 × 10% / 2 = 84M ≥ 7.84M: fine without a delay
  assert.deepEqual(of(ab(exp(fields)), 'MLSD510'), []);
  // delay 13.5d: only 0.5 readable days → 3M per arm < 7.84M
  const delayed = ab(exp(fields), '', 'metrics: [{name: conversion-rate, delay: 13.5d}]\n    primary: conversion-rate');
  const [f] = of(delayed, 'MLSD510');
  assert.ok(f, 'fires with the delay');
  assert.match(f.explanation!, /`conversion-rate` delay/);
  // the delay of a metric that is not primary does not count
  const notPrimary = ab(exp(fields), '', 'metrics: [ctr, {name: conversion-rate, delay: 13.5d}]\n    primary: ctr');
  assert.deepEqual(of(notPrimary, 'MLSD510'), []);
  // delay ≥ duration: MLSD515's case, not this rule's
  const unobservable = ab(
    exp(fields),
    '',
    'metrics: [{name: conversion-rate, delay: 30d}]\n    primary: conversion-rate',
  );
  assert.deepEqual(of(unobservable, 'MLSD510'), []);
});

test('MLSD510: eligible_units gives the distinct count; a user test without it or DAU/MAU says "at least"', () => {
  const withTotal = ab(exp({ ...base, eligible_units: '5M' }));
  const [f] = of(withTotal, 'MLSD510');
  assert.ok(f);
  assert.match(f.explanation!, /5M eligible users in all \(`eligible_units`\)/);
  assert.doesNotMatch(f.message, /at least/);
  const linear = ab(exp({ ...base, eligible_units_per_day: '1M' }));
  assert.match(of(linear, 'MLSD510')[0].message, /needs at least 161 days/);
  assert.match(of(linear, 'MLSD510')[0].explanation!, /at most/);
});

test('MLSD510: not detectable within a year is said so, with no duration suggestion', () => {
  const t = ab(exp({ ...base, mde_relative: '0.1%', eligible_units_per_day: '1M' }), 'dau: 1M, mau: 2M');
  const [f] = of(t, 'MLSD510');
  assert.match(f.message, /not reachable within a year at 10% traffic/);
  assert.ok(f.message.length <= 100);
  assert.ok(!f.suggestions?.some((s) => s.title.startsWith('Run the test')));
});

test('MLSD510: each suggestion leaves the doc valid and ends the finding', () => {
  // DAU/MAU 0.1: β = 0.677; 14 days reach 59.7M users, 2.99M per arm; 63 days (9 weeks) reach n
  const t = ab(exp({ ...base, eligible_units_per_day: '10M' }), 'dau: 10M, mau: 100M');
  const [f] = of(t, 'MLSD510');
  assert.deepEqual(
    f.suggestions!.map((s) => s.title),
    ['Run the test for 63 days', 'Raise `traffic_fraction` to 27%', 'Accept a minimum detectable effect of 1.7%'],
  );
  const n = f.suggestions!.length;
  for (let i = 0; i < n; i++) assert.deepEqual(afterSuggestion(t, 'MLSD510', i).added, []);
});

// --- MLSD516 experiment-shorter-than-a-week ---

test('MLSD516: ab, switchback or no type under min_experiment_days; not interleaving; the option moves the bar', () => {
  const t = (type: string, days: string) =>
    `mlsd: 1\ntitle: t\nframing:\n  ml_objective: o\n  task_type: ranking\nevaluation:\n  offline:\n    metrics: [map@10]\n  online:\n    metrics: [ctr]\n    experiment:\n${type ? `      type: ${type}\n` : ''}      unit: request\n      duration_days: ${days}\n`;
  assert.match(of(t('ab', '3'), 'MLSD516')[0].message, /^A 3-day test covers 3 of 7 weekdays/);
  assert.equal(of(t('switchback', '5'), 'MLSD516').length, 1);
  assert.equal(of(t('', '5'), 'MLSD516').length, 1);
  assert.deepEqual(of(t('interleaving', '3'), 'MLSD516'), []);
  assert.deepEqual(of(t('ab', '7'), 'MLSD516'), []);
  const [f] = of(t('ab', '10'), 'MLSD516', { min_experiment_days: 14 });
  assert.equal(f.suggestions?.[0].title, 'Run the test for 14 days');
  assert.deepEqual(afterSuggestion(t('ab', '3'), 'MLSD516').added, []);
});

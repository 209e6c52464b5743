/**
 * Edge cases of the v1.1 data and model rules MLSD310–MLSD314 and MLSD409 that the fixtures do not
 * show: the readings chosen where rules.md is silent, and the figures in the messages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, lint } from '../../server/src/lint/engine';
import { resolveConfig } from '../../server/src/lint/config';
import { normalQuantile } from '../../server/src/engine/figures';

function findings(text: string, id: string) {
  const res = lint(analyze(text), resolveConfig([{ rules: { [id]: 'warning' } }]), { only: [id] });
  assert.deepEqual(res.internalErrors, []);
  return res.findings.filter((f) => f.ruleId === id);
}

test('normalQuantile: Φ⁻¹ at the usual service levels', () => {
  assert.equal(normalQuantile(0.5), 0);
  assert.ok(Math.abs(normalQuantile(0.95)! - 1.6448536) < 1e-6);
  assert.ok(Math.abs(normalQuantile(0.05)! + 1.6448536) < 1e-6);
  assert.ok(Math.abs(normalQuantile(0.999)! - 3.0902323) < 1e-6);
  assert.equal(normalQuantile(0), undefined);
  assert.equal(normalQuantile(1), undefined);
});

const forecast = (strategy: string, lag = '7d') =>
  `mlsd: 1\ntitle: t\nframing:\n  task_type: forecasting\n  horizon: 28d\n${strategy}data:\n  features:\n    - {id: f, type: numerical, lag: ${lag}}\n`;

test('MLSD312: direct and multi-output strategies fire; recursive and an invalid strategy stay silent', () => {
  assert.equal(findings(forecast(''), 'MLSD312').length, 1);
  assert.equal(findings(forecast('  forecast_strategy: direct\n'), 'MLSD312').length, 1);
  assert.equal(findings(forecast('  forecast_strategy: multi-output\n'), 'MLSD312').length, 1);
  assert.equal(findings(forecast('  forecast_strategy: recursive\n'), 'MLSD312').length, 0);
  assert.equal(findings(forecast('  forecast_strategy: sometimes\n'), 'MLSD312').length, 0);
  assert.equal(findings(forecast('', '28d'), 'MLSD312').length, 0, 'lag = horizon is enough');
  assert.match(findings(forecast(''), 'MLSD312')[0].message, /75% of the horizon/);
});

test('MLSD314: maturity without a window or delay is not a training need; the larger part decides', () => {
  const doc = (labels: string, extra = '') =>
    `mlsd: 1\ntitle: t\ndata:\n${extra}  labels: {source: natural, ${labels}}\n  privacy: {plan: p, retention: 30d}\n`;
  assert.equal(findings(doc('maturity: 60d'), 'MLSD314').length, 0);
  assert.equal(findings(doc('delay: 30d'), 'MLSD314').length, 0, 'retention equal to the delay is enough');
  const [f] = findings(doc('delay: 7d, maturity: 7d', '  training_window: 28d\n'), 'MLSD314');
  assert.match(f.message, /needs 35d of examples/);
});

test('MLSD409: a service level near the median, a quantile or poisson piece, or a pinball metric is silent', () => {
  const doc = (sl: string, loss: string, metrics = '[mae]') =>
    `mlsd: 1\ntitle: t\nrequirements:\n  service_level: ${sl}\nframing:\n  task_type: regression\nmodel:\n  loss: ${loss}\nevaluation:\n  offline:\n    metrics: ${metrics}\n`;
  assert.equal(findings(doc('95%', 'mse'), 'MLSD409').length, 1);
  assert.equal(findings(doc('0.55', 'mse'), 'MLSD409').length, 1, '|τ − 0.5| = 0.05 is far enough');
  assert.equal(findings(doc('52%', 'mse'), 'MLSD409').length, 0);
  assert.equal(findings(doc('95%', 'mse + quantile'), 'MLSD409').length, 0);
  assert.equal(findings(doc('95%', 'poisson'), 'MLSD409').length, 0);
  assert.equal(findings(doc('95%', 'my custom objective'), 'MLSD409').length, 0, 'no known piece');
  assert.equal(findings(doc('95%', 'mse', '[mae, pinball]'), 'MLSD409').length, 0);
  assert.match(findings(doc('10%', 'mae'), 'MLSD409')[0].explanation ?? '', /mean − 1\.282σ/);
});

test('MLSD311 and MLSD310 do not both report one feature', () => {
  const doc = (pit: string) =>
    `mlsd: 1\ntitle: t\ndata:\n  features:\n    - {id: te, type: numerical, derived_from_label: true${pit}}\n`;
  assert.equal(findings(doc(''), 'MLSD310').length, 1);
  assert.equal(findings(doc(''), 'MLSD311').length, 0);
  assert.equal(findings(doc(', point_in_time: false'), 'MLSD310').length, 0);
  assert.equal(findings(doc(', point_in_time: false'), 'MLSD311').length, 1);
  assert.equal(
    findings(doc(', point_in_time: true'), 'MLSD310').length + findings(doc(', point_in_time: true'), 'MLSD311').length,
    0,
  );
});

test('MLSD313: a regression model or a ranking output is not gatekeeping a classifier', () => {
  const doc = (task: string, use: string) =>
    `mlsd: 1\ntitle: t\nframing:\n  task_type: ${task}\n  output_use: ${use}\ndata:\n  labels: {source: implicit, positive: p}\n`;
  assert.equal(findings(doc('binary-classification', 'threshold'), 'MLSD313').length, 1);
  assert.equal(findings(doc('anomaly-detection', 'action'), 'MLSD313').length, 1);
  assert.equal(findings(doc('regression', 'action'), 'MLSD313').length, 0);
  assert.equal(findings(doc('binary-classification', 'ranking'), 'MLSD313').length, 0);
});

/**
 * The message contract (issue 8): every finding has a one-line headline of at most 100 characters and
 * an explanation. Lints each rule's `bad.mlsd.yaml` fixture with that rule on and checks every finding.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/rules';
import { analyze, lint } from '../../server/src/lint/engine';
import { resolveConfig } from '../../server/src/lint/config';
import { splitMessage } from '../../server/src/rules/support';
import { fixtureConfig } from '../harness/markers';

const ROOT = path.resolve(__dirname, '../../..');
const FIX = path.join(ROOT, 'test/fixtures/rules');

for (const rule of RULES) {
  const id = rule.meta.id;
  test(`${id} ${rule.meta.alias}: headline and explanation`, () => {
    const text = fs.readFileSync(path.join(FIX, id, 'bad.mlsd.yaml'), 'utf8');
    const fc = fixtureConfig(text);
    const config = resolveConfig([
      { rules: { [id]: rule.meta.defaultSeverity, ...(fc?.rules ?? {}) }, options: fc?.options },
    ]);
    const findings = lint(analyze(text), config, { only: [id] }).findings.filter((f) => f.ruleId === id);
    assert.ok(findings.length > 0, 'the bad fixture yields a finding');
    for (const f of findings) {
      const h = f.message;
      assert.ok(h.trim().length > 0, 'the headline is not empty');
      assert.ok(!/[\r\n]/.test(h), `the headline is one line: ${JSON.stringify(h)}`);
      assert.ok(h.length <= 100, `the headline has at most 100 characters (${h.length}): ${h}`);
      assert.ok(f.explanation && f.explanation.trim().length > 0, `an explanation follows the headline: ${h}`);
    }
  });
}

test('headlines stay one line of at most 100 characters when the author wrote long names', () => {
  const long = (s: string) => `${s}_${'x'.repeat(90)}`;
  const text = [
    'mlsd: 1',
    'title: Long names',
    `# mlsd-disable-next-line ${long('no-such-rule')}`,
    'requirements:',
    '  business_objective: Increase watch time',
    `  ${long('unknown_key')}: 1`,
    '  scale: {dau: 100M, requests_per_user_per_day: 3, qps_peak: 90000000}',
    '  performance: {mode: online, latency: 200ms}',
    'framing:',
    `  task_type: ${long('rankng')}`,
    '  ml_objective: TBD',
    'data:',
    '  sources:',
    `    - {id: ${long('logs')}, kind: logs, pii: true}`,
    `    - {id: ${long('logs')}, kind: interactions}`,
    '  features:',
    `    - {id: ${long('feature')}, source: ${long('nowhere')}, sensitive: true}`,
    '  labels: {positive_rate: 0.01, source: natural}',
    '  split: {strategy: random}',
    'model:',
    '  candidates: [{id: gbdt}]',
    `  selected: ${long('gdbt')}`,
    `  stages: [{id: ${long('ranking')}, model: ${long('dnn')}}]`,
    'evaluation:',
    `  online: {metrics: [ctr], primary: ${long('ctr')}}`,
    '',
  ].join('\n');
  const findings = lint(analyze(text)).findings;
  const ids = new Set(findings.map((f) => f.ruleId));
  for (const id of ['MLSD002', 'MLSD003', 'MLSD004', 'MLSD005', 'MLSD009', 'MLSD105', 'MLSD303', 'MLSD304'])
    assert.ok(ids.has(id), `${id} reports on the long names (got ${[...ids].join(', ')})`);
  for (const f of findings) {
    assert.ok(!/[\r\n]/.test(f.message) && f.message.length <= 100, `${f.ruleId}: ${f.message.length}: ${f.message}`);
    assert.ok(f.explanation?.trim(), `${f.ruleId} has an explanation`);
  }
});

test('a parser message too long for a headline is split, nothing of it lost', () => {
  const { headline, rest } = splitMessage(
    'Aliases expand to more than 100000 nodes (an alias bomb?); expansion stopped here and the rest is read as empty. It is not analysed further.',
  );
  assert.equal(headline, 'Aliases expand to more than 100000 nodes (an alias bomb?)');
  assert.equal(rest, 'Expansion stopped here and the rest is read as empty. It is not analysed further.');
  const words = splitMessage(`${'word '.repeat(40)}end`);
  assert.ok(words.headline.length <= 100 && words.headline.endsWith('…'));
  assert.equal(words.rest, `${'word '.repeat(40)}end`);
});

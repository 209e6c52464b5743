/**
 * MLSD011 comma splits: detection on several split shapes, and the safe fix's round trip (the quoted value
 * parses to what the author meant, the flow mapping keeps its layout, and the split is gone).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, lint } from '../../server/src/lint/engine';
import { fixAll } from '../../server/src/lint/fix';
import { resolveConfig } from '../../server/src/lint/config';
import { commaSplits } from '../../server/src/engine/commaSplits';

const ONLY = resolveConfig([{ rules: { MLSD011: 'warning' } }]);
const ALL = resolveConfig([{ extends: 'recommended' }]);

function structural(text: string): string[] {
  const doc = analyze(text);
  return lint(doc, ALL)
    .findings.filter((f) => ['MLSD001', 'MLSD002', 'MLSD003', 'MLSD011', 'MLSD012'].includes(f.ruleId))
    .map((f) => `${f.ruleId} ${text.slice(f.start, f.end)}`);
}

function roundTrip(before: string, after: string): void {
  const fixed = fixAll(before, ONLY, '', { only: ['MLSD011'] }).text;
  assert.equal(fixed, after);
  assert.deepEqual(
    structural(fixed).filter((s) => s.startsWith('MLSD011')),
    [],
    'the fixed doc has no split left',
  );
}

test('numbers with thousands separators: reported once, duplicate keys not MLSD001, value unknown until fixed', () => {
  const t = 'mlsd: 1\ntitle: t\nrequirements:\n  scale: {dau: 10,000,000, items: 2e9}\n';
  assert.deepEqual(structural(t), ['MLSD011 000,000']);
  assert.equal(analyze(t).quantity('requirements.scale.dau'), undefined, 'never read as 10');
  const fixed = 'mlsd: 1\ntitle: t\nrequirements:\n  scale: {dau: "10,000,000", items: 2e9}\n';
  roundTrip(t, fixed);
  assert.equal(analyze(fixed).quantity('requirements.scale.dau')?.value, 1e7);
  assert.equal(analyze(fixed).quantity('requirements.scale.items')?.value, 2e9);
});

test('a number inside a nested flow mapping under a free-form key', () => {
  const t = 'mlsd: 1\ntitle: t\ninfrastructure:\n  serving: {gpus: 4, qps: {peak: 1,200}, region: eu}\n';
  assert.deepEqual(structural(t), ['MLSD011 200']);
  roundTrip(t, 'mlsd: 1\ntitle: t\ninfrastructure:\n  serving: {gpus: 4, qps: {peak: "1,200"}, region: eu}\n');
});

test('prose with commas, in a list item: the whole intended text is quoted, other entries untouched', () => {
  const t =
    'mlsd: 1\ntitle: t\nmodel:\n  candidates:\n    - {id: cnn, architecture: ResNet-18, ImageNet weights, fp16,  pros: [fast]}\n';
  const doc = analyze(t);
  const [s] = commaSplits(doc).splits;
  assert.equal(s.key, 'architecture');
  assert.deepEqual(s.lone, ['ImageNet weights', 'fp16']);
  const f = lint(doc, ONLY).findings.find((x) => x.ruleId === 'MLSD011')!;
  assert.ok(f.message.length <= 100 && !f.message.includes('\n'), f.message);
  assert.match(f.explanation ?? '', /architecture: "ResNet-18, ImageNet weights, fp16"/);
  roundTrip(
    t,
    'mlsd: 1\ntitle: t\nmodel:\n  candidates:\n    - {id: cnn, architecture: "ResNet-18, ImageNet weights, fp16",  pros: [fast]}\n',
  );
});

test('quotes and backslashes in the intended text are escaped', () => {
  const t =
    'mlsd: 1\ntitle: t\nsummary: x\nrisks:\n  - {risk: the "cold" start, new users\\items, mitigation: popularity}\n';
  const fixed = fixAll(t, ONLY, '', { only: ['MLSD011'] }).text;
  assert.equal(
    analyze(fixed).str(['risks', 0, 'risk']),
    'the "cold" start, new users\\items',
    'the quoted value is exactly the source text',
  );
});

test('a split across lines is reported without a fix', () => {
  const t = 'mlsd: 1\ntitle: t\nrisks:\n  - {risk: drift,\n     seasonality, mitigation: retrain}\n';
  const f = lint(analyze(t), ONLY).findings.filter((x) => x.ruleId === 'MLSD011');
  assert.equal(f.length, 1);
  assert.equal(f[0].fix, undefined);
});

test('no split: quoted values, block style, collections, defined keys, x- keys, a lone key first', () => {
  for (const t of [
    'mlsd: 1\ntitle: t\nrequirements:\n  scale: {dau: "10,000,000"}\n',
    "mlsd: 1\ntitle: t\nrequirements:\n  scale: {dau: '10,000'}\n",
    'mlsd: 1\ntitle: t\nrequirements:\n  scale:\n    growth: 10%, then flat\n',
    'mlsd: 1\ntitle: t\ndata:\n  features:\n    - {id: age, type: numerical, sensitive, pii}\n',
    'mlsd: 1\ntitle: t\nx-notes: {a: b, c, d}\n',
    'mlsd: 1\ntitle: t\ndata:\n  x-extra: {a: 1,000}\n',
    'mlsd: 1\ntitle: t\nmodel:\n  candidates:\n    - {id: a, pros: [x, y], cons}\n',
  ])
    assert.deepEqual(
      structural(t).filter((s) => s.startsWith('MLSD011')),
      [],
      t,
    );
});

test('the lone keys are not MLSD002 and the cut value is never MLSD003', () => {
  const t = 'mlsd: 1\ntitle: t\ndata:\n  labels: {positive_rate: 1,5%, source: natural}\n';
  assert.deepEqual(structural(t), ['MLSD011 5%']);
});

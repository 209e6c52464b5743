/**
 * The bundled examples (one per archetype of the first book, and three generative systems) are clean under
 * the recommended and strict presets; the flawed sample gets exactly its planted findings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, lint } from '../../server/src/lint/engine';
import { resolveConfig } from '../../server/src/lint/config';
import { ARCHETYPE_ENUM } from '../../server/src/engine/catalog';
import { GENERATIVE_ARCHETYPES } from '../../server/src/engine/domain';
import { genaiServing } from '../../server/src/engine/genaiServing';

const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLES = path.join(ROOT, 'examples');

/** The generative examples (file name → archetype); the other generative archetypes have templates only. */
const GENERATIVE_EXAMPLES: Record<string, string> = {
  'rag-assistant': 'rag',
  chatbot: 'chatbot',
  'text-to-image': 'text-to-image',
};

test('one example per archetype of the first book, plus the RAG, chatbot and text-to-image examples', () => {
  const names = fs
    .readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.mlsd.yaml'))
    .map((f) => f.replace('.mlsd.yaml', ''))
    .sort();
  const classic = ARCHETYPE_ENUM.map((e) => e.value).filter((a) => a !== 'other' && !GENERATIVE_ARCHETYPES.includes(a));
  assert.equal(classic.length, 10);
  assert.deepEqual(names, [...classic, ...Object.keys(GENERATIVE_EXAMPLES)].sort());
  for (const name of names) {
    const doc = analyze(fs.readFileSync(path.join(EXAMPLES, `${name}.mlsd.yaml`), 'utf8'));
    assert.equal(doc.enumOf('archetype'), GENERATIVE_EXAMPLES[name] ?? name, `${name} declares its archetype`);
  }
});

test('the generative examples explain their numbers (`# why` comments) and state the serving figures', () => {
  for (const name of Object.keys(GENERATIVE_EXAMPLES)) {
    const text = fs.readFileSync(path.join(EXAMPLES, `${name}.mlsd.yaml`), 'utf8');
    assert.ok((text.match(/# why/g) ?? []).length >= 8, `${name}: # why comments`);
    const doc = analyze(text);
    for (const key of [
      'requirements.budget.monthly',
      'serving.gpu.count',
      'serving.cost.price_per_gpu_hour',
      'serving.guardrails.output',
    ])
      assert.ok(doc.stated(key), `${name}: ${key}`);
    // the figures the `# why` comments explain hold: weights + KV cache fit, capacity covers the peak,
    // the TTFT path and the cost stay within their budgets
    const { memory, capacity, ttft, cost } = genaiServing(doc);
    assert.ok(cost && capacity, `${name}: cost and capacity are computable`);
    assert.equal(cost.exceedsMonthly, false, `${name}: monthly cost`);
    assert.notEqual(cost.exceedsPerRequest, true, `${name}: cost per request`);
    for (const part of [capacity.tokens, capacity.requests, capacity.concurrency])
      assert.notEqual(part?.exceeds, true, `${name}: capacity ${JSON.stringify(part)}`);
    assert.notEqual(memory?.fit?.exceeds, true, `${name}: weights + KV cache`);
    assert.notEqual(ttft?.exceeds, true, `${name}: TTFT path`);
  }
});

for (const preset of ['recommended', 'strict'] as const) {
  test(`every example is clean under the ${preset} preset (no finding of any severity)`, () => {
    const config = resolveConfig([{ extends: preset }]);
    for (const f of fs.readdirSync(EXAMPLES).filter((x) => x.endsWith('.mlsd.yaml'))) {
      const res = lint(analyze(fs.readFileSync(path.join(EXAMPLES, f), 'utf8'), f), config);
      assert.deepEqual(res.internalErrors, []);
      assert.deepEqual(
        res.findings.map((x) => `${x.ruleId}: ${x.message}`),
        [],
        f,
      );
    }
  });
}

test('the flawed sample gets exactly the planted findings', () => {
  const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/flawed/flawed-feed.mlsd.yaml'), 'utf8');
  const ids = lint(analyze(text))
    .findings.map((f) => f.ruleId)
    .sort();
  assert.deepEqual(ids, ['MLSD002', 'MLSD003', 'MLSD004', 'MLSD303', 'MLSD502', 'MLSD504', 'MLSD505', 'MLSD601']);
});

/** The ten bundled examples are clean under the recommended preset; the flawed sample gets exactly its planted findings. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, lint } from '../../server/src/lint/engine';
import { resolveConfig } from '../../server/src/lint/config';
import { ARCHETYPE_ENUM } from '../../server/src/engine/catalog';
import { GENERATIVE_ARCHETYPES } from '../../server/src/engine/domain';

const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLES = path.join(ROOT, 'examples');

test('one example per archetype of the first book (the generative archetypes have templates instead)', () => {
  const files = fs
    .readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.mlsd.yaml'))
    .sort();
  const archetypes = ARCHETYPE_ENUM.map((e) => e.value)
    .filter((a) => a !== 'other' && !GENERATIVE_ARCHETYPES.includes(a))
    .sort();
  assert.deepEqual(
    files.map((f) => f.replace('.mlsd.yaml', '')).filter((f) => !GENERATIVE_ARCHETYPES.includes(f)),
    archetypes,
  );
  for (const f of files) {
    const doc = analyze(fs.readFileSync(path.join(EXAMPLES, f), 'utf8'));
    assert.equal(doc.enumOf('archetype'), f.replace('.mlsd.yaml', ''), `${f} declares its archetype`);
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

/** The JSON Schema is generated from the catalogue (no drift) and accepts every example. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { schemaText } from '../../server/src/engine/schema';
import { allPaths } from '../../server/src/engine/catalog';
import { rulesIndexMarkdown } from '../../server/src/lint/rulesIndex';

const ROOT = path.resolve(__dirname, '../../..');
const schemaFile = path.join(ROOT, 'schemas/mlsd.schema.json');

function ajv() {
  const a = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  a.addVocabulary(['markdownDescription', 'markdownEnumDescriptions', 'enumDescriptions', 'defaultSnippets']);
  return a;
}

test('schemas/mlsd.schema.json is generated from the field catalogue (run `npm run gen`)', () => {
  assert.equal(fs.readFileSync(schemaFile, 'utf8'), schemaText());
});

test('the schema is valid draft-07 and every example validates against it', () => {
  const validate = ajv().compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
  const examples = fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.mlsd.yaml'));
  assert.equal(examples.length, 13, 'one per classic archetype, and the RAG, chatbot and text-to-image examples');
  for (const f of examples) {
    const doc = parseYaml(fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8'));
    assert.ok(validate(doc), `${f}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  }
});

test('the schema rejects what the engine rejects: an unknown key, a bad enum, a rate out of range', () => {
  const validate = ajv().compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
  const base = { mlsd: 1, title: 't' };
  assert.ok(validate(base));
  assert.ok(!validate({ ...base, requirements: { latncy: 1 } }));
  assert.ok(!validate({ ...base, framing: { task_type: 'clasification' } }));
  assert.ok(!validate({ ...base, data: { labels: { positive_rate: 5 } } }));
  assert.ok(validate({ ...base, data: { labels: { positive_rate: '2%' } }, 'x-anything': { a: 1 } }));
  assert.ok(validate({ ...base, framing: { task_type: 'TBD' } }), 'placeholders are allowed, as in the engine');
});

test('every catalogue path appears in the schema', () => {
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
  const text = JSON.stringify(schema);
  for (const p of allPaths()) {
    const leaf = p.split('.').pop()!.replace('[]', '');
    assert.ok(text.includes(`"${leaf}":`), `schema lacks ${p}`);
  }
});

test('docs/rules.md lists every rule and is generated from the registry (run `npm run gen`)', () => {
  assert.equal(fs.readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8'), rulesIndexMarkdown());
});

/**
 * schemas/mlsd.schema.json accepts what the engine accepts (the setup other editors use with Red Hat's
 * yaml-language-server): every example, template and good rule fixture the engine reads without a
 * catalogue finding (MLSD002, MLSD003, MLSD012) validates with ajv; deliberately variant spellings (enum
 * case and `_`, quantity, size, rate, duration and metric spellings) are accepted by both; invalid values
 * are rejected by both where the schema can express it. The completion still offers the canonical values
 * (`enum` comes first).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { buildSchema, enumVariantPattern } from '../../server/src/engine/schema';
import { TOP_LEVEL, type FieldSpec } from '../../server/src/engine/catalog';
import { normalizeName } from '../../server/src/engine/domain';
import { expandSnippet, templatesFromText } from '../../server/src/engine/templates';
import { analyze, lint } from '../../server/src/lint/engine';

const ROOT = path.resolve(__dirname, '../../..');
const CATALOGUE_RULES = new Set(['MLSD002', 'MLSD003', 'MLSD012']);

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
ajv.addVocabulary(['markdownDescription', 'markdownEnumDescriptions', 'enumDescriptions', 'defaultSnippets']);
const validate = ajv.compile(buildSchema());

/** The engine's catalogue findings on a doc (the ones a schema could mirror). */
function engineFindings(text: string): string[] {
  return lint(analyze(text, 'file:///agreement.mlsd.yaml'))
    .findings.filter((f) => CATALOGUE_RULES.has(f.ruleId))
    .map((f) => `${f.ruleId} ${f.message}`);
}

function schemaErrors(text: string): string[] {
  const data = parseYaml(text, { merge: true }) as unknown;
  if (validate(data)) return [];
  return (validate.errors ?? []).slice(0, 4).map((e) => `${e.instancePath} ${e.message}`);
}

function docs(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const f of fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.mlsd.yaml')))
    out.push({ name: `examples/${f}`, text: fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8') });
  const snippets = fs.readFileSync(path.join(ROOT, 'snippets', 'mlsd.code-snippets'), 'utf8');
  for (const t of templatesFromText(snippets)) out.push({ name: `template ${t.id}`, text: expandSnippet(t.body) });
  const rules = path.join(ROOT, 'test', 'fixtures', 'rules');
  for (const id of fs.readdirSync(rules)) {
    const good = path.join(rules, id, 'good.mlsd.yaml');
    if (fs.existsSync(good)) out.push({ name: `${id}/good`, text: fs.readFileSync(good, 'utf8') });
  }
  return out;
}

describe('schema and engine agree', () => {
  test('every example, template and good fixture the engine accepts validates against the schema', () => {
    let checked = 0;
    const disagree: string[] = [];
    for (const d of docs()) {
      const findings = engineFindings(d.text);
      // the examples and templates are clean docs: none may be skipped
      if (findings.length && !/\/good$/.test(d.name)) disagree.push(`${d.name}: the engine reports ${findings[0]}`);
      if (findings.length) continue;
      checked++;
      const errors = schemaErrors(d.text);
      if (errors.length) disagree.push(`${d.name}: ${errors.join('; ')}`);
    }
    assert.deepEqual(disagree, []);
    assert.ok(checked >= 21, `${checked} docs checked (10 examples, 11 templates and the good fixtures)`);
  });

  const base = 'mlsd: 1\ntitle: Agreement\n';
  const at = (yamlPath: string, value: string): string => {
    const keys = yamlPath.split('.');
    return (
      base + keys.map((k, i) => `${'  '.repeat(i)}${k}:${i === keys.length - 1 ? ` ${value}` : ''}`).join('\n') + '\n'
    );
  };

  // spellings format.md and the engine accept; the schema must accept them too
  const variants: [string, string][] = [
    ['archetype', 'Ad_Click_Prediction'],
    ['archetype', 'NEWS FEED'],
    ['status', 'Review'],
    ['requirements.performance.mode', 'Online'],
    ['serving.mode', ' Batch '],
    ['framing.task_type', 'Binary_Classification'],
    ['data.split.strategy', 'rolling_origin'],
    ['serving.index.type', 'IVF_PQ'],
    ['evaluation.online.experiment.unit', 'User'],
    ['data.imbalance.handling', '[Negative_Downsampling, FOCAL LOSS]'],
    ['requirements.scale.dau', '"~5M users"'],
    ['requirements.scale.dau', '1,000,000'],
    ['requirements.scale.dau', '2e9'],
    ['data.sources', '[{id: logs, volume: 30M rows/day}]'],
    ['serving.index.memory', '64gb'],
    ['serving.index.memory', '2 TiB'],
    ['data.labels.positive_rate', '"2 %"'],
    ['data.labels.positive_rate', '"0.5"'],
    ['data.labels.positive_rate', '0.02'],
    ['data.training_window', '45 Days'],
    ['data.training_window', '6 MONTHS'],
    ['data.training_window', '2 w'],
    ['data.training_window', '15Min'],
    ['requirements.performance.latency.p99', '"200"'],
    ['requirements.performance.latency.p99', '200 MS'],
    ['requirements.performance.latency.p99', '150'],
    ['evaluation.offline.metrics', '[NDCG@10, map@IoU=0.5:0.95, Precision@Recall=0.8, recall@fpr=0.1%, mrr@K]'],
  ];
  for (const [p, v] of variants) {
    test(`accepted by both: ${p}: ${v}`, () => {
      const text = at(p, v);
      assert.deepEqual(engineFindings(text), [], 'the engine accepts it');
      assert.deepEqual(schemaErrors(text), [], 'the schema accepts it');
    });
  }

  // values the engine rejects (MLSD003 / MLSD012); the schema rejects them too
  const invalid: [string, string][] = [
    ['archetype', 'ad-clik-prediction'],
    ['archetype', 'ad--click-prediction'],
    ['status', 'in-review'],
    ['serving.mode', 'streaming-ish'],
    ['framing.task_type', 'classification'],
    ['requirements.scale.dau', 'lots'],
    ['requirements.scale.dau', '5abc'],
    ['serving.index.memory', 'big'],
    ['data.labels.positive_rate', '5'],
    ['data.labels.positive_rate', '"150%"'],
    ['data.labels.positive_rate', '"-2%"'],
    ['data.training_window', '"45"'],
    ['data.training_window', '5M'],
    ['data.training_window', '5 fortnights'],
    ['data.training_window', '-3d'],
    ['requirements.performance.latency.p99', '-5ms'],
    ['requirements.performance.latency.p99', 'fast'],
    ['evaluation.offline.metrics', '["ndcg@"]'],
    ['evaluation.offline.metrics', '["map@iou=1.5"]'],
    ['evaluation.offline.metrics', '["precision@recall=x"]'],
    ['evaluation.offline.metrics', '["ndcg@0"]'],
    ['data.sources', '[{id: "-bad id"}]'],
  ];
  for (const [p, v] of invalid) {
    test(`rejected by both: ${p}: ${v}`, () => {
      const text = at(p, v);
      assert.notDeepEqual(engineFindings(text), [], 'the engine rejects it');
      assert.notDeepEqual(schemaErrors(text), [], 'the schema rejects it');
    });
  }

  test('every enum of the catalogue: the variant pattern matches exactly the spellings the engine normalizes to a value', () => {
    const enums: { path: string; values: string[] }[] = [];
    const visit = (s: FieldSpec, p: string) => {
      const e = s.enum ?? s.item?.enum;
      if (e) enums.push({ path: p, values: e.map((x) => x.value) });
      for (const f of s.fields ?? []) visit(f, p ? `${p}.${f.key}` : f.key);
      if (s.item) visit(s.item, `${p}[]`);
      if (s.alt) visit(s.alt, p);
    };
    visit(TOP_LEVEL, '');
    assert.ok(enums.length >= 20);
    for (const { path: p, values } of enums) {
      const re = new RegExp(enumVariantPattern(values), 'u');
      const accepts = (s: string) => values.some((v) => normalizeName(v) === normalizeName(s));
      for (const v of values) {
        const spellings = [
          v,
          v.toUpperCase(),
          v.replace(/-/g, '_'),
          v.replace(/-/g, ' '),
          ` ${v.replace(/(^|-)([a-z])/g, (_, d: string, c: string) => `${d ? '_' : ''}${c.toUpperCase()}`)} `,
          v.replace(/-/g, '__'),
        ];
        for (const s of spellings) {
          assert.ok(accepts(s), `${p}: the engine reads ${JSON.stringify(s)} as ${v}`);
          assert.ok(re.test(s), `${p}: the schema accepts ${JSON.stringify(s)}`);
        }
        for (const s of [`${v}x`, `x${v}`, v.replace(/-/g, '--'), v.replace(/-/g, '.'), `${v}-`]) {
          if (accepts(s)) continue; // a value that happens to be another value's spelling
          assert.ok(!re.test(s), `${p}: the schema rejects ${JSON.stringify(s)} as the engine does`);
        }
      }
    }
  });

  test('completion still offers the canonical spelling: `enum` first, the variant pattern second', () => {
    const schema = buildSchema() as { properties: Record<string, { anyOf: { anyOf?: unknown[] }[] }> };
    const arche = schema.properties.archetype.anyOf[0].anyOf as { enum?: string[]; pattern?: string }[];
    assert.ok(arche[0].enum?.includes('ad-click-prediction'));
    assert.ok(arche[1].pattern && !arche[1].enum);
  });
});

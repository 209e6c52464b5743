/**
 * The options table (server/src/engine/options.ts) is the one source of the rule options: the rules'
 * metadata, config parsing, the `.mlsdrc.yaml` schema, the client's settings validation and package.json's
 * `contributes.configuration` all agree with it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  camelKey,
  checkOption,
  DEFAULT_OPTIONS,
  OPTIONS,
  type OptionSpec,
  optionSettings,
} from '../../server/src/engine/options';
import { resolveConfig, type ConfigProblem } from '../../server/src/lint/config';
import { RULES } from '../../server/src/rules';
import { configSchema, packageJsonWithOptions } from '../../server/src/cli/configSchema';
import { normalizeOption, OPTION_KEYS, SETTING_DEFAULTS, toServerSettingsFromObject } from '../../client/src/settings';

const ROOT = path.resolve(__dirname, '../../..');
const PKG_TEXT = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
const regen = 'regenerate: npm run gen';
const table = OPTIONS as readonly OptionSpec[];

test('the table: unique snake_case keys, defaults within range, a description and readers for each', () => {
  assert.equal(new Set(table.map((o) => o.key)).size, table.length);
  for (const o of table) {
    assert.match(o.key, /^[a-z]+(_[a-z]+)*$/, o.key);
    assert.ok('value' in checkOption(o, o.default), `${o.key}: the default is valid`);
    assert.ok(o.description.length > 20, `${o.key} described`);
    assert.ok(o.rules.length > 0, `${o.key} is read by a rule`);
  }
  assert.deepEqual(DEFAULT_OPTIONS, Object.fromEntries(table.map((o) => [o.key, o.default])));
});

test("the table's readers are exactly the rules whose meta.options name the option", () => {
  const registered = new Set(RULES.map((r) => r.meta.id));
  for (const o of table) {
    const readers = RULES.filter((r) => r.meta.options?.includes(o.key as never)).map((r) => r.meta.id);
    // a reader not registered yet must be a generative rule id of genai.md §7 (MLSDs50–s79), written later
    for (const id of o.rules.filter((id) => !registered.has(id)))
      assert.match(id, /^MLSD[1-7][5-7]\d$/, `${o.key}: ${id} is neither registered nor a reserved generative id`);
    assert.deepEqual(o.rules.filter((id) => registered.has(id)).sort(), readers.sort(), o.key);
  }
  const known = new Set(table.map((o) => o.key));
  for (const r of RULES) for (const k of r.meta.options ?? []) assert.ok(known.has(k), `${r.meta.id} reads ${k}`);
});

test('config parsing validates against the table, with the range in the message', () => {
  const run = (options: Record<string, unknown>) => {
    const problems: ConfigProblem[] = [];
    const c = resolveConfig([{ options }], problems);
    return { options: c.options, problems: problems.map((p) => p.message) };
  };
  assert.deepEqual(run({ imbalance_threshold: '5%', qpsTolerance: 4, 'large-corpus-items': '2000' }), {
    options: { ...DEFAULT_OPTIONS, imbalance_threshold: 0.05, qps_tolerance: 4, large_corpus_items: 2000 },
    problems: [],
  });
  const bad = run({
    imbalance_threshold: 0.7,
    qps_tolerance: 0.5,
    default_peak_factor: 'high',
    large_corpus_items: '5%',
  });
  assert.deepEqual(bad.options, DEFAULT_OPTIONS, 'invalid values keep the default');
  assert.deepEqual(bad.problems, [
    'Option `imbalance_threshold` must be greater than 0 and at most 0.5; got 0.7.',
    'Option `qps_tolerance` must be at least 1; got 0.5.',
    'Option `default_peak_factor` must be a number; got "high".',
    'Option `large_corpus_items` must be a number; got "5%".',
  ]);
  assert.deepEqual(run({ imbalance_threshold: 0 }).problems, [
    'Option `imbalance_threshold` must be greater than 0 and at most 0.5; got 0.',
  ]);
  assert.match(run({ nope: 1 }).problems[0], /Unknown option `nope`; known: imbalance_threshold, large_corpus_items/);
  // the per-rule form `[severity, {options}]` goes through the same check
  const problems: ConfigProblem[] = [];
  resolveConfig([{ rules: { MLSD105: ['warning', { qps_tolerance: -2 }] } }], problems);
  assert.deepEqual(
    problems.map((p) => p.message),
    ['Option `qps_tolerance` must be at least 1; got -2.'],
  );
});

test('the .mlsdrc.yaml schema takes defaults and bounds from the table', () => {
  const props = (configSchema().definitions as { options: { properties: Record<string, Record<string, unknown>> } })
    .options.properties;
  assert.deepEqual(
    Object.keys(props),
    table.map((o) => o.key),
  );
  for (const o of table) {
    const p = props[o.key];
    assert.equal(p.default, o.default);
    assert.equal(p[o.exclusiveMin ? 'exclusiveMinimum' : 'minimum'], o.min, o.key);
    assert.equal(p.maximum, o.max, o.key);
    assert.ok(String(p.markdownDescription).startsWith(o.description), o.key);
    assert.deepEqual(p.type, o.percent ? ['number', 'string'] : 'number');
  }
});

test('package.json contributes.configuration: the mlsd.options.* settings are the table (keys, defaults, bounds, descriptions)', () => {
  const props = JSON.parse(PKG_TEXT).contributes.configuration.properties as Record<string, Record<string, unknown>>;
  const contributed = Object.fromEntries(Object.entries(props).filter(([k]) => k.startsWith('mlsd.options.')));
  assert.deepEqual(contributed, optionSettings(), regen);
  for (const o of table) {
    const p = props[`mlsd.options.${camelKey(o.key)}`];
    assert.equal(p.default, o.default);
    assert.equal(p.maximum, o.max);
    assert.equal(p[o.exclusiveMin ? 'exclusiveMinimum' : 'minimum'], o.min);
    assert.ok(String(p.markdownDescription).startsWith(o.description));
  }
  assert.equal(packageJsonWithOptions(PKG_TEXT), PKG_TEXT, `package.json is the generator output; ${regen}`);
});

test('the generator adds a new table line to package.json in place, and keeps every other setting', () => {
  const pkg = JSON.parse(PKG_TEXT);
  delete pkg.contributes.configuration.properties['mlsd.options.qpsTolerance'];
  pkg.contributes.configuration.properties['mlsd.options.stale'] = { type: 'number', default: 1 };
  const out = JSON.parse(packageJsonWithOptions(`${JSON.stringify(pkg, null, 2)}\n`));
  assert.deepEqual(
    Object.keys(out.contributes.configuration.properties),
    Object.keys(JSON.parse(PKG_TEXT).contributes.configuration.properties),
  );
});

test('the client validates editor settings against the table', () => {
  assert.deepEqual(OPTION_KEYS, Object.fromEntries(table.map((o) => [camelKey(o.key), o.key])));
  for (const o of table) assert.equal(SETTING_DEFAULTS[`options.${camelKey(o.key)}`], o.default);
  assert.equal(normalizeOption('imbalanceThreshold', 0.5), 0.5);
  assert.equal(normalizeOption('imbalanceThreshold', 0.51), undefined);
  assert.equal(normalizeOption('imbalanceThreshold', 0), undefined);
  assert.equal(normalizeOption('largeCorpusItems', '5000'), 5000);
  assert.equal(normalizeOption('largeCorpusItems', 0.5), undefined);
  assert.equal(normalizeOption('nope', 1), undefined);
  const problems: string[] = [];
  const s = toServerSettingsFromObject({ options: { imbalanceThreshold: 0.9, qpsTolerance: 2 } }, problems);
  assert.deepEqual(s.options, { qpsTolerance: 2 });
  assert.deepEqual(problems, [
    'mlsd.options.imbalanceThreshold: Option `imbalance_threshold` must be greater than 0 and at most 0.5; got 0.9.',
  ]);
});

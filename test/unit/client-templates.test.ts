/**
 * The design-doc templates (snippets/mlsd.code-snippets) and the snippet expansion in
 * client/src/templates.ts: every whole-doc template, expanded with its defaults, is valid YAML, follows
 * the seven steps, and lints with no errors; the ten generative templates lint with no finding at all
 * under the recommended and strict presets.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import {
  ARCHETYPE_IDS,
  STEP_KEYS,
  bodyText,
  expandSnippet,
  loadTemplates,
  maxTabStop,
  parseSnippet,
  parseSnippets,
  snippetsPath,
} from '../../client/src/templates';
import { analyze, lint } from '../../server/src/lint/engine';
import { resolveConfig } from '../../server/src/lint/config';
import { GENERATIVE_ARCHETYPES } from '../../server/src/engine/domain';
import { genaiServing } from '../../server/src/engine/genaiServing';

const ROOT = path.resolve(__dirname, '../../..');
const snippets = parseSnippets(fs.readFileSync(snippetsPath(ROOT), 'utf8'));
const templates = loadTemplates(ROOT);

test('expandSnippet: placeholders, mirrors, choices, nesting, escapes, variables', () => {
  assert.equal(expandSnippet('a: ${1:200ms}'), 'a: 200ms');
  assert.equal(expandSnippet('${1:x} and $1 and ${1}'), 'x and x and x');
  assert.equal(expandSnippet('$1 before ${1:late}'), 'late before late', 'a mirror before its placeholder');
  assert.equal(expandSnippet('mode: ${2|online,batch|}; again $2'), 'mode: online; again online');
  assert.equal(expandSnippet('${1:outer ${2:inner} end}'), 'outer inner end');
  assert.equal(expandSnippet('cost: \\$5 {a: b} \\} \\\\'), 'cost: $5 {a: b} } \\');
  assert.equal(expandSnippet('${1:a \\} b}'), 'a } b');
  assert.equal(expandSnippet('${2|a\\,b,c|}'), 'a,b');
  assert.equal(expandSnippet('$TM_FILENAME ${USER:me} ${X}', { TM_FILENAME: 'f.mlsd.yaml' }), 'f.mlsd.yaml me ');
  assert.equal(expandSnippet('end$0'), 'end');
  assert.equal(expandSnippet('${1/(.*)/$1/} ${1:v}'), 'v v', 'a transform expands like its tab stop');
  assert.equal(expandSnippet('$ alone, ${ unclosed'), '$ alone, ${ unclosed', 'malformed syntax stays text');
  assert.equal(expandSnippet(['line 1', '  ${1:two}']), 'line 1\n  two');
  assert.equal(maxTabStop('${1:a} ${3|x,y|} $2'), 3);
  assert.deepEqual(parseSnippet('a${1:b}'), [
    { kind: 'text', value: 'a' },
    { kind: 'tabstop', index: 1, children: [{ kind: 'text', value: 'b' }] },
  ]);
});

test('templates: the blank doc first, then the ten archetypes and the ten generative archetypes in book order', () => {
  assert.deepEqual(
    templates.map((t) => t.id),
    ['blank', ...ARCHETYPE_IDS, ...GENERATIVE_ARCHETYPES],
  );
  assert.equal(templates[0].label, 'Blank (seven steps)');
  for (const t of templates) {
    assert.equal(t.prefix, t.id === 'blank' ? 'mlsd-doc' : `mlsd-${t.id}`);
    assert.ok(t.label && !/archetype/i.test(t.label), `${t.id}: label`);
    assert.ok(t.description.length > 20, `${t.id}: description`);
  }
});

test('snippets: one per step, each a single top-level section', () => {
  for (const key of STEP_KEYS) {
    const entry = Object.values(snippets).find((s) => s.prefix === `mlsd-${key}`);
    assert.ok(entry, `snippet mlsd-${key}`);
    assert.ok(!entry.isFileTemplate);
    const text = expandSnippet(bodyText(entry));
    const doc = parseDocument(text);
    assert.deepEqual(doc.errors, [], `mlsd-${key} parses`);
    const keys = Object.keys(doc.toJS() as object);
    assert.deepEqual(keys, [key], `mlsd-${key} has one top-level key`);
  }
});

test('snippets: tab stops are numbered 1..n without gaps and every prefix is unique', () => {
  const prefixes = new Set<string>();
  for (const [name, entry] of Object.entries(snippets)) {
    const prefix = String(entry.prefix);
    assert.ok(!prefixes.has(prefix), `duplicate prefix ${prefix}`);
    prefixes.add(prefix);
    const body = bodyText(entry);
    const used = new Set([...body.matchAll(/\$\{?(\d+)/g)].map((m) => Number(m[1])).filter((n) => n > 0));
    const max = maxTabStop(body);
    for (let i = 1; i <= max; i++) assert.ok(used.has(i), `${name}: tab stop ${i} missing`);
    assert.match(body, /\$0/, `${name}: ends with $0`);
  }
});

function get(o: unknown, p: string): unknown {
  return p
    .split('.')
    .reduce<unknown>((a, k) => (a && typeof a === 'object' ? (a as Record<string, unknown>)[k] : undefined), o);
}

for (const t of templates) {
  test(`template ${t.id}: valid YAML, seven steps in order, archetype set`, () => {
    const text = expandSnippet(t.body);
    const doc = parseDocument(text, { uniqueKeys: true });
    assert.deepEqual(
      doc.errors.map((e) => e.message),
      [],
    );
    const data = doc.toJS() as Record<string, unknown>;
    assert.equal(data.mlsd, 1);
    assert.ok(typeof data.title === 'string' && data.title.length > 0);
    const steps = Object.keys(data).filter((k) => (STEP_KEYS as readonly string[]).includes(k));
    assert.deepEqual(steps, [...STEP_KEYS]);
    if (t.id !== 'blank') {
      assert.equal(data.archetype, t.id);
      const risks = data.risks as { risk: string; mitigation: string }[];
      assert.ok(Array.isArray(risks) && risks.length >= 3, 'classic pitfalls listed under risks');
      for (const r of risks) assert.ok(r.risk && r.mitigation);
    }
    assert.ok(!/\$\{/.test(text), 'no snippet syntax left');
    // a `$` before a digit is left only where the body escaped it (`\$2.50`: money in a generative template)
    assert.equal(
      (text.match(/\$\d/g) ?? []).length,
      (t.body.match(/\\\$\d/g) ?? []).length,
      'no tab stop left: every `$` before a digit is an escaped `\\$`',
    );
  });

  test(`template ${t.id}: lints with no errors (recommended preset)`, () => {
    const text = expandSnippet(t.body);
    const res = lint(analyze(text, `untitled:${t.id}.mlsd.yaml`));
    assert.deepEqual(res.internalErrors, []);
    const show = (sev: string) =>
      res.findings.filter((f) => f.severity === sev).map((f) => `${f.ruleId} ${f.alias}: ${f.message}`);
    assert.deepEqual(show('error'), [], 'errors');
    // Warnings are acceptable but the templates are complete designs: at most a couple (today none).
    assert.ok(show('warning').length <= 2, `too many warnings:\n${show('warning').join('\n')}`);
  });
}

for (const t of templates.filter((x) => GENERATIVE_ARCHETYPES.includes(x.id))) {
  for (const preset of ['recommended', 'strict'] as const) {
    test(`generative template ${t.id}: no finding of any severity under the ${preset} preset`, () => {
      const res = lint(
        analyze(expandSnippet(t.body), `untitled:${t.id}.mlsd.yaml`),
        resolveConfig([{ extends: preset }]),
      );
      assert.deepEqual(res.internalErrors, []);
      assert.deepEqual(
        res.findings.map((f) => `${f.ruleId} ${f.alias}: ${f.message}`),
        [],
      );
    });
  }
}

test('generative templates: their serving figures fit (weights + KV cache, peak capacity, TTFT path, cost within budget)', () => {
  const generative = templates.filter((x) => GENERATIVE_ARCHETYPES.includes(x.id));
  assert.equal(generative.length, 10);
  for (const t of generative) {
    const doc = analyze(expandSnippet(t.body));
    const { memory, capacity, ttft, cost } = genaiServing(doc);
    const api = doc.stated('serving.gpu') === false;
    assert.ok(cost, `${t.id}: a monthly cost estimate is computable`);
    assert.ok(cost.budgetMonthly, `${t.id}: a monthly budget to compare it with`);
    assert.equal(cost.exceedsMonthly, false, `${t.id}: cost ${cost.monthly} over the monthly budget`);
    assert.notEqual(cost.exceedsPerRequest, true, `${t.id}: cost per request over budget`);
    if (api) continue; // the RAG template calls a vendor API: no GPUs of its own
    assert.ok(capacity, `${t.id}: capacity is computable`);
    for (const part of [capacity.tokens, capacity.requests, capacity.concurrency])
      assert.notEqual(part?.exceeds, true, `${t.id}: peak exceeds capacity ${JSON.stringify(part)}`);
    assert.ok(capacity.tokens || capacity.requests, `${t.id}: a throughput figure`);
    if (memory) {
      assert.equal(memory.weights.bytes <= memory.replicaMemory, true, `${t.id}: weights fit a replica`);
      assert.notEqual(memory.fit?.exceeds, true, `${t.id}: weights + KV cache exceed usable memory`);
    }
    assert.notEqual(ttft?.exceeds, true, `${t.id}: TTFT path over budget`);
  }
});

test('templates: cross-references resolve in the expanded docs', () => {
  for (const t of templates) {
    const data = parseDocument(expandSnippet(t.body)).toJS() as Record<string, unknown>;
    const sources = ((get(data, 'data.sources') ?? []) as { id: string }[]).map((s) => s.id);
    for (const f of (get(data, 'data.features') ?? []) as { id: string; source?: string }[]) {
      if (f.source) assert.ok(sources.includes(f.source), `${t.id}: feature ${f.id} → source ${f.source}`);
    }
    const candidates = ((get(data, 'model.candidates') ?? []) as { id: string }[]).map((c) => c.id);
    const selected = get(data, 'model.selected');
    if (selected) assert.ok(candidates.includes(String(selected)), `${t.id}: selected ${String(selected)}`);
    for (const s of (get(data, 'model.stages') ?? []) as { id: string; model?: string }[]) {
      if (s.model) assert.ok(candidates.includes(s.model), `${t.id}: stage ${s.id} → ${s.model}`);
    }
    const online = (get(data, 'evaluation.online.metrics') ?? []) as string[];
    const primary = get(data, 'evaluation.online.primary');
    if (primary) assert.ok(online.includes(String(primary)), `${t.id}: primary ${String(primary)}`);
  }
});

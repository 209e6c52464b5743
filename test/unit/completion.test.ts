/**
 * Completion: snapshot tests over the `$0` fixtures in test/fixtures/completion (one snapshot each in
 * test/snapshots/completion), plus direct checks: half-written YAML, indentation of inserted skeletons
 * in 2- and 4-space docs (applied and re-parsed), metric filtering by task type, references, comments
 * and block scalars, and robustness / speed over the examples.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  type CompletionItem,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-types';
import { completion } from '../../server/src/features/completion';
import { cursorContext } from '../../server/src/features/completionContext';
import { analyze } from '../../server/src/lint/engine';
import { offsetAt, positionAt } from '../../server/src/engine/parse';
import { TASK_TYPES } from '../../server/src/engine/domain';
import type { Analysis } from '../../server/src/lint/analysis';
import { Session } from '../../server/src/session';
import { cursor, expectSnapshot } from '../harness/snapshot';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/completion');
const KIND_NAME = new Map<number, string>(Object.entries(CompletionItemKind).map(([k, v]) => [v as number, k]));

function analysis(text: string, uri = 'file:///test/completion.mlsd.yaml'): Analysis {
  return new Session().analysis(uri, 1, text);
}

/** Completion at the `$0` of a fixture text. */
function complete(textWith$0: string): { text: string; offset: number; items: CompletionItem[]; a: Analysis } {
  const { text, offset } = cursor(textWith$0);
  const a = analysis(text);
  const items = completion(a, positionAt(a.doc.parsed, offset)) ?? [];
  return { text, offset, items, a };
}

function labels(items: CompletionItem[]): string[] {
  return items.map((i) => i.label);
}

function edit(i: CompletionItem): TextEdit {
  return i.textEdit as TextEdit;
}

/** The snippet as the user sees it once inserted: placeholders keep their default text, tab stops vanish. */
function stripSnippet(s: string): string {
  return s
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([\\$}])/g, '$1');
}

/** Applies an item the way VS Code does: replaces its range, re-indents new lines by the line's leading whitespace (adjustIndentation). */
function apply(text: string, item: CompletionItem): string {
  const e = edit(item);
  const lines = text.split('\n');
  const start = offsetAt({ text, lineStarts: lineStarts(text) }, e.range.start);
  const end = offsetAt({ text, lineStarts: lineStarts(text) }, e.range.end);
  const line = lines[e.range.start.line];
  const lead = /^ */.exec(line.slice(0, e.range.start.character))![0];
  let inserted = item.insertTextFormat === InsertTextFormat.Snippet ? stripSnippet(e.newText) : e.newText;
  if (item.insertTextMode === InsertTextMode.adjustIndentation) inserted = inserted.replace(/\n/g, `\n${lead}`);
  return text.slice(0, start) + inserted + text.slice(end);
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') out.push(i + 1);
  return out;
}

const dots = (s: string) => s.replace(/ /g, '·');

/** A readable rendering of the items: label, kind, detail, what is inserted (spaces as `·`), the doc's first line. */
function render(text: string, offset: number, items: CompletionItem[]): string {
  const ls = text.lastIndexOf('\n', offset - 1) + 1;
  const le = text.indexOf('\n', offset);
  const cursorLine = `${text.slice(ls, offset)}$0${text.slice(offset, le < 0 ? text.length : le)}`;
  const out = [`cursor: ${dots(cursorLine)}`];
  if (!items.length) {
    out.push('(no completions)');
    return out.join('\n');
  }
  const e0 = edit(items[0]);
  const rs = offsetAt({ text, lineStarts: lineStarts(text) }, e0.range.start);
  const re = offsetAt({ text, lineStarts: lineStarts(text) }, e0.range.end);
  out.push(
    `replaces: "${text.slice(rs, re)}" (${e0.range.start.line + 1}:${e0.range.start.character}-${e0.range.end.character})`,
    '',
  );
  for (const i of items) {
    const flags = [i.insertTextFormat === InsertTextFormat.Snippet ? 'snippet' : '', i.command ? 'then suggest' : '']
      .filter(Boolean)
      .join(', ');
    out.push(`${i.label}  [${KIND_NAME.get(i.kind!)}]  ${i.detail ?? ''}${flags ? `  (${flags})` : ''}`);
    const newText = edit(i).newText;
    if (newText.includes('\n')) {
      out.push('  inserts:');
      for (const l of newText.split('\n')) out.push(`    |${dots(l)}`);
      const applied = apply(text, i);
      const startLine = e0.range.start.line;
      const n = newText.split('\n').length;
      out.push('  result:');
      for (const l of applied.split('\n').slice(startLine, startLine + n)) out.push(`    |${dots(l)}`);
    } else {
      out.push(`  inserts: ${dots(newText)}`);
    }
    const doc = (i.documentation as MarkupContent | undefined)?.value ?? '';
    out.push(`  doc: ${doc.split('\n').find((l) => l.trim() && !l.startsWith('**')) ?? doc.split('\n')[0]}`);
  }
  return out.join('\n');
}

// ------------------------------------------------------------------------------------------ snapshots

const fixtures = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.mlsd.yaml'))
  .sort();

test('completion fixtures cover every case of the brief', () => {
  for (const f of [
    'top-level-empty',
    'top-level-missing-steps',
    'blank-line-in-section',
    'half-typed-key',
    'dash-list-of-mappings',
    'enum-value',
    'syntax-error-below',
    'four-space-section',
    'metrics-ranking-block',
    'metrics-ranking-flow',
    'ref-source',
    'ref-selected',
    'ref-stage-model',
    'ref-primary',
    'in-comment',
    'in-block-scalar',
  ]) {
    assert.ok(fixtures.includes(`${f}.mlsd.yaml`), f);
  }
});

for (const f of fixtures) {
  test(`snapshot: ${f}`, () => {
    const raw = fs.readFileSync(path.join(FIXTURES, f), 'utf8');
    const { text, offset, items } = complete(raw);
    expectSnapshot(`completion/${f.replace(/\.mlsd\.yaml$/, '')}`, render(text, offset, items));
  });
}

// ------------------------------------------------------------------------------------------ keys

test('keys: present ones are left out, the rest come in catalogue order with docs, detail and sortText', () => {
  const { items } = complete(
    'mlsd: 1\nrequirements:\n  business_objective: x\n  scale: {dau: 1}\n  $0\n  performance: {mode: online}\n',
  );
  assert.deepEqual(labels(items), [
    'motivation',
    'interactions',
    'out_of_scope',
    'assumptions',
    'adversarial',
    'network_effects',
    'service_level',
    'budget',
    'output',
    'data',
    'constraints',
  ]);
  const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  assert.deepEqual(labels(sorted), labels(items));
  for (const i of items) {
    assert.equal((i.documentation as MarkupContent).kind, 'markdown');
    assert.ok((i.documentation as MarkupContent).value.length > 20);
    assert.match(i.detail!, /step 1 Requirements/);
    assert.equal(i.filterText, i.label);
  }
});

test('a half-typed key is replaced as a whole word (range from the word start to the cursor)', () => {
  const { items, text } = complete('mlsd: 1\nrequirements:\n  scale: {dau: 1}\n  busin$0\n');
  const bo = items.find((i) => i.label === 'business_objective')!;
  assert.deepEqual(edit(bo).range, { start: { line: 3, character: 2 }, end: { line: 3, character: 7 } });
  assert.equal(edit(bo).newText, 'business_objective: ');
  assert.equal(bo.filterText, 'business_objective');
  assert.equal(apply(text, bo), 'mlsd: 1\nrequirements:\n  scale: {dau: 1}\n  business_objective: \n');
  // the parse reads `busin` and the next line as one key (`busin scale`): keys below still count, from the text
  const below = complete('requirements:\n  busin$0\n  scale: {dau: 1}\n  motivation: x\n');
  assert.ok(
    !labels(below.items).includes('scale') && !labels(below.items).includes('motivation'),
    labels(below.items).join(', '),
  );
  assert.ok(labels(below.items).includes('business_objective'));
});

test('the cursor on an existing key inserts the name only, replacing the whole key', () => {
  const { items, text } = complete('requirements:\n  sca$0le: {dau: 1}\n');
  const perf = items.find((i) => i.label === 'performance')!;
  assert.equal(edit(perf).newText, 'performance');
  assert.equal(apply(text, perf), 'requirements:\n  performance: {dau: 1}\n');
  assert.ok(labels(items).includes('scale'), 'the key under the cursor does not count as present');
});

test('keys after `- ` in a list of mappings; keys already in the item are left out', () => {
  assert.deepEqual(labels(complete('data:\n  sources:\n    - id: a\n    - $0\n').items), [
    'id',
    'kind',
    'description',
    'volume',
    'store',
    'temporal',
    'pii',
    'owner',
    'untrusted',
    'access',
  ]);
  assert.deepEqual(labels(complete('data:\n  sources:\n    - id: a\n      $0\n      kind: users\n').items), [
    'description',
    'volume',
    'store',
    'temporal',
    'pii',
    'owner',
    'untrusted',
    'access',
  ]);
  assert.deepEqual(
    labels(complete('data:\n  sources:\n  - id: a\n    $0\n').items),
    ['kind', 'description', 'volume', 'store', 'temporal', 'pii', 'owner', 'untrusted', 'access'],
    'compact list style',
  );
  assert.deepEqual(
    labels(complete('model:\n  candidates:\n    - {id: a, $0}\n').items),
    [
      'architecture',
      'pros',
      'cons',
      'base_model',
      'version',
      'pinned',
      'provider',
      'vendor',
      'license',
      'vendor_retention',
      'parameters',
      'context_window',
      'precision',
      'layers',
      'kv_heads',
      'head_dim',
      'adaptation',
    ],
    'flow mapping item',
  );
});

test('top level: doc-level keys and whole-section skeletons for the missing steps, in step order', () => {
  const { items } = complete('mlsd: 1\ntitle: x\nframing:\n  task_type: ranking\n$0\nserving:\n  mode: online\n');
  assert.deepEqual(labels(items), [
    'archetype',
    'status',
    'owners',
    'summary',
    'requirements',
    'data',
    'model',
    'evaluation',
    'monitoring',
    'infrastructure',
    'cost',
    'milestones',
    'references',
    'risks',
    'alternatives',
  ]);
  const data = items.find((i) => i.label === 'data')!;
  assert.equal(data.kind, CompletionItemKind.Module);
  assert.equal(data.insertTextFormat, InsertTextFormat.Snippet);
  assert.match(edit(data).newText, /^data:\n {2}sources:\n {4}- id: \$\{1:TBD\}\n/);
});

test('an empty doc offers the whole top level', () => {
  const { items } = complete('$0');
  assert.deepEqual(labels(items).slice(0, 7), [
    'mlsd',
    'title',
    'archetype',
    'status',
    'owners',
    'summary',
    'requirements',
  ]);
  assert.equal(items.length, 19);
});

// ------------------------------------------------------------------------------------------ indentation

/** Applies every multi-line item at the cursor and checks the result parses with the key at the expected path. */
function checkApplied(textWith$0: string, expectations: Record<string, string>, unit: number): void {
  const { text, items } = complete(textWith$0);
  for (const [label, nodePath] of Object.entries(expectations)) {
    const item = items.find((i) => i.label === label);
    assert.ok(item, `${label} offered`);
    const after = apply(text, item);
    const doc = analyze(after);
    assert.deepEqual(
      doc.parsed.problems.map((p) => p.message),
      [],
      `${label}: the result parses cleanly:\n${after}`,
    );
    assert.ok(doc.node(nodePath), `${label}: ${nodePath} exists in\n${after}`);
    assert.equal(doc.parsed.indent, unit);
  }
}

test('inserted skeletons are indented by the doc unit relative to the cursor line (2 spaces)', () => {
  checkApplied(
    'mlsd: 1\nrequirements:\n  business_objective: x\n  $0\n',
    { scale: 'requirements.scale', interactions: 'requirements.interactions' },
    2,
  );
  checkApplied(
    'mlsd: 1\nrequirements:\n  business_objective: x\n$0\n',
    { data: 'data.sources.0.id', evaluation: 'evaluation.online.metrics', monitoring: 'monitoring.retraining.cadence' },
    2,
  );
  checkApplied('mlsd: 1\ndata:\n  labels: {source: hand}\n  $0\n', { sources: 'data.sources.0.id' }, 2);
  checkApplied('mlsd: 1\nmodel:\n  candidates:\n    - id: a\n    - $0\n', { pros: 'model.candidates.1.pros' }, 2);
});

test('inserted skeletons follow a 4-space doc', () => {
  const { items } = complete('mlsd: 1\nrequirements:\n    business_objective: x\n    $0\n');
  assert.equal(edit(items.find((i) => i.label === 'scale')!).newText, 'scale:\n    $1');
  assert.equal(items.find((i) => i.label === 'scale')!.insertTextMode, InsertTextMode.adjustIndentation);
  checkApplied(
    'mlsd: 1\nrequirements:\n    business_objective: x\n    $0\n',
    { scale: 'requirements.scale', out_of_scope: 'requirements.out_of_scope' },
    4,
  );
  checkApplied(
    'mlsd: 1\nrequirements:\n    business_objective: x\n$0\n',
    { data: 'data.sources.0.id', model: 'model.candidates.0.architecture' },
    4,
  );
  checkApplied(
    'mlsd: 1\ndata:\n    labels:\n        source: hand\n    $0\n',
    { sources: 'data.sources.0.id', imbalance: 'data.imbalance' },
    4,
  );
  checkApplied(
    'mlsd: 1\nmodel:\n    candidates:\n        - id: a\n        - $0\n',
    { cons: 'model.candidates.1.cons' },
    4,
  );
  const top = complete('mlsd: 1\nrequirements:\n    business_objective: x\n$0\n').items.find(
    (i) => i.label === 'framing',
  )!;
  assert.match(edit(top).newText, /^framing:\n {4}ml_objective: \$\{1:TBD\}\n {4}task_type: \$\{2:TBD\}/);
});

test('a list of mappings gets `key:` then `- <id key>: ` one unit deeper', () => {
  const { items } = complete('mlsd: 1\nmodel:\n  baseline: popular\n  $0\n');
  assert.equal(edit(items.find((i) => i.label === 'candidates')!).newText, 'candidates:\n  - id: $1');
  assert.equal(edit(items.find((i) => i.label === 'stages')!).newText, 'stages:\n  - id: $1');
  const risks = complete('mlsd: 1\n$0\n').items.find((i) => i.label === 'risks')!;
  assert.equal(edit(risks).newText, 'risks:\n  - risk: $1');
});

// ------------------------------------------------------------------------------------------ half-written YAML

test('half-written docs: a syntax error further down does not stop completion above it', () => {
  const { items, a } = complete(
    'mlsd: 1\nmodel:\n  baseline: x\n  $0\nevaluation:\n  offline:\n    metrics: [ndcg@10\n  online: : : {\n',
  );
  assert.ok(a.doc.parsed.problems.length > 0, 'the fixture really has a syntax error');
  assert.deepEqual(labels(items), [
    'candidates',
    'selected',
    'loss',
    'stages',
    'cold_start',
    'calibration',
    'training',
    'prompt',
    'decoding',
    'retrieval',
    'tools',
  ]);
});

test('half-written docs: `key: ` with no value yet, `key:` with no space, a `- ` just typed', () => {
  assert.equal(complete('framing:\n  task_type: $0\n').items.length, TASK_TYPES.length);
  const noSpace = complete('serving:\n  mode:$0\n').items;
  assert.deepEqual(labels(noSpace), ['online', 'batch', 'streaming', 'hybrid']);
  assert.equal(edit(noSpace[0]).newText, ' online', 'a space goes between the colon and the value');
  assert.deepEqual(labels(complete('framing:\n  heads:\n    - $0\n').items), ['name', 'task_type']);
  assert.deepEqual(
    labels(complete('data:\n  imbalance:\n    handling:\n      - class-weights\n      -$0\n').items).slice(0, 2),
    ['undersampling', 'oversampling'],
  );
});

test('enum values carry their descriptions; a partial value is the replaced word', () => {
  const { items } = complete('requirements:\n  performance:\n    mode: onl$0\n');
  const online = items.find((i) => i.label === 'online')!;
  assert.equal(online.kind, CompletionItemKind.EnumMember);
  assert.match((online.documentation as MarkupContent).value, /per request, within a latency budget/);
  assert.deepEqual(edit(online).range, { start: { line: 2, character: 10 }, end: { line: 2, character: 13 } });
  const archetypes = complete('archetype: $0\n').items;
  assert.equal(archetypes.length, 21, 'ten classic, ten generative (v1.1), other');
  assert.match((archetypes.find((i) => i.label === 'news-feed')!.documentation as MarkupContent).value, /book ch\. 10/);
});

test('list-of-enum items leave out the values already listed', () => {
  const { items } = complete('data:\n  imbalance:\n    handling: [class-weights, focal-loss, $0]\n');
  assert.ok(!labels(items).includes('class-weights') && !labels(items).includes('focal-loss'));
  assert.ok(labels(items).includes('undersampling'));
});

test('nothing is offered in comments, block scalars, or under a scalar', () => {
  for (const t of [
    'requirements:\n  # sc$0\n',
    'requirements:\n  business_objective: grow # $0\n',
    'summary: |\n  Rank events.\n  $0\n',
    'summary: >-\n  Rank events.\n    nested: x\n  $0\nrequirements: {}\n',
    'data:\n  sources:\n    - |\n      text\n      $0\n',
    'requirements:\n  business_objective: grow\n    $0\n',
    'requirements:\n  business_objective: two words$0\n',
  ]) {
    assert.deepEqual(complete(t).items, [], JSON.stringify(t));
  }
  // right after a block scalar, at a key column, keys come back
  assert.ok(complete('summary: |\n  Rank events.\n$0\n').items.length > 0);
});

test('flow mappings and sequences, also over several lines', () => {
  assert.deepEqual(labels(complete('requirements:\n  scale: {dau: 1M, $0, items: 2}\n').items), [
    'mau',
    'requests_per_user_per_day',
    'peak_factor',
    'qps_peak',
    'growth',
    'requests_per_day',
    'input_tokens',
    'output_tokens',
    'images_per_request',
  ]);
  assert.deepEqual(labels(complete('requirements:\n  performance: {mode: $0}\n').items), [
    'online',
    'batch',
    'streaming',
    'hybrid',
  ]);
  assert.equal(complete('framing:\n  heads: [\n    {name: a, task_type: bin$0\n').items.length, TASK_TYPES.length);
  assert.ok(
    labels(
      complete('framing: {task_type: ranking}\nevaluation:\n  offline:\n    metrics: [ndcg@10,\n      $0]\n').items,
    ).includes('mrr'),
  );
  const inFlowKey = complete('requirements:\n  scale: {dau: 1M, $0}\n').items[0];
  assert.ok(!edit(inFlowKey).newText.includes('\n'), 'single-line inserts inside flow collections');
});

// ------------------------------------------------------------------------------------------ metrics

test('metrics fit the task type: ranking gets @k tab stops, and no regression or detection metric', () => {
  const { items } = complete('framing:\n  task_type: ranking\nevaluation:\n  offline:\n    metrics:\n      - $0\n');
  const names = labels(items);
  for (const n of ['ndcg@k', 'map@k', 'mrr', 'precision@k', 'recall@k', 'hit-rate@k']) assert.ok(names.includes(n), n);
  for (const n of ['mae', 'rmse', 'bleu', 'accuracy', 'ap@iou', 'ndcg', 'ctr']) assert.ok(!names.includes(n), n);
  const ndcg = items.find((i) => i.label === 'ndcg@k')!;
  assert.equal(edit(ndcg).newText, 'ndcg@${1:10}');
  assert.equal(ndcg.insertTextFormat, InsertTextFormat.Snippet);
  assert.match((ndcg.documentation as MarkupContent).value, /DCG|discounted/i);
});

test('metrics: binary classification, detection, regression, heads, and no task type', () => {
  const binary = labels(
    complete('framing: {task_type: binary-classification}\nevaluation:\n  offline:\n    metrics: [$0]\n').items,
  );
  assert.ok(
    binary.includes('pr-auc') && binary.includes('precision') && !binary.includes('ndcg@k') && !binary.includes('mae'),
  );
  const det = complete('framing: {task_type: object-detection}\nevaluation:\n  offline:\n    metrics: [$0]\n').items;
  assert.deepEqual(labels(det), ['iou', 'ap@iou', 'map@iou', 'coco-map', 'precision@iou', 'recall@iou']);
  assert.equal(edit(det[1]).newText, 'ap@iou=${1:0.5}');
  const heads = labels(
    complete(
      'framing:\n  task_type: ranking\n  heads: [{name: c, task_type: binary-classification}, {name: d, task_type: regression}]\nevaluation:\n  offline:\n    metrics: [$0]\n',
    ).items,
  );
  for (const n of ['ndcg@k', 'precision@k', 'precision', 'pr-auc', 'mae']) assert.ok(heads.includes(n), n);
  const none = complete('evaluation:\n  offline:\n    metrics: [$0]\n').items;
  const fam = none.map((i) => i.detail!.split(' ')[0]);
  assert.deepEqual(
    [...new Set(fam)],
    ['classification', 'regression', 'ranking', 'detection', 'generation', 'clustering'],
    'grouped by family, in order',
  );
  assert.ok(!labels(none).includes('ctr'), 'online metrics are not offline metrics');
});

test('metrics already listed are left out; online lists offer the online family', () => {
  const ranked = labels(
    complete('framing: {task_type: ranking}\nevaluation:\n  offline:\n    metrics: [ndcg@10, mrr, $0]\n').items,
  );
  assert.ok(!ranked.includes('ndcg@k') && !ranked.includes('mrr') && ranked.includes('map@k'));
  const online = labels(complete('evaluation:\n  online:\n    metrics: [ctr, $0]\n').items);
  assert.ok(online.includes('conversion-rate') && !online.includes('ctr') && !online.includes('ndcg@k'));
  const guard = labels(complete('evaluation:\n  online:\n    guardrails:\n      - $0\n').items);
  assert.deepEqual(guard.slice(0, 4), ['hide-rate', 'report-rate', 'prevalence', 'valid-appeals']);
  assert.ok(guard.includes('latency'));
});

test('metric lists: `- ` added on a line under the key, `[…]` right after it, no cutoff in `name:`', () => {
  const under = complete('framing: {task_type: retrieval}\nevaluation:\n  offline:\n    metrics:\n      $0\n').items;
  assert.equal(edit(under.find((i) => i.label === 'recall@k')!).newText, '- recall@${1:10}');
  const after = complete('framing: {task_type: regression}\nevaluation:\n  offline:\n    metrics: $0\n').items;
  assert.equal(edit(after.find((i) => i.label === 'mae')!).newText, '[mae]');
  const named = complete(
    'framing: {task_type: ranking}\nevaluation:\n  offline:\n    metrics:\n      - {name: $0, k: 10}\n',
  ).items;
  assert.ok(labels(named).includes('ndcg') && !labels(named).includes('ndcg@k'));
});

// ------------------------------------------------------------------------------------------ references

test('references: source ids, candidate ids, listed online metrics', () => {
  const src =
    'data:\n  sources:\n    - {id: registrations, kind: interactions}\n    - {id: events, kind: items}\n  features:\n    - id: f\n      source: $0\n';
  const s = complete(src).items;
  assert.deepEqual(labels(s), ['registrations', 'events']);
  assert.equal(s[0].kind, CompletionItemKind.Reference);
  assert.match((s[0].documentation as MarkupContent).value, /interactions/);
  assert.deepEqual(
    labels(complete('data:\n  labels:\n    source: $0\n').items).slice(0, 2),
    ['natural', 'implicit'],
    'data.labels.source is an enum, not a reference',
  );
  const cands = 'model:\n  candidates: [{id: gbdt}, {id: dnn}]\n';
  assert.deepEqual(labels(complete(`${cands}  selected: $0\n`).items), ['gbdt', 'dnn']);
  assert.deepEqual(labels(complete(`${cands}  stages:\n    - id: ranking\n      model: $0\n`).items), ['gbdt', 'dnn']);
  assert.deepEqual(labels(complete(`${cands}  stages: [{id: ranking, model: $0}]\n`).items), ['gbdt', 'dnn']);
  assert.deepEqual(
    labels(complete('evaluation:\n  online:\n    metrics: [ctr, conversion-rate]\n    primary: $0\n').items),
    ['ctr', 'conversion-rate'],
  );
});

test('losses that fit the task type; booleans; the format version', () => {
  const losses = labels(complete('framing: {task_type: regression}\nmodel:\n  loss: $0\n').items);
  assert.ok(losses.includes('mse') && losses.includes('huber') && !losses.includes('contrastive'));
  assert.deepEqual(labels(complete('data:\n  sources:\n    - id: a\n      temporal: $0\n').items), ['true', 'false']);
  assert.deepEqual(labels(complete('mlsd: $0\n').items), ['1']);
});

// ------------------------------------------------------------------------------------------ context reader

test('the cursor context is read from the text, whatever the parse says', () => {
  const ctx = (t: string) => {
    const { text, offset } = cursor(t);
    return cursorContext(analyze(text), offset);
  };
  assert.deepEqual(ctx('data:\n  sources:\n    - id: a\n    - $0\n')?.path, ['data', 'sources']);
  assert.deepEqual(ctx('data:\n  features:\n  - id: a\n  - id: b\n    source: $0\n')?.path, [
    'data',
    'features',
    1,
    'source',
  ]);
  assert.deepEqual(ctx('a:\n  b:\n\n    # note\n\n    $0\n')?.path, ['a', 'b']);
  assert.equal(ctx('a: [1, 2]\n  $0\n'), undefined);
  assert.equal(
    ctx('requirements:\n  performance: {x: "a # b", $0}\n')?.kind,
    'key',
    'a # inside quotes starts no comment',
  );
  assert.equal(ctx('requirements:\n  performance: {x: "a", $0} # b\n')?.kind, 'key');
  assert.equal(ctx('requirements:\n  performance: {x: "a"} # b, $0\n'), undefined);
});

// ------------------------------------------------------------------------------------------ robustness

test('never throws at any offset of the examples (and of damaged copies), and stays fast', () => {
  const dir = path.join(ROOT, 'examples');
  let largest = '';
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.mlsd.yaml'))) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    if (text.length > largest.length) largest = text;
    const a = analysis(text, `file:///${f}`);
    for (let o = 0; o <= text.length; o += 7) completion(a, positionAt(a.doc.parsed, o));
    for (let o = 0; o < text.length; o += Math.ceil(text.length / 15)) {
      const damaged = text.slice(0, o) + text.slice(o + 7);
      const d = analysis(damaged, `file:///${f}`);
      completion(d, positionAt(d.doc.parsed, o));
    }
  }
  // every line start of the largest example answers without throwing (its speed is measured by `npm run bench`, not here)
  const a = analysis(largest);
  const lines = a.doc.parsed.lineStarts;
  for (let l = 0; l < lines.length; l++) completion(a, { line: l, character: 0 });
});

test('v1.1: `stage:` on an offline metric completes the ids of `model.stages`', () => {
  const { items } = complete(
    'mlsd: 1\nmodel:\n  stages:\n    - {id: retrieval, task_type: retrieval}\n    - {id: ranker}\nevaluation:\n  offline:\n    metrics:\n      - name: recall@100\n        stage: $0\n',
  );
  assert.deepEqual(labels(items), ['retrieval', 'ranker']);
  assert.match(items[0].detail ?? '', /model\.stages/);
});

test('v1.1: a stage offers `task_type` and `metrics`; an online metric mapping offers `delay`, not `stage`', () => {
  const stage = complete('mlsd: 1\nmodel:\n  stages:\n    - id: retrieval\n      $0\n');
  assert.ok(labels(stage.items).includes('task_type') && labels(stage.items).includes('metrics'));
  const online = complete('mlsd: 1\nevaluation:\n  online:\n    metrics:\n      - name: ctr\n        $0\n');
  assert.ok(labels(online.items).includes('delay'));
  assert.ok(!labels(online.items).includes('stage'));
  const offline = complete('mlsd: 1\nevaluation:\n  offline:\n    metrics:\n      - name: ndcg\n        $0\n');
  assert.ok(labels(offline.items).includes('stage'));
  assert.ok(!labels(offline.items).includes('delay'));
});

test('v1.1 teaching: completion offers the keys the new rules read, with docs that explain them', () => {
  const docOf = (items: CompletionItem[], label: string) =>
    (items.find((i) => i.label === label)?.documentation as MarkupContent | undefined)?.value ?? '';
  const labelsKeys = complete('mlsd: 1\ndata:\n  labels:\n    source: natural\n    $0\n').items;
  // maturity: its interaction with delay and training_window
  assert.match(docOf(labelsKeys, 'maturity'), /training_window/);
  assert.match(docOf(labelsKeys, 'maturity'), /`delay`/);
  const dataKeys = complete('mlsd: 1\ndata:\n  labels: {source: natural}\n  $0\n').items;
  assert.match(docOf(dataKeys, 'training_window'), /labels\.delay/);
  assert.match(docOf(dataKeys, 'training_window'), /labels\.maturity/);
  const feature = complete('mlsd: 1\ndata:\n  features:\n    - id: orders\n      $0\n').items;
  assert.match(docOf(feature, 'point_in_time'), /leak/);
  // the freshness trio, told apart
  const perf = complete('mlsd: 1\nrequirements:\n  performance:\n    $0\n').items;
  assert.match(docOf(perf, 'freshness'), /Model staleness/);
  assert.match(docOf(perf, 'prediction_freshness'), /serving\.refresh/);
  assert.match(docOf(perf, 'item_freshness'), /serving\.index\.refresh/);
});

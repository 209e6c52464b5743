/**
 * Outline (documentSymbol), folding ranges and selection ranges: snapshots of an example and of a
 * huge generated doc (the cap), plus property checks on every example and on half-written docs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  FoldingRangeKind,
  SymbolKind,
  type DocumentSymbol,
  type Range,
  type SelectionRange,
} from 'vscode-languageserver-types';
import { documentSymbols, foldingRanges, selectionRanges } from '../../server/src/features/symbols';
import { positionAt } from '../../server/src/engine/parse';
import { Session } from '../../server/src/session';
import { cursor, expectSnapshot } from '../harness/snapshot';

const ROOT = path.resolve(__dirname, '../../..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
const EXAMPLES = fs
  .readdirSync(path.join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.mlsd.yaml'))
  .sort();
const HALF = read('test/fixtures/navigation/half-written.mlsd.yaml');

function analysis(text: string) {
  return new Session().analysis('file:///sym.mlsd.yaml', 1, text);
}

const KIND_NAMES = new Map<number, string>(Object.entries(SymbolKind).map(([k, v]) => [v as number, k]));

/** 1-based line:column, as editors show them. */
const rng = (r: Range) => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;

/**
 * Renders symbols as an indented tree. With `keep`, below the top level only the first `keep`
 * children and the last one of a symbol are shown.
 */
function render(symbols: DocumentSymbol[], keep = Infinity, depth = 0): string[] {
  const out: string[] = [];
  const line = (s: DocumentSymbol) => {
    const detail = s.detail ? `  «${s.detail}»` : '';
    out.push(
      `${'  '.repeat(depth)}${s.name} (${KIND_NAMES.get(s.kind)})${detail}  ${rng(s.range)} sel ${rng(s.selectionRange)}`,
    );
    if (s.children?.length) out.push(...render(s.children, keep, depth + 1));
  };
  const elide = depth > 0 && symbols.length > keep + 1;
  (elide ? symbols.slice(0, keep) : symbols).forEach(line);
  if (elide) {
    out.push(`${'  '.repeat(depth)}… ${symbols.length - keep - 1} more`);
    line(symbols[symbols.length - 1]);
  }
  return out;
}

function count(symbols: DocumentSymbol[]): number {
  return symbols.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
}

function within(outer: Range, inner: Range): boolean {
  const le = (a: Range['start'], b: Range['start']) =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

/** Every symbol: a name, a selection range inside its range, children inside their parent. */
function checkShape(symbols: DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const s of symbols) {
    assert.ok(s.name.trim() !== '', 'a symbol has a name');
    assert.ok(
      within(s.range, s.selectionRange),
      `${s.name}: selection ${rng(s.selectionRange)} inside ${rng(s.range)}`,
    );
    if (parent)
      assert.ok(within(parent.range, s.range), `${s.name} ${rng(s.range)} inside ${parent.name} ${rng(parent.range)}`);
    checkShape(s.children ?? [], s);
  }
}

test('symbols snapshot: an example, as a tree with kinds and ranges', () => {
  const a = analysis(read('examples/event-recommendation.mlsd.yaml'));
  const symbols = documentSymbols(a, 5000);
  expectSnapshot(
    'symbols/event-recommendation',
    ['# documentSymbol of examples/event-recommendation.mlsd.yaml (line:column 1-based)', ...render(symbols)].join(
      '\n',
    ),
  );
});

test('symbols: the seven steps by name, doc-level keys as properties, ids as children', () => {
  const a = analysis(read('examples/event-recommendation.mlsd.yaml'));
  const symbols = documentSymbols(a, 5000);
  const steps = symbols.filter((s) => s.kind === SymbolKind.Module);
  assert.deepEqual(
    steps.map((s) => `${s.name}|${s.detail}`),
    [
      '1 · Requirements|requirements',
      '2 · Framing|framing',
      '3 · Data|data',
      '4 · Model|model',
      '5 · Evaluation|evaluation',
      '6 · Serving|serving',
      '7 · Monitoring|monitoring',
    ],
  );
  assert.deepEqual(
    symbols.filter((s) => s.kind === SymbolKind.Property).map((s) => s.name),
    ['mlsd', 'title', 'archetype', 'status', 'owners', 'summary'],
  );
  const data = symbols.find((s) => s.detail === 'data')!;
  const sources = data.children!.find((s) => s.name === 'sources')!;
  assert.deepEqual(
    sources.children!.map((s) => `${s.name}:${KIND_NAMES.get(s.kind)}`),
    ['users:Struct', 'events:Struct', 'interactions:Struct', 'maps_api:Struct'],
  );
  const features = data.children!.find((s) => s.name === 'features')!;
  assert.equal(features.children![0].name, 'event_distance');
  assert.equal(features.children![0].kind, SymbolKind.Field);
  assert.ok(
    !features.children![0].children!.some((c) => c.name === 'id'),
    'the id is the name, not repeated as a child',
  );
  const model = symbols.find((s) => s.detail === 'model')!;
  assert.deepEqual(
    model.children!.find((s) => s.name === 'candidates')!.children!.map((s) => s.name),
    ['logistic_regression', 'gbdt', 'dnn'],
  );
  assert.deepEqual(
    model.children!.find((s) => s.name === 'stages')!.children!.map((s) => `${s.name}:${KIND_NAMES.get(s.kind)}`),
    ['event-filtering:Function', 'ranking:Function', 're-ranking:Function'],
  );
  const evaluation = symbols.find((s) => s.detail === 'evaluation')!;
  const offline = evaluation.children!.find((s) => s.name === 'offline')!.children!.find((s) => s.name === 'metrics')!;
  assert.deepEqual(
    offline.children!.map((s) => `${s.name}:${KIND_NAMES.get(s.kind)}`),
    ['map@10:Constant', 'roc-auc:Constant', 'log-loss:Constant'],
  );
  const online = evaluation.children!.find((s) => s.name === 'online')!;
  assert.deepEqual(
    online.children!.find((s) => s.name === 'metrics')!.children!.map((s) => s.name),
    ['ctr', 'conversion-rate', 'bookmark-rate', 'revenue-lift'],
  );
  // ranges: the key through the end of the value, selection on the key or the id
  const ranking = model.children!.find((s) => s.name === 'stages')!.children![1];
  assert.equal(ranking.selectionRange.end.character - ranking.selectionRange.start.character, 'ranking'.length);
});

test('symbols on every example and on half-written docs: valid shapes, never throw', () => {
  for (const f of EXAMPLES) {
    const symbols = documentSymbols(analysis(read(`examples/${f}`)), 5000);
    assert.equal(symbols.filter((s) => s.kind === SymbolKind.Module).length, 7, f);
    checkShape(symbols);
  }
  const odd = [
    '',
    '# only a comment\n',
    '- a\n- b\n',
    'just text',
    HALF,
    'mlsd: 1\ndata:\n  sources:\n    - \n    - id:\n    - {id: "", kind: items}\n    - [nested]\n',
    'mlsd: 1\nrequirements: [a, b]\nframing: text\nmodel:\n  candidates: {id: gbdt}\n',
    'a: &a {id: x, kind: users}\ndata:\n  sources: [*a, *a]\n  <<: {features: [{id: f}]}\n',
    '"": 1\n? [complex, key]\n: 2\nnull: 3\n',
    'mlsd: 1\nrequirements:\n  business_objective: [unclosed\nframing:\n  task_type: ranking\n',
    'mlsd: 1\nevaluation:\n  online:\n    metrics: [{name: null}, {k: 5}, "", TBD, ctr]\n',
  ];
  for (const t of odd) {
    const a = analysis(t);
    const symbols = documentSymbols(a, 5000);
    checkShape(symbols);
    foldingRanges(a, 5000);
    for (let o = 0; o <= t.length; o++) selectionRanges(a, [positionAt(a.doc.parsed, o)]);
  }
  const half = documentSymbols(analysis(HALF), 5000);
  assert.deepEqual(
    half.filter((s) => s.kind === SymbolKind.Module).map((s) => s.name),
    ['1 · Requirements', '2 · Framing', '3 · Data', '4 · Model', '5 · Evaluation', '7 · Monitoring'],
  );
  const metrics = documentSymbols(analysis(odd[odd.length - 1]), 5000)[1].children![0].children!.find(
    (s) => s.name === 'metrics',
  )!;
  assert.deepEqual(
    metrics.children!.map((s) => s.name),
    ['#1', '#2', 'ctr'],
    'unnamed metric mappings by position, placeholders and empty scalars left out',
  );
});

/**
 * A doc far over the symbol cap but under the parser's line limit: 1000 sources in flow style with
 * five keys each (six symbols a line), 200 features.
 */
function hugeDoc(): string {
  const lines = [
    'mlsd: 1',
    'title: Huge generated doc',
    'requirements:',
    '  business_objective: scale test',
    'framing:',
    '  task_type: ranking',
    'data:',
    '  sources:',
  ];
  for (let i = 0; i < 1000; i++)
    lines.push(`    - {id: src_${i}, kind: logs, description: source number ${i}, temporal: true, owner: data team}`);
  lines.push('  features:');
  for (let i = 0; i < 200; i++) lines.push(`    - {id: feat_${i}, type: numerical, freshness: batch}`);
  lines.push(
    'model:',
    '  baseline: popularity',
    'evaluation:',
    '  offline: {metrics: [ndcg@10]}',
    'serving:',
    '  mode: online',
    'monitoring:',
    '  ml: [prediction-drift]',
  );
  return `${lines.join('\n')}\n`;
}
const HUGE = analysis(hugeDoc());

/** Many multi-line entries: 1500 sources of two lines each. */
function manyFolds(): string {
  const lines = ['mlsd: 1', 'data:', '  sources:'];
  for (let i = 0; i < 1500; i++) lines.push(`    - id: src_${i}`, '      kind: logs');
  return `${lines.join('\n')}\n`;
}

test('symbols are capped at maxItems with a final notice; breadth first, so every step shows', () => {
  const a = HUGE;
  assert.ok(a.doc.top, 'the generated doc is under the parser limits');
  const symbols = documentSymbols(a, 5000);
  const notice = symbols[symbols.length - 1];
  assert.equal(notice.name, 'Outline truncated at 5000 items');
  assert.equal(count(symbols) - 1, 5000, 'exactly the cap, plus the notice');
  assert.equal(symbols.filter((s) => s.kind === SymbolKind.Module).length, 7, 'all seven steps are there');
  checkShape(symbols);
  expectSnapshot(
    'symbols/huge-capped',
    [
      '# documentSymbol of a generated doc with 1000 sources and 200 features, maxItems 5000 (below the top level: the first 3 children of each symbol and its last one)',
      `# ${count(symbols)} symbols`,
      ...render(symbols, 3),
    ].join('\n'),
  );

  const small = documentSymbols(a, 10);
  assert.equal(count(small), 11);
  assert.equal(small[small.length - 1].name, 'Outline truncated at 10 items');
  assert.deepEqual(
    small.slice(0, -1).map((s) => s.name),
    [
      'mlsd',
      'title',
      '1 · Requirements',
      '2 · Framing',
      '3 · Data',
      '4 · Model',
      '5 · Evaluation',
      '6 · Serving',
      '7 · Monitoring',
      'business_objective',
    ].slice(0, 9),
  );
  // under the cap: no notice
  const ex = documentSymbols(analysis(read('examples/visual-search.mlsd.yaml')), 5000);
  assert.ok(!ex.some((s) => s.name.startsWith('Outline truncated')));
  const exact = count(ex);
  assert.ok(
    !documentSymbols(analysis(read('examples/visual-search.mlsd.yaml')), exact).some((s) =>
      s.name.startsWith('Outline truncated'),
    ),
    'a doc of exactly maxItems symbols is not cut',
  );
  assert.equal(
    documentSymbols(analysis(read('examples/visual-search.mlsd.yaml')), exact - 1).at(-1)!.name,
    `Outline truncated at ${exact - 1} items`,
  );
});

test('folding ranges: mappings, lists, multi-line scalars and comment blocks; capped', () => {
  const text = [
    '# Title comment', // 0
    '# second line', // 1
    'mlsd: 1', // 2
    'summary: >', // 3
    '  folded text', // 4
    '  over lines', // 5
    'requirements:', // 6
    '  scale:', // 7
    '    dau: 1M', // 8
    '    items: 2M', // 9
    '  interactions: [click,', // 10
    '    hide]', // 11
    '  # lone comment', // 12
    'data:', // 13
    '  sources:', // 14
    '    - id: a', // 15
    '      kind: logs', // 16
    '    - {id: b}', // 17
    '', // 18
  ].join('\n');
  const a = analysis(text);
  const ranges = foldingRanges(a, 5000).map((r) => `${r.startLine}-${r.endLine}${r.kind ? ` ${r.kind}` : ''}`);
  assert.deepEqual(ranges, ['0-1 comment', '3-5', '6-11', '7-9', '10-11', '13-17', '14-17', '15-16']);
  assert.equal(FoldingRangeKind.Comment, 'comment');
  // capped: outer ranges first
  assert.deepEqual(
    foldingRanges(a, 2).map((r) => `${r.startLine}-${r.endLine}`),
    ['3-5', '6-11'],
  );
  const many = analysis(manyFolds());
  assert.ok(many.doc.top, 'the generated doc is under the parser limits');
  assert.equal(foldingRanges(many, 1000).length, 1000);
  assert.deepEqual(
    foldingRanges(many, 1000)
      .slice(0, 3)
      .map((r) => `${r.startLine}-${r.endLine}`),
    ['1-3002', '2-3002', '3-4'],
    'outer ranges first',
  );
  assert.equal(foldingRanges(many, 5000).length, 1500 + 2, 'every entry, the list and `data` (under the cap)');
  for (const f of EXAMPLES) {
    const fr = foldingRanges(analysis(read(`examples/${f}`)), 5000);
    assert.ok(fr.length > 10, f);
    assert.ok(
      fr.every((r) => r.endLine > r.startLine),
      f,
    );
    assert.equal(new Set(fr.map((r) => r.startLine)).size, fr.length, `${f}: one range per start line`);
  }
});

function chain(text: string, s: SelectionRange): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let r: SelectionRange | undefined = s; r; r = r.parent) {
    const { start, end } = r.range;
    const t =
      start.line === end.line
        ? lines[start.line].slice(start.character, end.character)
        : `${lines[start.line].slice(start.character)} … ${lines[end.line].slice(0, end.character)}`;
    out.push(t);
  }
  return out;
}

test('selection ranges: scalar → pair → mapping → … → document', () => {
  const { text, offset } = cursor(
    'mlsd: 1\nrequirements:\n  performance:\n    latency:\n      p50: 60ms\n      p99: 2$000ms\n  scale: {dau: 1M}\ndata:\n  sources:\n    - id: logs\n      kind: logs\n',
  );
  const a = analysis(text);
  const [sel] = selectionRanges(a, [positionAt(a.doc.parsed, offset)]);
  assert.deepEqual(chain(text, sel), [
    '200ms', // the scalar
    'p99: 200ms', // its pair
    'p50: 60ms …       p99: 200ms', // the mapping holding it
    'latency: …       p99: 200ms', // … with its key
    'performance: …       p99: 200ms', // (the mapping `latency: …` is the same span) its pair
    'performance: …   scale: {dau: 1M}', // the requirements mapping
    'requirements: …   scale: {dau: 1M}',
    'mlsd: 1 …       kind: logs', // the top-level mapping
    'mlsd: 1 … ', // the whole document
  ]);
  // on a key: the key first; in a list item: item, list, pair
  const k = cursor('mlsd: 1\ndata:\n  sources:\n    - id: logs\n      ki$0nd: logs\n');
  const ak = analysis(k.text);
  const ks = chain(k.text, selectionRanges(ak, [positionAt(ak.doc.parsed, k.offset)])[0]);
  assert.deepEqual(ks, [
    'kind', // the key under the cursor
    'kind: logs',
    'id: logs …       kind: logs', // the list item
    '- id: logs …       kind: logs', // the list
    'sources: …       kind: logs', // the list with its key
    'data: …       kind: logs',
    'mlsd: 1 …       kind: logs',
    'mlsd: 1 … ',
  ]);
  // one answer per position, even on blank lines and past the end
  const many = selectionRanges(ak, [
    { line: 0, character: 0 },
    { line: 99, character: 0 },
    { line: 2, character: 0 },
  ]);
  assert.equal(many.length, 3);
  for (const s of many) assert.ok(s.range);
});

test('the outline and the folding ranges are built once per document version and cap', () => {
  const session = new Session();
  const text = read('examples/news-feed.mlsd.yaml');
  const a = session.analysis('file:///memo.mlsd.yaml', 1, text);
  const first = documentSymbols(a, 5000);
  assert.equal(documentSymbols(a, 5000), first, 'the same version answers the same outline');
  assert.notEqual(documentSymbols(a, 3), first, 'another cap builds another outline');
  assert.equal(documentSymbols(a, 3).at(-1)?.name, 'Outline truncated at 3 items');
  const folds = foldingRanges(a, 5000);
  assert.equal(foldingRanges(a, 5000), folds);
  // the next version is another analysis: its outline is built from its own text
  const b = session.analysis('file:///memo.mlsd.yaml', 2, text.replace('requirements:', 'requirements:  '));
  assert.notEqual(b, a);
  assert.notEqual(documentSymbols(b, 5000), first);
  assert.deepEqual(
    documentSymbols(b, 5000).map((s) => s.name),
    first.map((s) => s.name),
  );
});

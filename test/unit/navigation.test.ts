/**
 * Go to definition, find references, document highlights and rename over format.md's
 * cross-references, on a doc with several uses of each id (test/fixtures/navigation).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DocumentHighlightKind,
  type Location,
  type Position,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-types';
import { definition, highlights, prepareRename, references, rename } from '../../server/src/features/navigation';
import { positionAt } from '../../server/src/engine/parse';
import { refIndex } from '../../server/src/engine/refs';
import { Session } from '../../server/src/session';
import { cursor } from '../harness/snapshot';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURE = fs.readFileSync(path.join(ROOT, 'test/fixtures/navigation/several-uses.mlsd.yaml'), 'utf8');
const URI = 'file:///nav.mlsd.yaml';

function analysis(text: string) {
  return new Session().analysis(URI, 1, text);
}

/** The position of the `nth` (0-based) occurrence of `needle` after `after`, plus `delta` characters. */
function pos(text: string, needle: string, opts: { after?: string; nth?: number; delta?: number } = {}): Position {
  let from = opts.after ? text.indexOf(opts.after) : 0;
  assert.ok(from >= 0, `anchor ${opts.after} not found`);
  let i = -1;
  for (let k = 0; k <= (opts.nth ?? 0); k++) {
    i = text.indexOf(needle, from);
    assert.ok(i >= 0, `${needle} not found`);
    from = i + 1;
  }
  return positionAt({ text, lineStarts: lineStarts(text) }, i + (opts.delta ?? 1));
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') out.push(i + 1);
  return out;
}

function offsetOf(text: string, p: Position): number {
  return lineStarts(text)[p.line] + p.character;
}

/** The text a range covers, with its line (1-based) for readable assertions. */
function show(text: string, r: Range): string {
  return `${r.start.line + 1}:${text.slice(offsetOf(text, r.start), offsetOf(text, r.end))}`;
}

function shows(text: string, locs: (Location | { range: Range })[]): string[] {
  return locs.map((l) => show(text, l.range));
}

function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetOf(text, b.range.start) - offsetOf(text, a.range.start));
  let out = text;
  for (const e of sorted)
    out = out.slice(0, offsetOf(text, e.range.start)) + e.newText + out.slice(offsetOf(text, e.range.end));
  return out;
}

function renamed(text: string, p: Position, newName: string): string {
  const a = analysis(text);
  const res = rename(a, p, newName);
  assert.ok(res && 'edit' in res, `rename failed: ${JSON.stringify(res)}`);
  return applyEdits(text, res.edit.changes![URI]);
}

const lineOfText = (text: string, line: number) => text.split('\n')[line - 1];

test('index: declarations and references of every namespace, with the spans of the written text', () => {
  const a = analysis(FIXTURE);
  const sites = refIndex(a.doc).sites.map(
    (s) => `${s.ns} ${s.role[0]} ${s.path} ${JSON.stringify(s.text)}${s.editable ? '' : ' (alias)'}`,
  );
  assert.deepEqual(sites, [
    'head d framing.heads[0].name "register"',
    'head d framing.heads[1].name "bookmark"',
    'source d data.sources[0].id "events"',
    'source d data.sources[1].id "interactions"',
    'source d data.sources[2].id "users"',
    'feature d data.features[0].id "events"',
    'source r data.features[0].source "events"',
    'feature d data.features[1].id "event_age"',
    'source r data.features[1].source "events"',
    'feature d data.features[2].id "user_city"',
    'source r data.features[2].source "users"',
    'feature d data.features[3].id "click_count"',
    'source r data.features[3].source "Interactions"',
    'feature d data.features[4].id "fav_count"',
    'source r data.features[4].source "*fav" (alias)',
    'candidate d model.candidates[0].id "gbdt"',
    'candidate d model.candidates[1].id "dnn"',
    'candidate r model.selected "gbdt"',
    'stage d model.stages[0].id "retrieval"',
    'candidate r model.stages[0].model "dnn"',
    'stage d model.stages[1].id "ranking"',
    'candidate r model.stages[1].model "gbdt"',
    'onlineMetric d evaluation.online.metrics[0] "ctr"',
    'onlineMetric d evaluation.online.metrics[1] "Conversion_Rate"',
    'onlineMetric d evaluation.online.metrics[2] "watch-time"',
    'onlineMetric r evaluation.online.primary "conversion-rate"',
  ]);
});

test('definition: from a reference to its declaration; quoted, mixed-case and aliased uses resolve', () => {
  const t = FIXTURE;
  const a = analysis(t);
  assert.deepEqual(
    shows(t, definition(a, pos(t, 'events', { after: 'event_age' }))),
    ['18:events'],
    'quoted reference → the source, not the feature `events`',
  );
  assert.deepEqual(shows(t, definition(a, pos(t, 'Interactions'))), ['21:interactions'], 'case-insensitive');
  assert.deepEqual(
    shows(t, definition(a, pos(t, '*fav'))),
    ['21:interactions'],
    'an aliased reference resolves through the alias',
  );
  assert.deepEqual(shows(t, definition(a, pos(t, 'gbdt', { after: 'selected:' }))), ['41:gbdt']);
  assert.deepEqual(shows(t, definition(a, pos(t, 'dnn', { after: 'stages:' }))), ['43:dnn']);
  assert.deepEqual(
    shows(t, definition(a, pos(t, 'conversion-rate', { after: 'primary:' }))),
    ['53:Conversion_Rate'],
    'metric names match with _ and - alike',
  );
  // on a declaration: itself
  assert.deepEqual(shows(t, definition(a, pos(t, 'gbdt', { after: 'candidates:' }))), ['41:gbdt']);
  // not an id or a reference: nothing (prose, a key, the guardrail with the same name, an enum value)
  assert.deepEqual(definition(a, pos(t, 'gbdt', { after: 'baseline:' })), []);
  assert.deepEqual(definition(a, pos(t, 'selected')), []);
  assert.deepEqual(definition(a, pos(t, 'conversion-rate', { after: 'guardrails:' })), []);
  assert.deepEqual(definition(a, pos(t, 'ranking', { after: 'task_type:' })), []);
});

test('definition of an unresolved reference is empty; a duplicate id gives every declaration', () => {
  const t =
    'mlsd: 1\nmodel:\n  candidates:\n    - id: gbdt\n    - id: GBDT\n  selected: xgb\n  stages: [{id: r, model: gbdt}]\n';
  const a = analysis(t);
  assert.deepEqual(definition(a, pos(t, 'xgb')), []);
  assert.deepEqual(shows(t, definition(a, pos(t, 'gbdt', { after: 'stages' }))), ['4:gbdt', '5:GBDT']);
});

test('references: declaration + uses, includeDeclaration honoured, same-named values elsewhere left out', () => {
  const t = FIXTURE;
  const a = analysis(t);
  const fromDecl = pos(t, 'events', { after: 'sources:' });
  assert.deepEqual(shows(t, references(a, fromDecl, true)), ['18:events', '26:events', '29:events']);
  assert.deepEqual(shows(t, references(a, fromDecl, false)), ['26:events', '29:events']);
  // from a use: the same set
  assert.deepEqual(shows(t, references(a, pos(t, 'events', { after: 'event_age' }), true)), [
    '18:events',
    '26:events',
    '29:events',
  ]);
  // the feature `events` is its own thing: no uses
  assert.deepEqual(shows(t, references(a, pos(t, 'events', { after: 'features:' }), true)), ['25:events']);
  assert.deepEqual(shows(t, references(a, pos(t, 'gbdt', { after: 'candidates:' }), true)), [
    '41:gbdt',
    '45:gbdt',
    '49:gbdt',
  ]);
  assert.deepEqual(shows(t, references(a, pos(t, 'interactions', { after: 'sources:' }), false)), [
    '33:Interactions',
    '36:*fav',
  ]);
  assert.deepEqual(shows(t, references(a, pos(t, 'Conversion_Rate'), true)), [
    '53:Conversion_Rate',
    '54:conversion-rate',
  ]);
  assert.deepEqual(references(a, pos(t, 'summary'), true), []);
});

test('highlights: declaration as Write, uses as Read', () => {
  const t = FIXTURE;
  const a = analysis(t);
  const hs = highlights(a, pos(t, 'gbdt', { after: 'selected:' }));
  assert.deepEqual(
    hs.map((h) => `${show(t, h.range)} ${h.kind === DocumentHighlightKind.Write ? 'W' : 'R'}`),
    ['41:gbdt W', '45:gbdt R', '49:gbdt R'],
  );
  const hm = highlights(a, pos(t, 'conversion-rate', { after: 'primary:' }));
  assert.deepEqual(
    hm.map((h) => `${show(t, h.range)} ${h.kind}`),
    [`53:Conversion_Rate ${DocumentHighlightKind.Write}`, `54:conversion-rate ${DocumentHighlightKind.Read}`],
  );
  assert.deepEqual(highlights(a, pos(t, 'XGBoost')), []);
});

test('prepareRename: on ids and references (declaration or use) only, range inside quotes', () => {
  const t = FIXTURE;
  const a = analysis(t);
  const onQuoted = prepareRename(a, pos(t, 'events', { after: 'event_age' }));
  assert.ok(onQuoted);
  assert.equal(show(t, onQuoted.range), '29:events');
  assert.equal(onQuoted.placeholder, 'events');
  assert.equal(prepareRename(a, pos(t, 'gbdt', { after: 'candidates:' }))?.placeholder, 'gbdt');
  assert.equal(prepareRename(a, pos(t, 'register'))?.placeholder, 'register', 'head names are ids too');
  assert.equal(prepareRename(a, pos(t, 'retrieval'))?.placeholder, 'retrieval', 'stage ids are ids too');
  assert.equal(prepareRename(a, pos(t, 'gbdt', { after: 'baseline:' })), null, 'prose');
  assert.equal(prepareRename(a, pos(t, 'architecture')), null, 'a key');
  assert.equal(prepareRename(a, pos(t, 'XGBoost')), null, 'a text value');
  assert.equal(
    prepareRename(a, pos(t, 'conversion-rate', { after: 'guardrails:' })),
    null,
    'a guardrail is neither declaration nor reference',
  );
  assert.equal(prepareRename(a, pos(t, '*fav')), null, 'aliased nodes are never edited');
});

test('rename a source: the declaration and every use, nothing else', () => {
  const t = FIXTURE;
  const out = renamed(t, pos(t, 'events', { after: 'event_age' }), 'event_catalog');
  assert.equal(lineOfText(out, 18), '    - id: event_catalog');
  assert.equal(lineOfText(out, 25), '    - id: events', 'the feature with the same id is untouched');
  assert.equal(lineOfText(out, 26), '      source: event_catalog');
  assert.equal(lineOfText(out, 29), '      source: "event_catalog"', 'quotes kept');
  assert.match(out, /summary: Rank events; the events source feeds most features\./, 'prose untouched');
  assert.match(out, /description: the events table \(events, venues, organizers\)/);
  // exactly three lines differ
  const diff = t.split('\n').filter((l, i) => l !== out.split('\n')[i]);
  assert.equal(diff.length, 3);
});

test('rename a candidate from a use; mixed spellings replaced; aliases untouched', () => {
  const t = FIXTURE;
  const out = renamed(t, pos(t, 'gbdt', { after: 'id: ranking' }), 'lightgbm');
  assert.equal(lineOfText(out, 41), '    - id: lightgbm');
  assert.equal(lineOfText(out, 45), '  selected: lightgbm');
  assert.equal(lineOfText(out, 49), '      model: lightgbm');
  assert.match(out, /baseline: most popular events; gbdt would be the obvious upgrade/);

  const out2 = renamed(t, pos(t, 'interactions', { after: 'sources:' }), 'events_log');
  assert.equal(lineOfText(out2, 21), '    - id: events_log');
  assert.equal(lineOfText(out2, 33), '      source: events_log', 'the mixed-case use is renamed');
  assert.equal(lineOfText(out2, 36), '      source: *fav', 'the alias is not edited');
  assert.equal(lineOfText(out2, 7), '  favourite: &fav interactions', 'nor its anchor, which is not a declaration');
  assert.equal(lineOfText(out2, 22), '      kind: interactions', 'nor an enum value with the same text');
});

test('rename an online metric renames primary too, and vice versa; other lists untouched', () => {
  const t = FIXTURE;
  const fromDecl = renamed(t, pos(t, 'Conversion_Rate'), 'booking-rate');
  assert.equal(lineOfText(fromDecl, 53), '    metrics: [ctr, booking-rate, {name: watch-time, target: "+2%"}]');
  assert.equal(lineOfText(fromDecl, 54), '    primary: booking-rate');
  assert.equal(lineOfText(fromDecl, 55), '    guardrails: [conversion-rate]', 'a guardrail with the same name stays');
  const fromUse = renamed(t, pos(t, 'conversion-rate', { after: 'primary:' }), 'booking-rate');
  assert.equal(fromUse, fromDecl);
  const mapForm = renamed(t, pos(t, 'watch-time'), 'time-spent');
  assert.match(mapForm, /\{name: time-spent, target: "\+2%"\}/);
});

test('rename keeps each metric cutoff as written; aliases of a metric name match', () => {
  const t = 'mlsd: 1\nevaluation:\n  online:\n    metrics: [ndcg@10, "auc"]\n    primary: NDCG\n';
  const out = renamed(t, pos(t, 'NDCG'), 'map');
  assert.match(out, /metrics: \[map@10, "auc"\]/);
  assert.match(out, /primary: map\n/);
  const t2 = 'mlsd: 1\nevaluation:\n  online:\n    metrics: [auc]\n    primary: roc-auc\n';
  const a2 = analysis(t2);
  assert.deepEqual(shows(t2, definition(a2, pos(t2, 'roc-auc'))), ['4:auc'], 'primary `roc-auc` is the listed `auc`');
  const p = prepareRename(analysis(t), pos(t, 'ndcg'));
  assert.equal(p?.placeholder, 'ndcg', 'the cutoff is not part of the renamed name');
  const bad = rename(analysis(t), pos(t, 'NDCG'), 'map@5');
  assert.ok(bad && 'error' in bad);
  assert.match(bad.error, /without its cutoff/);
  // two cutoffs of one metric: primary with a cutoff belongs to its own
  const t3 = 'mlsd: 1\nevaluation:\n  online:\n    metrics: [ndcg@5, ndcg@10]\n    primary: ndcg@10\n';
  const refs3 = references(analysis(t3), pos(t3, 'ndcg', { after: 'primary' }), true);
  assert.deepEqual(
    refs3.map((l) => `${l.range.start.line + 1}:${l.range.start.character}`),
    [`4:${lineOfText(t3, 4).indexOf('ndcg@10')}`, '5:13'],
  );
  assert.deepEqual(references(analysis(t3), pos(t3, 'ndcg@5'), false), [], 'ndcg@5 is not the primary');
});

test('rename errors: invalid names and clashes with an id of the same list', () => {
  const t = FIXTURE;
  const a = analysis(t);
  const err = (p: Position, name: string) => {
    const r = rename(a, p, name);
    assert.ok(r && 'error' in r, `expected an error for ${name}, got ${JSON.stringify(r)}`);
    return r.error;
  };
  const src = pos(t, 'events', { after: 'sources:' });
  assert.match(err(src, 'Events'), /not a valid source id/);
  assert.match(err(src, '-events'), /\[a-z0-9\]\[a-z0-9_\.-\]\*/);
  assert.match(err(src, 'my events'), /not a valid/);
  assert.match(err(src, ''), /cannot be empty/);
  assert.match(err(src, 'users'), /already has an entry with id `users` \(line 23\)/);
  assert.match(
    err(pos(t, 'users', { after: 'sources:' }), 'Interactions'.toLowerCase()),
    /already has an entry with id `interactions`/,
  );
  assert.match(err(pos(t, 'gbdt', { after: 'selected:' }), 'dnn'), /`model\.candidates` already has/);
  assert.match(err(pos(t, 'ctr'), 'watch_time'), /already lists `watch-time`/, 'metric names clash with _ and - alike');
  // `users` is a source id, not a feature id: the feature `events` may take it
  const ok = rename(a, pos(t, 'events', { after: 'features:' }), 'users');
  assert.ok(ok && 'edit' in ok, 'ids only clash within their own list');
  assert.equal(ok.edit.changes![URI].length, 1);
  // renaming to its own name (another spelling) is fine
  const same = rename(a, pos(t, 'Interactions'), 'interactions');
  assert.ok(same && 'edit' in same);
  // an unresolved reference may be renamed to a declared id (that is how it gets fixed)
  const t2 = 'mlsd: 1\nmodel:\n  candidates: [{id: gbdt}]\n  selected: gdbt\n';
  const fix = rename(analysis(t2), pos(t2, 'gdbt'), 'gbdt');
  assert.ok(fix && 'edit' in fix);
  assert.equal(
    applyEdits(t2, fix.edit.changes![URI]),
    'mlsd: 1\nmodel:\n  candidates: [{id: gbdt}]\n  selected: gbdt\n',
  );
  // nothing under the cursor: null
  assert.equal(rename(a, pos(t, 'title'), 'x'), null);
});

test('cursor at either end of a name, and $0 fixtures', () => {
  const { text, offset } = cursor('mlsd: 1\ndata:\n  sources: [{id: logs$0}]\n  features: [{id: f, source: logs}]\n');
  const a = analysis(text);
  const p = positionAt(a.doc.parsed, offset);
  assert.deepEqual(shows(text, references(a, p, true)), ['3:logs', '4:logs']);
  const start = { line: p.line, character: p.character - 4 };
  assert.deepEqual(shows(text, references(a, start, true)), ['3:logs', '4:logs']);
});

test('half-written and odd shapes never throw', () => {
  const docs = [
    '',
    'mlsd: 1\ndata:\n  sources:\n    - id:\n  features:\n    - source: \n',
    'mlsd: 1\ndata:\n  sources: logs\n  features: {id: x, source: logs}\n',
    '- a\n- b\n',
    'mlsd: 1\nmodel:\n  selected: [gbdt]\n  candidates:\n    - gbdt\n    - id: {x: 1}\n  stages: [[x]]\nevaluation:\n  online:\n    metrics: ctr\n    primary: ctr\n',
    'mlsd: 1\nmodel:\n  candidates:\n    - id: gbdt\n  selected: gbdt\n  stages: [{id: a, model: [unclosed\n',
    'base: &b {id: shared}\ndata:\n  sources: [*b, {<<: *b, kind: logs}]\n  features: [{id: f, source: shared}]\n',
    'mlsd: 1\nevaluation:\n  online:\n    metrics: ["@10", {name: null}, {k: 5}]\n    primary: "@"\n',
  ];
  for (const t of docs) {
    const a = analysis(t);
    for (let o = 0; o <= t.length; o++) {
      const p = positionAt(a.doc.parsed, o);
      definition(a, p);
      references(a, p, true);
      highlights(a, p);
      const pr = prepareRename(a, p);
      const r = rename(a, p, 'renamed');
      if (pr)
        assert.ok(
          r && 'edit' in r,
          `prepareRename accepted ${JSON.stringify(p)} in ${JSON.stringify(t)} but rename failed: ${JSON.stringify(r)}`,
        );
    }
  }
  // the merged copies of an anchored source are aliased: found, never edited
  const t = 'base: &b {id: shared}\ndata:\n  sources: [*b]\n  features: [{id: f, source: shared}]\n';
  const a = analysis(t);
  const r = rename(a, pos(t, 'shared', { after: 'source:' }), 'common');
  assert.ok(r && 'edit' in r);
  assert.deepEqual(shows(t, r.edit.changes![URI]), ['4:shared'], 'only the written use; the aliased declaration stays');
  assert.deepEqual(shows(t, definition(a, pos(t, 'shared', { after: 'source:' }))), ['3:*b']);
});

test('on every example: references resolve, and renaming a referenced id keeps the doc free of reference errors', () => {
  const dir = path.join(ROOT, 'examples');
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.mlsd.yaml'))) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const a = analysis(text);
    const idx = refIndex(a.doc);
    const refs = idx.sites.filter((s) => s.role === 'reference');
    assert.ok(refs.length > 0, `${f} has references`);
    for (const r of refs) assert.ok(idx.targets(r).length > 0, `${f}: ${r.path} = ${r.text} resolves`);
    // rename each declaration that has uses to a fresh name
    const used = idx.sites.filter((s) => s.role === 'declaration' && idx.group(s).some((g) => g.role === 'reference'));
    for (const d of used) {
      const p = positionAt(a.doc.parsed, d.start);
      const fresh = `renamed_${d.ns.toLowerCase()}`;
      const out = renamed(text, p, fresh);
      const after = analysis(out);
      const errors = after.lint.findings.filter((x) => x.ruleId === 'MLSD004' || x.ruleId === 'MLSD005');
      assert.deepEqual(
        errors.map((e) => e.message),
        [],
        `${f}: renaming ${d.path} (${d.text})`,
      );
      const again = refIndex(after.doc).sites.filter((s) => s.text === fresh || s.text.startsWith(`${fresh}@`));
      assert.equal(again.length, idx.group(d).length, `${f}: every site of ${d.text} renamed`);
    }
  }
});

test('v1.1 stage reference: `evaluation.offline.metrics[].stage` resolves, renames and is MLSD004 when unknown', () => {
  const t = [
    'mlsd: 1',
    'title: Two stages',
    'model:',
    '  stages:',
    '    - {id: retrieval, task_type: retrieval}',
    '    - {id: ranker, task_type: ranking}',
    'evaluation:',
    '  offline:',
    '    metrics:',
    '      - {name: recall@200, stage: retrieval}',
    '      - {name: ndcg@10, stage: Ranker}',
    '      - {name: map@10, stage: reranker}',
    '',
  ].join('\n');
  const a = analysis(t);
  const stageRefs = refIndex(a.doc).sites.filter((s) => s.ns === 'stage' && s.role === 'reference');
  assert.deepEqual(
    stageRefs.map((s) => s.text),
    ['retrieval', 'Ranker', 'reranker'],
  );
  const def = definition(a, pos(t, 'Ranker'));
  assert.deepEqual(shows(t, def as Location[]), ['6:ranker']);
  assert.deepEqual(shows(t, references(a, pos(t, 'retrieval, task'), true) ?? []), ['5:retrieval', '10:retrieval']);
  const out = renamed(t, pos(t, 'ranker, task'), 'rank');
  assert.equal(lineOfText(out, 6), '    - {id: rank, task_type: ranking}');
  assert.equal(lineOfText(out, 11), '      - {name: ndcg@10, stage: rank}');
  const unresolved = a.lint.findings.filter((f) => f.ruleId === 'MLSD004');
  assert.deepEqual(
    unresolved.map((f) => t.slice(f.start, f.end)),
    ['reranker'],
  );
  assert.deepEqual(
    a.lint.findings.filter((f) => f.ruleId === 'MLSD002' || f.ruleId === 'MLSD003').map((f) => f.ruleId),
    [],
  );
});

/**
 * Code actions: before/after fixture files for every kind of action (quick fix, suggestion, disable
 * for line / file, fix all), the request's diagnostics matching, `context.only` filtering, and the
 * disable comments checked by re-linting (the finding goes, no MLSD009 comes) on every rule fixture.
 *
 * test/fixtures/codeActions/<case>.before.mlsd.yaml holds a `$0` cursor; the action with the given
 * title is applied (LSP ranges converted back to offsets) and compared with <case>.after.mlsd.yaml.
 * UPDATE_SNAPSHOTS=1 writes the after files: review them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, CodeActionContext, Diagnostic, Range } from 'vscode-languageserver-types';
import type { Analysis } from '../../server/src/lint/analysis';
import { Session } from '../../server/src/session';
import { codeActions, disableLineEdit, fixAllEdit, FIX_ALL_KIND } from '../../server/src/features/codeActions';
import { MAX_SYNTAX_CHECKS } from '../../server/src/features/codeActionsSuppress';
import { diffEdits } from '../../server/src/engine/diff';
import { analyze, applyEdits, lint } from '../../server/src/lint/engine';
import { fixAll } from '../../server/src/lint/fix';
import { lineOf } from '../../server/src/engine/parse';
import { toDiagnostic, toOffset, toRange } from '../../server/src/lspConvert';
import { cursor } from '../harness/snapshot';
import type { Finding } from '../../server/src/rules/types';

const ROOT = path.resolve(__dirname, '../../..');
const FIX = path.join(ROOT, 'test/fixtures/codeActions');
const URI = 'file:///work/doc.mlsd.yaml';
const read = (p: string) => fs.readFileSync(p, 'utf8');

let version = 0;
function analysis(text: string): Analysis {
  return new Session().analysis(URI, ++version, text);
}

/** Applies an action's edit (one document, non-overlapping edits) to the analysed text. */
function apply(a: Analysis, action: CodeAction): string {
  assert.ok(action.edit?.changes, `${action.title}: has an edit`);
  assert.deepEqual(Object.keys(action.edit.changes), [a.uri], 'edits only this document');
  const edits = action.edit.changes[a.uri].map((e) => ({
    start: toOffset(a.doc, e.range.start),
    end: toOffset(a.doc, e.range.end),
    newText: e.newText,
  }));
  const sorted = [...edits].sort((x, y) => x.start - y.start || x.end - y.end);
  for (let i = 1; i < sorted.length; i++)
    assert.ok(sorted[i - 1].end <= sorted[i].start, `${action.title}: edits do not overlap`);
  const out = applyEdits(a.doc.text, edits);
  assert.equal(out.applied, edits.length);
  return out.text;
}

function rangeAt(a: Analysis, offset: number): Range {
  return toRange(a.doc, offset, offset);
}

function diagnosticsAt(a: Analysis, offset: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  a.lint.findings.forEach((f, i) => {
    if (f.start <= offset && offset <= f.end) out.push(toDiagnostic(a.doc, f, i));
  });
  return out;
}

function countOf(findings: Finding[], id: string): number {
  return findings.filter((f) => f.ruleId === id).length;
}

function expectAfter(name: string, actual: string): void {
  const file = path.join(FIX, `${name}.after.mlsd.yaml`);
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    fs.writeFileSync(file, actual);
    return;
  }
  assert.ok(fs.existsSync(file), `missing ${path.relative(ROOT, file)}: run with UPDATE_SNAPSHOTS=1 and review it`);
  assert.equal(actual, read(file), `${name}: the action's result differs from ${path.basename(file)}`);
}

interface Case {
  name: string;
  title: string;
  /** the action's rule, for the disable checks */
  ruleId: string;
  preferred?: boolean;
  kind?: 'fix' | 'suggestion' | 'disable-line' | 'disable-file';
}

const CASES: Case[] = [
  { name: 'rename-key', title: 'Rename to `latency`', ruleId: 'MLSD002', preferred: true, kind: 'fix' },
  { name: 'enum-value', title: 'Change to `online`', ruleId: 'MLSD003', preferred: true, kind: 'fix' },
  { name: 'section-2space', title: 'Add the `data` section', ruleId: 'MLSD006', preferred: true, kind: 'fix' },
  { name: 'section-4space', title: 'Add the `evaluation` section', ruleId: 'MLSD006', preferred: true, kind: 'fix' },
  { name: 'reference', title: 'Change to `mtl_dnn`', ruleId: 'MLSD004', kind: 'suggestion' },
  { name: 'metric-cutoff', title: 'Change to `ndcg@10`', ruleId: 'MLSD504', kind: 'suggestion' },
  { name: 'retraining', title: 'Retrain every 1d', ruleId: 'MLSD703', kind: 'suggestion' },
  { name: 'disable-line-indented', title: 'Disable MLSD002 for this line', ruleId: 'MLSD002', kind: 'disable-line' },
  { name: 'disable-line-first', title: 'Disable MLSD006 for this line', ruleId: 'MLSD006', kind: 'disable-line' },
  { name: 'disable-line-merge', title: 'Disable MLSD002 for this line', ruleId: 'MLSD002', kind: 'disable-line' },
  { name: 'disable-file-plain', title: 'Disable MLSD002 for this file', ruleId: 'MLSD002', kind: 'disable-file' },
  { name: 'disable-file-header', title: 'Disable MLSD002 for this file', ruleId: 'MLSD002', kind: 'disable-file' },
  { name: 'disable-file-merge', title: 'Disable MLSD002 for this file', ruleId: 'MLSD002', kind: 'disable-file' },
];

for (const c of CASES) {
  test(`code action ${c.name}: ${c.title}`, () => {
    const { text, offset } = cursor(read(path.join(FIX, `${c.name}.before.mlsd.yaml`)));
    const a = analysis(text);
    const diagnostics = diagnosticsAt(a, offset).filter((d) => d.code === c.ruleId);
    assert.ok(diagnostics.length, `a ${c.ruleId} finding at the cursor`);
    const actions = codeActions(a, rangeAt(a, offset), { diagnostics });
    const action = actions.find((x) => x.title === c.title);
    assert.ok(action, `"${c.title}" offered; got ${actions.map((x) => x.title).join(' | ')}`);
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.isPreferred ?? false, c.preferred ?? false, 'only safe fixes are preferred');
    assert.ok(
      action.diagnostics?.some((d) => d.code === c.ruleId),
      'the action names the diagnostic it resolves',
    );
    const after = apply(a, action);
    expectAfter(c.name, after);

    // every comment line of the before text is still there (a merged suppression comment gains the id)
    const unmerged = after.replace(`, ${c.ruleId}`, '');
    for (const line of text.split('\n'))
      if (line.trim().startsWith('#')) assert.ok(unmerged.includes(line.trim()), `comment kept: ${line.trim()}`);

    const before = a.lint;
    const res = lint(analyze(after));
    if (c.kind === 'fix' || c.kind === 'suggestion') {
      assert.equal(
        countOf(res.findings, c.ruleId),
        countOf(before.findings, c.ruleId) - 1,
        'the fix resolves its finding',
      );
      assert.equal(
        countOf(res.findings, 'MLSD001') + countOf(res.findings, 'MLSD003'),
        countOf(before.findings, 'MLSD001') + countOf(before.findings, 'MLSD003') - (c.ruleId === 'MLSD003' ? 1 : 0),
        'the edit leaves valid YAML and values',
      );
    }
    if (c.kind === 'disable-line') {
      const l = lineOf(
        a.doc.parsed.lineStarts,
        a.lint.findings.find((f) => f.ruleId === c.ruleId && f.start <= offset && offset <= f.end)!.start,
      );
      const onLine = before.findings.filter(
        (f) => f.ruleId === c.ruleId && lineOf(a.doc.parsed.lineStarts, f.start) === l,
      ).length;
      assert.equal(
        countOf(res.findings, c.ruleId),
        countOf(before.findings, c.ruleId) - onLine,
        'the line is suppressed',
      );
      assert.equal(
        countOf(res.findings, 'MLSD009'),
        countOf(before.findings, 'MLSD009'),
        'no unused-suppression finding added',
      );
      assert.equal(res.findings.length, before.findings.length - onLine, 'nothing else changes');
    }
    if (c.kind === 'disable-file') {
      assert.equal(countOf(res.findings, c.ruleId), 0, 'the rule is suppressed in the file');
      assert.equal(
        countOf(res.findings, 'MLSD009'),
        countOf(before.findings, 'MLSD009'),
        'no unused-suppression finding added',
      );
    }
  });
}

test('every finding under the cursor gets disable-for-line, disable-for-file and docs actions, in that order after the fixes', () => {
  const { text, offset } = cursor(read(path.join(FIX, 'rename-key.before.mlsd.yaml')));
  const a = analysis(text);
  const diagnostics = diagnosticsAt(a, offset);
  const titles = codeActions(a, rangeAt(a, offset), { diagnostics }).map((x) => x.title);
  assert.deepEqual(titles, [
    'Rename to `latency`',
    'Disable MLSD002 for this line',
    'Disable MLSD002 for this file',
    'Show documentation for MLSD002',
  ]);
  const docs = codeActions(a, rangeAt(a, offset), { diagnostics }).find((x) =>
    x.title.startsWith('Show documentation'),
  )!;
  assert.deepEqual(docs.command, {
    title: 'Show documentation for MLSD002',
    command: 'mlsd.showRuleDocumentation',
    arguments: ['MLSD002'],
  });
  assert.equal(docs.edit, undefined);
});

test('disable-for-line copies the indentation of the line (list items, flow entries, 4-space docs)', () => {
  const cases: [string, string, string][] = [
    [
      'mlsd: 1\nmodel:\n  stages:\n    - id: x\n      latncy: 1ms\n',
      'latncy',
      '      # mlsd-disable-next-line MLSD002\n      latncy',
    ],
    [
      'mlsd: 1\nmodel:\n    stages:\n        - {id: x, latncy: 1ms}\n',
      'latncy',
      '        # mlsd-disable-next-line MLSD002\n        - {id: x, latncy',
    ],
    ['mlsd: 1\r\nmodel:\r\n  latncy: 1ms\r\n', 'latncy', '  # mlsd-disable-next-line MLSD002\r\n  latncy'],
  ];
  for (const [text, at, expected] of cases) {
    const a = analysis(text);
    const offset = text.indexOf(at) + 1;
    const action = codeActions(a, rangeAt(a, offset), { diagnostics: [] }).find(
      (x) => x.title === 'Disable MLSD002 for this line',
    );
    assert.ok(action);
    const after = apply(a, action);
    assert.ok(after.includes(expected), JSON.stringify(after));
    assert.equal(countOf(lint(analyze(after)).findings, 'MLSD002'), 0);
  }
});

test('disable-for-line and -file keep a byte-order mark first', () => {
  const text = '\ufeffmlsd: 1\ntitle: x\n';
  const a = analysis(text);
  const actions = codeActions(a, rangeAt(a, 2), { diagnostics: [] });
  for (const title of ['Disable MLSD006 for this line', 'Disable MLSD006 for this file']) {
    const after = apply(a, actions.find((x) => x.title === title)!);
    assert.ok(after.startsWith('\ufeff# mlsd-disable-'), JSON.stringify(after));
    assert.equal(countOf(lint(analyze(after)).findings, 'MLSD006'), 0);
  }
});

test('disable-for-file on a doc without content appends the comment; no line action where no comment can reach', () => {
  for (const text of ['', '# only a comment', '# header\n\n']) {
    const a = analysis(text);
    const actions = codeActions(a, rangeAt(a, 0), { diagnostics: [] });
    assert.ok(!actions.some((x) => x.title.endsWith('for this line')), `no line action in ${JSON.stringify(text)}`);
    const file = actions.find((x) => x.title === 'Disable MLSD006 for this file');
    assert.ok(file, JSON.stringify(text));
    const after = apply(a, file);
    assert.ok(after.startsWith(text.replace(/\n*$/, '')), 'the existing text stays first');
    assert.match(after, /^# mlsd-disable-file MLSD006$/m);
    assert.equal(countOf(lint(analyze(after)).findings, 'MLSD006'), 0);
  }
});

test('no disable-for-line inside a block scalar or a multi-line string, where a comment would become text', () => {
  const text = 'mlsd: 1\nsummary: |\n  first\n  second\ntitle: "one\n  two"\n';
  const doc = analyze(text);
  assert.equal(disableLineEdit(doc, 'MLSD007', 2), undefined);
  assert.equal(disableLineEdit(doc, 'MLSD007', 3), undefined);
  assert.equal(disableLineEdit(doc, 'MLSD007', 5), undefined);
  assert.ok(disableLineEdit(doc, 'MLSD007', 1), 'the key line of the block scalar can be disabled');
  assert.ok(disableLineEdit(doc, 'MLSD007', 4));
});

test('MLSD009 (unused suppression) gets its removal fix and docs, but no disable comment (it cannot be suppressed)', () => {
  const text = 'mlsd: 1\ntitle: x\n# mlsd-disable-next-line MLSD102\nsummary: y\n';
  const a = analysis(text);
  const offset = text.indexOf('MLSD102') + 2;
  const diagnostics = diagnosticsAt(a, offset).filter((d) => d.code === 'MLSD009');
  assert.equal(diagnostics.length, 1);
  const actions = codeActions(a, rangeAt(a, offset), { diagnostics, only: ['quickfix'] });
  const titles = actions.map((x) => x.title);
  assert.deepEqual(titles, ['Remove the unused suppression comment', 'Show documentation for MLSD009']);
  assert.equal(apply(a, actions[0]), 'mlsd: 1\ntitle: x\nsummary: y\n');
});

test('a syntax error (MLSD001) is disabled only by a comment that really suppresses it', () => {
  const text = read(path.join(ROOT, 'test/fixtures/rules/MLSD001/bad.mlsd.yaml'));
  const a = analysis(text);
  const syntax = a.lint.findings.filter((f) => f.ruleId === 'MLSD001');
  assert.ok(syntax.length >= 2);
  for (const f of syntax) {
    const actions = codeActions(a, toRange(a.doc, f.start, f.end), { diagnostics: [] });
    for (const x of actions.filter((y) => y.title.startsWith('Disable MLSD001'))) {
      const res = lint(analyze(apply(a, x)));
      assert.ok(countOf(res.findings, 'MLSD001') < syntax.length, `${x.title} suppresses`);
      assert.equal(countOf(res.findings, 'MLSD009'), countOf(a.lint.findings, 'MLSD009'));
    }
  }
});

test('diagnostics are matched by data index, else by code and range; stale or foreign ones are not attached', () => {
  const { text, offset } = cursor(read(path.join(FIX, 'rename-key.before.mlsd.yaml')));
  const a = analysis(text);
  const i = a.lint.findings.findIndex((f) => f.ruleId === 'MLSD002');
  const d = toDiagnostic(a.doc, a.lint.findings[i], i);
  const range = rangeAt(a, offset);
  const fix = (ctx: CodeActionContext) => codeActions(a, range, ctx).find((x) => x.title === 'Rename to `latency`')!;
  assert.deepEqual(fix({ diagnostics: [d] }).diagnostics, [d]);
  // an index from an older version: found again by code and range
  const moved = { ...d, data: { ruleId: 'MLSD002', index: 0 } };
  assert.deepEqual(fix({ diagnostics: [moved] }).diagnostics, [moved]);
  // no data at all (a client that drops it)
  const bare = { ...d, data: undefined };
  assert.deepEqual(fix({ diagnostics: [bare] }).diagnostics, [bare]);
  // a range that no longer matches, or another tool's diagnostic: not attached, the finding still offered
  const stale = { ...d, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
  const yamlDiag: Diagnostic = { ...d, source: 'yaml', code: 'MLSD002' };
  for (const other of [stale, yamlDiag]) {
    const x = fix({ diagnostics: [other] });
    assert.ok(x);
    assert.equal(x.diagnostics, undefined);
  }
  // a diagnostic outside the range still gets its actions
  const far = codeActions(a, rangeAt(a, 0), { diagnostics: [d] });
  assert.ok(far.some((x) => x.title === 'Rename to `latency`' && x.diagnostics?.[0] === d));
});

test('findings overlapping a selection all get actions; the same rule on one line gets one disable action', () => {
  const text = 'mlsd: 1\ntitle: x\n';
  const a = analysis(text);
  const actions = codeActions(a, toRange(a.doc, 0, 3), { diagnostics: [] });
  const sections = actions.filter((x) => x.title.startsWith('Add the `'));
  assert.equal(sections.length, 7, 'one fix per missing section');
  assert.equal(actions.filter((x) => x.title === 'Disable MLSD006 for this line').length, 1);
  assert.equal(actions.filter((x) => x.title === 'Show documentation for MLSD006').length, 1);
  const after = apply(a, actions.find((x) => x.title === 'Disable MLSD006 for this line')!);
  const res = lint(analyze(after));
  assert.equal(countOf(res.findings, 'MLSD006'), 0);
  assert.equal(countOf(res.findings, 'MLSD009'), 0);
});

test('context.only: quickfix, source, source.fixAll and source.fixAll.mlsd', () => {
  const text = read(path.join(ROOT, 'test/fixtures/flawed/flawed-feed.mlsd.yaml'));
  const a = analysis(text);
  const at = rangeAt(a, text.indexOf('latncy: 30ms') + 2);
  const kinds = (only?: string[], range = at) => [
    ...new Set(codeActions(a, range, { diagnostics: [], only }).map((x) => x.kind)),
  ];
  assert.deepEqual(kinds(['quickfix']), ['quickfix']);
  assert.deepEqual(kinds(['source']), [FIX_ALL_KIND]);
  assert.deepEqual(kinds(['source.fixAll']), [FIX_ALL_KIND]);
  assert.deepEqual(kinds([FIX_ALL_KIND]), [FIX_ALL_KIND]);
  assert.deepEqual(kinds(['refactor']), []);
  assert.deepEqual(kinds(), ['quickfix'], 'no fix-all for a cursor request');
  const whole = toRange(a.doc, 0, text.length);
  assert.deepEqual(kinds(undefined, whole), ['quickfix', FIX_ALL_KIND], 'fix-all for a whole-doc request');
  const clean = analysis(read(path.join(ROOT, 'examples/news-feed.mlsd.yaml')));
  assert.deepEqual(
    codeActions(clean, toRange(clean.doc, 0, clean.doc.text.length), { diagnostics: [], only: [FIX_ALL_KIND] }),
    [],
    'nothing to fix: no action',
  );
  assert.equal(fixAllEdit(clean), null);
});

test('fix all on the flawed sample: the engine result, as per-fix edits, every comment kept', () => {
  const text = read(path.join(ROOT, 'test/fixtures/flawed/flawed-feed.mlsd.yaml'));
  const a = analysis(text);
  const [action] = codeActions(a, rangeAt(a, 0), { diagnostics: [], only: [FIX_ALL_KIND] });
  assert.equal(action.kind, FIX_ALL_KIND);
  assert.equal(action.title, 'Fix all safe mlsd problems');
  const after = apply(a, action);
  assert.equal(after, fixAll(text, a.config).text);
  expectAfter('fix-all-flawed', after);
  const edits = action.edit!.changes![a.uri];
  assert.equal(edits.length, 2, 'one edit per fix, not the whole span');
  for (const e of edits) assert.equal(e.range.start.line, e.range.end.line, 'each edit stays on its line');
  for (const line of text.split('\n')) {
    const c = line.indexOf('#');
    if (c >= 0) assert.ok(after.includes(line.slice(c)), `comment kept: ${line.slice(c)}`);
  }
  assert.deepEqual(fixAllEdit(a), action.edit);
  const res = lint(analyze(after));
  assert.ok(!res.findings.some((f) => f.fix?.safe), 'no safe fix left');
});

test('fix all with fixes that interact (a renamed key whose value is then fixed): a line diff, comments kept', () => {
  const text = read(path.join(FIX, 'fix-all-interacting.before.mlsd.yaml'));
  const a = analysis(text);
  const edit = fixAllEdit(a);
  assert.ok(edit);
  const after = apply(a, { title: 'fix all', edit });
  assert.equal(after, fixAll(text, a.config).text);
  assert.match(after, /^ {2}mode: online {5}# two typos$/m);
  expectAfter('fix-all-interacting', after);
  const edits = edit.changes![a.uri];
  assert.ok(edits.length > 1, 'separate edits, not one span over the whole doc');
  assert.ok(
    !edits.some((e) => e.newText.includes('# two typos') || e.newText.includes('# Fixes that interact')),
    'unchanged comments are not rewritten',
  );
});

test('diffEdits turns any text into any other with non-overlapping edits', () => {
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const words = ['a: 1', '  b: 2', '# c', '', '  - d', 'e: [f, g]', 'h: i', '\r'];
  for (let i = 0; i < 400; i++) {
    const mk = () =>
      Array.from({ length: rnd(12) }, () => words[rnd(words.length)]).join(rnd(3) ? '\n' : '\r\n') +
      (rnd(2) ? '\n' : '');
    const x = mk();
    const y = rnd(4) ? mk() : x.replace('1', '10');
    const edits = diffEdits(x, y, rnd(2) ? 200 : 1);
    const sorted = [...edits].sort((p, q) => p.start - q.start);
    for (let j = 1; j < sorted.length; j++) assert.ok(sorted[j - 1].end <= sorted[j].start);
    assert.equal(applyEdits(x, edits).text, y, JSON.stringify({ x, y, edits }));
    if (x === y) assert.deepEqual(edits, []);
  }
});

test('disable comments work for every finding of every rule fixture: the finding goes, no MLSD009 comes', () => {
  const dir = path.join(ROOT, 'test/fixtures/rules');
  const files = fs
    .readdirSync(dir)
    .map((d) => path.join(dir, d, 'bad.mlsd.yaml'))
    .filter((p) => fs.existsSync(p));
  files.push(path.join(ROOT, 'test/fixtures/flawed/flawed-feed.mlsd.yaml'));
  let checked = 0;
  for (const file of files) {
    const text = read(file);
    const a = analysis(text);
    const { findings } = a.lint;
    const lineOfF = (f: Finding) => lineOf(a.doc.parsed.lineStarts, f.start);
    const done = new Set<string>();
    findings.forEach((f, i) => {
      const key = `${f.ruleId}:${lineOfF(f)}`;
      if (done.has(key)) return;
      done.add(key);
      const d = toDiagnostic(a.doc, f, i);
      const actions = codeActions(a, d.range, { diagnostics: [d] });
      const where = `${path.relative(ROOT, file)}:${lineOfF(f) + 1} ${f.ruleId}`;
      assert.ok(
        actions.some((x) => x.title === `Show documentation for ${f.ruleId}`),
        where,
      );
      const line = actions.find((x) => x.title === `Disable ${f.ruleId} for this line`);
      const file_ = actions.find((x) => x.title === `Disable ${f.ruleId} for this file`);
      if (f.ruleId === 'MLSD009') return assert.ok(!line && !file_, where);
      assert.ok(line && file_, `${where}: disable actions offered`);
      assert.ok(line.diagnostics?.includes(d) && file_.diagnostics?.includes(d), where);
      const onLine = findings.filter((g) => g.ruleId === f.ruleId && lineOfF(g) === lineOfF(f)).length;
      const r1 = lint(analyze(apply(a, line)), a.config).findings;
      assert.equal(countOf(r1, f.ruleId), countOf(findings, f.ruleId) - onLine, `${where}: disabled for the line`);
      assert.equal(r1.length, findings.length - onLine, `${where}: nothing else changes (no MLSD009)`);
      const r2 = lint(analyze(apply(a, file_)), a.config).findings;
      assert.equal(countOf(r2, f.ruleId), 0, `${where}: disabled for the file`);
      assert.equal(
        r2.length,
        findings.length - countOf(findings, f.ruleId),
        `${where}: nothing else changes (no MLSD009)`,
      );
      checked++;
    });
  }
  assert.ok(checked > 300, `checked ${checked} rule/line pairs`);
});

test('half-written and hostile docs never throw, at every line', () => {
  const texts = [
    '',
    '- a\n- b\n',
    'mlsd: 1\nrequirements:\n  \n  - \n  latency: [unclosed\nserving:\n  mode: onlien\n',
    'a: &a [x, *a]\nb: *a\n',
    '%YAML 1.2\n---\nmlsd: 1\n...\n---\nsecond: doc\n',
    'mlsd: 1\ntitle: "unterminated\n',
    '\u0000\u0001binary',
    'mlsd: 1\nserving: {mode: onlien, target: cloud}\nmodel: {stages: [{id: a, latncy: 1ms}]}\n',
  ];
  for (const text of texts) {
    const a = analysis(text);
    const lines = a.doc.parsed.lineStarts.length;
    for (let l = 0; l <= lines; l++) {
      const r: Range = { start: { line: l, character: 0 }, end: { line: l, character: 200 } };
      const actions = codeActions(a, r, { diagnostics: diagnosticsAt(a, toOffset(a.doc, r.start)) });
      for (const x of actions) if (x.edit) apply(a, x);
    }
    codeActions(a, toRange(a.doc, 0, text.length), { diagnostics: [] });
    const edit = fixAllEdit(a);
    if (edit) assert.equal(apply(a, { title: 'fix all', edit }), fixAll(text, a.config).text);
  }
});

test('the examples: fix-all has nothing to do, and cursor requests answer on every line', () => {
  const dir = path.join(ROOT, 'examples');
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.mlsd.yaml'))) {
    const a = analysis(read(path.join(dir, f)));
    assert.equal(fixAllEdit(a), null, f);
    for (let l = 0; l < a.doc.parsed.lineStarts.length; l += 7)
      codeActions(a, { start: { line: l, character: 0 }, end: { line: l, character: 80 } }, { diagnostics: [] });
  }
});

test('syntax errors on many lines: a few checked disable comments per request, the file one first; checks are kept per version', () => {
  const text = 'mlsd: 1\ntitle: x\nk1: a: b\nk2: c: d\nk3: e: f\nk4: g: h\nk5: i: j\n';
  const a = analysis(text);
  const syntax = a.lint.findings.filter((f) => f.ruleId === 'MLSD001');
  assert.equal(syntax.length, 5);
  const whole = toRange(a.doc, 0, text.length);
  const titles = () =>
    codeActions(a, whole, { diagnostics: [], only: ['quickfix'] })
      .map((x) => x.title)
      .filter((t) => t.startsWith('Disable MLSD001'));
  const first = titles();
  assert.equal(first.length, MAX_SYNTAX_CHECKS, 'the budget: the file comment and two lines');
  assert.ok(first.includes('Disable MLSD001 for this file'));
  const second = titles();
  assert.equal(second.length, Math.min(6, 2 * MAX_SYNTAX_CHECKS), 'the checked ones again, and a few more');
  assert.deepEqual(titles().length, 6, 'five lines and the file, once all are checked');
  // every offered comment works
  for (const x of codeActions(a, whole, { diagnostics: [], only: ['quickfix'] }).filter((y) =>
    y.title.startsWith('Disable MLSD001'),
  )) {
    const res = lint(analyze(apply(a, x)));
    assert.ok(countOf(res.findings, 'MLSD001') < syntax.length, x.title);
    assert.equal(countOf(res.findings, 'MLSD009'), 0, x.title);
  }
});

/**
 * The `mlsd/designOutline` answer: snapshots of two examples and a half-written doc, and the status /
 * counting semantics on small docs and synthetic findings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scorecard } from '../../server/src/engine/scorecard';
import { designOutline } from '../../server/src/features/outline';
import { scorecardOf } from '../../server/src/features/scorecard';
import type { DesignOutline, PRange } from '../../server/src/protocol';
import type { Finding } from '../../server/src/rules/types';
import type { Analysis } from '../../server/src/lint/analysis';
import { Session } from '../../server/src/session';
import { expectSnapshot } from '../harness/snapshot';

const ROOT = path.resolve(__dirname, '../../..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
const URI = 'file:///outline.mlsd.yaml';

function analysis(text: string): Analysis {
  return new Session().analysis(URI, 7, text);
}

const rng = (r: PRange) => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
const cut = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const countsText = (c: Record<string, number>) => `e${c.error} w${c.warning} i${c.info} h${c.hint}`;

function render(o: DesignOutline, source: string): string {
  const out = [
    `# mlsd/designOutline of ${source} (line:column 1-based; messages cut at 90 characters)`,
    `title: ${o.title ?? '—'}`,
    `counts: ${countsText(o.counts)}`,
    `scorecard: readiness ${o.readiness ?? '—'} · ${o.verdict ?? '—'}`,
  ];
  for (const s of o.steps) {
    out.push(`${s.label} [${s.key}] ${s.status}${s.range ? ` ${rng(s.range)}` : ''} ${countsText(s.counts)}`);
    if (s.score) {
      const sc = s.score;
      out.push(
        `  score ${sc.stated}/${sc.expected} e${sc.errors} w${sc.warnings}${sc.toState.length ? ` to state: ${sc.toState.join('; ')}` : ''}`,
      );
    }
    for (const c of s.children) out.push(`    ${c.label} ${rng(c.range)}${c.detail ? ` «${c.detail}»` : ''}`);
    for (const f of s.findings) out.push(`  ! ${f.severity} ${f.code} ${f.alias} ${rng(f.range)} ${cut(f.message)}`);
  }
  return out.join('\n');
}

test('outline snapshots: two examples and a half-written doc', () => {
  for (const name of ['event-recommendation', 'visual-search']) {
    const o = designOutline(analysis(read(`examples/${name}.mlsd.yaml`)));
    assert.ok(
      o.steps.every((s) => s.status === 'present'),
      `${name}: a complete example has every step present`,
    );
    expectSnapshot(`outline/${name}`, render(o, `examples/${name}.mlsd.yaml`));
  }
  const half = designOutline(analysis(read('test/fixtures/navigation/half-written.mlsd.yaml')));
  expectSnapshot('outline/half-written', render(half, 'test/fixtures/navigation/half-written.mlsd.yaml'));
  assert.deepEqual(
    half.steps.map((s) => s.status),
    ['present', 'partial', 'partial', 'partial', 'partial', 'missing', 'partial'],
  );
});

test('outline scorecard: each step’s score and the readiness are the engine’s scorecard, computed once per analysis', () => {
  const a = analysis(read('test/fixtures/navigation/half-written.mlsd.yaml'));
  const o = designOutline(a);
  const card = scorecard(a.doc, a.lint.findings);
  assert.equal(o.readiness, card.readiness);
  assert.equal(o.verdict, card.verdict);
  assert.equal(o.verdict, 'draft');
  assert.deepEqual(
    o.steps.map((s) => s.score),
    card.steps.map((s) => ({
      stated: s.stated,
      expected: s.expected,
      errors: s.errors,
      warnings: s.warnings,
      toState: s.items.filter((i) => !i.stated).map((i) => i.title),
    })),
  );
  // memoized per analysis: the same object for the outline and the workspace list, none recomputed
  assert.equal(scorecardOf(a), scorecardOf(a));
  assert.notEqual(scorecardOf(a), scorecardOf(analysis(read('test/fixtures/navigation/half-written.mlsd.yaml'))));
  // a complete example is ready for review, every step partly or fully covered
  const ex = designOutline(analysis(read('examples/event-recommendation.mlsd.yaml')));
  assert.ok(ex.steps.every((s) => (s.score?.stated ?? 0) > 0));
  assert.notEqual(ex.verdict, 'draft');
});

test('outline: uri, version, title, labels and the doc-level counts', () => {
  const a = analysis('mlsd: 1\ntitle: "  Fraud   detection "\nrequirements:\n  business_objective: less fraud\n');
  const o = designOutline(a);
  assert.equal(o.uri, URI);
  assert.equal(o.version, 7);
  assert.equal(o.title, 'Fraud detection');
  assert.deepEqual(
    o.steps.map((s) => `${s.step}|${s.key}|${s.title}|${s.label}`),
    [
      '1|requirements|Requirements|1 · Requirements',
      '2|framing|Framing|2 · Framing',
      '3|data|Data|3 · Data',
      '4|model|Model|4 · Model',
      '5|evaluation|Evaluation|5 · Evaluation',
      '6|serving|Serving|6 · Serving',
      '7|monitoring|Monitoring|7 · Monitoring',
    ],
  );
  const total = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of a.lint.findings) total[f.severity]++;
  assert.deepEqual(o.counts, total, 'doc-level counts count every finding once');
  assert.equal(designOutline(analysis('mlsd: 1\n')).title, undefined);
});

test('missing steps: no range, MLSD006 listed under the step it is about', () => {
  const o = designOutline(analysis('mlsd: 1\ntitle: x\n'));
  for (const s of o.steps) {
    assert.equal(s.status, 'missing', s.key);
    assert.equal(s.range, undefined);
    assert.deepEqual(s.children, []);
    assert.deepEqual(
      s.findings.map((f) => f.code),
      ['MLSD006'],
      s.key,
    );
    assert.match(s.findings[0].message, new RegExp(`Step ${s.step} `));
    assert.equal(s.counts.warning, 1);
  }
});

test('an empty section is partial (its MLSD006 sits on its key) and has a range', () => {
  const text = 'mlsd: 1\ntitle: x\nserving:\nmonitoring:\n  ml: [prediction-drift]\n';
  const o = designOutline(analysis(text));
  const serving = o.steps[5];
  assert.equal(serving.status, 'partial');
  assert.deepEqual(serving.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 7 } });
  assert.ok(serving.findings.some((f) => f.code === 'MLSD006'));
  assert.deepEqual(serving.children, []);
});

test('children: the direct sub-keys with ranges and a short detail', () => {
  const text =
    'mlsd: 1\nmodel:\n  baseline: popularity\n  candidates:\n    - {id: gbdt}\n    - {id: dnn}\n  training: {from: scratch}\n  cold_start:\n';
  const model = designOutline(analysis(text)).steps[3];
  assert.deepEqual(
    model.children.map((c) => `${c.key}|${c.label}|${rng(c.range)}|${c.detail}`),
    [
      'baseline|baseline|3:3-3:23|popularity',
      'candidates|candidates|4:3-6:16|2 items',
      'training|training|7:3-7:28|1 key',
      'cold_start|cold_start|8:3-8:13|empty',
    ],
  );
  assert.equal(rng(model.range!), '2:1-8:14');
});

/** The analysis of `text` with its findings replaced by synthetic ones (rule id + the text they sit on). */
function withFindings(
  text: string,
  specs: { ruleId: string; on: string; severity: Finding['severity']; data?: Record<string, unknown> }[],
): Analysis {
  const a = analysis(text);
  const findings: Finding[] = specs.map((s) => {
    const start = text.indexOf(s.on);
    assert.ok(start >= 0, s.on);
    return {
      ruleId: s.ruleId,
      alias: 'x',
      severity: s.severity,
      start,
      end: start + s.on.length,
      message: `${s.ruleId} on ${s.on}`,
      data: s.data,
    };
  });
  return { ...a, lint: { findings, suppressed: [], internalErrors: [] } };
}

const DOC = [
  'mlsd: 1',
  'requirements:',
  '  business_objective: grow',
  'framing:',
  '  task_type: ranking',
  'data:',
  '  sources: [{id: logs}]',
  'model:',
  '  baseline: popularity',
  '  loss: bce',
  'evaluation:',
  '  offline: {metrics: [ndcg@10]}',
  'serving:',
  '  mode: online',
  'monitoring:',
  '  ml: [drift]',
  '',
].join('\n');

test('status and counts: step rules by meta.step, structural findings by location', () => {
  const a = withFindings(DOC, [
    { ruleId: 'MLSD502', on: 'loss: bce', severity: 'warning' }, // a step-5 rule pointing into `model`
    { ruleId: 'MLSD002', on: 'task_type', severity: 'warning' }, // structural, inside `framing`
    { ruleId: 'MLSD007', on: 'logs', severity: 'info' }, // structural info inside `data`
    { ruleId: 'MLSD105', on: 'mlsd: 1', severity: 'hint' }, // step-1 rule located at the doc start
    { ruleId: 'MLSD008', on: 'mlsd: 1', severity: 'error' }, // structural, outside every section
    { ruleId: 'MLSD999', on: 'mode: online', severity: 'error' }, // unknown rule: structural, inside `serving`
  ]);
  const o = designOutline(a);
  const by = Object.fromEntries(o.steps.map((s) => [s.key, s]));
  assert.equal(by.requirements.status, 'present', 'a hint of a step rule does not make it partial');
  assert.deepEqual(
    by.requirements.findings.map((f) => f.code),
    ['MLSD105'],
  );
  assert.equal(by.requirements.counts.hint, 1);
  assert.equal(by.framing.status, 'partial', 'a structural warning inside the section');
  assert.equal(by.data.status, 'present', 'an info finding does not make it partial');
  assert.equal(by.data.counts.info, 1);
  assert.equal(
    by.model.status,
    'present',
    'a finding of another step inside the section is counted, but the status is about this step',
  );
  assert.deepEqual(
    by.model.findings.map((f) => f.code),
    ['MLSD502'],
  );
  assert.equal(by.model.counts.warning, 1);
  assert.equal(by.evaluation.status, 'partial', 'the step-5 rule makes evaluation partial wherever it points');
  assert.deepEqual(
    by.evaluation.findings.map((f) => f.code),
    ['MLSD502'],
  );
  assert.equal(by.serving.status, 'partial');
  assert.equal(by.monitoring.status, 'present');
  assert.deepEqual(o.counts, { error: 2, warning: 2, info: 1, hint: 1 }, 'each finding once at the doc level');
  for (const s of o.steps)
    assert.ok(
      !s.findings.some((f) => f.code === 'MLSD008'),
      'a doc-level finding outside every section belongs to no step',
    );
});

test('findings: sorted by position, with code, alias, severity, message and range', () => {
  const a = withFindings(DOC, [
    { ruleId: 'MLSD502', on: 'ndcg@10', severity: 'warning' },
    { ruleId: 'MLSD503', on: 'offline', severity: 'info' },
  ]);
  const ev = designOutline(a).steps[4];
  assert.deepEqual(ev.findings, [
    {
      code: 'MLSD503',
      alias: 'x',
      message: 'MLSD503 on offline',
      severity: 'info',
      range: { start: { line: 11, character: 2 }, end: { line: 11, character: 9 } },
    },
    {
      code: 'MLSD502',
      alias: 'x',
      message: 'MLSD502 on ndcg@10',
      severity: 'warning',
      range: { start: { line: 11, character: 22 }, end: { line: 11, character: 29 } },
    },
  ]);
});

test('a syntax error at the end of a half-written doc belongs to the last section', () => {
  const o = designOutline(analysis('mlsd: 1\ntitle: x\nmonitoring:\n  ml: [prediction-drift\n'));
  const mon = o.steps[6];
  assert.ok(
    mon.findings.some((f) => f.code === 'MLSD001'),
    JSON.stringify(mon.findings.map((f) => f.code)),
  );
  assert.equal(mon.status, 'partial');
});

test('odd shapes never throw', () => {
  const docs = [
    '',
    '# comment only\n',
    '- a\n- b\n',
    'text',
    'mlsd: 1\nrequirements: [a]\nframing: text\ndata:\n  - x\n',
    'a: &a {x: 1}\nmodel: *a\nserving: {<<: *a}\n',
    '"": 1\n? [k]\n: v\n',
  ];
  for (const t of docs) {
    const o = designOutline(analysis(t));
    assert.equal(o.steps.length, 7);
    for (const s of o.steps) assert.ok(s.status === 'missing' ? s.range === undefined : !!s.range);
  }
  const aliased = designOutline(analysis(docs[5]));
  assert.equal(aliased.steps[3].status !== 'missing', true);
  assert.deepEqual(
    aliased.steps[5].children.map((c) => c.key),
    ['x'],
    'merged keys are listed (at the merge site)',
  );
});

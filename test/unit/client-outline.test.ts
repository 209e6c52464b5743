/**
 * The "ML Design" view model (client/src/outlineModel.ts) and the language status text
 * (client/src/statusModel.ts): pure mappings from the server's answers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DesignOutline, DesignOutlineStep, PRange, SeverityName } from '../../server/src/protocol';
import {
  buildOutlineTree,
  formatCounts,
  outlineSummary,
  scoreLine,
  stepDescription,
  stepNode,
} from '../../client/src/outlineModel';
import { countSeverities, statusPresentation } from '../../client/src/statusModel';

const r = (line: number, c1 = 0, c2 = 5, line2 = line): PRange => ({
  start: { line, character: c1 },
  end: { line: line2, character: c2 },
});
const zero = (): Record<SeverityName, number> => ({ error: 0, warning: 0, info: 0, hint: 0 });
const TITLES = ['Requirements', 'Framing', 'Data', 'Model', 'Evaluation', 'Serving', 'Monitoring'];

function step(n: number, over: Partial<DesignOutlineStep> = {}): DesignOutlineStep {
  const title = TITLES[n - 1];
  return {
    step: n,
    key: title.toLowerCase(),
    title,
    label: `${n} · ${title}`,
    status: 'present',
    range: r(n * 10, 0, 0, n * 10 + 9),
    counts: zero(),
    children: [],
    findings: [],
    ...over,
  };
}

function outline(steps: DesignOutlineStep[]): DesignOutline {
  const counts = zero();
  for (const s of steps) for (const k of Object.keys(counts) as SeverityName[]) counts[k] += s.counts[k];
  return { uri: 'file:///a.mlsd.yaml', version: 3, title: 'Event recs', steps, counts };
}

test('formatCounts: zero counts left out, plural forms, hints only on request', () => {
  assert.equal(formatCounts({ error: 1, warning: 2, info: 0, hint: 4 }), '1 error, 2 warnings');
  assert.equal(formatCounts({ error: 0, warning: 0, info: 3, hint: 1 }, true), '3 infos, 1 hint');
  assert.equal(formatCounts(zero()), '');
  assert.equal(formatCounts(undefined), '');
});

test('steps: icon per status, description with counts, ids stable', () => {
  const present = stepNode(step(1));
  assert.equal(present.icon.id, 'pass-filled');
  assert.equal(present.description, '');
  assert.equal(present.id, 'step:requirements');
  assert.equal(present.contextValue, 'mlsd.step.present');
  assert.equal(present.collapsible, 'none');

  const partial = stepNode(
    step(5, {
      status: 'partial',
      counts: { error: 0, warning: 2, info: 1, hint: 0 },
      findings: [
        { code: 'MLSD508', alias: 'no-slice-evaluation', message: 'No slices', severity: 'info', range: r(52) },
        {
          code: 'MLSD504',
          alias: 'ranking-metric-missing-k',
          message: 'ndcg needs @k',
          severity: 'warning',
          range: r(55),
        },
        {
          code: 'MLSD502',
          alias: 'missing-online-metric',
          message: 'No online metric',
          severity: 'warning',
          range: r(51),
        },
      ],
    }),
  );
  assert.equal(partial.icon.id, 'warning');
  assert.equal(partial.description, '2 warnings, 1 info');
  assert.equal(partial.collapsible, 'collapsed');
  assert.deepEqual(
    partial.children.map((c) => c.code),
    ['MLSD502', 'MLSD504', 'MLSD508'],
    'most severe first, then by position',
  );
  const f = partial.children[0];
  assert.equal(f.kind, 'finding');
  assert.equal(f.label, 'No online metric');
  assert.equal(f.description, 'MLSD502 missing-online-metric');
  assert.equal(f.icon.id, 'warning');
  assert.equal(f.contextValue, 'mlsd.finding');
  assert.deepEqual(f.range, r(51));

  const withErrors = stepNode(
    step(4, {
      status: 'partial',
      counts: { ...zero(), error: 1 },
      findings: [{ code: 'MLSD004', alias: 'unresolved-reference', message: 'x', severity: 'error', range: r(40) }],
    }),
  );
  assert.equal(withErrors.collapsible, 'expanded', 'steps with errors start expanded');
  assert.equal(withErrors.children[0].icon.id, 'error');
});

test('missing step: outline icon, "missing" description, reveals its finding', () => {
  const m = stepNode(
    step(7, {
      status: 'missing',
      range: undefined,
      counts: { ...zero(), warning: 1 },
      findings: [
        {
          code: 'MLSD006',
          alias: 'missing-section',
          message: 'Step 7 (monitoring) is missing',
          severity: 'warning',
          range: r(0, 0, 4),
        },
      ],
    }),
  );
  assert.equal(m.icon.id, 'circle-large-outline');
  assert.equal(m.description, 'missing · 1 warning');
  assert.deepEqual(m.range, r(0, 0, 4));
  assert.match(m.tooltip ?? '', /mlsd-monitoring/);
  assert.equal(stepDescription(step(7, { status: 'missing', range: undefined })), 'missing');
  assert.equal(stepNode(step(7, { status: 'missing', range: undefined })).range, undefined);
});

test('subsections come before findings and keep their ranges', () => {
  const n = stepNode(
    step(3, {
      status: 'partial',
      counts: { ...zero(), warning: 1 },
      children: [
        { key: 'sources', label: 'sources', range: r(31), detail: '2 sources' },
        { key: 'labels', label: '', range: r(35) },
      ],
      findings: [{ code: 'MLSD307', alias: 'missing-split', message: 'No split', severity: 'warning', range: r(30) }],
    }),
  );
  assert.deepEqual(
    n.children.map((c) => [c.kind, c.label]),
    [
      ['section', 'sources'],
      ['section', 'labels'],
      ['finding', 'No split'],
    ],
  );
  assert.equal(n.children[0].description, '2 sources');
  assert.equal(n.children[0].id, 'section:data:sources');
  assert.deepEqual(n.children[1].range, r(35));
});

test('tree: seven steps in framework order; summary counts complete steps and problems', () => {
  const steps = [7, 3, 1, 2, 5, 4, 6].map((n) =>
    step(n, n === 6 ? { status: 'partial', counts: { ...zero(), error: 1, warning: 1 } } : {}),
  );
  const o = outline(steps);
  const tree = buildOutlineTree(o);
  assert.deepEqual(
    tree.map((s) => s.step),
    ['requirements', 'framing', 'data', 'model', 'evaluation', 'serving', 'monitoring'],
  );
  assert.deepEqual(outlineSummary(o), { text: '6/7 steps complete · 1 error, 1 warning', problems: 2 });
  assert.deepEqual(buildOutlineTree(undefined), []);
  assert.deepEqual(outlineSummary(undefined), { text: '', problems: 0 });
});

const score = (stated: number, expected: number, errors = 0, warnings = 0, toState: string[] = []) => ({
  stated,
  expected,
  errors,
  warnings,
  toState,
});

test('scorecard: each step shows items stated/expected and its errors and warnings in words, zeros left out', () => {
  const s = step(5, { status: 'partial', score: score(5, 7, 0, 1, ['Offline metrics', 'A/B test design']) });
  assert.equal(scoreLine(s), '5/7 · 1 warning');
  assert.equal(stepDescription(s), '5/7 · 1 warning');
  assert.equal(stepDescription(step(1, { score: score(8, 8) })), '8/8');
  assert.equal(stepDescription(step(2, { score: score(3, 5, 2, 3) })), '3/5 · 2 errors, 3 warnings');
  // the scorecard line replaces the counts: infos are not in it
  assert.equal(stepDescription(step(3, { score: score(4, 4), counts: { ...zero(), info: 2 } })), '4/4');
  assert.equal(
    stepDescription(step(7, { status: 'missing', range: undefined, score: score(0, 6, 0, 1) })),
    'missing · 0/6 · 1 warning',
  );
  const n = stepNode(s);
  assert.equal(n.description, '5/7 · 1 warning');
  assert.equal(
    n.tooltip,
    '**5 · Evaluation**: incomplete\n\nScorecard: 5/7 checklist items stated\n\nStill to state:\n- Offline metrics\n- A/B test design\n\nNo findings',
  );
  // a fully stated step lists nothing to state
  assert.doesNotMatch(stepNode(step(1, { score: score(8, 8) })).tooltip ?? '', /Still to state/);
});

test('scorecard: the header shows the overall readiness and verdict, then the findings', () => {
  const steps = [1, 2, 3, 4, 5, 6, 7].map((n) =>
    step(n, n === 6 ? { status: 'partial', counts: { ...zero(), warning: 2 }, score: score(3, 4, 0, 2) } : {}),
  );
  const o = { ...outline(steps), readiness: 88, verdict: 'ready for review' as const };
  assert.deepEqual(outlineSummary(o), { text: 'Readiness 88 · ready for review · 2 warnings', problems: 2 });
  const done = { ...outline([1, 2, 3, 4, 5, 6, 7].map((n) => step(n))), readiness: 100, verdict: 'complete' as const };
  assert.deepEqual(outlineSummary(done), { text: 'Readiness 100 · complete', problems: 0 });
});

test('finding ids are unique even for two findings of one rule on one range', () => {
  const f = { code: 'MLSD003', alias: 'invalid-value', message: 'm', severity: 'error' as const, range: r(3) };
  const n = stepNode(
    step(1, { status: 'partial', counts: { ...zero(), error: 2 }, findings: [f, { ...f, message: 'n' }] }),
  );
  assert.equal(new Set(n.children.map((c) => c.id)).size, 2);
});

test('status item: server state first, then the doc findings', () => {
  assert.equal(statusPresentation('starting', undefined, undefined).busy, true);
  assert.equal(statusPresentation('failed', undefined, undefined).severity, 'error');
  assert.equal(statusPresentation('stopped', undefined, undefined).severity, 'warning');
  const clean = statusPresentation('running', { uri: 'u', state: 'ok', counts: zero(), elapsedMs: 12.4 }, zero());
  assert.equal(clean.text, '$(check) mlsd');
  assert.equal(clean.detail, 'No problems in this doc · validated in 12 ms');
  const some = statusPresentation('running', { uri: 'u', state: 'ok' }, { error: 1, warning: 0, info: 2, hint: 0 });
  assert.equal(some.text, 'mlsd: 1 error, 2 infos');
  assert.equal(statusPresentation('running', { uri: 'u', state: 'validating' }, undefined).busy, true);
  assert.equal(statusPresentation('running', { uri: 'u', state: 'disabled' }, undefined).text, 'mlsd: off');
  assert.equal(statusPresentation('running', { uri: 'u', state: 'error', message: 'boom' }, undefined).detail, 'boom');
  assert.equal(
    statusPresentation('running', { uri: 'u', state: 'ok', counts: { ...zero(), warning: 3 } }, undefined).text,
    'mlsd: 3 warnings',
    'falls back to the notification counts',
  );
  assert.deepEqual(countSeverities([0, 1, 1, 2, 3, 3]), { error: 1, warning: 2, info: 1, hint: 2 });
});

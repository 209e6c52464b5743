/**
 * Practice mode (engine/practice.ts, engine/domain/practice.ts): the session state machine driven by a
 * fake clock (no sleeps), the problem table, the practice doc and the end report on a hand-written
 * partial doc.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { STEP_KEYS } from '../../server/src/engine/catalog';
import { ARCHETYPES, GENERATIVE_ARCHETYPES, TASK_TYPES } from '../../server/src/engine/domain';
import {
  PRACTICE_MINUTES,
  PRACTICE_PHASES,
  PRACTICE_PROBLEMS,
  practiceProblem,
} from '../../server/src/engine/domain/practice';
import {
  PracticeSession,
  computedFigures,
  findingStepOf,
  formatClock,
  practiceDocText,
  practiceReport,
  practiceReportMarkdown,
  statedStepKeys,
} from '../../server/src/engine/practice';
import { scorecard } from '../../server/src/engine/scorecard';
import { expandSnippet, findTemplate } from '../../server/src/engine/templates';
import { shippedTemplates } from '../../server/src/cli/init';
import { analyze, lint } from '../../server/src/lint/engine';

const MIN = 60_000;
const ROOT = path.resolve(__dirname, '../../..');

function fakeClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

// --------------------------------------------------------------------------- the state machine

test('phases: the seven steps in framework order, requirements first in 5–10 minutes, 45 minutes in all', () => {
  assert.deepEqual(
    PRACTICE_PHASES.map((p) => p.step),
    [...STEP_KEYS],
  );
  assert.ok(PRACTICE_PHASES[0].minutes >= 5 && PRACTICE_PHASES[0].minutes <= 10);
  assert.equal(
    PRACTICE_PHASES.reduce((a, p) => a + p.minutes, 0),
    PRACTICE_MINUTES,
  );
  assert.equal(PRACTICE_MINUTES, 45);
});

test('session: idle until started; the clock runs from start; time left counts down', () => {
  const c = fakeClock();
  const s = new PracticeSession(c.now);
  assert.equal(s.status, 'idle');
  assert.equal(s.active, false);
  c.advance(5 * MIN);
  assert.equal(s.elapsed(), 0, 'an idle session uses no time');
  assert.deepEqual(s.tick(), []);
  assert.equal(s.start(), true);
  assert.equal(s.start(), false, 'starting twice does nothing');
  c.advance(3 * MIN);
  const snap = s.snapshot();
  assert.equal(snap.status, 'running');
  assert.equal(snap.phaseIndex, 0);
  assert.equal(snap.phase.step, 'requirements');
  assert.equal(snap.elapsedMs, 3 * MIN);
  assert.equal(snap.leftMs, 42 * MIN);
  assert.equal(snap.phaseLeftMs, 4 * MIN);
  assert.equal(snap.overrun, false);
});

test('session: pause does not consume time; resume continues; pause and resume only from the right state', () => {
  const c = fakeClock();
  const s = new PracticeSession(c.now);
  s.start();
  c.advance(2 * MIN);
  assert.equal(s.resume(), false, 'resume while running does nothing');
  assert.equal(s.pause(), true);
  assert.equal(s.pause(), false);
  assert.equal(s.active, true, 'a paused session is still active');
  c.advance(30 * MIN);
  assert.equal(s.elapsed(), 2 * MIN);
  assert.deepEqual(s.tick(), [], 'no nudge and no finish while paused');
  assert.equal(s.snapshot().status, 'paused');
  assert.equal(s.resume(), true);
  c.advance(1 * MIN);
  assert.equal(s.elapsed(), 3 * MIN);
  assert.equal(s.snapshot().phaseSpentMs, 3 * MIN, 'the phase clock stops during the pause too');
});

test('session: an overrun nudge once per phase, naming the next phase; advancing starts a fresh box', () => {
  const c = fakeClock();
  const s = new PracticeSession(c.now);
  s.start();
  c.advance(7 * MIN);
  assert.deepEqual(s.tick(), [], 'exactly at the box: not yet over');
  c.advance(1000);
  const ev = s.tick();
  assert.equal(ev.length, 1);
  assert.deepEqual(ev[0], {
    kind: 'overrun',
    phase: 0,
    title: 'Requirements',
    spentMs: 7 * MIN + 1000,
    boxMs: 7 * MIN,
    next: 'Framing',
  });
  c.advance(1000);
  assert.deepEqual(s.tick(), [], 'nudged once');
  c.advance(5 * MIN);
  assert.deepEqual(s.tick(), [], 'still once, however long the overrun');
  assert.equal(s.snapshot().overrun, true);
  assert.ok(s.snapshot().phaseLeftMs < 0);
  assert.equal(s.advance(), true);
  assert.equal(s.snapshot().phase.step, 'framing');
  assert.equal(s.snapshot().phaseSpentMs, 0);
  c.advance(5 * MIN + 1);
  const ev2 = s.tick();
  assert.equal(ev2.length, 1);
  assert.equal(ev2[0].kind === 'overrun' && ev2[0].title, 'Framing');
  const t = s.timeline();
  assert.equal(t[0].spentMs, 12 * MIN + 2000);
  assert.equal(t[1].spentMs, 5 * MIN + 1);
});

test('session: advance is forward only and stays within the seven phases', () => {
  const c = fakeClock();
  const s = new PracticeSession(c.now);
  assert.equal(s.advance(), false, 'not before start');
  s.start();
  assert.equal(s.advance(3), true, 'jump to Model (the candidate writes under `model:`)');
  assert.equal(s.phaseIndex, 3);
  assert.equal(s.advance(1), false, 'going back to an earlier step keeps the agenda');
  assert.equal(s.advance(3), false);
  assert.equal(s.advance(7), false);
  assert.equal(s.advance(6), true);
  assert.equal(s.advance(), false, 'no phase after Monitoring');
  assert.deepEqual(
    s.timeline().map((p) => p.spentMs),
    [0, 0, 0, 0, 0, 0, 0],
  );
  // entered vs skipped, even at 0 ms: the report shows 00:00 for a phase worked in, — for a skipped one
  assert.deepEqual(
    s.timeline().map((p) => p.entered),
    [true, false, false, true, false, false, true],
  );
  s.end();
  const md = practiceReportMarkdown(
    practiceReport({ archetype: 'news-feed', practice: analyze('mlsd: 1\n'), findings: [], session: s.summary()! }),
  );
  assert.match(md, /\| Model \| 00:00 \|/);
  assert.match(md, /\| Framing \| — \|/);
});

test('session: end early freezes the time and stops the ticks; a second end does nothing', () => {
  const c = fakeClock();
  const s = new PracticeSession(c.now);
  s.start();
  c.advance(4 * MIN);
  s.advance();
  c.advance(2 * MIN);
  s.pause();
  assert.equal(s.end(), true, 'ending from pause works');
  assert.equal(s.status, 'ended');
  assert.equal(s.active, false);
  assert.equal(s.end(), false);
  assert.equal(s.resume(), false);
  c.advance(60 * MIN);
  assert.equal(s.elapsed(), 6 * MIN);
  assert.deepEqual(s.tick(), []);
  assert.deepEqual(
    s.timeline().map((p) => p.spentMs),
    [4 * MIN, 2 * MIN, 0, 0, 0, 0, 0],
  );
});

test('session: finished at 45 minutes of active time, once, even when the tick comes late', () => {
  const c = fakeClock();
  const s = new PracticeSession(c.now);
  s.start();
  for (let i = 0; i < 6; i++) {
    c.advance(5 * MIN);
    s.advance();
  }
  c.advance(5 * MIN);
  s.pause();
  c.advance(10 * MIN);
  s.resume();
  c.advance(9 * MIN);
  const before = s.tick();
  assert.ok(
    before.every((e) => e.kind !== 'finished'),
    '44 active minutes: not finished',
  );
  c.advance(3 * MIN); // the timer was late: 47 active minutes
  const ev = s.tick();
  assert.deepEqual(ev, [{ kind: 'finished', elapsedMs: 45 * MIN }]);
  assert.equal(s.status, 'finished');
  assert.equal(s.snapshot().leftMs, 0);
  assert.deepEqual(s.tick(), []);
  assert.equal(
    s.timeline().reduce((a, p) => a + p.spentMs, 0),
    45 * MIN,
    'the phases add up to the session, capped',
  );
});

test('formatClock: mm:ss, minutes past 59, negative times', () => {
  assert.equal(formatClock(0), '00:00');
  assert.equal(formatClock(45 * MIN), '45:00');
  assert.equal(formatClock(61_999), '01:01');
  assert.equal(formatClock(-90_000), '-01:30');
});

// --------------------------------------------------------------------------- the problems

/** Words that give a design away: model families, losses, decoding, retrieval machinery. */
const ANSWER_WORDS = [
  'two-tower',
  'matrix factorization',
  'collaborative filtering',
  'contrastive',
  'transformer',
  'encoder',
  'decoder',
  'gnn',
  'graph neural',
  'diffusion',
  'gan',
  'vae',
  'beam search',
  'sampling',
  'lora',
  'dreambooth',
  'xgboost',
  'gbdt',
  'logistic regression',
  'multi-task',
  'multitask',
  'embedding',
  'ann',
  'hnsw',
  'nearest neighbor',
  'bm25',
  'retrieval',
  'reranker',
  'cross-entropy',
  'focal loss',
  'skip-gram',
  'rlhf',
  'fine-tun',
  'calibrat',
  'downsampl',
  'batch',
  'streaming',
  'a/b',
  'metric',
];

const words = (s: string) => ` ${s.toLowerCase().replace(/[^a-z0-9@/]+/g, ' ')} `;
const has = (text: string, term: string) => words(text).includes(words(term));

test('problems: every archetype but `other` has a prompt in the interviewer’s voice, ten classic and ten generative', () => {
  const ids = ARCHETYPES.map((a) => a.id).filter((id) => id !== 'other');
  assert.deepEqual(
    PRACTICE_PROBLEMS.map((p) => p.archetype),
    ids,
  );
  assert.equal(PRACTICE_PROBLEMS.length, 20);
  assert.equal(PRACTICE_PROBLEMS.filter((p) => GENERATIVE_ARCHETYPES.includes(p.archetype)).length, 10);
  assert.equal(practiceProblem('other'), undefined);
  for (const p of PRACTICE_PROBLEMS) {
    assert.match(p.prompt, /^Design /, p.archetype);
    assert.ok(p.prompt.length <= 240, `${p.archetype}: a prompt is a short problem statement`);
    assert.ok(p.facts.length >= 1, p.archetype);
  }
});

test('problems: no prompt or fact gives the answer (task type, metrics, model, loss, serving choice)', () => {
  for (const p of PRACTICE_PROBLEMS) {
    const a = ARCHETYPES.find((x) => x.id === p.archetype)!;
    const text = [p.prompt, ...p.facts].join(' ');
    const banned = [...ANSWER_WORDS, ...a.offlineMetrics, ...a.onlineMetrics].map((m) =>
      m.replace(/@.*$/, '').replace(/-/g, ' '),
    );
    // the task type is the answer to the framing step, unless the problem's own name says it
    for (const t of TASK_TYPES) {
      const name = t.replace(/-/g, ' ');
      if (!has(a.title, name)) banned.push(name);
    }
    for (const term of banned) assert.ok(!has(text, term), `${p.archetype}: “${term}” gives the answer away`);
  }
});

test('practice doc: the problem as comments, `mlsd: 1`, `archetype:` and the seven step keys empty', () => {
  for (const p of PRACTICE_PROBLEMS) {
    const text = practiceDocText(p.archetype)!;
    assert.ok(text, p.archetype);
    const doc = analyze(text);
    assert.equal(doc.parsed.problems.length, 0, `${p.archetype}: valid YAML`);
    assert.deepEqual(
      doc.top?.entries?.map((e) => e.key),
      ['mlsd', 'archetype', ...STEP_KEYS],
    );
    assert.equal(doc.number('mlsd'), 1);
    assert.equal(doc.str('archetype'), p.archetype);
    for (const k of STEP_KEYS) assert.equal(doc.stated(k), false, `${p.archetype}: ${k} is empty`);
    const comments = text
      .split('\n')
      .filter((l) => l.startsWith('#'))
      .join(' ')
      .replace(/#/g, ' ');
    const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
    assert.ok(flat(comments).includes(flat(p.prompt)), `${p.archetype}: the prompt is in the comments`);
    for (const f of p.facts) assert.ok(flat(comments).includes(flat(f)), `${p.archetype}: ${f}`);
    assert.ok(
      text.split('\n').every((l) => l.length <= 100),
      `${p.archetype}: lines fit 100 columns`,
    );
  }
  assert.equal(practiceDocText('other'), undefined);
});

test('practice doc: none of the reference answer’s values appear in it', () => {
  const templates = shippedTemplates(ROOT);
  let compared = 0;
  for (const p of PRACTICE_PROBLEMS) {
    const t = findTemplate(templates, p.archetype);
    if (!t) continue; // the generative templates are written in another branch
    compared++;
    const ref = analyze(expandSnippet(t.body));
    const text = practiceDocText(p.archetype)!.toLowerCase();
    for (const step of STEP_KEYS.slice(1)) {
      const values: string[] = [];
      const visit = (n: { kind: string; value: unknown; entries?: unknown[]; items?: unknown[] } | undefined) => {
        if (!n) return;
        // a phrase is an answer; a single word (an id such as `conversation`, an enum value) is vocabulary
        if (n.kind === 'scalar' && typeof n.value === 'string' && n.value.length >= 12 && /\s/.test(n.value.trim()))
          values.push(n.value);
        for (const c of [...(n.entries ?? []), ...(n.items ?? [])]) visit(c as typeof n);
      };
      // `framing.input` is what the user gives (“a text query”): the problem statement names it
      for (const e of ref.node([step])?.entries ?? []) if (!(step === 'framing' && e.key === 'input')) visit(e);
      // a value the problem's own name says is not an answer (`object-detection`, `recommendation`)
      const title = ARCHETYPES.find((a) => a.id === p.archetype)!.title;
      for (const v of values.filter((x) => x !== p.archetype && !has(title, x.replace(/-/g, ' '))))
        assert.ok(!text.includes(v.toLowerCase()), `${p.archetype}: ${step} answer “${v}”`);
    }
  }
  assert.ok(compared >= 10, 'the ten classic templates are compared');
});

// --------------------------------------------------------------------------- the end report

const PARTIAL = `mlsd: 1
archetype: news-feed
requirements:
  business_objective: Increase time spent on the feed
  scale:
    dau: 2B
    requests_per_user_per_day: 2
  performance:
    latency: 200ms
framing:
  ml_objective: Predict the probability of each reaction
  task_type: ranking
data:
model:
  stages:
    - {id: retrieval, latency: 50ms}
    - {id: ranking, latency: 100ms}
evaluation:
serving:
monitoring:
`;

function newsFeedReport() {
  const practice = analyze(PARTIAL);
  const template = findTemplate(shippedTemplates(ROOT), 'news-feed')!;
  const reference = analyze(expandSnippet(template.body));
  const findings = lint(practice).findings;
  return { findings, report: practiceReport({ archetype: 'news-feed', practice, findings, reference }) };
}

test('statedStepKeys: two levels deep, a list or a second-level mapping is one key, placeholders are not stated', () => {
  const doc = analyze(`requirements:
  business_objective: TBD
  scale: {dau: 2B, items: ?}
  performance:
    latency: {p99: 200ms}
    mode: online
  interactions: [click]
`);
  assert.deepEqual(statedStepKeys(doc, 'requirements'), [
    'scale.dau',
    'performance.latency',
    'performance.mode',
    'interactions',
  ]);
  assert.deepEqual(statedStepKeys(doc, 'data'), []);
});

test('report: covered vs missing per step against the news-feed template, on a hand-written partial doc', () => {
  const { report } = newsFeedReport();
  assert.equal(report.hasReference, true);
  assert.equal(report.title, 'Personalized news feed');
  const req = report.steps[0];
  assert.equal(req.key, 'requirements');
  assert.deepEqual(req.covered, [
    'business_objective',
    'scale.dau',
    'scale.requests_per_user_per_day',
    'performance.latency',
  ]);
  for (const k of ['out_of_scope', 'scale.items', 'performance.mode', 'performance.availability'])
    assert.ok(req.missing.includes(k), k);
  assert.deepEqual([...req.covered, ...req.missing].sort(), [...req.reference].sort());
  const framing = report.steps[1];
  assert.deepEqual(framing.covered, ['ml_objective', 'task_type']);
  assert.ok(framing.missing.includes('input') && framing.missing.includes('output_use'));
  const data = report.steps[2];
  assert.deepEqual(data.covered, []);
  assert.ok(data.missing.includes('sources') && data.missing.includes('split.strategy'));
  const model = report.steps[3];
  assert.deepEqual(model.covered, ['stages']);
  assert.equal(
    report.covered,
    report.steps.reduce((a, s) => a + s.covered.length, 0),
  );
  assert.ok(report.expected > 50, `${report.expected} keys in the reference`);
});

test('report: the figures computed for the practice doc, and those the reference computes that it cannot yet', () => {
  const { report } = newsFeedReport();
  const req = report.steps[0];
  assert.deepEqual(
    req.figures.map((f) => f.id),
    ['qps'],
  );
  assert.match(req.figures[0].text, /46\.3k average, 92\.6k peak/);
  assert.deepEqual(
    req.missedFigures.map((f) => f.id),
    ['downtime'],
    'the reference states availability 99.95%',
  );
  const serving = report.steps[5];
  assert.deepEqual(
    serving.figures.map((f) => f.id),
    ['latency'],
  );
  assert.match(serving.figures[0].text, /sum to 150ms against the budget of 200ms \(50ms headroom\)/);
});

test('report: what a reviewer would still ask = the findings’ headlines grouped by step, errors first', () => {
  const { report, findings } = newsFeedReport();
  const listed = [...report.general, ...report.steps.flatMap((s) => s.questions)];
  assert.equal(listed.length, findings.length, 'every finding is listed once');
  for (const s of report.steps) {
    for (const q of s.questions) assert.equal(findingStepOf(q), s.step, `${q.ruleId} under step ${s.step}`);
    const order = s.questions.map((q) => ['error', 'warning', 'info', 'hint'].indexOf(q.severity));
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
    );
  }
  assert.ok(
    report.steps[2].questions.some((q) => q.ruleId === 'MLSD006'),
    'the empty data section is asked about under Data',
  );
  const md = practiceReportMarkdown(report);
  assert.match(md, /^# Practice interview: Personalized news feed\n/);
  assert.match(md, /## 1 · Requirements\n\nScorecard: [^\n]*\n\nCovered 4\/\d+: `business_objective`, `scale.dau`/);
  assert.match(md, /Missing: .*`out_of_scope`/);
  assert.match(md, /- Average and peak QPS: 46\.3k average/);
  assert.match(md, /- Downtime budget: state `requirements.performance.availability`/);
  assert.match(md, /What a reviewer would still ask:\n\n- \*\*(error|warning)\*\* /);
  for (const f of findings) assert.ok(md.includes(`(${f.ruleId})`), f.ruleId);
});

test('report: each step’s readiness line and the header come from the practice doc’s review scorecard', () => {
  const { report, findings } = newsFeedReport();
  const card = scorecard(analyze(PARTIAL), findings);
  assert.deepEqual(report.scorecard, { readiness: 0, verdict: 'draft', stated: 6, expected: 41 });
  assert.deepEqual(report.scorecard, {
    readiness: card.readiness,
    verdict: card.verdict,
    stated: card.stated,
    expected: card.expected,
  });
  assert.equal(
    report.steps[0].readiness,
    'Scorecard: 3/8 checklist items · 1 warning. Still to state: User interactions that can become labels; ' +
      'Available data: size, labelled or not; Constraints: compute, cloud or device, privacy, fairness; ' +
      'What is out of scope; A short problem summary.',
  );
  assert.match(report.steps[1].readiness ?? '', /^Scorecard: 2\/5 checklist items · 1 warning\. Still to state: /);
  report.steps.forEach((s, i) => {
    const sc = card.steps[i];
    assert.ok(s.readiness?.startsWith(`Scorecard: ${sc.stated}/${sc.expected} checklist items`), s.key);
  });
  const md = practiceReportMarkdown(report);
  assert.match(
    md,
    /\n\nReview scorecard: readiness \*\*0\*\* · draft \(6 of 41 checklist items stated\)\.\n\nCompared with/,
  );
  assert.match(md, /## 1 · Requirements\n\nScorecard: 3\/8 checklist items · 1 warning\. Still to state: /);
});

test('report: the session’s pacing, a readiness line when set, and no reference for an archetype without a template', () => {
  const practice = analyze(practiceDocText('chatbot')!);
  const report = practiceReport({
    archetype: 'chatbot',
    practice,
    findings: [],
    session: {
      status: 'ended',
      elapsedMs: 20 * MIN,
      durationMs: 45 * MIN,
      phases: PRACTICE_PHASES.map((p, i) => ({
        title: p.title,
        boxMs: p.minutes * MIN,
        spentMs: i === 0 ? 12 * MIN : i === 1 ? 8 * MIN : 0,
      })),
    },
  });
  assert.equal(report.hasReference, false);
  assert.ok(report.steps.every((s) => s.reference.length === 0 && s.missedFigures.length === 0));
  report.steps[0].readiness = 'Readiness: 0/9 items';
  const md = practiceReportMarkdown(report);
  assert.match(md, /Ended early after 20:00 of 45:00\./);
  assert.match(md, /\| Requirements \| 12:00 \(over\) \| 07:00 \|/);
  assert.match(md, /\| Framing \| 08:00 \(over\) \| 05:00 \|/);
  assert.match(md, /\| Data \| — \| 07:00 \|/);
  assert.match(md, /No reference answer \(template\) is available for `chatbot` yet/);
  assert.match(md, /## 1 · Requirements\n\nReadiness: 0\/9 items\n/);
  assert.doesNotMatch(md, /Covered/);
});

test('computedFigures: generative serving figures are filed under serving', () => {
  const doc = analyze(`mlsd: 1
archetype: chatbot
requirements:
  scale: {requests_per_day: 8.64M}
framing:
  task_type: text-generation
model:
  candidates:
    - {id: llm, parameters: 8B, precision: bf16, context_window: 8k}
  selected: llm
  stages:
    - {id: generate, model: llm, task_type: text-generation, ttft: 400ms}
serving:
  gpu: {memory: 80GB, count: 4}
`);
  const figs = computedFigures(doc);
  assert.ok(
    figs.every((f) => f.step === 'serving' || f.step === 'requirements'),
    JSON.stringify(figs),
  );
  const ids = figs.map((f) => f.id);
  assert.ok(ids.includes('gpu-memory'), JSON.stringify(ids));
  assert.ok(ids.includes('capacity'), JSON.stringify(ids));
  assert.ok(ids.includes('ttft'), JSON.stringify(ids));
  assert.match(figs.find((f) => f.id === 'gpu-memory')!.text, /weights 16 GB in 80 GB per replica/);
});

/**
 * Practice mode's client logic without vscode (client/src/practiceModel.ts): the controller with a fake
 * clock and fake timers (one interval only while a session runs), the status-bar text, the menu, the
 * nudge, the picker's items and the step an edit is in.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PRACTICE_PHASES, PRACTICE_PROBLEMS } from '../../server/src/engine/domain/practice';
import type { PracticeEvent, PracticeSnapshot, SessionSummary } from '../../server/src/engine/practiceSession';
import {
  PracticeController,
  RANDOM_PROBLEM,
  TICK_MS,
  nudgeMessage,
  phaseAtOffset,
  practiceDocText,
  practiceMenu,
  practiceStatus,
  problemPicks,
  resolveProblem,
} from '../../client/src/practiceModel';

const MIN = 60_000;
const URI = 'untitled:Untitled-1';

/** A fake clock and fake interval timers: `run(ms)` advances time and fires due timers in order. */
function harness() {
  let t = 0;
  let nextId = 1;
  const timers = new Map<number, { fn: () => void; ms: number; due: number }>();
  const updates: PracticeSnapshot[] = [];
  const nudges: Extract<PracticeEvent, { kind: 'overrun' }>[] = [];
  const ends: { archetype: string; uri: string; summary: SessionSummary }[] = [];
  let created = 0;
  const c = new PracticeController({
    now: () => t,
    setInterval: (fn, ms) => {
      created++;
      const id = nextId++;
      timers.set(id, { fn, ms, due: t + ms });
      return id;
    },
    clearInterval: (h) => timers.delete(h as number),
    onUpdate: (s) => updates.push(s),
    onNudge: (e) => nudges.push(e),
    onEnd: (archetype, uri, summary) => ends.push({ archetype, uri, summary }),
  });
  const run = (ms: number) => {
    const until = t + ms;
    for (;;) {
      const due = [...timers.entries()].sort((a, b) => a[1].due - b[1].due)[0];
      if (!due || due[1].due > until) break;
      t = due[1].due;
      due[1].due += due[1].ms;
      due[1].fn();
    }
    t = until;
  };
  return { c, run, timers, updates, nudges, ends, created: () => created };
}

test('controller: no timer without a session; one interval while running, none while paused or after the end', () => {
  const h = harness();
  assert.equal(h.c.active, false);
  assert.equal(h.timers.size, 0);
  h.run(10 * MIN);
  assert.equal(h.updates.length, 0, 'nothing runs before a session starts');
  h.c.start('news-feed', URI);
  assert.equal(h.timers.size, 1);
  assert.equal([...h.timers.values()][0].ms, TICK_MS);
  h.run(5000);
  assert.equal(h.updates.at(-1)?.elapsedMs, 5000, 'the status follows every tick');
  assert.equal(h.c.pause(), true);
  assert.equal(h.timers.size, 0, 'paused: no timer');
  assert.equal(h.c.pause(), false);
  const n = h.updates.length;
  h.run(20 * MIN);
  assert.equal(h.updates.length, n, 'nothing runs while paused');
  assert.equal(h.c.snapshot()?.elapsedMs, 5000, 'the pause used no time');
  assert.equal(h.c.resume(), true);
  assert.equal(h.timers.size, 1);
  h.run(1000);
  assert.equal(h.c.end(), true);
  assert.equal(h.timers.size, 0, 'ended: no timer');
  assert.equal(h.c.active, false);
  assert.equal(h.created(), 2, 'one interval per running stretch, never two at once');
  assert.equal(h.ends.length, 1);
  assert.equal(h.ends[0].summary.status, 'ended');
  assert.equal(h.ends[0].summary.elapsedMs, 6000);
  assert.equal(h.ends[0].archetype, 'news-feed');
  assert.equal(h.ends[0].uri, URI);
});

test('controller: the overrun nudge once per phase, then the end at 45 minutes with the report', () => {
  const h = harness();
  h.c.start('rag', URI);
  h.run(7 * MIN + 2000);
  assert.equal(h.nudges.length, 1);
  assert.equal(h.nudges[0].title, 'Requirements');
  h.run(3 * MIN);
  assert.equal(h.nudges.length, 1, 'once per phase');
  assert.equal(h.c.next(), true);
  h.run(5 * MIN + 1000);
  assert.deepEqual(
    h.nudges.map((n) => n.title),
    ['Requirements', 'Framing'],
  );
  h.run(30 * MIN);
  assert.equal(h.ends.length, 1, 'time is up');
  assert.equal(h.ends[0].summary.status, 'finished');
  assert.equal(h.ends[0].summary.elapsedMs, 45 * MIN);
  assert.equal(h.timers.size, 0);
  assert.equal(h.c.end(), false, 'nothing left to end');
  assert.equal(h.ends.length, 1);
});

test('controller: an edit in a later step moves the phase on; earlier steps and other docs do not', () => {
  const h = harness();
  h.c.start('chatbot', URI);
  assert.equal(h.c.editIn(URI, 2), true);
  assert.equal(h.c.snapshot()?.phase.step, 'data');
  assert.equal(h.c.editIn(URI, 0), false);
  assert.equal(h.c.editIn('file:///other.mlsd.yaml', 5), false);
  assert.equal(h.c.editIn(URI, undefined), false);
  assert.equal(h.c.snapshot()?.phaseIndex, 2);
});

test('controller: end without a report (the doc was closed); dispose drops the timer', () => {
  const h = harness();
  h.c.start('news-feed', URI);
  assert.equal(h.c.end(false), true);
  assert.equal(h.ends.length, 0);
  h.c.start('news-feed', URI);
  h.c.dispose();
  assert.equal(h.timers.size, 0);
  assert.equal(h.c.active, false);
});

test('status bar: phase · mm:ss left; paused; over the box with the warning background', () => {
  const h = harness();
  h.c.start('news-feed', URI);
  h.run(3 * MIN);
  let v = practiceStatus(h.c.snapshot()!);
  assert.equal(v.text, '$(watch) Requirements · 42:00 left');
  assert.equal(v.warning, false);
  assert.match(v.tooltip, /Phase 1\/7 Requirements: 04:00 of 07:00 left\. Session: 42:00 left of 45:00\./);
  h.run(5 * MIN);
  v = practiceStatus(h.c.snapshot()!);
  assert.equal(v.text, '$(warning) Requirements +01:00 · 37:00 left');
  assert.equal(v.warning, true);
  assert.match(v.tooltip, /01:00 over its 07:00 box/);
  h.c.pause();
  v = practiceStatus(h.c.snapshot()!);
  assert.equal(v.text, '$(debug-pause) Requirements · 37:00 left (paused)');
});

test('menu: pause or resume, move on to the next phase (not after the last), end', () => {
  const h = harness();
  h.c.start('news-feed', URI);
  assert.deepEqual(
    practiceMenu(h.c.snapshot()!).map((m) => m.action),
    ['pause', 'next', 'end'],
  );
  assert.match(practiceMenu(h.c.snapshot()!)[1].label, /Move on to Framing/);
  h.c.pause();
  h.c.next(6);
  assert.deepEqual(
    practiceMenu(h.c.snapshot()!).map((m) => m.action),
    ['resume', 'end'],
  );
});

test('nudge: names the phase, its time and the next phase', () => {
  assert.equal(
    nudgeMessage({
      kind: 'overrun',
      phase: 3,
      title: 'Model',
      spentMs: 10 * MIN + 1000,
      boxMs: 10 * MIN,
      next: 'Evaluation',
    }),
    'Practice interview: Model has taken 10:01 of its 10:00. Wrap it up and move on to Evaluation.',
  );
  assert.match(
    nudgeMessage({ kind: 'overrun', phase: 6, title: 'Monitoring', spentMs: 6 * MIN, boxMs: 5 * MIN }),
    /Keep an eye on the time left\.$/,
  );
});

test('picker: "Random problem" first, then ten classic and ten generative problems', () => {
  const picks = problemPicks();
  assert.equal(picks[0].id, RANDOM_PROBLEM);
  const problems = picks.filter((p) => !p.separator && p.id !== RANDOM_PROBLEM);
  assert.deepEqual(
    problems.map((p) => p.id),
    PRACTICE_PROBLEMS.map((p) => p.archetype),
  );
  assert.deepEqual(
    picks.filter((p) => p.separator).map((p) => p.label),
    ['Classic problems', 'Generative problems'],
  );
  assert.equal(
    picks.findIndex((p) => p.label === 'Generative problems'),
    12,
  );
  assert.equal(
    resolveProblem(RANDOM_PROBLEM, () => 0),
    PRACTICE_PROBLEMS[0].archetype,
  );
  assert.equal(
    resolveProblem(RANDOM_PROBLEM, () => 0.999999),
    PRACTICE_PROBLEMS[19].archetype,
  );
  assert.equal(
    resolveProblem('rag', () => 0.5),
    'rag',
  );
  assert.equal(
    resolveProblem('other', () => 0.5),
    undefined,
  );
});

test('phaseAtOffset: the step section an edit is in, in the practice doc', () => {
  const text = practiceDocText('news-feed')!;
  const at = (needle: string, delta = 0) => phaseAtOffset(text, text.indexOf(needle) + delta);
  assert.equal(at('# Practice'), undefined, 'in the problem comments');
  assert.equal(at('archetype:'), undefined);
  for (const [i, p] of PRACTICE_PHASES.entries()) assert.equal(at(`\n${p.step}:`, 1), i, p.step);
  const doc = 'mlsd: 1\nrequirements:\n  scale:\n    dau: 2B\nrisks:\n  - x\n';
  assert.equal(phaseAtOffset(doc, doc.indexOf('dau')), 0, 'nested keys belong to their step');
  assert.equal(phaseAtOffset(doc, doc.indexOf('- x')), undefined, 'a non-step top-level key');
  assert.equal(phaseAtOffset(doc, doc.length), undefined);
});

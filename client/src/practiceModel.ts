/**
 * Practice mode's editor logic without `vscode` (unit-tested with a fake clock and fake timers): the
 * problem picker's items, the status-bar text, the pause/next/end menu, the nudge text, the step an
 * edit is in, and `PracticeController`, which owns the session and its one interval timer. The timer
 * exists only while a session runs: started on start and resume, cleared on pause, end and dispose.
 * client/src/practice.ts is the thin `vscode` layer over this.
 */
import { ARCHETYPES, GENERATIVE_ARCHETYPES } from '../../server/src/engine/domain/archetypes';
import { PRACTICE_PHASES, PRACTICE_PROBLEMS } from '../../server/src/engine/domain/practice';
import {
  formatClock,
  PracticeSession,
  type PracticeEvent,
  type PracticeSnapshot,
  type SessionSummary,
} from '../../server/src/engine/practiceSession';

export { formatClock, practiceDocText } from '../../server/src/engine/practiceSession';

/** The quick pick's id for "Random problem". */
export const RANDOM_PROBLEM = 'random';

/** How often the status bar is refreshed while a session runs, ms. */
export const TICK_MS = 1000;

export interface ProblemPick {
  /** an archetype id, `random`, or undefined for a separator */
  id?: string;
  label: string;
  description?: string;
  detail?: string;
  separator?: boolean;
}

/** The picker's items: "Random problem" first, then the classic and the generative problems in book order. */
export function problemPicks(): ProblemPick[] {
  const out: ProblemPick[] = [
    {
      id: RANDOM_PROBLEM,
      label: '$(question) Random problem',
      detail: `One of the ${PRACTICE_PROBLEMS.length} problems, unseen until the doc opens`,
    },
  ];
  const group = (generative: boolean) =>
    PRACTICE_PROBLEMS.filter((p) => GENERATIVE_ARCHETYPES.includes(p.archetype) === generative).map((p) => ({
      id: p.archetype,
      label: `$(mortar-board) ${ARCHETYPES.find((a) => a.id === p.archetype)?.title ?? p.archetype}`,
      description: p.archetype,
      detail: p.prompt,
    }));
  out.push({ label: 'Classic problems', separator: true }, ...group(false));
  out.push({ label: 'Generative problems', separator: true }, ...group(true));
  return out;
}

/** The archetype of a picked id: itself, or one drawn with `random()` ∈ [0, 1) for `random`. */
export function resolveProblem(id: string, random: () => number): string | undefined {
  if (id === RANDOM_PROBLEM) {
    const i = Math.min(PRACTICE_PROBLEMS.length - 1, Math.floor(random() * PRACTICE_PROBLEMS.length));
    return PRACTICE_PROBLEMS[Math.max(0, i)].archetype;
  }
  return PRACTICE_PROBLEMS.some((p) => p.archetype === id) ? id : undefined;
}

export interface StatusView {
  text: string;
  tooltip: string;
  /** the current phase overran its box (the item gets the warning background) */
  warning: boolean;
}

/** The status-bar item: `phase · mm:ss left`, paused, or over the phase's box. */
export function practiceStatus(s: PracticeSnapshot): StatusView {
  const n = `${s.phaseIndex + 1}/${PRACTICE_PHASES.length}`;
  const left = `${formatClock(s.leftMs)} left`;
  const phaseLine = s.overrun
    ? `Phase ${n} ${s.phase.title}: ${formatClock(-s.phaseLeftMs)} over its ${formatClock(s.phaseBoxMs)} box.`
    : `Phase ${n} ${s.phase.title}: ${formatClock(s.phaseLeftMs)} of ${formatClock(s.phaseBoxMs)} left.`;
  const tooltip = `Practice interview. ${phaseLine} Session: ${left} of ${formatClock(s.durationMs)}. Click to pause, move on or end.`;
  if (s.status === 'paused')
    return { text: `$(debug-pause) ${s.phase.title} · ${left} (paused)`, tooltip, warning: false };
  if (s.overrun)
    return {
      text: `$(warning) ${s.phase.title} +${formatClock(-s.phaseLeftMs)} · ${left}`,
      tooltip,
      warning: true,
    };
  return { text: `$(watch) ${s.phase.title} · ${left}`, tooltip, warning: false };
}

/** The overrun nudge. */
export function nudgeMessage(e: Extract<PracticeEvent, { kind: 'overrun' }>): string {
  const over = `${e.title} has taken ${formatClock(e.spentMs)} of its ${formatClock(e.boxMs)}.`;
  return e.next
    ? `Practice interview: ${over} Wrap it up and move on to ${e.next}.`
    : `Practice interview: ${over} Keep an eye on the time left.`;
}

export type MenuAction = 'pause' | 'resume' | 'next' | 'end';
export interface MenuItem {
  action: MenuAction;
  label: string;
  detail?: string;
}

/** The status-bar item's menu. */
export function practiceMenu(s: PracticeSnapshot): MenuItem[] {
  const out: MenuItem[] = [
    s.status === 'paused'
      ? { action: 'resume', label: '$(debug-continue) Resume', detail: `${formatClock(s.leftMs)} left` }
      : { action: 'pause', label: '$(debug-pause) Pause', detail: 'The clock stops until you resume' },
  ];
  const next = PRACTICE_PHASES[s.phaseIndex + 1];
  if (next) out.push({ action: 'next', label: `$(arrow-right) Move on to ${next.title}`, detail: next.focus });
  out.push({ action: 'end', label: '$(debug-stop) End the interview now', detail: 'Show the report' });
  return out;
}

/**
 * The phase of the step section that contains `offset` (where an edit landed): the last top-level key at or before the offset's
 * line, when it is a step key (`requirements:` … `monitoring:`). Undefined above the first step, or in a
 * top-level key that is not a step (`risks:`).
 */
export function phaseAtOffset(text: string, offset: number): number | undefined {
  const lineEnd = text.indexOf('\n', offset);
  const lines = text.slice(0, lineEnd === -1 ? text.length : lineEnd).split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^([A-Za-z_][\w-]*)\s*:/.exec(lines[i]);
    if (!m) continue;
    const idx = PRACTICE_PHASES.findIndex((p) => p.step === m[1]);
    return idx >= 0 ? idx : undefined;
  }
  return undefined;
}

export interface PracticeHost {
  now(): number;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  /** the status bar and the context keys follow every change */
  onUpdate(s: PracticeSnapshot): void;
  onNudge(e: Extract<PracticeEvent, { kind: 'overrun' }>): void;
  /** the session is over (time up or ended): show the report */
  onEnd(archetype: string, uri: string, summary: SessionSummary): void;
}

/** One practice interview at a time, its timer and its events. */
export class PracticeController {
  private session: PracticeSession | undefined;
  private timer: unknown;
  private timerOn = false;
  archetype: string | undefined;
  uri: string | undefined;

  constructor(private readonly host: PracticeHost) {}

  get active(): boolean {
    return !!this.session?.active;
  }
  /** whether the interval timer exists (only while a session runs) */
  get ticking(): boolean {
    return this.timerOn;
  }
  snapshot(): PracticeSnapshot | undefined {
    return this.session?.snapshot();
  }

  /** Starts a session over the doc `uri`; a running one is dropped without a report. */
  start(archetype: string, uri: string): void {
    this.stopTimer();
    this.session = new PracticeSession(() => this.host.now());
    this.archetype = archetype;
    this.uri = uri;
    this.session.start();
    this.startTimer();
    this.update();
  }

  pause(): boolean {
    if (!this.session?.pause()) return false;
    this.stopTimer();
    this.update();
    return true;
  }

  resume(): boolean {
    if (!this.session?.resume()) return false;
    this.startTimer();
    this.update();
    return true;
  }

  /** Moves on to the next phase, or to `phase` (forward only). */
  next(phase?: number): boolean {
    if (!this.session?.advance(phase)) return false;
    this.update();
    return true;
  }

  /** The candidate wrote in a step section of the practice doc: a later step moves the phase on. */
  editIn(uri: string, phase: number | undefined): boolean {
    if (uri !== this.uri || phase === undefined || !this.session || phase <= this.session.phaseIndex) return false;
    return this.next(phase);
  }

  /** Ends the session early; `report: false` when its doc is gone. */
  end(report = true): boolean {
    const s = this.session;
    if (!s?.end()) return false;
    this.finish(report);
    return true;
  }

  /** Drops the session without a report (deactivation). */
  dispose(): void {
    this.stopTimer();
    this.session = undefined;
  }

  /** The summary the report shows: status, time used, time per phase. */
  summary(): SessionSummary | undefined {
    return this.session?.summary();
  }

  private tick(): void {
    const s = this.session;
    if (!s) return;
    for (const e of s.tick()) {
      if (e.kind === 'overrun') this.host.onNudge(e);
      else if (e.kind === 'finished') {
        this.finish(true);
        return;
      }
    }
    this.update();
  }

  private finish(report: boolean): void {
    this.stopTimer();
    this.update();
    const summary = this.summary();
    if (report && summary && this.archetype && this.uri) this.host.onEnd(this.archetype, this.uri, summary);
  }

  private update(): void {
    const snap = this.session?.snapshot();
    if (snap) this.host.onUpdate(snap);
  }

  private startTimer(): void {
    if (this.timerOn) return;
    this.timer = this.host.setInterval(() => this.tick(), TICK_MS);
    this.timerOn = true;
  }

  private stopTimer(): void {
    if (!this.timerOn) return;
    this.host.clearInterval(this.timer);
    this.timer = undefined;
    this.timerOn = false;
  }
}

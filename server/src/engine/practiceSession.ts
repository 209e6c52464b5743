/**
 * Practice mode (issue 11): the session state machine and the session's new doc. Kept apart from the end
 * report (`practice.ts`) so that the editor client bundles only this and the problem table: it imports no
 * catalogue, parser or figures.
 *
 * - `PracticeSession`: the state machine. It reads time only through the `now()` it is given, so tests
 *   drive it with a fake clock. Phases follow the framework (`domain/practice.ts`: order, time boxes); the
 *   candidate moves forward with `advance` (the client also advances when the candidate writes in a later
 *   step's section); `tick` reports a phase's overrun once and the end of the 45 minutes.
 * - `practiceDocText`: the session's new doc — the problem as comments, `mlsd: 1`, `archetype:` and the
 *   seven step keys empty. No template answers.
 */
import { ARCHETYPES } from './domain/archetypes';
import { PRACTICE_MINUTES, PRACTICE_PHASES, type PracticePhase, practiceProblem } from './domain/practice';
import type { StepKey } from './catalog';

const MINUTE = 60_000;

// ---------------------------------------------------------------------------------------------
// The session state machine
// ---------------------------------------------------------------------------------------------

export type PracticeStatus = 'idle' | 'running' | 'paused' | 'finished' | 'ended';

export type PracticeEvent =
  | {
      kind: 'overrun';
      /** index of the phase that overran its box */
      phase: number;
      title: string;
      spentMs: number;
      boxMs: number;
      /** the phase that comes next, if any */
      next?: string;
    }
  | { kind: 'finished'; elapsedMs: number };

export interface PhaseTime {
  title: string;
  step: StepKey;
  boxMs: number;
  spentMs: number;
  entered: boolean;
}

/** A session that is over, for the end report. */
export interface SessionSummary {
  status: 'finished' | 'ended';
  elapsedMs: number;
  durationMs: number;
  phases: { title: string; spentMs: number; boxMs: number; entered?: boolean }[];
}

export interface PracticeSnapshot {
  status: PracticeStatus;
  /** the phase being worked on (0–6) */
  phaseIndex: number;
  phase: PracticePhase;
  durationMs: number;
  /** active time used (pauses excluded), at most `durationMs` */
  elapsedMs: number;
  leftMs: number;
  phaseBoxMs: number;
  phaseSpentMs: number;
  /** negative once the phase overran its box */
  phaseLeftMs: number;
  overrun: boolean;
}

/**
 * One practice interview. `now()` is the only clock (milliseconds, monotonic is enough). Pausing stops
 * the clock of the session and of the current phase; `tick` is what a timer calls (every second in the
 * editor) and returns the events since the last call: an `overrun` once per phase, `finished` once when
 * the 45 minutes are used.
 */
export class PracticeSession {
  private statusValue: PracticeStatus = 'idle';
  /** active time accumulated before `runningSince` */
  private activeMs = 0;
  private runningSince = 0;
  private phase = 0;
  /** elapsed time at which the current phase started */
  private phaseStartMs = 0;
  /** time spent in each phase (the current one is completed by `elapsed`) */
  private readonly spent: number[];
  private readonly nudged = new Set<number>();
  /** phases the candidate worked in (a skipped phase has none of the session's time, not even 0 ms) */
  private readonly entered = new Set<number>([0]);
  readonly durationMs: number;

  constructor(
    private readonly now: () => number,
    readonly phases: readonly PracticePhase[] = PRACTICE_PHASES,
    durationMinutes = PRACTICE_MINUTES,
  ) {
    this.durationMs = durationMinutes * MINUTE;
    this.spent = phases.map(() => 0);
  }

  get status(): PracticeStatus {
    return this.statusValue;
  }
  /** running or paused: the session holds the status bar and the commands */
  get active(): boolean {
    return this.statusValue === 'running' || this.statusValue === 'paused';
  }
  get phaseIndex(): number {
    return this.phase;
  }

  /** Active time used, pauses excluded, capped at the session length. */
  elapsed(): number {
    const running = this.statusValue === 'running' ? Math.max(0, this.now() - this.runningSince) : 0;
    return Math.min(this.durationMs, this.activeMs + running);
  }

  start(): boolean {
    if (this.statusValue !== 'idle') return false;
    this.statusValue = 'running';
    this.runningSince = this.now();
    return true;
  }

  pause(): boolean {
    if (this.statusValue !== 'running') return false;
    this.activeMs = this.elapsed();
    this.statusValue = 'paused';
    return true;
  }

  resume(): boolean {
    if (this.statusValue !== 'paused') return false;
    this.statusValue = 'running';
    this.runningSince = this.now();
    return true;
  }

  /**
   * Moves to a later phase (the next one by default). Forward only: going back to edit an earlier step
   * does not restart its clock, as in an interview, where the agenda moves on. False when nothing moved.
   */
  advance(to = this.phase + 1): boolean {
    if (!this.active || !Number.isInteger(to) || to <= this.phase || to >= this.phases.length) return false;
    const e = this.elapsed();
    this.spent[this.phase] = e - this.phaseStartMs;
    this.phase = to;
    this.entered.add(to);
    this.phaseStartMs = e;
    return true;
  }

  /** Ends the session early (running or paused). */
  end(): boolean {
    if (!this.active) return false;
    this.close('ended');
    return true;
  }

  /** What a timer calls: the overrun nudge (once per phase) and the end of the session. */
  tick(): PracticeEvent[] {
    if (this.statusValue !== 'running') return [];
    const e = this.elapsed();
    if (e >= this.durationMs) {
      this.close('finished');
      return [{ kind: 'finished', elapsedMs: this.durationMs }];
    }
    const box = this.boxMs(this.phase);
    const spent = e - this.phaseStartMs;
    if (spent > box && !this.nudged.has(this.phase)) {
      this.nudged.add(this.phase);
      return [
        {
          kind: 'overrun',
          phase: this.phase,
          title: this.phases[this.phase].title,
          spentMs: spent,
          boxMs: box,
          next: this.phases[this.phase + 1]?.title,
        },
      ];
    }
    return [];
  }

  snapshot(): PracticeSnapshot {
    const e = this.elapsed();
    const phaseBoxMs = this.boxMs(this.phase);
    const phaseSpentMs =
      this.statusValue === 'finished' || this.statusValue === 'ended' ? this.spent[this.phase] : e - this.phaseStartMs;
    return {
      status: this.statusValue,
      phaseIndex: this.phase,
      phase: this.phases[this.phase],
      durationMs: this.durationMs,
      elapsedMs: e,
      leftMs: this.durationMs - e,
      phaseBoxMs,
      phaseSpentMs,
      phaseLeftMs: phaseBoxMs - phaseSpentMs,
      overrun: phaseSpentMs > phaseBoxMs,
    };
  }

  /** Time spent per phase against its box (the current phase up to now). */
  timeline(): PhaseTime[] {
    const e = this.elapsed();
    return this.phases.map((p, i) => ({
      title: p.title,
      step: p.step,
      boxMs: this.boxMs(i),
      spentMs: i === this.phase && this.active ? e - this.phaseStartMs : this.spent[i],
      entered: this.entered.has(i),
    }));
  }

  /** The summary the report shows (status, time used, time per phase); undefined until the session is over. */
  summary(): SessionSummary | undefined {
    const status = this.statusValue;
    if (status !== 'finished' && status !== 'ended') return undefined;
    return {
      status,
      elapsedMs: this.elapsed(),
      durationMs: this.durationMs,
      phases: this.timeline().map((p) => ({ title: p.title, spentMs: p.spentMs, boxMs: p.boxMs, entered: p.entered })),
    };
  }

  private boxMs(i: number): number {
    return (this.phases[i]?.minutes ?? 0) * MINUTE;
  }

  private close(status: 'finished' | 'ended'): void {
    const e = this.elapsed();
    this.spent[this.phase] = e - this.phaseStartMs;
    this.activeMs = e;
    this.statusValue = status;
  }
}

/** `mm:ss` (minutes may exceed 59), with a leading `-` for negative times. */
export function formatClock(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const s = Math.floor(Math.abs(ms) / 1000);
  return `${sign}${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// The practice doc
// ---------------------------------------------------------------------------------------------

function wrapComment(text: string, prefix: string, width = 100): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && prefix.length + line.length + 1 + word.length > width) {
      out.push(`${prefix}${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(`${prefix}${line}`);
  return out;
}

/**
 * The new doc of a practice session: the problem as comments, `mlsd: 1`, `archetype:` and the seven step
 * keys empty (in framework order). Undefined for an archetype without a problem.
 */
export function practiceDocText(
  archetype: string,
  phases: readonly PracticePhase[] = PRACTICE_PHASES,
): string | undefined {
  const problem = practiceProblem(archetype);
  if (!problem) return undefined;
  const title = ARCHETYPES.find((a) => a.id === archetype)?.title ?? archetype;
  const minutes = phases.reduce((a, p) => a + p.minutes, 0);
  const lines = [
    `# Practice interview: ${title} (${minutes} minutes)`,
    '#',
    ...wrapComment(`Interviewer: ${problem.prompt}`, '# '),
  ];
  if (problem.facts.length) {
    lines.push('#', '# When you ask, the interviewer tells you:');
    for (const f of problem.facts)
      lines.push(...wrapComment(f, '#   ').map((l, i) => (i === 0 ? `# - ${l.slice(4)}` : l)));
  }
  lines.push(
    '#',
    ...wrapComment(
      `Pacing: ${phases.map((p) => `${p.title} ${p.minutes}`).join(', ')} minutes. Write each step under its key; the status bar shows the phase and the time left.`,
      '# ',
    ),
    'mlsd: 1',
    `archetype: ${archetype}`,
    '',
  );
  for (const p of PRACTICE_PHASES) lines.push(`${p.step}:`, '');
  return lines.join('\n');
}

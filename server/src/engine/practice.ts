/**
 * Practice mode (issue 11): a timed 45-minute ML system design interview over one archetype problem.
 *
 * The session state machine and the practice doc are in `practiceSession.ts` (re-exported here).
 *
 * `practiceReport` / `practiceReportMarkdown`: the end report. Per step: the keys the archetype's
 *   reference answer (its whole-doc template, expanded with defaults) states, covered vs missing in the
 *   practice doc; the figures the engine computes for the practice doc (and those it computes for the
 *   reference but cannot yet for the practice doc); and what a reviewer would still ask — the practice
 *   doc's findings' headlines, grouped by step. Each step's `readiness` is its line of the practice doc's
 *   review scorecard (`Scorecard: 5/7 checklist items · 1 warning`, still to state: …), and the report
 *   opens with the scorecard's readiness and verdict.
 */
import { STEP_KEYS, STEP_TITLES, type StepKey } from './catalog';
import { archetypeInfo } from './domain/lookup';
import {
  downtime,
  experimentFigures,
  indexMemory,
  labelCoverage,
  latencyCheck,
  qpsFigures,
  servingLatency,
} from './figures';
import { formatMoney } from './values';
import { genaiServing } from './genaiServing';
import type { MlsdDoc } from './model';
import { type Scorecard, scorecard, type StepScore } from './scorecard';
import { formatClock, type SessionSummary } from './practiceSession';
import { formatBytes, formatCount, formatDuration, formatPercent } from './values';

export * from './practiceSession';

// ---------------------------------------------------------------------------------------------
// The end report
// ---------------------------------------------------------------------------------------------

/** What the report needs of a finding (a lint `Finding` fits). */
export interface ReportFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  /** the headline */
  message: string;
  aboutStep?: number;
}

/** A figure the engine computed for a doc, filed under a step. */
export interface FigureLine {
  id: string;
  step: StepKey;
  label: string;
  /** the figure as a sentence fragment (`46.3k average, 92.6k peak (× 2)`) */
  text: string;
}

/** A figure the reference computes that the practice doc does not state the inputs for. */
export interface MissedFigure {
  id: string;
  label: string;
  /** the keys it needs, as Markdown code spans */
  needs: string;
}

export interface StepReport {
  step: number;
  key: StepKey;
  title: string;
  /** keys (below the step, `scale.dau`) the reference states; empty without a reference */
  reference: string[];
  covered: string[];
  missing: string[];
  figures: FigureLine[];
  missedFigures: MissedFigure[];
  /** findings about this step, errors first */
  questions: ReportFinding[];
  /** the step's scorecard line (`Scorecard: 5/7 checklist items · 1 warning.`): printed when set */
  readiness?: string;
}

export interface PracticeReport {
  archetype: string;
  title: string;
  /** whether a reference answer (the archetype's template) was available */
  hasReference: boolean;
  session?: SessionSummary;
  steps: StepReport[];
  /** findings about the whole doc (step 0 without `aboutStep`) */
  general: ReportFinding[];
  covered: number;
  expected: number;
  /** the practice doc's review scorecard (engine/scorecard.ts) */
  scorecard?: Pick<Scorecard, 'readiness' | 'verdict' | 'stated' | 'expected'>;
}

export interface PracticeReportInput {
  archetype: string;
  practice: MlsdDoc;
  findings: readonly ReportFinding[];
  /** the reference answer, analysed: the archetype's template expanded with its defaults */
  reference?: MlsdDoc;
  session?: SessionSummary;
}

/**
 * The keys a doc states under a step, two levels deep: `business_objective`, `scale.dau`,
 * `performance.latency`. A list counts as one key (`sources`); a mapping at the second level counts as
 * one key (`performance.latency` whether it is `200ms` or `{p99: 200ms}`). Placeholders are not stated.
 */
export function statedStepKeys(doc: MlsdDoc, step: StepKey): string[] {
  const out: string[] = [];
  const section = doc.node([step]);
  if (section?.kind !== 'map') return out;
  for (const e of section.entries ?? []) {
    if (!e.key || !doc.isStated(e)) continue;
    if (e.kind === 'map') {
      const inner = (e.entries ?? []).filter((c) => c.key && doc.isStated(c));
      for (const c of inner) out.push(`${e.key}.${c.key}`);
    } else out.push(e.key);
  }
  return [...new Set(out)];
}

/** A key of the reference is covered when the practice doc states it. */
function covers(doc: MlsdDoc, step: StepKey, key: string): boolean {
  return doc.stated([step, ...key.split('.')]);
}

const STEP_NUMBER = (key: StepKey) => (STEP_KEYS as readonly string[]).indexOf(key) + 1;

/** The framework step of a finding: `aboutStep`, else the hundreds digit of `MLSDnnn` (0 = the whole doc). */
export function findingStepOf(f: { ruleId: string; aboutStep?: number }): number {
  if (f.aboutStep !== undefined) return f.aboutStep;
  const n = Number(/^MLSD(\d{3})$/.exec(f.ruleId)?.[1]);
  return Number.isFinite(n) ? Math.floor(n / 100) : 0;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2, hint: 3 } as const;

/** What each figure needs, for "the reference computes it, your doc cannot yet". */
const FIGURE_NEEDS: Record<string, { label: string; needs: string }> = {
  qps: {
    label: 'Average and peak QPS',
    needs: '`requirements.scale.dau` and `requirements.scale.requests_per_user_per_day`',
  },
  downtime: { label: 'Downtime budget', needs: '`requirements.performance.availability`' },
  'label-coverage': {
    label: 'Human-label coverage',
    needs: '`data.sources[]` of kind `annotations` and `content`/`items` with a per-day `volume`',
  },
  'ab-test': {
    label: 'A/B sample size',
    needs: '`evaluation.online.experiment.baseline_rate` and `mde_relative`',
  },
  latency: { label: 'Serving latency', needs: '`model.stages[].latency` and `requirements.performance.latency`' },
  'index-memory': {
    label: 'Index memory',
    needs: '`requirements.scale.items`, `serving.index.dim` and `serving.index.bytes_per_dim`',
  },
  'gpu-memory': {
    label: 'GPU memory per replica',
    needs: 'the generator candidate’s `parameters` and `serving.gpu.memory`',
  },
  capacity: { label: 'GPU capacity', needs: '`serving.gpu.count` and the peak QPS' },
  ttft: { label: 'Time to first token', needs: 'the stage latencies before the generator and its `ttft`' },
  cost: { label: 'Serving cost', needs: '`serving.cost` (per request, per token or the fleet’s price)' },
};

const ms = (v: number) => formatDuration(Math.round(v));

/** The figures the engine computes for a doc (the same functions as rules, hover and inlay hints). */
export function computedFigures(doc: MlsdDoc): FigureLine[] {
  const out: FigureLine[] = [];
  const add = (id: string, step: StepKey, text: string) =>
    out.push({ id, step, label: FIGURE_NEEDS[id]?.label ?? id, text });
  const q = qpsFigures(doc);
  if (q)
    add(
      'qps',
      'requirements',
      `${formatCount(q.average)} average, ${formatCount(q.peak)} peak (× ${q.peakFactor}) from ${formatCount(q.dau)} DAU × ${formatCount(q.requestsPerUserPerDay)} requests a day`,
    );
  const d = downtime(doc);
  if (d)
    add(
      'downtime',
      'requirements',
      `${formatPercent(d.availability)} availability allows ${formatCount(d.hoursPerYear)} h a year (${formatCount(d.minutesPerMonth)} min a month)`,
    );
  const lc = labelCoverage(doc);
  if (lc)
    add(
      'label-coverage',
      'data',
      `${formatCount(lc.labelsPerDay)} human labels a day cover ${formatPercent(lc.coverage)} of ${formatCount(lc.items.perDay)} new items a day`,
    );
  const x = experimentFigures(doc);
  if (x)
    add(
      'ab-test',
      'evaluation',
      `${formatCount(x.n)} units per arm to detect ${formatPercent(x.mdeRelative)} on a ${formatPercent(x.baselineRate)} baseline${x.daysNeeded !== undefined ? `, about ${Math.ceil(x.daysNeeded)} days` : ''}`,
    );
  const lat = latencyCheck(doc);
  if (lat)
    add(
      'latency',
      'serving',
      `stages${lat.network ? ' and network' : ''} sum to ${ms(lat.sum)} against the ${lat.requirement.percentile ?? ''}${lat.requirement.percentile ? ' ' : ''}budget of ${ms(lat.requirement.budget)} (${lat.over > 0 ? `${ms(lat.over)} over` : `${ms(-lat.over)} headroom`})`,
    );
  else {
    const s = servingLatency(doc);
    if (s)
      add(
        'latency',
        'serving',
        `stages${s.network ? ' and network' : ''} sum to ${ms(s.sum)} (no latency budget to compare with)`,
      );
  }
  const im = indexMemory(doc);
  if (im)
    add(
      'index-memory',
      'serving',
      `${formatBytes(im.required)} for ${formatCount(im.items)} vectors of ${im.dim} dimensions${im.memory !== undefined ? ` against ${formatBytes(im.memory)} stated` : ''}`,
    );
  const g = genaiServing(doc);
  if (g.memory) {
    const fit = g.memory.fit;
    add(
      'gpu-memory',
      'serving',
      `weights ${formatBytes(g.memory.weights.bytes)} in ${formatBytes(g.memory.replicaMemory)} per replica${fit ? `; with the KV cache ${formatBytes(fit.total)} (${fit.exceeds ? 'does not fit' : 'fits'}, at most ${fit.maxSequences} sequences)` : ''}`,
    );
  }
  if (g.capacity) {
    const c = g.capacity;
    const need = c.tokens
      ? `; ${c.tokens.exceeds ? 'short of' : 'enough for'} the peak token rate`
      : c.requests
        ? `; ${c.requests.exceeds ? 'short of' : 'enough for'} ${formatCount(c.requests.need)} requests/s`
        : '';
    add(
      'capacity',
      'serving',
      `${c.replicas} replicas of ${c.perReplica} GPU for ${formatCount(c.qps)} peak QPS${need}`,
    );
  }
  if (g.ttft)
    add(
      'ttft',
      'serving',
      `${ms(g.ttft.path)} to the first token${g.ttft.budget ? ` against ${ms(g.ttft.budget.value)} (${g.ttft.exceeds ? 'over' : 'within'})` : ''}`,
    );
  if (g.cost && (g.cost.perRequest !== undefined || g.cost.monthly !== undefined)) {
    const c = g.cost;
    const parts = [
      c.perRequest !== undefined ? `${formatMoney(c.perRequest, c.money)} per request` : '',
      c.monthly !== undefined ? `${formatMoney(c.monthly, c.money)} a month` : '',
    ].filter(Boolean);
    add('cost', 'serving', parts.join(', '));
  }
  return out;
}

/** The end report of a practice session (see the module comment). */
export function practiceReport(input: PracticeReportInput): PracticeReport {
  const { practice, reference } = input;
  const figures = computedFigures(practice);
  const refFigures = reference ? computedFigures(reference) : [];
  const sorted = [...input.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const card = scorecard(practice, input.findings);
  let covered = 0;
  let expected = 0;
  const steps: StepReport[] = STEP_KEYS.map((key) => {
    const sc = card.steps.find((x) => x.key === key);
    const ref = reference ? statedStepKeys(reference, key) : [];
    const cov = ref.filter((k) => covers(practice, key, k));
    covered += cov.length;
    expected += ref.length;
    const have = new Set(figures.filter((f) => f.step === key).map((f) => f.id));
    return {
      step: STEP_NUMBER(key),
      key,
      title: STEP_TITLES[key],
      reference: ref,
      covered: cov,
      missing: ref.filter((k) => !cov.includes(k)),
      figures: figures.filter((f) => f.step === key),
      missedFigures: refFigures
        .filter((f) => f.step === key && !have.has(f.id))
        .map((f) => ({ id: f.id, label: f.label, needs: FIGURE_NEEDS[f.id]?.needs ?? '' })),
      questions: sorted.filter((f) => findingStepOf(f) === STEP_NUMBER(key)),
      ...(sc && sc.expected > 0 ? { readiness: scoreLine(sc) } : {}),
    };
  });
  return {
    archetype: input.archetype,
    title: archetypeInfo(input.archetype)?.title ?? input.archetype,
    hasReference: !!reference,
    session: input.session,
    steps,
    general: sorted.filter((f) => findingStepOf(f) === 0),
    covered,
    expected,
    scorecard: { readiness: card.readiness, verdict: card.verdict, stated: card.stated, expected: card.expected },
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `Scorecard: 5/7 checklist items · 1 warning. Still to state: …` (zero counts left out). */
export function scoreLine(s: StepScore): string {
  const counts = [s.errors && plural(s.errors, 'error'), s.warnings && plural(s.warnings, 'warning')].filter(Boolean);
  const todo = s.items.filter((x) => !x.stated).map((x) => x.title);
  return `Scorecard: ${s.stated}/${s.expected} checklist items${counts.length ? ` · ${counts.join(', ')}` : ''}.${
    todo.length ? ` Still to state: ${todo.join('; ')}.` : ''
  }`;
}

const code = (s: string) => `\`${s}\``;

function keyList(keys: readonly string[]): string {
  return keys.map(code).join(', ');
}

function questionLine(f: ReportFinding): string {
  return `- **${f.severity}** ${f.message.replace(/\s+/g, ' ').trim()} (${f.ruleId})`;
}

/** The report as Markdown, for the editor's preview. */
export function practiceReportMarkdown(r: PracticeReport): string {
  const out: string[] = [`# Practice interview: ${r.title}`, ''];
  if (r.session) {
    const s = r.session;
    out.push(
      s.status === 'finished'
        ? `Time is up: ${formatClock(s.elapsedMs)} of ${formatClock(s.durationMs)} used.`
        : `Ended early after ${formatClock(s.elapsedMs)} of ${formatClock(s.durationMs)}.`,
      '',
      '| Phase | Time spent | Time box |',
      '|---|---:|---:|',
      ...s.phases.map(
        (p) =>
          `| ${p.title} | ${(p.entered ?? p.spentMs > 0) ? formatClock(p.spentMs) : '—'}${p.spentMs > p.boxMs ? ' (over)' : ''} | ${formatClock(p.boxMs)} |`,
      ),
      '',
    );
  }
  if (r.scorecard) {
    const c = r.scorecard;
    out.push(
      `Review scorecard: readiness **${c.readiness}** · ${c.verdict} (${c.stated} of ${c.expected} checklist items stated).`,
      '',
    );
  }
  out.push(
    r.hasReference
      ? `Compared with the reference answer (the \`${r.archetype}\` template): **${r.covered} of ${r.expected}** of its keys stated.`
      : `No reference answer (template) is available for \`${r.archetype}\` yet: the report lists the figures and the findings only.`,
    '',
  );
  for (const s of r.steps) {
    out.push(`## ${s.step} · ${s.title}`, '');
    if (s.readiness) out.push(s.readiness, '');
    if (r.hasReference) {
      if (s.reference.length === 0) out.push('The reference states nothing here.');
      else {
        out.push(
          `Covered ${s.covered.length}/${s.reference.length}${s.covered.length ? `: ${keyList(s.covered)}` : ''}.`,
        );
        if (s.missing.length) out.push('', `Missing: ${keyList(s.missing)}.`);
      }
      out.push('');
    }
    if (s.figures.length) {
      out.push('Figures computed from your doc:', '', ...s.figures.map((f) => `- ${f.label}: ${f.text}`), '');
    }
    if (s.missedFigures.length) {
      out.push(
        'Figures the reference answer computes and yours cannot yet:',
        '',
        ...s.missedFigures.map((f) => `- ${f.label}: state ${f.needs}`),
        '',
      );
    }
    out.push(
      ...(s.questions.length
        ? ['What a reviewer would still ask:', '', ...s.questions.map(questionLine)]
        : ['A reviewer has no open question here.']),
      '',
    );
  }
  if (r.general.length) out.push('## The whole doc', '', ...r.general.map(questionLine), '');
  return `${out.join('\n').trimEnd()}\n`;
}

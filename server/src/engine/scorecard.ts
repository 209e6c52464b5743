/**
 * The review scorecard of a doc (issue 11): per framework step, the checklist items it states against
 * those expected of it (`domain/checklist.ts`; an item that does not apply to the doc's task type,
 * archetype or generative shape is not expected), its blocking findings (errors) and warnings; one
 * readiness figure (0–100) and a verdict. A pure function over the analysed doc and its findings.
 *
 * Readiness = 100 × stated / expected items, minus 10 per error (at most 50) and 2 per warning (at most
 * 20), clamped to 0–100. Verdict: `complete` when every expected item is stated and there is no error and
 * no warning; `ready for review` when there is no error and every step states at least one item;
 * otherwise `draft`. Info and hint findings never lower the score.
 */
import { STEP_KEYS, STEP_TITLES, type StepKey } from './catalog';
import { CHECKLIST, type ChecklistCondition, type ChecklistItem } from './domain/checklist';
import { dynamicFeatures, servingOnline } from './facts';
import { isGenerative, retrieves, trainsWeights, userFacing } from './genaiFacts';
import type { MlsdDoc } from './model';
import type { MNode } from './parse';

export type Verdict = 'draft' | 'ready for review' | 'complete';

/** What the scorecard needs of a finding: its rule id (the hundreds digit is the step), severity, `aboutStep`. */
export interface ScoredFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  aboutStep?: number;
}

export interface ItemScore {
  id: string;
  title: string;
  keys: readonly string[];
  stated: boolean;
}

export interface StepScore {
  step: number;
  key: StepKey;
  title: string;
  /** the expected items (applicable to this doc), stated or not */
  items: ItemScore[];
  stated: number;
  expected: number;
  errors: number;
  warnings: number;
  /** none: no expected item stated; full: all of them */
  coverage: 'none' | 'partial' | 'full';
}

export interface Scorecard {
  steps: StepScore[];
  stated: number;
  expected: number;
  /** all findings of the doc by severity, document-structure findings (step 0) included */
  errors: number;
  warnings: number;
  infos: number;
  readiness: number;
  verdict: Verdict;
  generative: boolean;
}

/** The framework step a finding is about: `aboutStep`, else the hundreds digit of `MLSDnnn` (0 = structure). */
export function findingStep(f: { ruleId: string; aboutStep?: number }): number {
  if (f.aboutStep !== undefined) return f.aboutStep;
  const n = Number(/^MLSD(\d{3})$/.exec(f.ruleId)?.[1]);
  return Number.isFinite(n) ? Math.floor(n / 100) : 0;
}

interface DocShape {
  generative: boolean;
  ranks: boolean;
  retrieves: boolean;
  userFacing: boolean;
  trainsWeights: boolean;
  taskTypes: Set<string>;
  outputUse?: string;
  dynamicFeatures: boolean;
}

function shapeOf(doc: MlsdDoc): DocShape {
  const generative = isGenerative(doc);
  const taskTypes = new Set<string>(doc.effectiveTaskTypes());
  for (const s of doc.entries('model.stages')) {
    const t = doc.enumValueOf(s.entries?.find((e) => e.key === 'task_type'));
    if (t) taskTypes.add(t);
  }
  return {
    generative,
    ranks: doc.ranksOrRecommends(),
    retrieves: generative && retrieves(doc),
    userFacing: userFacing(doc),
    // a predictive model is always trained; a generative doc trains when it says so (genai.md §4)
    trainsWeights: !generative || trainsWeights(doc),
    taskTypes,
    outputUse: doc.enumOf('framing.output_use'),
    // a streaming feature is precomputed from an event stream and must be read at request time from an online
    // store; a realtime one is computed from the request itself (the query, its pixels) and needs no store
    dynamicFeatures: servingOnline(doc).online && dynamicFeatures(doc).some((f) => f.freshness === 'streaming'),
  };
}

function applies(when: ChecklistCondition | undefined, s: DocShape): boolean {
  if (!when) return true;
  if (when.generative !== undefined && when.generative !== s.generative) return false;
  if (when.ranks && !s.ranks) return false;
  if (when.retrieves && !s.retrieves) return false;
  if (when.userFacing && !s.userFacing) return false;
  if (when.trainsWeights && !s.trainsWeights) return false;
  if (when.dynamicFeatures && !s.dynamicFeatures) return false;
  if (when.taskTypes && !when.taskTypes.some((t) => s.taskTypes.has(t))) return false;
  if (when.outputUse && !(s.outputUse && when.outputUse.includes(s.outputUse))) return false;
  return true;
}

/** A checklist key is stated; `a.b[].c` is stated when some item of the list `a.b` states `c`. */
export function keyStated(doc: MlsdDoc, key: string): boolean {
  const i = key.indexOf('[]');
  if (i < 0) return doc.stated(key);
  const list = key.slice(0, i);
  const rest = key.slice(i + 3);
  return doc.list(list).some((item) => (rest ? doc.isStated(at(item, rest.split('.'))) : doc.isStated(item)));
}

function at(n: MNode | undefined, parts: string[]): MNode | undefined {
  let cur = n;
  for (const p of parts) {
    if (cur?.kind !== 'map') return undefined;
    cur = cur.entries?.find((e) => e.key === p);
  }
  return cur;
}

function itemStated(doc: MlsdDoc, item: ChecklistItem): boolean {
  return item.all ? item.keys.every((k) => keyStated(doc, k)) : item.keys.some((k) => keyStated(doc, k));
}

/** The checklist items expected of this doc (applicable ones), in checklist order. */
export function expectedItems(doc: MlsdDoc): ChecklistItem[] {
  const s = shapeOf(doc);
  return CHECKLIST.filter((i) => applies(i.when, s));
}

export function scorecard(doc: MlsdDoc, findings: readonly ScoredFinding[]): Scorecard {
  const shape = shapeOf(doc);
  const steps: StepScore[] = STEP_KEYS.map((key, i) => {
    const step = i + 1;
    const items = CHECKLIST.filter((it) => it.step === step && applies(it.when, shape)).map((it) => ({
      id: it.id,
      title: it.title,
      keys: it.keys,
      stated: itemStated(doc, it),
    }));
    const stated = items.filter((x) => x.stated).length;
    const own = findings.filter((f) => findingStep(f) === step);
    return {
      step,
      key,
      title: STEP_TITLES[key],
      items,
      stated,
      expected: items.length,
      errors: own.filter((f) => f.severity === 'error').length,
      warnings: own.filter((f) => f.severity === 'warning').length,
      coverage: stated === 0 ? 'none' : stated === items.length ? 'full' : 'partial',
    };
  });
  const stated = steps.reduce((a, s) => a + s.stated, 0);
  const expected = steps.reduce((a, s) => a + s.expected, 0);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const infos = findings.length - errors - warnings;
  const base = expected ? (100 * stated) / expected : 100;
  const penalty = Math.min(50, 10 * errors) + Math.min(20, 2 * warnings);
  const readiness = Math.max(0, Math.min(100, Math.round(base - penalty)));
  const verdict: Verdict =
    errors > 0 || steps.some((s) => s.coverage === 'none')
      ? 'draft'
      : stated === expected && warnings === 0
        ? 'complete'
        : 'ready for review';
  return { steps, stated, expected, errors, warnings, infos, readiness, verdict, generative: shape.generative };
}

/**
 * A step's coverage as a bar of `width` cells: █ stated, ░ to state. A partly covered step never looks
 * empty or full; in one cell it is ▒.
 */
export function coverageBar(stated: number, expected: number, width = 5): string {
  if (width <= 1) return stated === 0 && expected > 0 ? '░' : stated < expected ? '▒' : '█';
  const full = expected ? Math.round((width * stated) / expected) : width;
  const cells = stated > 0 && full === 0 ? 1 : stated < expected && full === width ? width - 1 : full;
  return '█'.repeat(cells) + '░'.repeat(width - cells);
}

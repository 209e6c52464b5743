/**
 * Facts about a design doc that several rules (and features) ask: which sources are time-ordered, which
 * features are computed in real time, whether labels are behavioural, whether the doc ranks or
 * recommends, whether it serves online, how its loss splits. Plain functions over `MlsdDoc`; rules import
 * them from here, never from another rule's file.
 */
import {
  BEHAVIOURAL_LABEL_SOURCES,
  findLoss,
  RANKING_TASKS,
  RECOMMENDATION_ARCHETYPES,
  TASK_TYPES,
  type LossInfo,
  type TaskType,
} from './domain';
import type { MetricRef, MlsdDoc, Related, Span } from './model';
import { generatorTaskType, retrieves } from './genaiFacts';
import { child, type MNode } from './parse';

export interface TemporalSource {
  id: string;
  /** why it is time-ordered: `temporal: true` or `kind: interactions` / `logs` / `transactions` / `time-series` */
  reason: string;
  /** the node that says so (the `temporal` or `kind` value) */
  node: MNode;
}

/** Source kinds that are time-ordered by default (format.md v1.1 adds transactions and time-series). */
export const TIME_ORDERED_KINDS = ['interactions', 'logs', 'transactions', 'time-series'];

/**
 * Sources whose rows carry time order: `temporal: true`, or kind `interactions`, `logs`, `transactions` or
 * `time-series` unless the author wrote `temporal: false` (an explicit statement wins over the kind's default).
 */
export function temporalSources(doc: MlsdDoc): TemporalSource[] {
  const out: TemporalSource[] = [];
  doc.entries('data.sources').forEach((s, i) => {
    const id = doc.textOf(child(s, 'id')) ?? `source ${i + 1}`;
    const tNode = child(s, 'temporal');
    const temporal = tNode && tNode.kind === 'scalar' && typeof tNode.value === 'boolean' ? tNode.value : undefined;
    if (temporal === true) {
      out.push({ id, reason: 'temporal: true', node: tNode! });
      return;
    }
    if (temporal === false) return;
    const kNode = child(s, 'kind');
    const kind = doc.enumValueOf(kNode);
    if (kNode && kind && TIME_ORDERED_KINDS.includes(kind)) out.push({ id, reason: `kind: ${kind}`, node: kNode });
  });
  return out;
}

/** Entries of `data.sources` / `data.features` whose boolean `flag` is true, with their id and flag node. */
export function flagged(
  doc: MlsdDoc,
  list: 'data.sources' | 'data.features',
  flag: string,
): { id: string; node: MNode }[] {
  const out: { id: string; node: MNode }[] = [];
  const noun = list === 'data.sources' ? 'source' : 'feature';
  doc.entries(list).forEach((e, i) => {
    const n = child(e, flag);
    if (n && n.kind === 'scalar' && n.value === true)
      out.push({ id: doc.textOf(child(e, 'id')) ?? `${noun} ${i + 1}`, node: n });
  });
  return out;
}

/**
 * Why the doc "ranks or recommends" (rules.md task families), for messages: the task type, a head's task
 * type, or the recommendation archetype; with the node to point at. Undefined when it does not.
 */
export function rankingReason(doc: MlsdDoc): { text: string; related?: Related } | undefined {
  const t = doc.taskType();
  const tt = doc.node('framing.task_type');
  if (t && RANKING_TASKS.includes(t))
    return {
      text: `\`framing.task_type\` is ${t}`,
      related: tt ? { ...doc.valueSpan(tt), message: `task type ${t}` } : undefined,
    };
  const head = doc.headTaskTypes().find((h) => RANKING_TASKS.includes(h));
  if (head) return { text: `a head's task type is ${head}` };
  const a = doc.archetype();
  const an = doc.node('archetype');
  if (a && RECOMMENDATION_ARCHETYPES.includes(a))
    return {
      text: `the archetype is ${a}`,
      related: an ? { ...doc.valueSpan(an), message: `archetype ${a}` } : undefined,
    };
  return undefined;
}

/** `data.labels.source` when it is natural or implicit (labels from user behaviour), with its node. */
export function behaviouralLabels(doc: MlsdDoc): { source: string; node: MNode } | undefined {
  const source = doc.enumOf('data.labels.source');
  if (!source || !BEHAVIOURAL_LABEL_SOURCES.includes(source)) return undefined;
  return { source, node: doc.node('data.labels.source')! };
}

const ONLINE_MODES = ['online', 'hybrid', 'streaming'];

/**
 * "Serving online" (MLSD606, MLSD706): `serving.mode` is online/hybrid/streaming; when `serving.mode` is
 * not stated, `requirements.performance.mode` decides. A stated but invalid `serving.mode` is unknown
 * (MLSD003 reports it), so the doc is not treated as online on a guess.
 */
export function servingOnline(doc: MlsdDoc): { online: boolean; mode?: string; node?: MNode; from?: string } {
  if (doc.stated('serving.mode')) {
    const mode = doc.enumOf('serving.mode');
    return {
      online: !!mode && ONLINE_MODES.includes(mode),
      mode,
      node: doc.node('serving.mode'),
      from: 'serving.mode',
    };
  }
  const mode = doc.enumOf('requirements.performance.mode');
  return {
    online: !!mode && ONLINE_MODES.includes(mode),
    mode,
    node: doc.node('requirements.performance.mode'),
    from: 'requirements.performance.mode',
  };
}

/** Features of `data.features` whose freshness is realtime or streaming, with their id and freshness node. */
export function dynamicFeatures(doc: MlsdDoc): { id: string; freshness: string; node: MNode }[] {
  const out: { id: string; freshness: string; node: MNode }[] = [];
  doc.entries('data.features').forEach((f, i) => {
    const node = child(f, 'freshness');
    const freshness = doc.enumValueOf(node);
    if (node && (freshness === 'realtime' || freshness === 'streaming')) {
      out.push({ id: doc.textOf(child(f, 'id')) ?? `feature ${i + 1}`, freshness, node });
    }
  });
  return out;
}

export interface LossPiece {
  /** the piece as written (trimmed) */
  text: string;
  loss?: LossInfo;
  /** where the piece is in the source, when it could be located */
  span?: Span;
}

const SPLIT = /\s*(?:\+|,|\/|\band\b)\s*/i;

/**
 * `model.loss` split into pieces (rules.md: lower-cased, split on `+`, `,`, `/` and the word "and"), each
 * resolved with `findLoss` and located in the source text when possible.
 */
export function lossPieces(doc: MlsdDoc, n: MNode): LossPiece[] {
  const value = doc.textOf(n);
  if (value === undefined) return [];
  const raw = doc.text.slice(n.start, n.end);
  const rawLower = raw.toLowerCase();
  const out: LossPiece[] = [];
  let cursor = 0;
  for (const part of value.split(SPLIT)) {
    const text = part.trim();
    if (!text) continue;
    const piece: LossPiece = { text, loss: findLoss(text.toLowerCase()) };
    const at = rawLower.indexOf(text.toLowerCase(), cursor);
    if (at >= 0 && !n.aliased) {
      piece.span = { start: n.start + at, end: n.start + at + text.length };
      cursor = at + text.length;
    }
    out.push(piece);
  }
  return out;
}

// ------------------------------------------------------------------------------ the freshness trio (v1.1)

/**
 * "Predicts in batch" (rules.md v1.1): `serving.mode: batch`, or `serving.mode` not stated and
 * `requirements.performance.mode: batch`.
 */
export function predictsInBatch(doc: MlsdDoc): boolean {
  if (doc.stated('serving.mode')) return doc.enumOf('serving.mode') === 'batch';
  return doc.enumOf('requirements.performance.mode') === 'batch';
}

export interface FreshnessBudget {
  /** milliseconds */
  ms: number;
  /** the key the budget comes from */
  path:
    | 'requirements.performance.freshness'
    | 'requirements.performance.prediction_freshness'
    | 'requirements.performance.item_freshness';
  node: MNode;
}

/**
 * The batch reading (format.md v1.1 "Clarified meanings"): the system predicts in batch and
 * `prediction_freshness` is not stated, so `freshness` is read as the prediction-freshness requirement
 * (what v1 batch docs meant by it), not as the model-staleness budget.
 */
export function batchReading(doc: MlsdDoc): boolean {
  return predictsInBatch(doc) && !doc.stated('requirements.performance.prediction_freshness');
}

/**
 * The model-staleness budget: how long the deployed model may go without retraining on new data.
 * `freshness`, except in the batch reading (where it is the prediction-freshness requirement).
 */
export function modelStalenessBudget(doc: MlsdDoc): FreshnessBudget | undefined {
  if (batchReading(doc)) return undefined;
  const path = 'requirements.performance.freshness';
  const ms = doc.duration(path);
  const node = doc.node(path);
  return ms !== undefined && node ? { ms, path, node } : undefined;
}

/** The item-freshness requirement: how soon a new item, document or query must be servable. */
export function itemFreshness(doc: MlsdDoc): FreshnessBudget | undefined {
  const ms = doc.duration('requirements.performance.item_freshness');
  const node = doc.node('requirements.performance.item_freshness');
  return ms !== undefined && node ? { ms, path: 'requirements.performance.item_freshness', node } : undefined;
}

// --- v1.1 data rules (MLSD302, MLSD303, MLSD306, MLSD309, MLSD315, MLSD205, MLSD206) ---

/** rules.md "classifier types": binary-, multiclass-, multilabel-, multitask-classification and anomaly-detection. */
export const CLASSIFIER_TASKS: readonly string[] = [
  'binary-classification',
  'multiclass-classification',
  'multilabel-classification',
  'multitask-classification',
  'anomaly-detection',
];

/**
 * The *doc task types* (rules.md Interpretation): `framing.task_type` (left out when it is
 * multitask-classification and heads are typed) plus every head's task type; stage task types are not.
 */
export function docTaskTypes(doc: MlsdDoc): string[] {
  return doc.effectiveTaskTypes();
}

/** "Labels that arrive on their own": `data.labels.source` natural, implicit or user-reports, with its node. */
export function labelsOnTheirOwn(doc: MlsdDoc): { source: string; node: MNode } | undefined {
  const source = doc.enumOf('data.labels.source');
  if (source !== 'natural' && source !== 'implicit' && source !== 'user-reports') return undefined;
  return { source, node: doc.node('data.labels.source')! };
}

/** Time-ordered sources, one per id (a doc may list an id twice; MLSD005 reports that). */
export function distinctTemporalSources(doc: MlsdDoc): TemporalSource[] {
  const seen = new Set<string>();
  return temporalSources(doc).filter((s) => !seen.has(s.id) && !!seen.add(s.id));
}

// --- v1.1 data and model rules (MLSD310–MLSD314, MLSD409) ---

/**
 * rules.md "gatekeeping": `framing.output_use` is `threshold` or `action`, or the archetype is
 * harmful-content; with what says so (for messages) and its node.
 */
export function gatekeeping(doc: MlsdDoc): { text: string; node: MNode } | undefined {
  const use = doc.enumOf('framing.output_use');
  if (use === 'threshold' || use === 'action')
    return { text: `\`output_use: ${use}\``, node: doc.node('framing.output_use')! };
  if (doc.archetype() === 'harmful-content') return { text: 'archetype harmful-content', node: doc.node('archetype')! };
  return undefined;
}

/** The source ids of `data.sources` that are time-ordered, with the node that says so. */
export function timeOrderedSourceById(doc: MlsdDoc): Map<string, TemporalSource> {
  return new Map(temporalSources(doc).map((s) => [s.id, s]));
}

/**
 * rules.md "the doc's offline metrics": every metric of `evaluation.offline.metrics` and of every
 * `model.stages[].metrics`, parsed (invalid spellings skipped).
 */
export function docOfflineMetrics(doc: MlsdDoc): MetricRef[] {
  return scopedOfflineMetrics(doc).metrics.map((m) => m.ref);
}

// --- v1.1 stage scope and the prediction-freshness requirement (MLSD503/504/506, MLSD603/704/610/611) ---

export interface StageFact {
  index: number;
  /** the stage's id as written, or `stage N` */
  id: string;
  /** true when the stage states an id */
  hasId: boolean;
  /** the stage's valid `task_type`, when stated */
  taskType?: TaskType;
  node: MNode;
}

/** The entries of `model.stages`, with their id and valid task type. */
export function stageFacts(doc: MlsdDoc): StageFact[] {
  return doc.memo(stageFacts, () => computeStageFacts(doc)).slice();
}

function computeStageFacts(doc: MlsdDoc): StageFact[] {
  return doc.entries('model.stages').map((s, index) => {
    const idText = doc.textOf(child(s, 'id'));
    const t = doc.enumValueOf(child(s, 'task_type'));
    return {
      index,
      id: idText ?? `stage ${index + 1}`,
      hasId: idText !== undefined,
      taskType: t && (TASK_TYPES as readonly string[]).includes(t) ? (t as TaskType) : undefined,
      node: s,
    };
  });
}

/** rules.md "all task types": the doc task types plus every valid `model.stages[].task_type`. */
export function allTaskTypes(doc: MlsdDoc): TaskType[] {
  return doc
    .memo(allTaskTypes, () => {
      const set = new Set<TaskType>(doc.effectiveTaskTypes());
      for (const s of stageFacts(doc)) if (s.taskType) set.add(s.taskType);
      return [...set];
    })
    .slice();
}

export interface OfflineMetric {
  ref: MetricRef;
  /** the list the metric is written in: `evaluation.offline.metrics` or a stage's `metrics` */
  list: 'offline' | 'stage';
  /** the stage the metric is scoped to (a stage's own list, or `stage: <id>` that names a declared stage) */
  stage?: StageFact;
}

/**
 * rules.md "the doc's offline metrics": `evaluation.offline.metrics` plus every `model.stages[].metrics`,
 * parsed, with their stage scope. `complete` is false when some stated item did not parse.
 */
export function scopedOfflineMetrics(doc: MlsdDoc): { metrics: OfflineMetric[]; complete: boolean } {
  const r = doc.memo(scopedOfflineMetrics, () => computeScopedOfflineMetrics(doc));
  return { metrics: r.metrics.slice(), complete: r.complete };
}

function computeScopedOfflineMetrics(doc: MlsdDoc): { metrics: OfflineMetric[]; complete: boolean } {
  const stages = stageFacts(doc);
  const metrics: OfflineMetric[] = [];
  let complete = true;
  const read = (items: MNode[], list: OfflineMetric['list'], own?: StageFact) => {
    for (const item of items) {
      if (!doc.isStated(item)) continue;
      const ref = doc.metricOf(item);
      if (!ref) {
        complete = false;
        continue;
      }
      let stage = own;
      if (!stage && item.kind === 'map') {
        const named = doc.textOf(child(item, 'stage'));
        if (named !== undefined) stage = stages.find((s) => s.hasId && s.id === named);
      }
      metrics.push({ ref, list, stage });
    }
  };
  read(doc.list('evaluation.offline.metrics'), 'offline');
  for (const s of stages) {
    const n = child(s.node, 'metrics');
    read(n?.kind === 'seq' ? (n.items ?? []) : n && doc.isStated(n) ? [n] : [], 'stage', s);
  }
  return { metrics, complete };
}

/** rules.md "calibration metrics". */
export const CALIBRATION_METRICS: readonly string[] = ['log-loss', 'nce', 'brier', 'ece'];

/**
 * rules.md "prediction-freshness requirement": `prediction_freshness`, or `freshness` in the batch reading;
 * with its duration (ms, undefined when invalid), node and key.
 */
export function predictionFreshness(
  doc: MlsdDoc,
): { ms?: number; node: MNode; key: 'prediction_freshness' | 'freshness' } | undefined {
  const pf = doc.node('requirements.performance.prediction_freshness');
  if (pf && doc.isStated(pf)) return { ms: doc.durationOf(pf), node: pf, key: 'prediction_freshness' };
  const f = doc.node('requirements.performance.freshness');
  if (f && doc.isStated(f) && batchReading(doc)) return { ms: doc.durationOf(f), node: f, key: 'freshness' };
  return undefined;
}

// v1.1 facts, group rB1 (MLSD402, MLSD405, MLSD501, MLSD507): task types with their origin, the doc's
// offline metrics, probability-distorting training, calibration and operating-point metrics.
// ---------------------------------------------------------------------------------------------

/** A task type of the doc and where it is written, for messages ("`framing.task_type`", "head `x`", "stage `y`"). */
export interface TaskTypeSource {
  type: TaskType;
  /** where it comes from, as a message fragment */
  from: string;
  /** the task type value node */
  node?: MNode;
  /** true for a `model.stages[].task_type` */
  stage?: boolean;
}

/**
 * rules.md *doc task types* (`framing.task_type`, left out when it is multitask-classification and heads
 * are typed, plus every head's type) and, with `withStages`, the *all task types* (plus every valid
 * `model.stages[].task_type`), each with its origin. One entry per (type, origin).
 */
export function taskTypeSources(doc: MlsdDoc, withStages: boolean): TaskTypeSource[] {
  const out: TaskTypeSource[] = [];
  const heads = doc.headTaskTypes();
  const main = doc.taskType();
  if (main && (heads.length === 0 || main !== 'multitask-classification'))
    out.push({ type: main, from: '`framing.task_type`', node: doc.node('framing.task_type') });
  doc.entries('framing.heads').forEach((h, i) => {
    const n = child(h, 'task_type');
    const t = doc.enumValueOf(n) as TaskType | undefined;
    if (t) out.push({ type: t, from: `head \`${doc.textOf(child(h, 'name')) ?? i + 1}\``, node: n });
  });
  if (withStages)
    doc.entries('model.stages').forEach((s, i) => {
      const n = child(s, 'task_type');
      const t = doc.enumValueOf(n) as TaskType | undefined;
      if (t) out.push({ type: t, from: `stage \`${doc.textOf(child(s, 'id')) ?? i + 1}\``, node: n, stage: true });
    });
  return out;
}

/** The metric list paths of the doc's offline metrics: `evaluation.offline.metrics`, then each stage's list. */
export function offlineMetricLists(doc: MlsdDoc): { path: (string | number)[]; node?: MNode }[] {
  const out: { path: (string | number)[]; node?: MNode }[] = [
    { path: ['evaluation', 'offline', 'metrics'], node: doc.node('evaluation.offline.metrics') },
  ];
  const stages = doc.node('model.stages');
  if (stages?.kind === 'seq')
    (stages.items ?? []).forEach((s, i) => {
      if (s.kind === 'map') out.push({ path: ['model', 'stages', i, 'metrics'], node: child(s, 'metrics') });
    });
  return out;
}

/**
 * rules.md *the doc's offline metrics* as MLSD507 asks: their parsed names, and whether every stated item
 * parsed to a catalogue name (custom names and invalid spellings make it false). Read through
 * `scopedOfflineMetrics`, the one walk of the offline list and the stage lists.
 */
export function offlineMetricSummary(doc: MlsdDoc): { refs: MetricRef[]; allKnown: boolean } {
  const { metrics, complete } = scopedOfflineMetrics(doc);
  const refs = metrics.map((m) => m.ref);
  return { refs, allKnown: complete && refs.length > 0 && refs.every((m) => !!m.info) };
}

/** rules.md *operating-point metrics* (for rare positives). */
export const OPERATING_POINT_METRICS = [
  'pr-auc',
  'average-precision',
  'precision',
  'precision-at-recall',
  'recall-at-precision',
  'recall-at-fpr',
  'fpr',
  'false-alarms-per-hour',
  'f1',
  'fbeta',
];

/** One way the training distorts predicted probabilities, with the node that states it. */
export interface Distortion {
  /** `negative-sampling-rate` or the `data.imbalance.handling` technique */
  kind: string;
  node: MNode;
  /** the share of negatives kept, when `model.training.negative_sampling_rate` states it */
  w?: number;
}

const DISTORTING_HANDLING = [
  'negative-downsampling',
  'undersampling',
  'oversampling',
  'class-weights',
  'class-balanced-loss',
];

/**
 * rules.md *probability-distorting training*: `model.training.negative_sampling_rate` < 1, or
 * `data.imbalance.handling` includes negative-downsampling, undersampling, oversampling, class-weights or
 * class-balanced-loss (focal-loss, data-augmentation, threshold-tuning and none are not). The sampling rate
 * comes first, then the handling items in written order.
 */
export function probabilityDistortions(doc: MlsdDoc): Distortion[] {
  const out: Distortion[] = [];
  const wNode = doc.node('model.training.negative_sampling_rate');
  const w = doc.rate('model.training.negative_sampling_rate');
  if (wNode && w !== undefined && w < 1) out.push({ kind: 'negative-sampling-rate', node: wNode, w });
  for (const item of doc.list('data.imbalance.handling')) {
    const v = doc.enumValueOf(item);
    if (v && DISTORTING_HANDLING.includes(v)) out.push({ kind: v, node: item });
  }
  return out;
}

/**
 * The true-mix operating point of MLSD405's exemption: `data.imbalance.handling` includes
 * `threshold-tuning`, or an offline metric (any list) is an operating-point metric with a stated `target`.
 */
export function trueMixOperatingPoint(doc: MlsdDoc): { node: MNode; text: string } | undefined {
  for (const item of doc.list('data.imbalance.handling'))
    if (doc.enumValueOf(item) === 'threshold-tuning') return { node: item, text: '`threshold-tuning`' };
  for (const l of offlineMetricLists(doc))
    for (const m of doc.metrics(l.path)) {
      if (!m.info || !OPERATING_POINT_METRICS.includes(m.info.name) || m.node.kind !== 'map') continue;
      if (doc.isStated(child(m.node, 'target'))) return { node: m.node, text: `\`${m.written}\` with a target` };
    }
  return undefined;
}

// --- v1.1 experiment and monitoring rules (MLSD517, MLSD707) ---

/**
 * rules.md "adversarial": `requirements.adversarial: true`, or the archetype is harmful-content; with what
 * says so (for messages) and its node.
 */
export function adversarial(doc: MlsdDoc): { text: string; node: MNode } | undefined {
  if (doc.bool('requirements.adversarial') === true)
    return { text: '`requirements.adversarial: true`', node: doc.node('requirements.adversarial')! };
  if (doc.archetype() === 'harmful-content') return { text: 'archetype harmful-content', node: doc.node('archetype')! };
  return undefined;
}

/**
 * rules.md MLSD517: units interact — `requirements.network_effects: true`, or the archetype is
 * people-you-may-know; with what says so and its node.
 */
export function networkEffects(doc: MlsdDoc): { text: string; node: MNode } | undefined {
  if (doc.bool('requirements.network_effects') === true)
    return { text: '`requirements.network_effects: true`', node: doc.node('requirements.network_effects')! };
  if (doc.archetype() === 'people-you-may-know')
    return { text: 'archetype people-you-may-know', node: doc.node('archetype')! };
  return undefined;
}

// v1.1 generative systems (genai.md §4): generative doc, generator, streamed, retrieves, guardrails …
export * from './genaiFacts';
// --- v1.1 generative rules of steps 1–4 (MLSD151, MLSD450): budgets by percentile, the request length ---

/** A duration budget by percentile (`ttft`, `tpot`, `latency`): a bare value states every percentile. */
export interface PercentileBudget {
  /** milliseconds by percentile, for the percentiles stated with a valid duration */
  byPercentile: Partial<Record<'p50' | 'p95' | 'p99', { ms: number; node: MNode }>>;
  /** true when the value is a bare duration (it counts as stating every percentile) */
  bare: boolean;
  node: MNode;
}

/**
 * A duration-or-percentiles value (`requirements.performance.latency`, `.ttft`, `.tpot`) read by percentile
 * (genai.md MLSD151); undefined when not stated. A bare duration fills p50, p95 and p99; invalid entries are
 * left out (MLSD003 reports them).
 */
export function percentileBudget(doc: MlsdDoc, path: string): PercentileBudget | undefined {
  const n = doc.node(path);
  if (!n || !doc.isStated(n)) return undefined;
  const byPercentile: PercentileBudget['byPercentile'] = {};
  if (n.kind === 'scalar') {
    const ms = doc.durationOf(n);
    if (ms !== undefined) for (const p of ['p50', 'p95', 'p99'] as const) byPercentile[p] = { ms, node: n };
    return { byPercentile, bare: true, node: n };
  }
  if (n.kind !== 'map') return undefined;
  for (const p of ['p50', 'p95', 'p99'] as const) {
    const c = child(n, p);
    const ms = doc.durationOf(c);
    if (c && ms !== undefined) byPercentile[p] = { ms, node: c };
  }
  return { byPercentile, bare: false, node: n };
}

export interface RequestLengthTerm {
  /** tokens */
  value: number;
  node: MNode;
}

export interface RequestLength {
  input?: RequestLengthTerm;
  /** `model.retrieval.top_k` × `data.chunking.size`, both stated, when the doc retrieves */
  retrieved?: { topK: RequestLengthTerm; size: RequestLengthTerm; tokens: number };
  output?: RequestLengthTerm;
  /** tokens: the sum of the stated terms */
  total: number;
}

/**
 * genai.md §4 *request length* S_req = `model.prompt.max_input_tokens` + (when the doc retrieves)
 * `model.retrieval.top_k` × `data.chunking.size` + `model.prompt.max_output_tokens`, over the stated terms;
 * undefined unless at least one prompt term (input or retrieved) is stated. Each term keeps its node, for
 * related information.
 */
export function requestLength(doc: MlsdDoc): RequestLength | undefined {
  const term = (p: string): RequestLengthTerm | undefined => {
    const q = doc.quantity(p);
    return q && q.value >= 0 ? { value: q.value, node: doc.node(p)! } : undefined;
  };
  const input = term('model.prompt.max_input_tokens');
  const output = term('model.prompt.max_output_tokens');
  let retrieved: RequestLength['retrieved'];
  if (retrieves(doc)) {
    const topK = term('model.retrieval.top_k');
    const size = term('data.chunking.size');
    if (topK && size) retrieved = { topK, size, tokens: topK.value * size.value };
  }
  if (!input && !retrieved) return undefined;
  return { input, retrieved, output, total: (input?.value ?? 0) + (retrieved?.tokens ?? 0) + (output?.value ?? 0) };
}

// --- v1.1 generative rules of steps 5 and 7 (MLSD550–554, MLSD750–752): every metric list, metric scope ---

/** A parsed metric of any of the doc's metric lists, with the list and (offline) stage scope. */
export interface DocMetric {
  ref: MetricRef;
  /** `offline`: `evaluation.offline.metrics`; `stage`: a stage's `metrics`; `online`, `guardrail`: the online lists */
  list: 'offline' | 'stage' | 'online' | 'guardrail';
  stage?: StageFact;
}

/** Every parsed metric of the doc: its offline metrics with their stage scope, then the online metrics and guardrails. */
export function allDocMetrics(doc: MlsdDoc): DocMetric[] {
  const out: DocMetric[] = scopedOfflineMetrics(doc).metrics.map((m) => ({ ...m }));
  for (const ref of doc.metrics('evaluation.online.metrics')) out.push({ ref, list: 'online' });
  for (const ref of doc.metrics('evaluation.online.guardrails')) out.push({ ref, list: 'guardrail' });
  return out;
}

/** The canonical names of `metrics` that are catalogue metrics. */
export function metricNames(metrics: readonly { ref: MetricRef }[]): Set<string> {
  return new Set(metrics.map((m) => m.ref.info?.name).filter((x): x is string => x !== undefined));
}

/**
 * genai.md §4 *metrics that apply to a task type* `t`: the offline metrics listed on or scoped to a stage of
 * type `t`, plus the unscoped offline metrics when `unscoped` (they apply to `framing.task_type`).
 */
export function metricsApplyingTo(doc: MlsdDoc, t: TaskType, unscoped: boolean): OfflineMetric[] {
  return scopedOfflineMetrics(doc).metrics.filter((m) => (m.stage ? m.stage.taskType === t : unscoped));
}

/**
 * genai.md §4 *the metrics that apply to the generator*: those applying to the generator stage or any stage
 * of the generator's task type, plus the unscoped offline metrics when `framing.task_type` equals the
 * generator's task type. `complete` is false when some stated offline item did not parse. Undefined when
 * the generator's task type is unknown.
 */
export function generatorMetrics(
  doc: MlsdDoc,
): { type: TaskType; metrics: OfflineMetric[]; complete: boolean } | undefined {
  const type = generatorTaskType(doc);
  if (!type) return undefined;
  const { complete } = scopedOfflineMetrics(doc);
  return { type, metrics: metricsApplyingTo(doc, type, doc.taskType() === type), complete };
}

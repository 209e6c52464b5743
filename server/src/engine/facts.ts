/**
 * Facts about a design doc that several rules (and features) ask: which sources are time-ordered, which
 * features are computed in real time, whether labels are behavioural, whether the doc ranks or
 * recommends, whether it serves online, how its loss splits. Plain functions over `MlsdDoc`; rules import
 * them from here, never from another rule's file.
 */
import { findLoss, type LossInfo, type TaskType } from './domain';
import {
  RANKING_TASKS,
  RECOMMENDATION_ARCHETYPES,
  type MetricRef,
  type MlsdDoc,
  type Related,
  type Span,
} from './model';
import { child, type MNode } from './parse';

export interface TemporalSource {
  id: string;
  /** why it is time-ordered: `temporal: true` or `kind: interactions` / `kind: logs` */
  reason: string;
  /** the node that says so (the `temporal` or `kind` value) */
  node: MNode;
}

/**
 * Sources whose rows carry time order: `temporal: true`, or kind `interactions`/`logs` unless the author
 * wrote `temporal: false` (an explicit statement wins over the kind's default).
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
    if (kNode && (kind === 'interactions' || kind === 'logs')) out.push({ id, reason: `kind: ${kind}`, node: kNode });
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
  if (source !== 'natural' && source !== 'implicit') return undefined;
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

// ---------------------------------------------------------------------------------------------
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

/** rules.md *all task types*: the doc task types plus every valid stage task type (MLSD402, MLSD503). */
export function allTaskTypes(doc: MlsdDoc): TaskType[] {
  return [...new Set(taskTypeSources(doc, true).map((s) => s.type))];
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
 * rules.md *the doc's offline metrics*: every metric of `evaluation.offline.metrics` and of every
 * `model.stages[].metrics`; `stated` counts the stated items, `allKnown` says whether every stated item
 * parsed to a catalogue name (custom names and invalid spellings make it false).
 */
export function docOfflineMetrics(doc: MlsdDoc): { refs: MetricRef[]; stated: number; allKnown: boolean } {
  const refs: MetricRef[] = [];
  let stated = 0;
  for (const l of offlineMetricLists(doc)) {
    refs.push(...doc.metrics(l.path));
    stated += doc.list(l.path).filter((i) => doc.isStated(i)).length;
  }
  return { refs, stated, allKnown: stated > 0 && refs.length === stated && refs.every((m) => !!m.info) };
}

/** rules.md *calibration metrics*. */
export const CALIBRATION_METRICS = ['log-loss', 'nce', 'brier', 'ece'];

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

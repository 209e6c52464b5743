/**
 * Facts about a design doc that several rules (and features) ask: which sources are time-ordered, which
 * features are computed in real time, whether labels are behavioural, whether the doc ranks or
 * recommends, whether it serves online, how its loss splits. Plain functions over `MlsdDoc`; rules import
 * them from here, never from another rule's file.
 */
import { findLoss, TASK_TYPES, type LossInfo, type TaskType } from './domain';
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
// Group rB2 (MLSD503/504/506, MLSD603/704/610/611): stage scope, the doc's offline metrics, the batch
// reading and the prediction-freshness requirement (rules.md Interpretation, v1.1).
// ---------------------------------------------------------------------------------------------

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
  const set = new Set<TaskType>(doc.effectiveTaskTypes());
  for (const s of stageFacts(doc)) if (s.taskType) set.add(s.taskType);
  return [...set];
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
export function docOfflineMetrics(doc: MlsdDoc): { metrics: OfflineMetric[]; complete: boolean } {
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
 * rules.md "predicts in batch": `serving.mode: batch`, or `serving.mode` not stated and
 * `requirements.performance.mode: batch`.
 */
export function predictsInBatch(doc: MlsdDoc): boolean {
  if (doc.stated('serving.mode')) return doc.enumOf('serving.mode') === 'batch';
  return doc.enumOf('requirements.performance.mode') === 'batch';
}

/**
 * rules.md "batch reading": the system predicts in batch and `prediction_freshness` is not stated; then
 * `requirements.performance.freshness` is the prediction-freshness requirement, not the model-staleness budget.
 */
export function batchReading(doc: MlsdDoc): boolean {
  return predictsInBatch(doc) && !doc.stated('requirements.performance.prediction_freshness');
}

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

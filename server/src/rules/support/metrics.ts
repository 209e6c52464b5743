/**
 * Reading metric lists for the evaluation rules: the list paths, parsed lists, when a metric is used as a
 * ranking metric, and the offline metrics to suggest for a task.
 */
import { archetypeInfo, RANKING_TASKS, SUGGESTED_OFFLINE_METRICS, taskInfo, type TaskType } from '../../engine/domain';
import type { MetricRef, MlsdDoc } from '../../engine/model';

export const OFFLINE = 'evaluation.offline.metrics';
export const ONLINE = 'evaluation.online.metrics';
export const GUARDRAILS = 'evaluation.online.guardrails';

/**
 * The parsed metrics of a list, and whether every stated item parsed (an item with an unparsable
 * cutoff is MLSD003's and unknown here: rules that reason about "every metric" must not guess).
 */
export function metricList(doc: MlsdDoc, path: string): { refs: MetricRef[]; complete: boolean } {
  const refs = doc.metrics(path);
  const stated = doc.list(path).filter((i) => doc.isStated(i)).length;
  return { refs, complete: refs.length === stated };
}

/**
 * MLSD505's list condition, shared with MLSD512 (which yields to it: one root cause, one finding): the
 * offline list is complete, every item is a catalogue name, and its classification metrics are all
 * `accuracy`. Returns those accuracy items, or undefined when the condition does not hold.
 */
export function accuracyOnlyClassification(doc: MlsdDoc): MetricRef[] | undefined {
  const { refs, complete } = metricList(doc, OFFLINE);
  // an unknown (custom) metric may well see the rare class: do not guess
  if (!complete || refs.some((m) => !m.info)) return undefined;
  const cls = refs.filter((m) => m.info?.family === 'classification');
  return cls.length && cls.every((m) => m.info!.name === 'accuracy') ? cls : undefined;
}

/** `positive_rate` below `t` or above 1 − `t` (the negatives are rare): the minority rate, else undefined. */
export function minorityRate(p: number, t: number): { rate: number; rarePositive: boolean } | undefined {
  if (p < t) return { rate: p, rarePositive: true };
  if (p > 1 - t) return { rate: 1 - p, rarePositive: false };
  return undefined;
}

/** The non-ranking task types (classification, anomaly, detection) a metric fits. */
function fitsNonRankingType(name: string, types: readonly TaskType[]): boolean {
  return types.some((t) => !RANKING_TASKS.includes(t) && !!taskInfo(t)?.metrics.includes(name));
}

/**
 * rules.md: "a metric is used as a ranking metric when the task ranks or recommends". A written `@k`
 * cutoff always marks a ranking use. Reading chosen for precision/recall: when the doc also has a
 * classification-like task type (a binary head of a ranker, `task_type: binary-classification` with a
 * recommendation archetype) that the metric fits, a bare `precision`/`recall` is read as that
 * classifier's metric, not a ranking metric.
 */
export function usedAsRankingMetric(doc: MlsdDoc, m: MetricRef): boolean {
  const name = m.info?.name;
  if (!name) return false;
  if (typeof m.k === 'number' || m.k === 'k') return true;
  if (m.iou !== undefined) return false;
  if (!doc.ranksOrRecommends()) return false;
  if ((name === 'precision' || name === 'recall') && fitsNonRankingType(name, doc.effectiveTaskTypes())) return false;
  return true;
}

const base = (s: string) => s.split('@')[0];

/**
 * Up to `max` offline metrics that fit the doc's task (main type first, then the heads), adjusted to
 * `evaluation.relevance` (graded → ndcg, binary → map); the archetype's book metrics when no task type
 * is known.
 */
export function suggestedOfflineMetrics(doc: MlsdDoc, max = 3): string[] {
  const main = doc.taskType();
  const types = [...new Set([...(main ? [main] : []), ...doc.effectiveTaskTypes()])];
  const relevance = doc.enumOf('evaluation.relevance');
  const out: string[] = [];
  const add = (s: string) => {
    if (out.length < max && !out.some((o) => base(o) === base(s))) out.push(s);
  };
  for (const t of types) {
    let list = [...SUGGESTED_OFFLINE_METRICS[t]];
    if (RANKING_TASKS.includes(t)) {
      if (relevance === 'graded') list = ['ndcg@10', ...list.filter((s) => base(s) !== 'map')];
      if (relevance === 'binary') list = ['map@10', ...list.filter((s) => base(s) !== 'ndcg')];
    }
    // with several types, take the best one of each first
    add(list[0]);
  }
  for (const t of types)
    for (const s of SUGGESTED_OFFLINE_METRICS[t]) {
      if (RANKING_TASKS.includes(t) && relevance === 'graded' && base(s) === 'map') continue;
      if (RANKING_TASKS.includes(t) && relevance === 'binary' && base(s) === 'ndcg') continue;
      add(s);
    }
  if (!types.length) {
    const a = doc.archetype();
    for (const s of (a && archetypeInfo(a)?.offlineMetrics) || []) add(s);
  }
  return out;
}

/**
 * Helpers shared by the step-5 (evaluation) rules MLSD501–MLSD511: reading metric lists, deciding when
 * a metric is used as a ranking metric, the metrics to suggest for a task type, and list edits for
 * suggestions. Not a rule (not in the registry).
 */
import { archetypeInfo, taskInfo, type TaskType } from '../engine/domain';
import { appendToList, insertField, renderFlow, replaceScalar } from '../engine/edits';
import { RANKING_TASKS, type MetricRef, type MlsdDoc } from '../engine/model';
import type { MNode } from '../engine/parse';
import { isPlaceholder } from '../engine/values';
import type { Fix, TextEdit } from './types';

export const OFFLINE = 'evaluation.offline.metrics';
export const ONLINE = 'evaluation.online.metrics';
export const GUARDRAILS = 'evaluation.online.guardrails';

export function splitPath(path: string): string[] {
  return path.split('.');
}

/**
 * The parsed metrics of a list, and whether every stated item parsed (an item with an unparsable
 * cutoff is MLSD003's and unknown here: rules that reason about "every metric" must not guess).
 */
export function metricList(doc: MlsdDoc, path: string): { refs: MetricRef[]; complete: boolean } {
  const refs = doc.metrics(path);
  const stated = doc.list(path).filter((i) => doc.isStated(i)).length;
  return { refs, complete: refs.length === stated };
}

/** "missing" / "empty" / "still a placeholder", for messages about a list that is not stated. */
export function notStatedWord(_doc: MlsdDoc, node: MNode | undefined): string {
  if (!node) return 'missing';
  if (node.kind === 'scalar' && isPlaceholder(node.value)) return `still \`${String(node.value).trim()}\``;
  if (node.kind === 'seq' && (node.items ?? []).some((i) => i.kind === 'scalar' && isPlaceholder(i.value)))
    return 'only a placeholder';
  return 'empty';
}

/** `a ranking task`, `an object-detection task`, `a ranking / binary-classification task`. */
export function taskPhrase(types: readonly string[]): string {
  if (!types.length) return 'this task';
  const joined = types.join(' / ');
  return `${/^[aeiou]/.test(joined) ? 'an' : 'a'} ${joined} task`;
}

export { formatPercent as pct } from '../engine/values';

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

/** The offline metrics to suggest first for each task type (all fit the type and carry their cutoff). */
const SUGGESTED: Record<TaskType, string[]> = {
  'binary-classification': ['pr-auc', 'roc-auc', 'log-loss'],
  'multiclass-classification': ['macro-f1', 'accuracy', 'log-loss'],
  'multilabel-classification': ['pr-auc', 'macro-f1', 'hamming-loss'],
  'multitask-classification': ['pr-auc', 'roc-auc', 'log-loss'],
  regression: ['mae', 'rmse'],
  forecasting: ['mae', 'wape', 'mase'],
  ranking: ['ndcg@10', 'map@10', 'mrr'],
  recommendation: ['precision@10', 'map@10', 'recall@100'],
  retrieval: ['recall@100', 'mrr', 'ndcg@10'],
  'link-prediction': ['roc-auc', 'map@10'],
  'object-detection': ['map@iou=0.5', 'recall@iou=0.5'],
  segmentation: ['miou', 'dice'],
  'text-generation': ['human-eval', 'rouge', 'bertscore'],
  'image-generation': ['fid', 'clip-score', 'human-eval'],
  clustering: ['silhouette', 'nmi'],
  'anomaly-detection': ['pr-auc', 'recall', 'precision'],
};

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
    let list = [...SUGGESTED[t]];
    if (RANKING_TASKS.includes(t)) {
      if (relevance === 'graded') list = ['ndcg@10', ...list.filter((s) => base(s) !== 'map')];
      if (relevance === 'binary') list = ['map@10', ...list.filter((s) => base(s) !== 'ndcg')];
    }
    // with several types, take the best one of each first
    add(list[0]);
  }
  for (const t of types)
    for (const s of SUGGESTED[t]) {
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

/**
 * An edit that puts `items` into the list at `path`: creates the key when it is absent, fills a null or
 * placeholder value, replaces a lone placeholder item, or appends (flow or block style kept).
 */
export function listEdit(doc: MlsdDoc, path: string, items: string[]): TextEdit | undefined {
  if (!items.length) return undefined;
  const parts = splitPath(path);
  const n = doc.node(parts);
  if (!n) return insertField(doc, parts.slice(0, -1), parts[parts.length - 1], items);
  if (n.aliased) return undefined;
  if (n.kind === 'scalar') {
    if (n.value === null || n.value === undefined || n.value === '') return appendToList(doc, n, items.join(', '));
    if (isPlaceholder(n.value)) return replaceScalar(n, renderFlow(items));
    return undefined;
  }
  if (n.kind !== 'seq') return undefined;
  const existing = n.items ?? [];
  const lone =
    existing.length === 1 && existing[0].kind === 'scalar' && isPlaceholder(existing[0].value)
      ? existing[0]
      : undefined;
  if (n.flow) {
    if (lone) return replaceScalar(lone, items.join(', '));
    return appendToList(doc, n, items.join(', '));
  }
  if (lone && items.length === 1) return replaceScalar(lone, items[0]);
  const first = appendToList(doc, n, items[0]);
  if (!first) return undefined;
  const prefix = first.newText.slice(0, first.newText.length - items[0].length);
  return { ...first, newText: items.map((i) => prefix + i).join('') };
}

/** A suggestion (never safe: the author chooses) that adds items to a list. */
export function listSuggestion(doc: MlsdDoc, path: string, items: string[], title: string): Fix | undefined {
  const edit = listEdit(doc, path, items);
  return edit ? { title, edits: [edit], safe: false } : undefined;
}

export function defined<T>(xs: (T | undefined)[]): T[] {
  return xs.filter((x): x is T => x !== undefined);
}

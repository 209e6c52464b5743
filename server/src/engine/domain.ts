/**
 * The ML domain knowledge the engine uses: the metric catalogue, which metrics and losses fit which task
 * type, and the ten archetypes of the book. Source: ../shared/reference/domain.md and spec/rules.md.
 * Pure data plus small lookup helpers; no imports from the LSP or vscode.
 *
 * (Stub: the shape is fixed; the data is being filled in.)
 */

export type TaskType =
  | 'binary-classification' | 'multiclass-classification' | 'multilabel-classification' | 'multitask-classification'
  | 'regression' | 'forecasting' | 'ranking' | 'recommendation' | 'retrieval' | 'link-prediction'
  | 'object-detection' | 'segmentation' | 'text-generation' | 'image-generation' | 'clustering' | 'anomaly-detection';

export const TASK_TYPES: readonly TaskType[] = [
  'binary-classification', 'multiclass-classification', 'multilabel-classification', 'multitask-classification',
  'regression', 'forecasting', 'ranking', 'recommendation', 'retrieval', 'link-prediction',
  'object-detection', 'segmentation', 'text-generation', 'image-generation', 'clustering', 'anomaly-detection',
];

export type MetricFamily =
  | 'classification' | 'regression' | 'ranking' | 'detection' | 'generation' | 'clustering' | 'online';

export interface MetricInfo {
  /** canonical base name, e.g. `ndcg`, `precision`, `roc-auc` */
  name: string;
  /** accepted aliases (canonical spelling), e.g. `auc`, `auroc` for `roc-auc` */
  aliases: string[];
  family: MetricFamily;
  /** one-line definition (markdown) */
  definition: string;
  /** when to use it */
  whenToUse: string;
  /** common misuse, if any */
  misuse?: string;
  /** takes a cutoff `@k` (precision@k, ndcg@k …) */
  takesK?: boolean;
  /** takes an IoU threshold `@iou=` (detection ap/map) */
  takesIou?: boolean;
  /** lower is better */
  lowerIsBetter?: boolean;
}

export interface TaskInfo {
  type: TaskType;
  description: string;
  /** fitting offline metrics (base names), rules.md "Metrics that fit each task type" */
  metrics: string[];
  /** fitting losses (canonical), rules.md "Losses that fit each task type"; empty = not checked */
  losses: string[];
  /** typical loss/es to suggest, short markdown */
  typicalLoss: string;
}

export interface LossInfo { name: string; aliases: string[]; description: string }

export interface ArchetypeInfo {
  id: string;               // e.g. 'video-recommendation'
  title: string;            // e.g. 'Video recommendation (YouTube homepage)'
  chapter?: number;         // book chapter
  taskType: TaskType;       // the book's framing as a task type
  framing: string;          // markdown: the book's framing
  offlineMetrics: string[]; // metric spellings, e.g. ['precision@10', 'map', 'diversity']
  onlineMetrics: string[];
  scale: string;            // scale and latency facts
  pitfalls: string[];       // classic pitfalls
}

export const METRICS: readonly MetricInfo[] = [];
export const TASKS: readonly TaskInfo[] = [];
export const LOSSES: readonly LossInfo[] = [];
export const ARCHETYPES: readonly ArchetypeInfo[] = [];

/** Normalizes a name for matching: lower case, `_` and spaces as `-`, trimmed. */
export function normalizeName(s: string): string {
  return s.trim().toLowerCase().replace(/[\s_]+/g, '-');
}
/** Finds a metric by canonical name or alias (normalized). */
export function findMetric(name: string): MetricInfo | undefined { void name; return undefined; }
export function findLoss(name: string): LossInfo | undefined { void name; return undefined; }
export function taskInfo(t: TaskType): TaskInfo | undefined { return TASKS.find((x) => x.type === t); }
export function archetypeInfo(id: string): ArchetypeInfo | undefined { return ARCHETYPES.find((a) => a.id === id); }

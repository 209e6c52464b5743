/** Lookups over the domain tables: by name or alias, what fits a task type, every accepted spelling. */
import { LOSSES, type LossInfo } from './losses';
import { METRICS, type MetricInfo } from './metrics';
import { ARCHETYPES, type ArchetypeInfo } from './archetypes';
import { normalizeName } from './names';
import { RANKING_TASKS, TASKS, type TaskInfo, type TaskType } from './tasks';

function buildIndex<T extends { name: string; aliases: string[] }>(items: readonly T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const it of items) {
    for (const n of [it.name, ...it.aliases]) {
      const key = normalizeName(n);
      if (!m.has(key)) m.set(key, it);
    }
  }
  return m;
}

const METRIC_INDEX = buildIndex(METRICS);
const LOSS_INDEX = buildIndex(LOSSES);

/** A metric spelling split into its normalized base and its cutoff (`ndcg@10`, `map@iou=0.5`, `precision@k`). */
export interface MetricSpelling {
  /** normalized base as written (not alias-resolved), e.g. `ndcg`, `auroc` */
  base: string;
  /** normalized text after `@`, if any: `10`, `k`, `iou=0.5` */
  cutoff?: string;
  /** integer k of `@k`, when numeric */
  k?: number;
  /** IoU threshold of `@iou=…` (or `@iou0.5`), when numeric */
  iou?: number;
}

/** Splits a metric spelling at `@`: `NDCG @ 10` → {base: 'ndcg', cutoff: '10', k: 10}. */
export function splitMetric(name: string): MetricSpelling {
  const n = normalizeName(name);
  const at = n.indexOf('@');
  if (at < 0) return { base: n };
  const base = n.slice(0, at).replace(/-+$/, '');
  const cutoff = n
    .slice(at + 1)
    .replace(/^-+/, '')
    .replace(/-+$/, '');
  const out: MetricSpelling = { base, cutoff };
  if (/^\d+$/.test(cutoff)) out.k = Number(cutoff);
  const iou = /^iou-?(?:[=:]-?)?(\d*\.?\d+)$/.exec(cutoff);
  if (iou) out.iou = Number(iou[1]);
  return out;
}

/**
 * Finds a metric by canonical name or alias: case-insensitive, `_`/`-`/spaces alike, a cutoff stripped
 * (`ndcg@10` → ndcg, `map@iou=0.5` → map, `precision@k` → precision). Lenient extras: a trailing
 * `-score` is dropped when the full name is unknown (`f1-score`, `brier score`), and
 * `precision@recall=x` / `recall@precision=x` resolve to `precision-at-recall` / `recall-at-precision`.
 */
export function findMetric(name: string): MetricInfo | undefined {
  const { base, cutoff } = splitMetric(name);
  if (!base) return undefined;
  if (cutoff !== undefined) {
    if (base === 'precision' && /^recall\b/.test(cutoff)) return METRIC_INDEX.get('precision-at-recall');
    if (base === 'recall' && /^precision\b/.test(cutoff)) return METRIC_INDEX.get('recall-at-precision');
    if (base === 'recall' && /^fpr\b/.test(cutoff)) return METRIC_INDEX.get('recall-at-fpr');
  }
  return (
    METRIC_INDEX.get(base) ?? (base.endsWith('-score') ? METRIC_INDEX.get(base.slice(0, -'-score'.length)) : undefined)
  );
}

/**
 * Finds a loss by canonical name or alias (normalized). A trailing `loss` word is dropped when the full
 * name is unknown (`focal loss` → focal, `Huber_Loss` → huber); `iou-loss` and `log-loss` match as written.
 */
export function findLoss(name: string): LossInfo | undefined {
  const n = normalizeName(name);
  if (!n) return undefined;
  return LOSS_INDEX.get(n) ?? (n.endsWith('-loss') ? LOSS_INDEX.get(n.slice(0, -'-loss'.length)) : undefined);
}

export function taskInfo(t: TaskType): TaskInfo | undefined {
  return TASKS.find((x) => x.type === t);
}
export function archetypeInfo(id: string): ArchetypeInfo | undefined {
  const n = normalizeName(id);
  return ARCHETYPES.find((a) => a.id === n);
}

/** The MetricInfo of every metric that fits a task type (rules.md table), in table order. */
export function metricsForTask(t: TaskType): MetricInfo[] {
  const out: MetricInfo[] = [];
  for (const n of taskInfo(t)?.metrics ?? []) {
    const m = METRIC_INDEX.get(n);
    if (m) out.push(m);
  }
  return out;
}

/**
 * Whether a metric fits a task type (MLSD503). `base` may be any accepted spelling (alias, cutoff).
 * An unknown metric is never a mismatch (it is MLSD511's business): returns true.
 */
export function metricFits(base: string, t: TaskType): boolean {
  const m = findMetric(base);
  if (!m) return true;
  const info = taskInfo(t);
  return !info || info.metrics.includes(m.name);
}

/**
 * Whether a loss fits a task type (MLSD402). Accepts any spelling of a known loss; true when the task's
 * loss list is empty (clustering: not checked) or the loss is unknown (unknown pieces are ignored).
 */
export function lossFits(canonicalLoss: string, t: TaskType): boolean {
  const l = findLoss(canonicalLoss);
  if (!l) return true;
  const info = taskInfo(t);
  return !info || info.losses.length === 0 || info.losses.includes(l.name);
}

/** Every accepted metric spelling (canonical names then aliases), for did-you-mean and completion. */
export function metricSpellings(): string[] {
  return [...METRICS.map((m) => m.name), ...METRICS.flatMap((m) => m.aliases)];
}
/** Every accepted loss spelling (canonical names then aliases). */
export function lossSpellings(): string[] {
  return [...LOSSES.map((l) => l.name), ...LOSSES.flatMap((l) => l.aliases)];
}

/**
 * The cutoff a fitting metric takes for a task type: `@k` for a cutoff metric of the ranking family,
 * `@iou=` for a detection metric with an IoU threshold; undefined otherwise.
 */
export function cutoffFor(m: MetricInfo, t: TaskType): 'k' | 'iou' | undefined {
  if (m.takesK && RANKING_TASKS.includes(t)) return 'k';
  if (m.takesIou && t === 'object-detection') return 'iou';
  return undefined;
}

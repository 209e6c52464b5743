/**
 * Stage scope for metric rules (rules.md Interpretation, v1.1): the task types a metric of the doc's
 * offline metrics is checked against, whether it fits them, and whether it is used as a ranking metric.
 */
import { GENAI_METRICS, isGenerativeTask, metricFits, RANKING_TASKS, type TaskType } from '../../engine/domain';
import { allTaskTypes, CALIBRATION_METRICS, type OfflineMetric } from '../../engine/facts';
import type { MlsdDoc } from '../../engine/model';
import { child } from '../../engine/parse';
import { usedAsRankingMetric } from './metrics';

export interface CheckedType {
  type: TaskType;
  /** where the type comes from: `framing.task_type`, head `click`, stage `ranker` */
  where: string;
}

/** The offline metric names genai.md §2.6 adds (its online names are judged like v1 online names). */
const GENAI_OFFLINE = new Set(GENAI_METRICS.filter((m) => m.family !== 'online').map((m) => m.name));

/**
 * The task types a metric is checked against: its stage's type when it is scoped to a stage that states a
 * valid one, else the all task types (with where each comes from). genai.md §8: a metric name added in
 * §2.6 is judged only against generative task types and retrieval (whose row §9 extends), never against a
 * classic type; `characters-saved` is judged against none (replayed typing sessions measure it offline).
 */
export function checkedTaskTypes(doc: MlsdDoc, m: OfflineMetric): CheckedType[] {
  const name = m.ref.info?.name;
  if (name === 'characters-saved') return [];
  const types = checkedAll(doc, m);
  if (!name || !GENAI_OFFLINE.has(name)) return types;
  return types.filter((t) => isGenerativeTask(t.type) || t.type === 'retrieval');
}

function checkedAll(doc: MlsdDoc, m: OfflineMetric): CheckedType[] {
  if (m.stage?.taskType) return [{ type: m.stage.taskType, where: `stage \`${m.stage.id}\`` }];
  const out: CheckedType[] = [];
  const seen = new Set<TaskType>();
  const add = (type: TaskType, where: string) => {
    if (seen.has(type)) return;
    seen.add(type);
    out.push({ type, where });
  };
  const main = doc.taskType();
  const heads = doc.entries('framing.heads');
  if (main && doc.effectiveTaskTypes().includes(main)) add(main, '`framing.task_type`');
  for (const t of doc.effectiveTaskTypes()) {
    const h = heads.find((e) => doc.enumValueOf(child(e, 'task_type')) === t);
    const name = h && doc.textOf(child(h, 'name'));
    add(t, name ? `head \`${name}\`` : 'a head');
  }
  for (const t of allTaskTypes(doc)) {
    if (seen.has(t)) continue;
    const s = doc.entries('model.stages').find((e) => doc.enumValueOf(child(e, 'task_type')) === t);
    const id = s && doc.textOf(child(s, 'id'));
    add(t, id ? `stage \`${id}\`` : 'a stage');
  }
  return out;
}

/** Calibration metrics fit every task type when `framing.output_use` is `probability`. */
export function fitsType(doc: MlsdDoc, name: string, t: TaskType): boolean {
  if (CALIBRATION_METRICS.includes(name) && doc.enumOf('framing.output_use') === 'probability') return true;
  return metricFits(name, t);
}

/** Whether a known metric fits the task types it is checked against (true when there are none). */
export function fitsItsScope(doc: MlsdDoc, m: OfflineMetric): boolean {
  const name = m.ref.info?.name;
  if (!name) return true;
  const types = checkedTaskTypes(doc, m);
  return !types.length || types.some((t) => fitsType(doc, name, t.type));
}

/**
 * rules.md: a metric scoped to a stage with a valid task type is used as a ranking metric when that type
 * ranks or recommends (a written `@k` always marks a ranking use); any other metric as in v1.
 */
export function usedAsRankingInScope(doc: MlsdDoc, m: OfflineMetric): boolean {
  const t = m.stage?.taskType;
  if (!t) return usedAsRankingMetric(doc, m.ref);
  if (!m.ref.info) return false;
  if (typeof m.ref.k === 'number' || m.ref.k === 'k') return true;
  if (m.ref.iou !== undefined) return false;
  return RANKING_TASKS.includes(t);
}

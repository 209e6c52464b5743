import {
  findMetric,
  isGenerativeTask,
  SUGGESTED_OFFLINE_METRICS,
  TASKS,
  taskInfo,
  type TaskType,
} from '../engine/domain';
import { replaceScalar, type TextEdit } from '../engine/edits';
import { scopedOfflineMetrics, stageFacts, type OfflineMetric } from '../engine/facts';
import type { MlsdDoc, Related } from '../engine/model';
import { child, lineEndAt, lineOf } from '../engine/parse';
import {
  checkedTaskTypes,
  clip,
  code,
  fitHeadline,
  fitsType,
  listEdit,
  listNames,
  ONLINE,
  suggestedOfflineMetrics,
  type CheckedType,
} from './support';
import type { Fix, Rule } from './types';

const base = (s: string) => s.split('@')[0];
const CLASSIFIERS: readonly string[] = [
  'binary-classification',
  'multiclass-classification',
  'multilabel-classification',
];

/** The metric's catalogue definition, first sentence, as one clause. */
function measures(name: string): string {
  const d = findMetric(name)?.definition ?? '';
  const first = /^(.+?\.)(\s|$)/.exec(d)?.[1] ?? d;
  return first.replace(/\.$/, '');
}

/** The metrics that fit the checked types, in table order, deduplicated. */
function fittingNames(doc: MlsdDoc, types: CheckedType[]): string[] {
  const out = new Set<string>();
  for (const t of types) for (const n of taskInfo(t.type)?.metrics ?? []) out.add(n);
  if (doc.enumOf('framing.output_use') === 'probability')
    for (const n of ['log-loss', 'nce', 'brier', 'ece']) out.add(n);
  return [...out];
}

/** Suggestion 1: `output_use: ranking` with a classifier task type and a metric that fits ranking. */
function rankingOutput(doc: MlsdDoc, m: OfflineMetric, name: string): Fix | undefined {
  if (m.stage?.taskType) return undefined;
  const main = doc.taskType();
  const node = doc.node('framing.task_type');
  if (doc.enumOf('framing.output_use') !== 'ranking' || !main || !CLASSIFIERS.includes(main) || !node) return undefined;
  if (!fitsType(doc, name, 'ranking')) return undefined;
  const edit = replaceScalar(node, 'ranking');
  return edit ? { title: 'Set `task_type: ranking` (the scores order a list)', edits: [edit], safe: false } : undefined;
}

/** Suggestion 2: scope an offline-list metric to the first stage whose stated task type it fits. */
function scopeToStage(doc: MlsdDoc, m: OfflineMetric, name: string): { fix?: Fix; stageId?: string } {
  const target = stageFacts(doc).find((s) => s.hasId && s.taskType && s !== m.stage && fitsType(doc, name, s.taskType));
  if (!target) return {};
  if (m.list !== 'offline' || m.ref.node.aliased) return { stageId: target.id };
  const stageNode = m.ref.node.kind === 'map' ? child(m.ref.node, 'stage') : undefined;
  const edit =
    m.ref.node.kind === 'scalar'
      ? replaceScalar(m.ref.node, `{name: ${m.ref.written}, stage: ${target.id}}`)
      : stageNode
        ? replaceScalar(stageNode, target.id)
        : undefined;
  return {
    stageId: target.id,
    fix: edit
      ? { title: `Scope it to stage \`${target.id}\` (${target.taskType})`, edits: [edit], safe: false }
      : undefined,
  };
}

/** Suggestion 3: move an online metric written as a one-line block item to `evaluation.online.metrics`. */
function moveOnline(doc: MlsdDoc, m: OfflineMetric, others: number): Fix | undefined {
  const n = m.ref.node;
  const list = n.parent;
  if (m.list !== 'offline' || others === 0 || n.kind !== 'scalar' || n.aliased || !list || list.flow) return undefined;
  const { lineStarts, text } = doc.parsed;
  const line = lineOf(lineStarts, n.start);
  if (lineOf(lineStarts, n.end) !== line) return undefined;
  const lineStart = lineStarts[line];
  if (!/^\s*-\s*$/.test(text.slice(lineStart, n.start))) return undefined;
  const end = line + 1 < lineStarts.length ? lineStarts[line + 1] : lineEndAt(doc.parsed, n.start);
  const del: TextEdit = { start: lineStart, end, newText: '' };
  const add = listEdit(doc, ONLINE, [m.ref.written]);
  if (!add || (add.start >= del.start && add.start <= del.end)) return undefined;
  return { title: `Move \`${m.ref.written}\` to \`evaluation.online.metrics\``, edits: [del, add], safe: false };
}

/** Suggestion 4: up to three replacements that fit, not listed yet. */
function replacements(doc: MlsdDoc, m: OfflineMetric, listed: Set<string>): Fix[] {
  if (m.ref.node.kind !== 'scalar' || m.ref.node.aliased) return [];
  const t = m.stage?.taskType;
  const candidates = t ? SUGGESTED_OFFLINE_METRICS[t as TaskType] : suggestedOfflineMetrics(doc, 3);
  const out: Fix[] = [];
  for (const s of candidates.slice(0, 3)) {
    if (listed.has(base(s))) continue;
    const edit = replaceScalar(m.ref.node, s);
    if (edit) out.push({ title: `Replace with \`${s}\``, edits: [edit], safe: false });
  }
  return out;
}

export const mlsd503: Rule = {
  meta: {
    id: 'MLSD503',
    alias: 'metric-task-mismatch',
    title: 'Offline metric does not fit the task type',
    step: 5,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      "an offline metric (in any list) that is known but fits none of the task types it is checked against: a stage-scoped metric its stage's type, any other metric the doc's, heads' and stages' types; calibration metrics fit every task when `output_use: probability`. Generative task types use genai.md §9; a metric name added there is judged only against generative types and retrieval, and `characters-saved` against none",
  },
  check({ doc, report }) {
    const { metrics } = scopedOfflineMetrics(doc);
    const listed = new Set(metrics.map((m) => m.ref.info?.name ?? m.ref.normalized));
    const offlineCount = metrics.filter((m) => m.list === 'offline').length;
    for (const m of metrics) {
      const name = m.ref.info?.name;
      if (!name) continue; // unknown names are MLSD511's
      const types = checkedTaskTypes(doc, m);
      if (!types.length || types.some((t) => fitsType(doc, name, t.type))) continue;
      const written = code(clip(m.ref.written, 24));
      const alias = name !== m.ref.normalized ? ` (\`${name}\`)` : '';
      const typeList = types.map((t) => t.type).join(', ');
      const against = listNames(types.map((t) => `${t.type} (${t.where})`));
      const fitting = fittingNames(doc, types);
      const online = m.ref.info?.family === 'online';

      let suggestions: Fix[] = [];
      let advice: string;
      const ranking = rankingOutput(doc, m, name);
      const scope = ranking ? {} : scopeToStage(doc, m, name);
      if (ranking) {
        suggestions = [ranking];
        advice = `\`output_use: ranking\` says the scores order a list, so ${code(m.ref.written)} is the right kind of metric: frame the task as \`task_type: ranking\` (a pointwise ranker trained with \`bce\` is a ranking task).`;
      } else if (scope.stageId) {
        suggestions = scope.fix ? [scope.fix] : [];
        advice = `It fits stage \`${scope.stageId}\`: scope it there (\`{name: ${m.ref.written}, stage: ${scope.stageId}}\`) so it is checked against that stage's task type.`;
      } else {
        const stages = stageFacts(doc);
        const untyped = stages.find((s) => s.hasId && !s.taskType);
        const stageHint = online
          ? ''
          : untyped
            ? ` If it evaluates stage \`${untyped.id}\`, give that stage its \`task_type\` (e.g. \`task_type: retrieval\`) and scope the metric to it.`
            : !stages.length
              ? ' If it evaluates one stage of a multi-stage system (candidate retrieval before a ranker), declare that stage in `model.stages` with its `task_type` and scope the metric to it.'
              : '';
        const move = online ? moveOnline(doc, m, offlineCount - 1) : undefined;
        if (online) {
          suggestions = move ? [move] : replacements(doc, m, listed);
          advice = 'It is measured on live traffic: list it under `evaluation.online.metrics` instead.';
        } else {
          suggestions = replacements(doc, m, listed);
          // genai.md §9: a generative mismatch names the task type the metric does fit
          const genFits = types.some((t) => isGenerativeTask(t.type))
            ? TASKS.filter((t) => isGenerativeTask(t.type) && t.metrics.includes(name)).map((t) => t.type)
            : [];
          advice = genFits.length
            ? `${code(name)} fits ${listNames(genFits, 3)}: if it evaluates such a stage, set \`task_type: ${genFits[0]}\` on that stage and scope the metric to it; otherwise replace it with a metric that fits.`
            : `Replace it with a metric that fits.${stageHint}`;
        }
      }

      const related: Related[] = [];
      if (m.stage?.taskType) {
        const tn = child(m.stage.node, 'task_type');
        if (tn) related.push({ ...doc.valueSpan(tn), message: `the task type of stage \`${m.stage.id}\`` });
      } else {
        const tn = doc.node('framing.task_type');
        if (tn && doc.taskType())
          related.push({ ...doc.valueSpan(tn), message: 'the task type the metric is checked against' });
      }
      report({
        ...m.ref.span,
        message: fitHeadline([
          `${written}${alias} fits none of the task types it was checked against: ${typeList}`,
          `${written}${alias} fits none of the ${types.length} task types it was checked against`,
          `${written} fits none of the task types it was checked against`,
        ]),
        explanation: `${code(m.ref.written)} (${measures(name)}) was checked against ${against} and fits none of ${types.length === 1 ? 'it' : 'them'}, so its number says nothing about whether this model does its job. ${advice} Metrics that fit: ${fitting.map(code).join(', ')}.`,
        related: related.length ? related : undefined,
        suggestions,
      });
    }
  },
};

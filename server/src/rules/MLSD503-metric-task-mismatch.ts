import { metricFits, taskInfo, type MetricFamily } from '../engine/domain';
import { replaceScalar } from '../engine/edits';
import type { MetricRef, MlsdDoc } from '../engine/model';
import { clip, code, fitHeadline, OFFLINE, suggestedOfflineMetrics, taskPhrase } from './support';
import type { Fix, Rule } from './types';

/**
 * "Replace with `pr-auc`" for a metric written as a plain list item: the offline metrics that fit the
 * task and are not listed yet (the author chooses: never safe).
 */
function replacements(doc: MlsdDoc, m: MetricRef, listed: Set<string>): Fix[] {
  if (m.node.kind !== 'scalar' || m.node.aliased) return [];
  const out: Fix[] = [];
  for (const s of suggestedOfflineMetrics(doc, 3)) {
    if (listed.has(s.split('@')[0])) continue;
    const edit = replaceScalar(m.node, s);
    if (edit) out.push({ title: `Replace with \`${s}\``, edits: [edit], safe: false });
  }
  return out;
}

const FAMILY: Record<MetricFamily, string> = {
  classification: 'a classification metric',
  regression: 'a regression metric',
  ranking: 'a ranking metric',
  detection: 'a detection/segmentation metric',
  generation: 'a generation metric',
  clustering: 'a clustering metric',
  online: 'an online (product) metric',
};

export const mlsd503: Rule = {
  meta: {
    id: 'MLSD503',
    alias: 'metric-task-mismatch',
    title: 'Offline metric does not fit the task type',
    step: 5,
    defaultSeverity: 'error',
    fixable: 'none',
    description:
      "an offline metric that is known but does not fit `framing.task_type` (or a head's type); message names the metrics that fit. The allowed sets are in reference/domain.md §3.8",
  },
  check({ doc, report }) {
    const types = doc.effectiveTaskTypes();
    if (!types.length) return;
    const fitting = [...new Set(types.flatMap((t) => taskInfo(t)?.metrics ?? []))];
    const typeNode = doc.node('framing.task_type');
    const refs = doc.metrics(OFFLINE);
    const listed = new Set(refs.map((r) => r.info?.name ?? r.normalized));
    for (const m of refs) {
      if (!m.info) continue; // unknown names are MLSD511's
      if (types.some((t) => metricFits(m.info!.name, t))) continue;
      const why =
        m.info.family === 'online'
          ? 'it is measured on live traffic, so list it under `evaluation.online.metrics` instead'
          : 'it measures a different kind of output than this model produces, so its number says nothing about whether the model does its job';
      const alias = m.info.name !== m.normalized ? ` (\`${m.info.name}\`)` : '';
      report({
        ...m.span,
        message: fitHeadline([
          `${code(clip(m.written, 24))}${alias} is ${FAMILY[m.info.family]} and does not fit ${taskPhrase(types)}`,
          `${code(clip(m.written, 24))}${alias} is ${FAMILY[m.info.family]} and fits none of the doc's task types`,
        ]),
        explanation: `${why.charAt(0).toUpperCase()}${why.slice(1)}. Metrics that fit ${taskPhrase(types)}: ${fitting.map(code).join(', ')}.`,
        related: typeNode
          ? [{ ...doc.valueSpan(typeNode), message: 'the task type the metric is checked against' }]
          : undefined,
        suggestions: replacements(doc, m, listed),
        data: { metric: m.info.name, taskTypes: types, fitting },
      });
    }
  },
};

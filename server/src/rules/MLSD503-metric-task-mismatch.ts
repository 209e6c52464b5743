import { metricFits, taskInfo, type MetricFamily } from '../engine/domain';
import type { Rule } from './types';
import { OFFLINE, taskPhrase } from './MLSD5xx-evaluation-shared';

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
    description: 'an offline metric that is known but does not fit `framing.task_type` (or a head\'s type); message names the metrics that fit. The allowed sets are in reference/domain.md §3.8',
  },
  check({ doc, report }) {
    const types = doc.effectiveTaskTypes();
    if (!types.length) return;
    const fitting = [...new Set(types.flatMap((t) => taskInfo(t)?.metrics ?? []))];
    const typeNode = doc.node('framing.task_type');
    for (const m of doc.metrics(OFFLINE)) {
      if (!m.info) continue; // unknown names are MLSD511's
      if (types.some((t) => metricFits(m.info!.name, t))) continue;
      const why = m.info.family === 'online'
        ? 'it is measured on live traffic, so list it under `evaluation.online.metrics` instead'
        : 'it measures a different kind of output than this model produces, so its number says nothing about whether the model does its job';
      const alias = m.info.name !== m.normalized ? ` (\`${m.info.name}\`)` : '';
      report({
        ...m.span,
        message: `\`${m.written}\`${alias} is ${FAMILY[m.info.family]} and does not fit ${taskPhrase(types)}: ${why}. Metrics that fit: ${fitting.join(', ')}.`,
        related: typeNode ? [{ ...doc.valueSpan(typeNode), message: 'the task type the metric is checked against' }] : undefined,
        data: { metric: m.info.name, taskTypes: types, fitting },
      });
    }
  },
};

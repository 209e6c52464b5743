import { metricFits } from '../engine/domain';
import { defined, listSuggestion, metricList, OFFLINE } from './support';
import type { Rule } from './types';

/** Area-under-curve metrics: they score the ordering only (average-precision is the PR-AUC estimate). */
const AUCS = ['roc-auc', 'pr-auc', 'average-precision'];

export const mlsd507: Rule = {
  meta: {
    id: 'MLSD507',
    alias: 'auc-only-for-probability-output',
    title: 'Only AUC metrics for an output used as a probability',
    step: 5,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      '`framing.output_use: probability` and every offline metric is an AUC (no log-loss, nce, brier or ece)',
  },
  check({ doc, report }) {
    if (doc.enumOf('framing.output_use') !== 'probability') return;
    const { refs, complete } = metricList(doc, OFFLINE);
    if (!complete || !refs.length) return;
    if (!refs.every((m) => m.info && AUCS.includes(m.info.name))) return;
    const types = doc.effectiveTaskTypes();
    const order =
      doc.archetype() === 'ad-click-prediction' ? ['nce', 'log-loss', 'ece'] : ['log-loss', 'ece', 'nce', 'brier'];
    const picks = order.filter((c) => !types.length || types.some((t) => metricFits(c, t))).slice(0, 2);
    const metricsNode = doc.node(OFFLINE)!;
    const useNode = doc.node('framing.output_use');
    const names = refs.map((m) => `\`${m.written}\``).join(', ');
    report({
      ...doc.keySpan(metricsNode),
      message: 'Every offline metric is an AUC, so the calibration of a probability output is never checked',
      explanation: `The output is consumed as a probability (\`framing.output_use: probability\`), but every offline metric (${names}) is an AUC, which scores only the ordering: a model whose probabilities are off by 3× scores the same, and auctions or expected-value decisions built on it go wrong. Add a metric that checks calibration, e.g. ${(picks.length ? picks : ['log-loss', 'ece']).map((p) => `\`${p}\``).join(' or ')}.`,
      related: useNode ? [{ ...doc.valueSpan(useNode), message: 'the output is used as a probability' }] : undefined,
      suggestions: defined(picks.map((p) => listSuggestion(doc, OFFLINE, [p], `Add the calibration metric \`${p}\``))),
      data: { metrics: refs.map((m) => m.info!.name), suggested: picks },
    });
  },
};

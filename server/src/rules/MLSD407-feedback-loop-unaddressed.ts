import { reportMissing } from './support';
import { behaviouralLabels, rankingReason } from '../engine/facts';
import type { Rule } from './types';

const EXPLORATION = 'serve 1% of slots from a randomized policy (epsilon-greedy) and keep a small holdout';

export const mlsd407: Rule = {
  meta: {
    id: 'MLSD407',
    alias: 'feedback-loop-unaddressed',
    title: 'Feedback loop with no exploration',
    step: 4,
    defaultSeverity: 'info',
    fixable: 'none',
    description:
      '`data.labels.source` is natural or implicit, the task ranks or recommends, and `monitoring.exploration` is missing.',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.stated('monitoring.exploration')) return;
    const labels = behaviouralLabels(doc);
    if (!labels) return;
    const why = rankingReason(doc);
    if (!why) return;
    const monitoring = doc.node('monitoring');
    reportMissing(ctx, {
      path: 'monitoring.exploration',
      because: 'so the model only learns from what it already chose to show',
      explanation:
        `Labels are ${labels.source} user actions and ${why.text}: the model only gets labels for what it chose to show, ` +
        'so each retraining reinforces its own choices (rich get richer; new and long-tail items never get the chance to be clicked). ' +
        `Add e.g. \`exploration: ${EXPLORATION}\` under \`monitoring\`.`,
      // offered only inside a written `monitoring` section
      value: monitoring && monitoring.kind === 'map' && doc.isStated(monitoring) ? EXPLORATION : undefined,
      title: 'Add `monitoring.exploration`',
      related: [
        { ...doc.valueSpan(labels.node), message: `label source ${labels.source}` },
        ...(why.related ? [why.related] : []),
      ],
    });
  },
};

import { formatDuration } from '../engine/values';
import { fillField } from '../engine/edits';
import type { Rule } from './types';

export const mlsd703: Rule = {
  meta: {
    id: 'MLSD703',
    alias: 'no-retraining-policy',
    title: 'No retraining policy',
    step: 7,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`monitoring.retraining.cadence` and `.trigger` are both missing.',
  },
  check({ doc, report }) {
    if (doc.stated('monitoring.retraining.cadence') || doc.stated('monitoring.retraining.trigger')) return;
    const freshness = doc.duration('requirements.performance.freshness');
    const cadence = freshness !== undefined && freshness > 0 ? formatDuration(freshness) : '1w';
    const edit = fillField(doc, ['monitoring', 'retraining'], 'cadence', cadence);
    report({
      ...doc.missingSpan('monitoring.retraining.cadence'),
      message:
        'Neither `monitoring.retraining.cadence` nor `.trigger` is stated: say when the model is retrained. ' +
        'The world the model learned from keeps moving (new items, new users, drift), and a model that is never retrained slowly loses the quality it launched with; ' +
        `e.g. \`retraining: {cadence: ${cadence}, trigger: schedule}\`${freshness !== undefined ? ' (at least as often as the freshness requirement)' : ''}, or \`trigger: drift\`.`,
      suggestions: edit ? [{ title: `Retrain every ${cadence}`, edits: [edit], safe: false }] : undefined,
      data: freshness !== undefined ? { freshness } : undefined,
    });
  },
};

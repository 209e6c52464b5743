import { isGenerative, trainsWeights } from '../engine/facts';
import { formatDuration } from '../engine/values';
import { reportMissing } from './support';
import type { Rule } from './types';

export const mlsd703: Rule = {
  meta: {
    id: 'MLSD703',
    alias: 'no-retraining-policy',
    title: 'No retraining policy',
    step: 7,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      '`monitoring.retraining.cadence` and `.trigger` are both missing. Not on a generative doc that trains no weights (genai.md §8): model and prompt changes are MLSD451 and MLSD752.',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.stated('monitoring.retraining.cadence') || doc.stated('monitoring.retraining.trigger')) return;
    // genai.md §8: a prompted or retrieval-only system has no weights of its own to retrain
    if (isGenerative(doc) && !trainsWeights(doc)) return;
    const freshness = doc.duration('requirements.performance.freshness');
    const cadence = freshness !== undefined && freshness > 0 ? formatDuration(freshness) : '1w';
    reportMissing(ctx, {
      path: 'monitoring.retraining.cadence',
      span: ctx.doc.missingSpan('monitoring.retraining.cadence'),
      because: 'as is `trigger`: no retraining policy',
      explanation:
        'Neither `monitoring.retraining.cadence` nor `.trigger` is stated: say when the model is retrained. ' +
        'The world the model learned from keeps moving (new items, new users, drift), and a model that is never retrained slowly loses the quality it launched with; ' +
        `e.g. \`retraining: {cadence: ${cadence}, trigger: schedule}\`${freshness !== undefined ? ' (at least as often as the freshness requirement)' : ''}, or \`trigger: drift\`.`,
      value: cadence,
      title: `Retrain every ${cadence}`,
    });
  },
};

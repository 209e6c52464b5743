import { behaviouralLabels, rankingReason } from '../engine/facts';
import { reportMissing } from './support';
import type { Rule } from './types';

const POSITION = 'log the display position and use it as a training-only feature (fixed to the top slot at serving)';

export const mlsd404: Rule = {
  meta: {
    id: 'MLSD404',
    alias: 'position-bias-unaddressed',
    title: 'Position bias in behavioural labels not addressed',
    step: 4,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      'The doc ranks or recommends (task or head type ranking, recommendation, retrieval or link-prediction, or a recommendation archetype); labels natural or implicit (clicks, engagement); and `data.bias.position` missing.',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.stated('data.bias.position')) return;
    const labels = behaviouralLabels(doc);
    if (!labels) return;
    // rules.md v1.1: the doc *ranks or recommends* (task family: ranking, recommendation, retrieval or
    // link-prediction as the task or a head's type, or a recommendation archetype; stage types do not count)
    const reason = rankingReason(doc);
    if (!reason) return;
    const why = reason.text;
    reportMissing(ctx, {
      path: 'data.bias.position',
      because: `though ${labels.source} labels reward whatever was shown on top`,
      explanation:
        `Labels are ${labels.source} user actions and ${why}, so the system ranks what users see. Users click what is shown on top, ` +
        'so the labels measure position as much as relevance, and a model trained on them learns to keep the current top items on top (a feedback loop). ' +
        `Say how you correct it, e.g. \`bias: {position: ${POSITION}}\` under \`data\`, or inverse-propensity weighting from randomized slots.`,
      value: POSITION,
      title: 'Add a `data.bias.position` correction',
      related: [
        { ...doc.valueSpan(labels.node), message: `label source ${labels.source}` },
        ...(reason.related ? [reason.related] : []),
      ],
    });
  },
};

import { behaviouralLabels } from '../engine/facts';
import { RECOMMENDATION_ARCHETYPES } from '../engine/domain';
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
      "Task type (or a head's type) ranking or recommendation, or a recommendation archetype; labels natural or implicit (clicks, engagement); and `data.bias.position` missing.",
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.stated('data.bias.position')) return;
    const labels = behaviouralLabels(doc);
    if (!labels) return;
    const t = doc.taskType();
    const head = doc.headTaskTypes().find((h) => h === 'ranking' || h === 'recommendation');
    const a = doc.archetype();
    let why: string;
    if (t === 'ranking' || t === 'recommendation') why = `the task is ${t}`;
    else if (head) why = `a head is ${head}`;
    else if (a && RECOMMENDATION_ARCHETYPES.includes(a)) why = `the archetype is ${a}`;
    else return;
    reportMissing(ctx, {
      path: 'data.bias.position',
      because: `though ${labels.source} labels reward whatever was shown on top`,
      explanation:
        `Labels are ${labels.source} user actions and ${why}. Users click what is shown on top, ` +
        'so the labels measure position as much as relevance, and a model trained on them learns to keep the current top items on top (a feedback loop). ' +
        `Say how you correct it, e.g. \`bias: {position: ${POSITION}}\` under \`data\`, or inverse-propensity weighting from randomized slots.`,
      value: POSITION,
      title: 'Add a `data.bias.position` correction',
      related: [{ ...doc.valueSpan(labels.node), message: `label source ${labels.source}` }],
    });
  },
};

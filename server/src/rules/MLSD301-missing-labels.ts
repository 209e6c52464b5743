import { HAND_LABELED, NATURAL_LABELED } from '../engine/domain';
import { reportMissing } from './support';
import type { Rule } from './types';

export const mlsd301: Rule = {
  meta: {
    id: 'MLSD301',
    alias: 'missing-labels',
    title: 'Supervised task with no label source',
    step: 3,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      "The task is supervised (any task type but clustering, and not anomaly-detection unless `requirements.data.labeled` is true; with `framing.heads`, any head's type counts) and `data.labels.source` is missing.",
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.stated('data.labels.source')) return;
    const labeled = doc.bool('requirements.data.labeled') === true;
    const types = doc.effectiveTaskTypes();
    const supervised = types.filter((t) => t !== 'clustering' && (t !== 'anomaly-detection' || labeled));
    if (!supervised.length) return;
    const main = doc.taskType();
    const t = main && supervised.includes(main) ? main : supervised[0];
    const because =
      t === 'anomaly-detection'
        ? 'though anomaly detection on labeled data is supervised'
        : `though ${t === main ? '' : 'head '}task type \`${t}\` is supervised`;
    const why =
      t === 'anomaly-detection'
        ? 'The task is anomaly-detection with `requirements.data.labeled: true`, so it is trained on labels'
        : t === main
          ? `\`framing.task_type\` is ${t}, a supervised task`
          : `The head task type ${t} is supervised`;
    const value = HAND_LABELED.includes(t)
      ? 'hand'
      : NATURAL_LABELED.includes(t) || doc.ranksOrRecommends()
        ? 'natural'
        : 'TBD';
    const example = value === 'TBD' ? 'natural' : value;
    const taskNode = doc.node('framing.task_type');
    reportMissing(ctx, {
      path: 'data.labels.source',
      because,
      explanation:
        `${why}: say where the training labels come from ` +
        '(natural user actions, hand annotation, user reports, weak rules), since their cost, noise, delay and bias bound what the model can learn. ' +
        `Add e.g. \`labels: {source: ${example}, positive: <what counts as a positive>}\` under \`data\`.`,
      value,
      related:
        taskNode && doc.isStated(taskNode)
          ? [{ ...doc.valueSpan(taskNode), message: `task type ${doc.taskType() ?? 'stated here'}` }]
          : undefined,
    });
  },
};

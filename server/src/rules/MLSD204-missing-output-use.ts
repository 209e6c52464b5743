import { reportMissing } from './support';
import type { Rule } from './types';

export const mlsd204: Rule = {
  meta: {
    id: 'MLSD204',
    alias: 'missing-output-use',
    title: 'How the output is used is not stated',
    step: 2,
    defaultSeverity: 'info',
    fixable: 'none',
    description: '`framing.output_use` (ranking, threshold, probability, action, generation) is missing.',
  },
  check(ctx) {
    const { doc } = ctx;
    const path = 'framing.output_use';
    if (doc.stated(path)) return;
    const absent = !doc.node(path);
    const t = doc.taskType();
    const likely: string[] = doc.ranksOrRecommends()
      ? ['ranking']
      : t === 'text-generation' || t === 'image-generation'
        ? ['generation']
        : t && /classification|anomaly/.test(t)
          ? ['threshold', 'probability']
          : [];
    reportMissing(ctx, {
      path,
      explanation: `How the prediction is consumed — a ranked list, a threshold decision, a calibrated probability (an ad auction), an action — decides whether calibration matters and which metrics are enough (AUC alone says nothing about calibration). Add e.g. \`output_use: ${likely[0] ?? 'threshold'}\`.`,
      // suggestions only for an absent key, one per likely value
      value: absent ? likely[0] : undefined,
      title: `Add \`output_use: ${likely[0]}\``,
      more: absent ? likely.slice(1) : undefined,
    });
  },
};

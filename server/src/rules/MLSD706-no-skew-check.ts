import { reportMissing } from './support';
import { dynamicFeatures, servingOnline } from '../engine/facts';
import type { Rule } from './types';

export const mlsd706: Rule = {
  meta: {
    id: 'MLSD706',
    alias: 'no-skew-check',
    title: 'Real-time features without a training/serving skew check',
    step: 7,
    defaultSeverity: 'info',
    fixable: 'none',
    description:
      'The system serves online with some realtime/streaming feature and `monitoring.training_serving_skew` is missing.',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.stated('monitoring.training_serving_skew')) return;
    const s = servingOnline(doc);
    if (!s.online) return;
    const feats = dynamicFeatures(doc);
    if (!feats.length) return;
    const shown = feats.slice(0, 4).map((f) => `\`${f.id}\` (${f.freshness})`);
    if (feats.length > 4) shown.push(`${feats.length - 4} more`);
    reportMissing(ctx, {
      path: 'monitoring.training_serving_skew',
      span: ctx.doc.missingSpan('monitoring.training_serving_skew'),
      because: `though ${feats.length === 1 ? 'a feature is' : `${feats.length} features are`} realtime or streaming`,
      explanation:
        `\`${s.from}\` is ${s.mode} and ${feats.length === 1 ? 'feature' : 'features'} ${shown.join(', ')} ${feats.length === 1 ? 'is' : 'are'} computed at request or stream time. ` +
        'Such features are usually computed by a different pipeline in training than in serving, and a silent mismatch degrades the model without any error; ' +
        'say how skew is caught, e.g. `training_serving_skew: log served features and train on the logs; compare logged vs recomputed values daily`.',
      value: 'log served feature values and train on the logs; compare logged vs recomputed values daily',
      title: 'Add a training/serving skew check',
      related: feats.slice(0, 10).map((f) => ({ ...doc.valueSpan(f.node), message: `\`${f.id}\` is ${f.freshness}` })),
    });
  },
};

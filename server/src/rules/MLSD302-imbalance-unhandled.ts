import { formatPercent as pct } from '../engine/values';
import { reportMissing } from './support';
import type { Rule } from './types';

export const mlsd302: Rule = {
  meta: {
    id: 'MLSD302',
    alias: 'imbalance-unhandled',
    title: 'Imbalanced labels with no imbalance handling',
    step: 3,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      '`data.labels.positive_rate` is below `imbalance_threshold` (or above 1 − threshold: the negatives are rare) and `data.imbalance.handling` is missing.',
    options: ['imbalance_threshold'],
  },
  check(ctx) {
    const { doc, options } = ctx;
    if (doc.stated('data.imbalance.handling')) return;
    const rate = doc.rate('data.labels.positive_rate');
    const t = options.imbalance_threshold;
    if (rate === undefined || !Number.isFinite(t)) return;
    const rarePositives = rate < t;
    const rareNegatives = !rarePositives && rate > 1 - t;
    if (!rarePositives && !rareNegatives) return;
    const minority = rarePositives ? rate : 1 - rate;
    const rateNode = doc.node('data.labels.positive_rate')!;

    const skew = rarePositives
      ? `\`data.labels.positive_rate\` is ${pct(rate)}, below the ${pct(t)} imbalance threshold`
      : `\`data.labels.positive_rate\` is ${pct(rate)}, so negatives are the rare class (${pct(minority)}, below the ${pct(t)} imbalance threshold)`;
    reportMissing(ctx, {
      path: 'data.imbalance.handling',
      because: rarePositives
        ? `with positives at ${pct(rate)}, below the ${pct(t)} imbalance threshold`
        : `with negatives at ${pct(minority)}, below the ${pct(t)} imbalance threshold`,
      explanation:
        `${skew}: trained on this skew, a model learns to predict the majority class ` +
        `(always predicting it is already ${pct(1 - minority)} accurate) and the rare class gets too little weight. ` +
        'Add e.g. `imbalance: {handling: [class-weights]}` under `data` (or focal-loss, negative-downsampling).',
      value: ['class-weights'],
      title: 'Add imbalance handling (`class-weights`)',
      related: [{ ...doc.valueSpan(rateNode), message: `positive rate ${pct(rate)}` }],
    });
  },
};

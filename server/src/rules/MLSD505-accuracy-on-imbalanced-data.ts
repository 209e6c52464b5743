import type { Rule } from './types';

export const mlsd505: Rule = {
  meta: {
    id: 'MLSD505',
    alias: 'accuracy-on-imbalanced-data',
    title: 'Accuracy on imbalanced data',
    step: 5,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`accuracy` is the only offline classification metric and `positive_rate` < `imbalance_threshold`',
  },
  check() {
    // TODO: implement
  },
};

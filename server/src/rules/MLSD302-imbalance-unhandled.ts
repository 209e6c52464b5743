import type { Rule } from './types';

export const mlsd302: Rule = {
  meta: {
    id: 'MLSD302',
    alias: 'imbalance-unhandled',
    title: 'Imbalance unhandled',
    step: 3,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`data.labels.positive_rate` < `imbalance_threshold` (or > 1 − threshold) and `data.imbalance.handling` missing',
  },
  check() {
    // TODO: implement
  },
};

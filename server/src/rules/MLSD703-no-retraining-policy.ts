import type { Rule } from './types';

export const mlsd703: Rule = {
  meta: {
    id: 'MLSD703',
    alias: 'no-retraining-policy',
    title: 'No retraining policy',
    step: 7,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`monitoring.retraining.cadence` and `.trigger` both missing',
  },
  check() {
    // TODO: implement
  },
};

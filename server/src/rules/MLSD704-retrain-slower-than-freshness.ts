import type { Rule } from './types';

export const mlsd704: Rule = {
  meta: {
    id: 'MLSD704',
    alias: 'retrain-slower-than-freshness',
    title: 'Retrain slower than freshness',
    step: 7,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`monitoring.retraining.cadence` longer than `requirements.performance.freshness`',
  },
  check() {
    // TODO: implement
  },
};

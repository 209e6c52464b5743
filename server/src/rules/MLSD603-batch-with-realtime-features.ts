import type { Rule } from './types';

export const mlsd603: Rule = {
  meta: {
    id: 'MLSD603',
    alias: 'batch-with-realtime-features',
    title: 'Batch with realtime features',
    step: 6,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`serving.mode: batch` and some feature has freshness streaming/realtime, or `requirements.performance.freshness` is shorter than 1d',
  },
  check() {
    // TODO: implement
  },
};

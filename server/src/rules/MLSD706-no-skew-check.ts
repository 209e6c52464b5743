import type { Rule } from './types';

export const mlsd706: Rule = {
  meta: {
    id: 'MLSD706',
    alias: 'no-skew-check',
    title: 'No skew check',
    step: 7,
    defaultSeverity: 'info',
    fixable: 'none',
    description: 'serving online with some realtime/streaming feature and `monitoring.training_serving_skew` missing',
  },
  check() {
    // TODO: implement
  },
};

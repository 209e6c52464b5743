import type { Rule } from './types';

export const mlsd407: Rule = {
  meta: {
    id: 'MLSD407',
    alias: 'feedback-loop-unaddressed',
    title: 'Feedback loop unaddressed',
    step: 4,
    defaultSeverity: 'info',
    fixable: 'none',
    description: 'labels implicit/natural, task ranks or recommends, and `monitoring.exploration` missing',
  },
  check() {
    // TODO: implement
  },
};

import type { Rule } from './types';

export const mlsd604: Rule = {
  meta: {
    id: 'MLSD604',
    alias: 'no-rollout-strategy',
    title: 'No rollout strategy',
    step: 6,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`serving.rollout.strategy` missing',
  },
  check() {
    // TODO: implement
  },
};

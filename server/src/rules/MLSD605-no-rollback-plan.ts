import type { Rule } from './types';

export const mlsd605: Rule = {
  meta: {
    id: 'MLSD605',
    alias: 'no-rollback-plan',
    title: 'No rollback plan',
    step: 6,
    defaultSeverity: 'info',
    fixable: 'none',
    description: 'rollout stated, `serving.rollout.rollback` missing',
  },
  check() {
    // TODO: implement
  },
};

import type { Rule } from './types';

export const mlsd201: Rule = {
  meta: {
    id: 'MLSD201',
    alias: 'missing-ml-objective',
    title: 'Missing ml objective',
    step: 2,
    defaultSeverity: 'error',
    fixable: 'none',
    description: '`framing.ml_objective` missing',
  },
  check() {
    // TODO: implement
  },
};

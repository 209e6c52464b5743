import type { Rule } from './types';

export const mlsd107: Rule = {
  meta: {
    id: 'MLSD107',
    alias: 'missing-out-of-scope',
    title: 'Missing out of scope',
    step: 1,
    defaultSeverity: 'info',
    fixable: 'none',
    description: '`requirements.out_of_scope` missing',
  },
  check() {
    // TODO: implement
  },
};

import type { Rule } from './types';

export const mlsd401: Rule = {
  meta: {
    id: 'MLSD401',
    alias: 'no-baseline',
    title: 'No baseline',
    step: 4,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`model.baseline` missing',
  },
  check() {
    // TODO: implement
  },
};

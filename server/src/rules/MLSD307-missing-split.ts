import type { Rule } from './types';

export const mlsd307: Rule = {
  meta: {
    id: 'MLSD307',
    alias: 'missing-split',
    title: 'Missing split',
    step: 3,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`data.split.strategy` missing',
  },
  check() {
    // TODO: implement
  },
};

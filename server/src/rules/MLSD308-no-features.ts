import type { Rule } from './types';

export const mlsd308: Rule = {
  meta: {
    id: 'MLSD308',
    alias: 'no-features',
    title: 'No features',
    step: 3,
    defaultSeverity: 'info',
    fixable: 'none',
    description: '`data.features` empty',
  },
  check() {
    // TODO: implement
  },
};

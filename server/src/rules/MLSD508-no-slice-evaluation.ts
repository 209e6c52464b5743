import type { Rule } from './types';

export const mlsd508: Rule = {
  meta: {
    id: 'MLSD508',
    alias: 'no-slice-evaluation',
    title: 'No slice evaluation',
    step: 5,
    defaultSeverity: 'info',
    fixable: 'none',
    description: '`evaluation.offline.slices` missing',
  },
  check() {
    // TODO: implement
  },
};

import type { Rule } from './types';

export const mlsd010: Rule = {
  meta: {
    id: 'MLSD010',
    alias: 'section-order',
    title: 'Section order',
    step: 0,
    defaultSeverity: 'info',
    fixable: 'none',
    description: 'step sections are not in framework order',
  },
  check() {
    // TODO: implement
  },
};

import type { Rule } from './types';

export const mlsd408: Rule = {
  meta: {
    id: 'MLSD408',
    alias: 'no-candidates',
    title: 'No candidates',
    step: 4,
    defaultSeverity: 'info',
    fixable: 'none',
    description: '`model.candidates` empty (no alternatives weighed)',
  },
  check() {
    // TODO: implement
  },
};

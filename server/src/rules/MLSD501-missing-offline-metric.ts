import type { Rule } from './types';

export const mlsd501: Rule = {
  meta: {
    id: 'MLSD501',
    alias: 'missing-offline-metric',
    title: 'Missing offline metric',
    step: 5,
    defaultSeverity: 'error',
    fixable: 'none',
    description: '`evaluation.offline.metrics` empty (no evaluation metric stated)',
  },
  check() {
    // TODO: implement
  },
};

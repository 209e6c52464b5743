import type { Rule } from './types';

export const mlsd502: Rule = {
  meta: {
    id: 'MLSD502',
    alias: 'missing-online-metric',
    title: 'Missing online metric',
    step: 5,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`evaluation.online.metrics` empty',
  },
  check() {
    // TODO: implement
  },
};

import type { Rule } from './types';

export const mlsd606: Rule = {
  meta: {
    id: 'MLSD606',
    alias: 'no-fallback',
    title: 'No fallback',
    step: 6,
    defaultSeverity: 'info',
    fixable: 'none',
    description: 'serving online and `serving.fallback` missing',
  },
  check() {
    // TODO: implement
  },
};

import type { Rule } from './types';

export const mlsd511: Rule = {
  meta: {
    id: 'MLSD511',
    alias: 'unknown-metric',
    title: 'Unknown metric',
    step: 5,
    defaultSeverity: 'hint',
    fixable: 'none',
    description: 'a metric name outside the catalogue; suggests nearest names',
  },
  check() {
    // TODO: implement
  },
};

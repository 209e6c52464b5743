import type { Rule } from './types';

export const mlsd306: Rule = {
  meta: {
    id: 'MLSD306',
    alias: 'label-delay-unstated',
    title: 'Label delay unstated',
    step: 3,
    defaultSeverity: 'info',
    fixable: 'none',
    description: 'label source natural/implicit and `data.labels.delay` missing',
  },
  check() {
    // TODO: implement
  },
};

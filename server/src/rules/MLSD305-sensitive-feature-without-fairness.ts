import type { Rule } from './types';

export const mlsd305: Rule = {
  meta: {
    id: 'MLSD305',
    alias: 'sensitive-feature-without-fairness',
    title: 'Sensitive feature without fairness',
    step: 3,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: 'some feature has `sensitive: true` and `evaluation.fairness` missing',
  },
  check() {
    // TODO: implement
  },
};

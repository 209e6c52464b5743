import type { Rule } from './types';

export const mlsd701: Rule = {
  meta: {
    id: 'MLSD701',
    alias: 'no-drift-monitoring',
    title: 'No drift monitoring',
    step: 7,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: 'no item of `monitoring.ml` mentions drift, distribution shift, PSI or KL divergence (free text, matched case-insensitively)',
  },
  check() {
    // TODO: implement
  },
};

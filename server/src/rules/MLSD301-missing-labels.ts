import type { Rule } from './types';

export const mlsd301: Rule = {
  meta: {
    id: 'MLSD301',
    alias: 'missing-labels',
    title: 'Missing labels',
    step: 3,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: 'task is supervised (any task type but clustering, and not anomaly-detection without labels) and `data.labels.source` missing',
  },
  check() {
    // TODO: implement
  },
};

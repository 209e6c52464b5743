import type { Rule } from './types';

export const mlsd507: Rule = {
  meta: {
    id: 'MLSD507',
    alias: 'auc-only-for-probability-output',
    title: 'Auc only for probability output',
    step: 5,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`framing.output_use: probability` and every offline metric is an AUC (no log-loss, nce, brier or ece)',
  },
  check() {
    // TODO: implement
  },
};

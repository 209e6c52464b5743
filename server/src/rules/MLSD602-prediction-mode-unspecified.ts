import type { Rule } from './types';

export const mlsd602: Rule = {
  meta: {
    id: 'MLSD602',
    alias: 'prediction-mode-unspecified',
    title: 'Prediction mode unspecified',
    step: 6,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`serving.mode` missing',
  },
  check() {
    // TODO: implement
  },
};

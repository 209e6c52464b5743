import type { Rule } from './types';

export const mlsd609: Rule = {
  meta: {
    id: 'MLSD609',
    alias: 'mode-mismatch',
    title: 'Mode mismatch',
    step: 6,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`requirements.performance.mode` and `serving.mode` both stated and different (hybrid is compatible with both)',
  },
  check() {
    // TODO: implement
  },
};

import type { Rule } from './types';

export const mlsd103: Rule = {
  meta: {
    id: 'MLSD103',
    alias: 'missing-scale',
    title: 'Missing scale',
    step: 1,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: 'none of `requirements.scale.dau`, `.mau`, `.items`, `.qps_peak` stated',
  },
  check() {
    // TODO: implement
  },
};

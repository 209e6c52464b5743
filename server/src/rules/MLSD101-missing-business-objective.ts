import type { Rule } from './types';

export const mlsd101: Rule = {
  meta: {
    id: 'MLSD101',
    alias: 'missing-business-objective',
    title: 'Missing business objective',
    step: 1,
    defaultSeverity: 'error',
    fixable: 'none',
    description: '`requirements.business_objective` missing',
  },
  check() {
    // TODO: implement
  },
};

import type { Rule } from './types';

export const mlsd403: Rule = {
  meta: {
    id: 'MLSD403',
    alias: 'cold-start-unaddressed',
    title: 'Cold start unaddressed',
    step: 4,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: 'task type recommendation/ranking/retrieval/link-prediction (or a recommendation archetype) and `model.cold_start` missing',
  },
  check() {
    // TODO: implement
  },
};

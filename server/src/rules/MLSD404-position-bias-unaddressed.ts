import type { Rule } from './types';

export const mlsd404: Rule = {
  meta: {
    id: 'MLSD404',
    alias: 'position-bias-unaddressed',
    title: 'Position bias unaddressed',
    step: 4,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: 'task type ranking/recommendation, labels implicit or natural (clicks, engagement), and `data.bias.position` missing',
  },
  check() {
    // TODO: implement
  },
};

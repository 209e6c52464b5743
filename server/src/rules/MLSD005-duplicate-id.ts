import type { Rule } from './types';

export const mlsd005: Rule = {
  meta: {
    id: 'MLSD005',
    alias: 'duplicate-id',
    title: 'Duplicate id',
    step: 0,
    defaultSeverity: 'error',
    fixable: 'none',
    description: 'two entries of one list share an id (both reported, with related information)',
  },
  check() {
    // TODO: implement
  },
};

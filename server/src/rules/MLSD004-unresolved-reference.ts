import type { Rule } from './types';

export const mlsd004: Rule = {
  meta: {
    id: 'MLSD004',
    alias: 'unresolved-reference',
    title: 'Unresolved reference',
    step: 0,
    defaultSeverity: 'error',
    fixable: 'none',
    description: 'a reference (format.md, cross-references) names no declared id',
  },
  check() {
    // TODO: implement
  },
};

import type { Rule } from './types';

export const mlsd007: Rule = {
  meta: {
    id: 'MLSD007',
    alias: 'placeholder-value',
    title: 'Placeholder value',
    step: 0,
    defaultSeverity: 'info',
    fixable: 'none',
    description: 'a value is a placeholder (TBD, TODO, ?)',
  },
  check() {
    // TODO: implement
  },
};

import type { Rule } from './types';

export const mlsd008: Rule = {
  meta: {
    id: 'MLSD008',
    alias: 'format-version',
    title: 'Format version',
    step: 0,
    defaultSeverity: 'error',
    fixable: 'none',
    description: '`mlsd` missing or not a supported version',
  },
  check() {
    // TODO: implement
  },
};

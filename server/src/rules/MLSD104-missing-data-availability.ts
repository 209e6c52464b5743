import type { Rule } from './types';

export const mlsd104: Rule = {
  meta: {
    id: 'MLSD104',
    alias: 'missing-data-availability',
    title: 'Missing data availability',
    step: 1,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`data.sources` empty and `requirements.data` missing',
  },
  check() {
    // TODO: implement
  },
};

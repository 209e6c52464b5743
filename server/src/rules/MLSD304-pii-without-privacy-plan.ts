import type { Rule } from './types';

export const mlsd304: Rule = {
  meta: {
    id: 'MLSD304',
    alias: 'pii-without-privacy-plan',
    title: 'Pii without privacy plan',
    step: 3,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: 'some source or feature has `pii: true` and `data.privacy.plan` missing',
  },
  check() {
    // TODO: implement
  },
};

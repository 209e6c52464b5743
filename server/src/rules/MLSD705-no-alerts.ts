import type { Rule } from './types';

export const mlsd705: Rule = {
  meta: {
    id: 'MLSD705',
    alias: 'no-alerts',
    title: 'No alerts',
    step: 7,
    defaultSeverity: 'info',
    fixable: 'none',
    description: '`monitoring.alerts` missing',
  },
  check() {
    // TODO: implement
  },
};

import type { Rule } from './types';

export const mlsd009: Rule = {
  meta: {
    id: 'MLSD009',
    alias: 'unused-suppression',
    title: 'Unused suppression',
    step: 0,
    defaultSeverity: 'info',
    fixable: 'none',
    description: 'a suppression comment that suppressed nothing',
  },
  check() {
    // TODO: implement
  },
};

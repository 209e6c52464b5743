import type { Rule } from './types';

export const mlsd203: Rule = {
  meta: {
    id: 'MLSD203',
    alias: 'missing-io-spec',
    title: 'Missing io spec',
    step: 2,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`framing.input` or `framing.output` missing',
  },
  check() {
    // TODO: implement
  },
};

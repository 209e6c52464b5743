import type { Rule } from './types';

export const mlsd204: Rule = {
  meta: {
    id: 'MLSD204',
    alias: 'missing-output-use',
    title: 'Missing output use',
    step: 2,
    defaultSeverity: 'info',
    fixable: 'none',
    description: '`framing.output_use` missing',
  },
  check() {
    // TODO: implement
  },
};

import type { Rule } from './types';

export const mlsd607: Rule = {
  meta: {
    id: 'MLSD607',
    alias: 'on-device-without-compression',
    title: 'On device without compression',
    step: 6,
    defaultSeverity: 'info',
    fixable: 'none',
    description: '`serving.target` or `requirements.constraints.deployment` is on-device/edge and `serving.compression` missing',
  },
  check() {
    // TODO: implement
  },
};

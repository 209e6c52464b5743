import type { Rule } from './types';

export const mlsd106: Rule = {
  meta: {
    id: 'MLSD106',
    alias: 'latency-percentile-unspecified',
    title: 'Latency percentile unspecified',
    step: 1,
    defaultSeverity: 'info',
    fixable: 'none',
    description: '`requirements.performance.latency` is a bare duration rather than p50/p95/p99',
  },
  check() {
    // TODO: implement
  },
};

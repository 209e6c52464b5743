import type { Rule } from './types';

export const mlsd702: Rule = {
  meta: {
    id: 'MLSD702',
    alias: 'no-operational-monitoring',
    title: 'No operational monitoring',
    step: 7,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: 'no item of `monitoring.operational` mentions latency, throughput or QPS',
  },
  check() {
    // TODO: implement
  },
};

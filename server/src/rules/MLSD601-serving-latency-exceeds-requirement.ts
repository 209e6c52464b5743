import type { Rule } from './types';

export const mlsd601: Rule = {
  meta: {
    id: 'MLSD601',
    alias: 'serving-latency-exceeds-requirement',
    title: 'Serving latency exceeds requirement',
    step: 6,
    defaultSeverity: 'error',
    fixable: 'none',
    description: 'at least one stage states a latency, and the sum of `model.stages[].latency` (stages run in sequence; a stage without latency counts 0) plus `serving.network_latency` exceeds the stated requirement latency of the same percentile (p99 > p95 > p50 > bare, the first stated); message shows the sum and the budget',
  },
  check() {
    // TODO: implement
  },
};

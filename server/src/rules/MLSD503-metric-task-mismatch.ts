import type { Rule } from './types';

export const mlsd503: Rule = {
  meta: {
    id: 'MLSD503',
    alias: 'metric-task-mismatch',
    title: 'Metric task mismatch',
    step: 5,
    defaultSeverity: 'error',
    fixable: 'none',
    description: 'an offline metric that is known but does not fit `framing.task_type` (or a head\'s type); message names the metrics that fit. The allowed sets are in reference/domain.md §3.8',
  },
  check() {
    // TODO: implement
  },
};

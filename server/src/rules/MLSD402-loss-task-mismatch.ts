import type { Rule } from './types';

export const mlsd402: Rule = {
  meta: {
    id: 'MLSD402',
    alias: 'loss-task-mismatch',
    title: 'Loss task mismatch',
    step: 4,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`model.loss` is a known loss that does not fit `framing.task_type` (e.g. mse for binary-classification, bce for regression)',
  },
  check() {
    // TODO: implement
  },
};

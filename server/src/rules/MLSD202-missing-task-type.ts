import type { Rule } from './types';

export const mlsd202: Rule = {
  meta: {
    id: 'MLSD202',
    alias: 'missing-task-type',
    title: 'Missing task type',
    step: 2,
    defaultSeverity: 'error',
    fixable: 'none',
    description: '`framing.task_type` missing (an invalid value is MLSD003); `multitask-classification` with no `heads` also triggers',
  },
  check() {
    // TODO: implement
  },
};

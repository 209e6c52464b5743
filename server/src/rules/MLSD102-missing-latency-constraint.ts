import type { Rule } from './types';

export const mlsd102: Rule = {
  meta: {
    id: 'MLSD102',
    alias: 'missing-latency-constraint',
    title: 'Missing latency constraint',
    step: 1,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`requirements.performance.latency` missing while the system serves online: `requirements.performance.mode` or `serving.mode` is `online`/`hybrid`/`streaming`; or both modes are missing and `framing.task_type` is ranking, recommendation, retrieval or link-prediction (a stated `batch` mode means no latency is needed)',
  },
  check() {
    // TODO: implement
  },
};

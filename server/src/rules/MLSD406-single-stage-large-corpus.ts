import type { Rule } from './types';

export const mlsd406: Rule = {
  meta: {
    id: 'MLSD406',
    alias: 'single-stage-large-corpus',
    title: 'Single stage large corpus',
    step: 4,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: 'task type ranking/recommendation/retrieval, `requirements.scale.items` ≥ `large_corpus_items`, and fewer than two `model.stages`',
  },
  check() {
    // TODO: implement
  },
};

import type { Rule } from './types';

export const mlsd506: Rule = {
  meta: {
    id: 'MLSD506',
    alias: 'relevance-metric-mismatch',
    title: 'Relevance metric mismatch',
    step: 5,
    defaultSeverity: 'info',
    fixable: 'none',
    description: '`relevance: graded` and every offline ranking metric is map/precision/mrr (binary-relevance metrics), or `relevance: binary` and every offline ranking metric is ndcg',
  },
  check() {
    // TODO: implement
  },
};

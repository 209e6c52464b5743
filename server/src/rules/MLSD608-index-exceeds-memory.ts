import type { Rule } from './types';

export const mlsd608: Rule = {
  meta: {
    id: 'MLSD608',
    alias: 'index-exceeds-memory',
    title: 'Index exceeds memory',
    step: 6,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`serving.index` dim, bytes_per_dim and memory stated, `requirements.scale.items` stated, and items × dim × bytes_per_dim (plus 256 bytes of graph links per item when type is hnsw: 32 links × 8 bytes) exceeds memory',
  },
  check() {
    // TODO: implement
  },
};
